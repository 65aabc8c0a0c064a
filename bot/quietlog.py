"""A log line at most once per interval for events anyone can cause at will (forged buttons, stale taps), so
repeating them cannot fill the log; the line says how many there were since the last one."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

INTERVAL = 300.0  # seconds


class QuietLog:
    def __init__(self, logger: logging.Logger, level: int = logging.WARNING, interval: float = INTERVAL,
                 clock: Callable[[], float] = time.monotonic) -> None:  # fmt: skip
        self.logger, self.level, self.interval, self._clock = logger, level, interval, clock
        self._last: float | None = None
        self._count = 0

    def note(self, what: str) -> None:
        """Count one event; log ``what`` with the count when the last line is older than the interval."""
        self._count += 1
        now = self._clock()
        if self._last is not None and now - self._last < self.interval:
            return
        self._last = now
        self.logger.log(self.level, "%s (%d since the last such line)", what, self._count)
        self._count = 0
