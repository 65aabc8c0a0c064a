"""What one visitor, one address and the whole page may take at once (issue 19, item 4): the operator's settings,
sessions begun per address, long polls per session, uploads in flight, and a body read no further than its cap.
Counted in this process's memory: a cap against abuse, not an account."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import ipaddress
import time
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass

from aiohttp import web


@dataclass(frozen=True)
class WebLimits:
    """The operator's limits and how the page is served (core.settings: ``QINGFENG_WEB_*``)."""

    secure_cookie: bool = True  # False only for plain HTTP on a trusted network (the cookie is then sent in clear)
    sessions_per_ip_hour: int = 20
    posts_per_ip_minute: int = 120  # every session of one address together
    trust_proxy: bool = False  # take the visitor's address from X-Forwarded-For (set by the operator's proxy)
    polls_per_session: int = 3  # long polls one browser may hold open (tabs of one session)
    uploads_at_once: int = 4  # uploads read at once in this process (each up to the evidence limit, in memory)


def address_key(address: str) -> str:
    """The unit an address is counted by: an IPv4 address, or an IPv6 address's /64 (one subscriber's network:
    a /64 alone has more addresses than anyone could use up), as a short hash — no address is kept as such."""
    try:
        ip = ipaddress.ip_address(address)
        unit = str(ipaddress.ip_network(f"{ip}/64", strict=False)) if ip.version == 6 else str(ip)
    except ValueError:
        unit = address
    return hashlib.sha256(unit.encode()).hexdigest()[:16]


def gate_key(address: str) -> int:
    """The same unit as the flood gate's integer key."""
    return int(address_key(address), 16) >> 8


class SessionStarts:
    """Sessions begun per address in the last hour."""

    def __init__(self, per_hour: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_hour, self.clock = per_hour, clock
        self._starts: dict[str, deque[float]] = {}

    def admit(self, address: str) -> bool:
        key, now = address_key(address), self.clock()
        starts = self._starts.setdefault(key, deque())
        while starts and now - starts[0] > 3600:
            starts.popleft()
        if len(starts) >= self.per_hour:
            return False
        starts.append(now)
        if len(self._starts) > 10_000:  # forget addresses with nothing in the hour
            self._starts = {a: s for a, s in self._starts.items() if s and now - s[-1] <= 3600}
        return True


class Polls:
    """Long polls open per session."""

    def __init__(self, per_session: int) -> None:
        self.per_session = per_session
        self._open: dict[int, int] = {}

    @contextlib.contextmanager
    def hold(self, chat_id: int) -> Iterator[bool]:
        """Yields whether this one may wait (False: too many open already; answer at once)."""
        if self._open.get(chat_id, 0) >= self.per_session:
            yield False
            return
        self._open[chat_id] = self._open.get(chat_id, 0) + 1
        try:
            yield True
        finally:
            self._open[chat_id] -= 1
            if not self._open[chat_id]:
                del self._open[chat_id]


class Uploads:
    """Uploads read at once: each holds up to the evidence limit in memory until the dialog has it."""

    def __init__(self, at_once: int) -> None:
        self._free = asyncio.Semaphore(at_once)

    @contextlib.asynccontextmanager
    async def slot(self) -> AsyncIterator[bool]:
        """Yields whether a slot was free (False: answer "busy, try again" without reading the body)."""
        if self._free.locked():
            yield False
            return
        async with self._free:
            yield True


class TooLarge(Exception):
    """The body passed its cap (the rest was not read)."""


async def read_capped(request: web.Request, cap: int) -> bytes:
    """The request's body, read no further than ``cap`` bytes whatever Content-Length says or leaves out (chunked)."""
    if request.content_length is not None and request.content_length > cap:
        raise TooLarge
    body = bytearray()
    while chunk := await request.content.readany():
        body += chunk
        if len(body) > cap:
            raise TooLarge
    return bytes(body)
