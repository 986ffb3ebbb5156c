"""Vault key management for the UI and the CLI (the UI never imports desktop.storage)."""

from __future__ import annotations

from pathlib import Path

from desktop.storage.vault import Vault, check_new_passphrase, vault_exists

__all__ = ["change_passphrase", "check_new_passphrase", "check_vault", "recover_vault",
           "unlock_check", "vault_exists"]


def change_passphrase(folder: Path, old: str, new: str) -> None:
    Vault.change_passphrase(folder, old, new)


def recover_vault(folder: Path, recovery_key: str, new: str) -> None:
    Vault.recover(folder, recovery_key, new)


def unlock_check(folder: Path, passphrase: str) -> None:
    """Open the vault with `passphrase` and lock it again (VaultError when it does not open)."""
    Vault.open(folder, passphrase).lock()


def check_vault(folder: Path, passphrase: str) -> None:
    """Read and check every page of the vault (VaultError vault.database_damaged otherwise)."""
    Vault.check(folder, passphrase)
