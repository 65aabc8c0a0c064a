"""Prometheus metrics of webhook mode (issue 18 item 3), served at ``GET /metrics`` on the listen address.

Per process: updates handled by kind (message, callback_query, …) and outcome, and how long handling took; 429s
received from Telegram (:attr:`bot.client.FloodWait.received`). Of the whole office, read from the database at
each scrape through the bootstrap's ``read`` (the same on every instance): the outbox's backlog and the age of
its oldest row, reminders sent, deadlines overdue; and whether this process runs the scheduler's jobs. Labels are
update kinds and outcomes only — never a chat, a person or a case.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from bot.client import FloodWait

PREFIX = "qingfeng"
#: What ``read`` returns, with each figure's type and help (counters end in _total).
OFFICE = {
    "outbox_backlog": ("gauge", "Notifications waiting to be sent"),
    "outbox_oldest_seconds": ("gauge", "How long the oldest waiting notification has waited"),
    "reminders_sent_total": ("counter", "Deadline reminders sent"),
    "deadlines_overdue": ("gauge", "Open deadlines due before today"),
    "scheduler_leader": ("gauge", "1 when this process runs the periodic jobs"),
}
KINDS = ("message", "edited_message", "callback_query", "my_chat_member")  # others are counted as "other"
Read = Callable[[], Awaitable[Mapping[str, float]]]


class _Snapshot(Collector):
    """The figures read at the last scrape, and the 429s counted so far."""

    def __init__(self) -> None:
        self.values: Mapping[str, float] = {}

    def collect(self) -> Iterator[Metric]:
        flood = CounterMetricFamily(f"{PREFIX}_telegram_flood_waits", "429 answers received from the Bot API")
        flood.add_metric([], FloodWait.received)
        yield flood
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
        self._snapshot = _Snapshot()
        self.registry.register(self._snapshot)
        self._read = read

    @staticmethod
    def kind(update: Mapping[str, Any]) -> str:
        return next((k for k in KINDS if k in update), "other")

    def handled(self, kind: str, seconds: float, ok: bool) -> None:
        self.updates.labels(kind, "handled" if ok else "failed").inc()
        self.seconds.labels(kind).observe(seconds)

    async def exposition(self) -> bytes:
        if self._read is not None:
            self._snapshot.values = {k: v for k, v in (await self._read()).items() if k in OFFICE}
        return generate_latest(self.registry)
