"""The Qt user interface (the only package that imports PySide6)."""

from desktop.ui.memory import forget_module_sources

forget_module_sources()
