"""Prometheus metrics of webhook mode (issue 18 item 3), served at ``GET /metrics`` on the listen address.

Per process: updates handled by kind (message, callback_query, …) and outcome ("failed": not handled at all,
Telegram delivers it again), how long handling took, updates posted again and not handled twice, updates whose
handling raised and whose user was told (:class:`bot.client.HandlingFailures`), 429s received from Telegram
(:attr:`bot.client.FloodWait.received`). Of the whole office, read from the database at
each scrape through the bootstrap's ``read`` (the same on every instance): the outbox's backlog and the age of
its oldest row, reminders sent, deadlines overdue; and whether this process runs the scheduler's jobs. Labels are
update kinds and outcomes only — never a chat, a person or a case.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.client import FloodWait, HandlingFailures

PREFIX = "qingfeng"
#: What ``read`` returns, with each figure's type and help (counters end in _total).
OFFICE = {
    "outbox_backlog": ("gauge", "Notifications waiting to be sent"),
    "outbox_oldest_seconds": ("gauge", "How long the oldest waiting notification has waited"),
    "reminders_sent_total": ("counter", "Deadline reminders sent"),
    "deadlines_overdue": ("gauge", "Open deadlines due before today"),
    "scheduler_leader": ("gauge", "1 when this process runs the periodic jobs"),
}
READ_SECONDS = 5.0
KINDS = ("message", "edited_message", "callback_query", "my_chat_member")  # others are counted as "other"
Read = Callable[[], Awaitable[Mapping[str, float]]]


class _Snapshot(Collector):
    """The figures read at the last scrape, and the 429s counted so far."""

    def __init__(self) -> None:
        self.values: Mapping[str, float] = {}
        self.read_ok = False

    def collect(self) -> Iterator[Metric]:
        flood = CounterMetricFamily(f"{PREFIX}_telegram_flood_waits", "429 answers received from the Bot API")
        flood.add_metric([], FloodWait.received)
        yield flood
        failed = CounterMetricFamily(f"{PREFIX}_update_failures",
                                     "Updates whose handling raised; the user was told, answers saved")  # fmt: skip
        failed.add_metric([], HandlingFailures.count)
        yield failed
        ok = GaugeMetricFamily(f"{PREFIX}_office_read_ok", "1 when the office figures below were read at this scrape")
        ok.add_metric([], 1.0 if self.read_ok else 0.0)
        yield ok
        for name, value in self.values.items():
            kind, help_text = OFFICE[name]
            if kind == "counter":
                family: Metric = CounterMetricFamily(f"{PREFIX}_{name.removesuffix('_total')}", help_text)
            else:
                family = GaugeMetricFamily(f"{PREFIX}_{name}", help_text)
            family.add_metric([], value)  # type: ignore[attr-defined]
            yield family


class Metrics:
    """One registry per web front (not the library's global one: two fronts in one test process stay apart)."""

    def __init__(self, read: Read | None = None) -> None:
        self.registry = CollectorRegistry(auto_describe=True)
        self.updates = Counter(f"{PREFIX}_updates", "Updates received by webhook, by kind and outcome",
                               ("kind", "outcome"), registry=self.registry)  # fmt: skip
        self.seconds = Histogram(f"{PREFIX}_update_handling_seconds", "Time to handle an update, by kind", ("kind",),
                                 buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
                                 registry=self.registry)  # fmt: skip
        self.repeats = Counter(f"{PREFIX}_updates_repeated",
                               "Updates posted again (Telegram's retry of a late answer), not handled twice",
                               registry=self.registry)  # fmt: skip
        self._snapshot = _Snapshot()
        self.registry.register(self._snapshot)
        self._read = read

    @staticmethod
    def kind(update: Mapping[str, Any]) -> str:
        return next((k for k in KINDS if k in update), "other")

    def handled(self, kind: str, seconds: float, ok: bool) -> None:
        self.updates.labels(kind, "handled" if ok else "failed").inc()
        self.seconds.labels(kind).observe(seconds)

    def repeated(self) -> None:
        self.repeats.inc()

    async def exposition(self) -> bytes:
        """The office's figures read now (within 5 s); if the database does not answer, the last ones read, with
        ``qingfeng_office_read_ok`` 0 — the process's own counters are never lost to an outage."""
        if self._read is not None:
            try:
                values = await asyncio.wait_for(self._read(), timeout=READ_SECONDS)
            except Exception:
                self._snapshot.read_ok = False
            else:
                self._snapshot.values = {k: v for k, v in values.items() if k in OFFICE}
                self._snapshot.read_ok = True
        return generate_latest(self.registry)
