"""What the runtimes share to serve, without importing a web server: waiting for the signal that stops ``qingfeng
run`` (SIGINT, SIGTERM) where the library does not, and the two ways webhook mode fails to start, which
``qingfeng run`` says in one line with exit status 2."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import signal
from collections.abc import Awaitable, Callable, Iterator
from contextvars import ContextVar
from typing import TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
START_PAUSES = (1, 2, 5, 10, 30)  # seconds between asks while the Bot API does not answer at start, then 30
_STOP: ContextVar[asyncio.Event | None] = ContextVar("stop_signals", default=None)


@contextlib.contextmanager
def stop_signals() -> Iterator[asyncio.Event]:
    """An event set by SIGINT or SIGTERM while inside: installed before a start that takes a while, so a signal
    that comes meanwhile is a clean stop, not the default kill. Inside another: the same event (the handlers of
    the outer one stay)."""
    if (outer := _STOP.get()) is not None:
        yield outer
        return
    stop, loop = asyncio.Event(), asyncio.get_running_loop()
    signals = (signal.SIGINT, signal.SIGTERM)
    try:
        for sig in signals:
            loop.add_signal_handler(sig, stop.set)
    except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or Windows: Ctrl-C raises instead
        pass
    token = _STOP.set(stop)
    try:
        yield stop
    finally:
        _STOP.reset(token)
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

    def __init__(self, address: str, reason: str, message: str = "run.listen_failed") -> None:
        """``message``: the catalogue key that says it, naming the setting to change (the webhook's or the web
        chat's address)."""
        super().__init__(address, reason)
        self.address, self.reason, self.message = address, reason, message


class StoppedAtStart(Exception):
    """SIGINT or SIGTERM came while the Bot API was waited for at start: a clean stop."""


async def answered(call: Callable[[], Awaitable[T]], api: str, network: tuple[type[BaseException], ...]) -> T:
    """A first call to the Bot API, asked again with growing pauses while it does not answer (a server that boots
    before its network, Telegram out of reach for a while): one line in the log each time, never a traceback.
    Its refusals (a bad token, a URL it will not post to) are the caller's. A signal meanwhile: StoppedAtStart."""
    with stop_signals() as stop:
        for attempt in itertools.count():
            try:
                return await call()
            except network as exc:
                pause = START_PAUSES[min(attempt, len(START_PAUSES) - 1)]
                log.warning("the Bot API at %s does not answer (%s); asking again in %d s", api, type(exc).__name__,
                            pause)  # fmt: skip
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), pause)
                raise StoppedAtStart
    raise AssertionError("unreachable")
