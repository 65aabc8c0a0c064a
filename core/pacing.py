"""Pacing sends within a messenger's limits: a rate overall, a gap per chat, and a pause after "retry after N".

The outbox asks, never waits on a chat: :meth:`Pacer.ready_in` says how long a chat still has to wait, so a chat
that is not ready is skipped and the others go on; :meth:`Pacer.take` takes a send slot *now* or says how long
until the next one; :meth:`Pacer.answered` is told when the messenger answered.

The messenger counts messages when they reach it, and a request can be held up on its way (a stalled process, the
network) and then arrive bunched with the next ones. So the limits are kept counting from answers, which come
after arrival: a chat's next send starts ``per_chat_interval`` after the answer to its last one, and a send starts
only a second after the answer to the send ``limit_per_second`` places before it. Sends are spread evenly at
``per_second`` besides, counted from when they really start, so a stall never releases a burst of slots that fell
due meanwhile. The adapter of a messenger makes a pacer with its limits (bot/ratelimit.py for Telegram); ``Pacer()``
has none (a terminal, tests). Clock and sleep are injected so tests can move time.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

SLACK = 0.01  # seconds a late start may catch up on, so sleeping a little long does not lower the rate
NO_ANSWER = 1.0  # seconds after which a send still unanswered is taken to have arrived (a hung request blocks no one)
_FORGET_AFTER = 10_000  # chats remembered before the ones whose gap is over are forgotten


@dataclass
class _Sent:
    chat_id: int
    started: float
    answered: float | None = None


class Pacer:
    """Sends spread evenly at ``per_second`` (None: no limit), never more than ``limit_per_second`` (by default
    ``per_second``) reaching the messenger in any second; ``per_chat_interval`` seconds between two in one chat;
    none at all while paused."""

    def __init__(self, per_second: float | None = None, per_chat_interval: float = 0.0,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
                 limit_per_second: int | None = None) -> None:  # fmt: skip
        self.interval = 1.0 / per_second if per_second else 0.0
        self.per_chat_interval = per_chat_interval
        self.clock, self._sleep = clock, sleep
        self._next_global = 0.0
        self._next_chat: dict[int, float] = {}
        self._paused_until = 0.0
        window = limit_per_second or (max(1, int(per_second)) if per_second else 1)
        self._recent: deque[_Sent] = deque(maxlen=window)  # the last sends, as many as may arrive in a second

    def ready_in(self, chat_id: int) -> float:
        """Seconds until this chat may have a slot (its gap since its last send, or a pause); 0.0: now. The
        overall rate is not counted: that is the order slots are taken in, not a reason to skip a chat."""
        at = max(self._next_chat.get(chat_id, 0.0), self._paused_until)
        return max(0.0, at - self.clock())

    def take(self, chat_id: int) -> float:
        """Take a slot for a send to this chat starting now and return 0.0; or take nothing and return how many
        seconds until one could be taken (the caller sleeps that long and asks again)."""
        now = self.clock()
        at = max(self._next_global, self._next_chat.get(chat_id, 0.0), self._paused_until, self._window_opens(now))
        if at > now:
            return at - now
        self._next_global = max(self._next_global, now - SLACK) + self.interval
        self._next_chat[chat_id] = now + self.per_chat_interval
        if len(self._next_chat) > _FORGET_AFTER:
            self._next_chat = {c: t for c, t in self._next_chat.items() if t > now}
        if self.interval:
            self._recent.append(_Sent(chat_id, now))
        return 0.0

    def answered(self, chat_id: int) -> None:
        """The messenger answered the last send to this chat (whatever it said): the gaps count from now."""
        now = self.clock()
        self._next_chat[chat_id] = max(self._next_chat.get(chat_id, 0.0), now + self.per_chat_interval)
        for sent in reversed(self._recent):
            if sent.chat_id == chat_id and sent.answered is None:
                sent.answered = now
                break

    def _window_opens(self, now: float) -> float:
        """When the send ``limit_per_second`` places back has surely arrived a second ago (not before a second
        from now while it is unanswered, unless it is older than ``NO_ANSWER``)."""
        if not self.interval or len(self._recent) < (self._recent.maxlen or 1):
            return 0.0
        first = self._recent[0]
        return (first.answered if first.answered is not None else min(first.started + NO_ANSWER, now)) + 1.0

    def pause(self, seconds: float) -> None:
        """Nothing is sent for ``seconds`` (the messenger said "retry after"; its flood control is bot-wide)."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    def paused_for(self) -> float:
        return max(0.0, self._paused_until - self.clock())

    async def sleep(self, seconds: float) -> None:
        """Wait on this pacer's clock (the injected sleep: tests move a fake clock instead of waiting)."""
        await self._sleep(seconds)
