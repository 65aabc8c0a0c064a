"""A notifier that records what it was asked to deliver and delivers it at once, with no limits: the fake of the
notification port for tests of the jobs and services that send (core.ports.Notifier)."""

from __future__ import annotations

from core.pacing import Pacer
from core.ports import Delivery, DeliveryResult, OutgoingMessage


class RecordingNotifier:
    def __init__(self) -> None:
        self.sent: list[OutgoingMessage] = []
        self.pacer = Pacer()  # no limits

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult:
        self.sent.append(message)
        return DeliveryResult(Delivery.SENT)

    def templates(self) -> set[str]:
        return {m.template for m in self.sent}
