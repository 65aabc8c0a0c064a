"""Updates being handled right now, so a stop can wait for them: the update is already confirmed to Telegram,
and cutting its handler short would lose the user's message or the bot's reply."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

DRAIN_SECONDS = 30.0
# Updates handled at a time; more wait their turn. One SQLite connection serves them all, so more at a time
# gains nothing, while each costs memory as it runs: 500 at once left the process ~80 MB larger for good
# (issue 13: 10 k chats opening a dialog took it from 283 to 423 MB, bounded at 64 to ~300 MB).
CONCURRENT_UPDATES = 64


class InFlight:
    def __init__(self) -> None:
        self.count = 0
        self._idle: asyncio.Event | None = None  # made in the running loop, not at construction

    def _event(self) -> asyncio.Event:
        if self._idle is None:
            self._idle = asyncio.Event()
            self._idle.set()
        return self._idle

    @contextlib.contextmanager
    def update(self) -> Iterator[None]:
        self.count += 1
        self._event().clear()
        try:
            yield
        finally:
            self.count -= 1
            if not self.count:
                self._event().set()

    async def drained(self, timeout: float = DRAIN_SECONDS) -> bool:  # noqa: ASYNC109
        """Wait until no update is being handled (at most ``timeout``); False if some still were."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._event().wait(), timeout)
        return not self.count
