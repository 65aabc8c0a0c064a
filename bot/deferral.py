"""An update put off, to be delivered again by Telegram (webhook mode): its chat was held by another instance for
too long (core.services.chat_locks.ChatBusy) before anything was done with it. The web front opens a
:class:`Deferral` around each update it feeds to the runtime; the front marks it, and the web front answers 503
so that Telegram posts the update again later. Polling has no second delivery: there the update fails as any
other would (the user is asked to send it again)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass


@dataclass
class Deferral:
    deferred: bool = False


_CURRENT: ContextVar[Deferral | None] = ContextVar("deferral", default=None)


@contextlib.contextmanager
def deferrable() -> Iterator[Deferral]:
    """Around feeding one update (the runtimes handle it in the calling task, so the mark is seen here)."""
    box = Deferral()
    token = _CURRENT.set(box)
    try:
        yield box
    finally:
        _CURRENT.reset(token)


def defer() -> bool:
    """Mark the update being handled as put off; False when nobody would deliver it again (polling)."""
    box = _CURRENT.get()
    if box is None:
        return False
    box.deferred = True
    return True
