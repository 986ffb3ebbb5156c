"""Where things live: the shipped resources (the source tree, or the PyInstaller bundle,
sys._MEIPASS) and the per-user vault folder. Light: the CLI and the GUI read it before anything
else."""

from __future__ import annotations

import os
import sys
from pathlib import Path


def resources_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resources_root().joinpath(*parts)


def user_data_folder() -> Path:
    """Relais's per-user data folder (on Linux ~/.local/share/relais)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("relais", "relais"))


def default_vault_dir() -> Path:
    """$RELAIS_VAULT, else the per-user data folder's `vault` (the GUI's saved choice comes first
    there: desktop.ui.app.vault_folder)."""
    env = os.environ.get("RELAIS_VAULT")
    if env:
        return Path(env)
    return user_data_folder() / "vault"
