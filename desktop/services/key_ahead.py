"""The vault key derived ahead (issue 16): a command that will open the vault with the passphrase
starts the KDF on a thread before it imports the storage layer, and settles it before the
process ends. Light: imports only the envelope (cryptography), not SQLAlchemy nor the models."""

from __future__ import annotations

from desktop.storage.envelope import derive_ahead, settle_ahead

__all__ = ["derive_ahead", "settle_ahead"]
