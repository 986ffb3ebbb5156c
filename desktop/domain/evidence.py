"""Consent evidence: a scanned form or a photo, recognised by its first bytes (not its name)."""

from __future__ import annotations

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024

_SIGNATURES: tuple[tuple[bytes, int, str], ...] = (
    (b"%PDF-", 0, "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", 0, "image/png"),
    (b"\xff\xd8\xff", 0, "image/jpeg"),
    (b"II*\x00", 0, "image/tiff"),
    (b"MM\x00*", 0, "image/tiff"),
    (b"GIF87a", 0, "image/gif"),
    (b"GIF89a", 0, "image/gif"),
    (b"WEBP", 8, "image/webp"),  # RIFF....WEBP
)

HEAD_BYTES = 16


def sniff_mime(head: bytes) -> str | None:
    """MIME type of an accepted evidence file from its first bytes; None when not accepted."""
    for magic, offset, mime in _SIGNATURES:
        if head[offset:offset + len(magic)] == magic:
            if mime == "image/webp" and not head.startswith(b"RIFF"):
                continue
            return mime
    return None


def is_image(mime: str) -> bool:
    return mime.startswith("image/")
