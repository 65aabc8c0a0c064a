"""The chat runtimes, side by side and the same shape: the library's updates → :class:`~bot.front.Incoming`, the
:class:`~bot.front.Response` → the library's calls (through ``bot/client.py`` in the library's dialect), and a
notifier for the outbox. Each package alone imports its library (import-linter contracts); ``qingfeng.runner``
imports only the one in use."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from core.ports import Notifier


class Jobs(Protocol):
    """The periodic jobs a runtime starts once it can send, and stops while it still can."""

    def start(self) -> None: ...

    async def stop(self) -> None: ...


JobsFor = Callable[[Notifier], Jobs]  # the bootstrap's scheduler, given the runtime's notifier
