"""Relais sync server (docs/ARCHITECTURE.md §8): FastAPI app, admin CLI. See docs/SYNC.md."""
