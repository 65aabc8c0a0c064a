"""The fast tier: conversations through the real front and dialogs over in-memory fakes (tests/fast/fakes.py)."""

from __future__ import annotations

import pytest

from bot.i18n import Translator
from core.clock import ManualClock

from .chat import FastChat
from .fakes import CitizenFakes


@pytest.fixture(scope="session")
def translator() -> Translator:
    return Translator.load()


@pytest.fixture
def fakes(clock: ManualClock) -> CitizenFakes:
    return CitizenFakes(clock)


@pytest.fixture
def chat(fakes: CitizenFakes, translator: Translator) -> FastChat:
    return FastChat(fakes, translator)
