"""Ports the core calls out through; adapters (the Telegram bots, the console, tests) implement them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from core.pacing import Pacer


@dataclass(frozen=True)
class OutgoingMessage:
    """A rendered-at-the-edge notification: the adapter turns ``template`` + ``params`` into text."""

    chat_id: int
    locale: str
    template: str
    params: dict[str, Any]


class Delivery(StrEnum):
    SENT = "sent"
    RETRY = "retry"  # transient: network, 5xx, 429 (with retry_after)
    UNDELIVERABLE = "undeliverable"  # permanent: the user blocked the bot, chat gone


@dataclass(frozen=True)
class DeliveryResult:
    outcome: Delivery
    retry_after: float | None = None
    error: str = ""


class Notifier(Protocol):
    """Sends notifications. ``deliver`` sends at once: the caller (the outbox) paces its sends with ``pacer``,
    made by the adapter with its messenger's limits (and paused by it when the messenger asks to wait), so a chat
    not ready yet is skipped instead of waited on."""

    @property
    def pacer(self) -> Pacer: ...

    async def deliver(self, message: OutgoingMessage) -> DeliveryResult: ...
