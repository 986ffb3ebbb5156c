"""Secrets: Argon2id password hashes, opaque device tokens stored hashed, self-signed TLS."""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import secrets
import socket
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidKey
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.x509.oid import NameOID

PRODUCTION_ARGON2 = (3, 4, 64 * 1024)  # (iterations, lanes, memory KiB): RFC 9106, 2nd option
TEST_ARGON2 = (1, 1, 1024)
_insecure_test_hashes = False


def use_insecure_test_hashes(enabled: bool = True) -> None:
    """The test suite and benchmarks only (called in-process; deliberately no environment
    switch, so no deployment can weaken its password hashes)."""
    global _insecure_test_hashes
    _insecure_test_hashes = enabled


def _argon2_params() -> tuple[int, int, int]:
    """(iterations, lanes, memory KiB)."""
    return TEST_ARGON2 if _insecure_test_hashes else PRODUCTION_ARGON2


def hash_password(password: str) -> str:
    """PHC string ($argon2id$v=19$m=…,t=…,p=…$salt$hash): parameters travel with the hash."""
    iterations, lanes, memory = _argon2_params()
    kdf = Argon2id(salt=os.urandom(16), length=32, iterations=iterations, lanes=lanes,
                   memory_cost=memory)
    return kdf.derive_phc_encoded(password.encode("utf-8"))


_DUMMY_HASH: str | None = None


def verify_password(password: str, phc: str | None) -> bool:
    """Constant work whether or not the user exists (no user-name oracle by timing)."""
    global _DUMMY_HASH
    if phc is None:
        if _DUMMY_HASH is None:
            _DUMMY_HASH = hash_password("relais-dummy")
        phc = _DUMMY_HASH
        password = password + "\x00not-a-user"
    try:
        Argon2id.verify_phc_encoded(password.encode("utf-8"), phc)
    except (InvalidKey, ValueError):
        return False
    return phc is not _DUMMY_HASH


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """256 random bits need no slow hash: SHA-256 makes a stolen database useless for login."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


# ---- TLS ----------------------------------------------------------------------------------
def create_self_signed_cert(cert_file: Path, key_file: Path, hostnames: list[str] | None = None,
                            days: int = 3650) -> str:
    """Write a P-256 key and a self-signed certificate; return its SHA-256 fingerprint."""
    names = ["localhost", socket.gethostname(), *(hostnames or [])]
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, names[0]),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Relais")])
    alt: list[x509.GeneralName] = [x509.DNSName(n) for n in dict.fromkeys(names)]
    alt += [x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
            x509.IPAddress(ipaddress.ip_address("::1"))]
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject).issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=days))
        .add_extension(x509.SubjectAlternativeName(alt), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file.parent.mkdir(parents=True, exist_ok=True)
    key_bytes = key.private_bytes(serialization.Encoding.PEM,
                                  serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption())
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key_bytes)
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return cert_fingerprint(cert_file)


def cert_fingerprint(cert_file: Path) -> str:
    """SHA-256 of the DER certificate, lower-case hex (what a device pins)."""
    cert = x509.load_pem_x509_certificate(cert_file.read_bytes())
    return hashlib.sha256(cert.public_bytes(serialization.Encoding.DER)).hexdigest()


def format_fingerprint(fp: str) -> str:
    """For people: AB:CD:… (upper-case pairs)."""
    return ":".join(fp[i:i + 2] for i in range(0, len(fp), 2)).upper()
