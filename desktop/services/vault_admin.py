"""Vault key management for the UI and the CLI (the UI never imports desktop.storage)."""

from __future__ import annotations

from pathlib import Path

from desktop.storage.vault import Vault, check_new_passphrase, vault_exists

__all__ = ["change_passphrase", "check_new_passphrase", "recover_vault", "vault_exists"]


def change_passphrase(folder: Path, old: str, new: str) -> None:
    Vault.change_passphrase(folder, old, new)


def recover_vault(folder: Path, recovery_key: str, new: str) -> None:
    Vault.recover(folder, recovery_key, new)
