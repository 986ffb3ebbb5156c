"""Login limits: back off per (user name, client address), and which address a request comes from.

Failed logins are counted per user name *and* address: someone guessing a colleague's password
from one address slows down that pair only, so the colleague still logs in from their own
laptop, and one office behind a single address is not locked out by one person's typos. The
first `login_rate_limit` failures are free; then each further attempt waits
`login_backoff_seconds`, doubling after each failure up to `login_backoff_max_seconds`
(default 1 s → 15 min). The state lives in the database (every worker and host shares it) and is
bounded: failures older than `login_forget_seconds` are forgotten, and at most
`login_state_max_entries` rows are kept, the oldest going first.

The client address is the TCP peer, unless the peer is one of `trusted_proxies`: then the
right-most address of X-Forwarded-For that is not itself a trusted proxy.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import math
from collections.abc import Callable, Iterable

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from server.auth import ApiError, utcnow
from server.config import ServerSettings
from server.models import LoginFailure

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


# ---- client address -------------------------------------------------------------------------
def parse_networks(values: Iterable[str]) -> list[Network]:
    """Addresses or networks from server.json; a bad entry is an error (refuse to start)."""
    return [ipaddress.ip_network(v.strip(), strict=False) for v in values]


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _trusted(text: str, networks: list[Network]) -> bool:
    ip = _ip(text)
    return ip is not None and any(ip in n for n in networks)


def client_address(peer: str | None, forwarded_for: str | None,
                   trusted: list[Network]) -> str | None:
    """The address a request comes from: X-Forwarded-For counts only from a trusted proxy."""
    if peer is None or not forwarded_for or not _trusted(peer, trusted):
        return peer
    address = peer
    for hop in reversed([h.strip() for h in forwarded_for.split(",")]):
        ip = _ip(hop)
        if ip is None:
            break  # garbage: keep the last hop we could trust
        address = str(ip)
        if not any(ip in n for n in trusted):
            break
    return address


# ---- backoff ----------------------------------------------------------------------------------
def _key(username: str, client: str | None) -> str:
    return f"{username.strip().lower()[:150]}|{(client or '-')[:120]}"


class LoginLimiter:
    def __init__(self, settings: ServerSettings,
                 clock: Callable[[], dt.datetime] = utcnow) -> None:
        self.settings = settings
        self.clock = clock

    def delay(self, failures: int) -> float:
        """Seconds to wait after `failures` failures (0 while they are free)."""
        s = self.settings
        extra = failures - s.login_rate_limit
        if extra < 0:
            return 0.0
        return float(min(s.login_backoff_seconds * 2 ** min(extra, 64),
                         s.login_backoff_max_seconds))

    def check(self, session: Session, username: str, client: str | None) -> None:
        """429 with Retry-After while this user name from this address must wait; the password
        is not even checked."""
        now = self.clock()
        since = now - dt.timedelta(seconds=self.settings.login_forget_seconds)
        count, last = session.execute(
            select(func.count(), func.max(LoginFailure.at))
            .where(LoginFailure.key == _key(username, client), LoginFailure.at >= since)).one()
        if not count or last is None:
            return
        until = last + dt.timedelta(seconds=self.delay(int(count)))
        if now < until:
            wait = max(1, math.ceil((until - now).total_seconds()))
            raise ApiError(429, "sync.rate_limited", {"Retry-After": str(wait)})

    def failed(self, session: Session, username: str, client: str | None) -> None:
        now = self.clock()
        session.add(LoginFailure(key=_key(username, client), at=now))
        session.flush()
        since = now - dt.timedelta(seconds=self.settings.login_forget_seconds)
        session.execute(delete(LoginFailure).where(LoginFailure.at < since))
        # bounded whatever the flood: keep the newest rows only
        cutoff = session.scalar(select(LoginFailure.id).order_by(LoginFailure.id.desc())
                                .offset(max(1, self.settings.login_state_max_entries)).limit(1))
        if cutoff is not None:
            session.execute(delete(LoginFailure).where(LoginFailure.id <= cutoff))

    def succeeded(self, session: Session, username: str, client: str | None) -> None:
        session.execute(delete(LoginFailure).where(LoginFailure.key == _key(username, client)))
