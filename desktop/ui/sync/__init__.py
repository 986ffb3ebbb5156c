"""Sync in the UI: background worker, status-bar widget, Conflicts and Needs attention pages."""
