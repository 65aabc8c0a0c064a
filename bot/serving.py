"""What the runtimes share to serve, without importing a web server: waiting for the signal that stops ``qingfeng
run`` (SIGINT, SIGTERM) where the library does not, and the two ways webhook mode fails to start, which
``qingfeng run`` says in one line with exit status 2."""

from __future__ import annotations

import asyncio
import contextlib
import signal
from collections.abc import Iterator


@contextlib.contextmanager
def stop_signals() -> Iterator[asyncio.Event]:
    """An event set by SIGINT or SIGTERM while inside: installed before a start that takes a while, so a signal
    that comes meanwhile is a clean stop, not the default kill."""
    stop, loop = asyncio.Event(), asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    try:
        for sig in signals:
            loop.add_signal_handler(sig, stop.set)
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or Windows: Ctrl-C raises instead
        pass
    try:
        yield stop
    finally:
        for sig in signals:
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(sig)


async def until_signalled() -> None:
    """Until SIGINT or SIGTERM, or until cancelled."""
    with stop_signals() as stop:
        await stop.wait()


class WebhookRefused(Exception):
    """setWebhook was refused (a URL Telegram will not post to); the message is the Bot API's."""


class ListenFailed(Exception):
    """The listen address cannot be bound (the port is taken, or the address is not this machine's)."""

    def __init__(self, address: str, reason: str) -> None:
        super().__init__(address, reason)
        self.address, self.reason = address, reason
