"""Time for pacers that moves only when a test moves it (core.pacing takes a clock and a sleep)."""

from __future__ import annotations

import asyncio


class FakeTime:
    """``clock`` and ``sleep`` for a :class:`core.pacing.Pacer`: sleepers wake when :meth:`advance` reaches their
    time, so what a test asserts depends on the order of events, never on how fast the machine is."""

    def __init__(self) -> None:
        self.now = 1000.0
        self._moved = asyncio.Event()
        self.sleepers = 0  # tasks asleep on this clock now: advance once they are, or a sleep starts after it
        self._wakes: list[float] = []  # when each of them wakes

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        until = self.now + seconds
        self.sleepers += 1
        self._wakes.append(until)
        try:
            while self.now < until:
                moved = self._moved
                await moved.wait()
        finally:
            self.sleepers -= 1
            self._wakes.remove(until)

    def advance(self, seconds: float) -> None:
        self.now += seconds
        self._moved.set()
        self._moved = asyncio.Event()

    def wake_next(self) -> None:
        """Move the clock to the soonest sleeper's time (nothing asleep: no move)."""
        if self._wakes:
            self.advance(max(0.0, min(self._wakes) - self.now))
