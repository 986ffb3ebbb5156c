"""Relais sync server (ARCHITECTURE 8): FastAPI app, admin CLI. See docs/SYNC.md."""
