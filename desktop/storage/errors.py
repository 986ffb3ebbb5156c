from __future__ import annotations

from desktop.domain.errors import DomainError


class VaultError(DomainError):
    """Vault problems (wrong passphrase, damaged files, unwritable folder, disk full)."""
