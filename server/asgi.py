"""ASGI entry for multi-process serving: `uvicorn --factory server.asgi:app` with the data
directory in RELAIS_SERVER_DATA (what `relais-server serve --workers N` does)."""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI

from server.app import create_app, tune_gc
from server.config import ServerSettings

DATA_ENV = "RELAIS_SERVER_DATA"


def app() -> FastAPI:
    built = create_app(ServerSettings.load(Path(os.environ[DATA_ENV])))
    tune_gc()
    return built
