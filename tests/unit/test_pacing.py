"""The pacer the outbox sends by (core.pacing): a chat is asked about, never waited on; the limits hold on arrival."""

from __future__ import annotations

import pytest

from core.pacing import NO_ANSWER, SLACK, Pacer
from tests.fake_time import FakeTime


def pacer(time: FakeTime, **limits: float) -> Pacer:
    return Pacer(clock=time.clock, sleep=time.sleep, **limits)  # type: ignore[arg-type]


def test_sends_are_spread_evenly_and_a_stall_releases_no_burst() -> None:
    time = FakeTime()
    p = pacer(time, per_second=10)
    assert p.take(1) == 0.0
    assert p.take(2) == pytest.approx(0.1 - SLACK)  # the next slot, whatever the chat (a start may be late by SLACK)
    time.advance(0.1 - SLACK)
    assert p.take(2) == 0.0
    assert p.take(3) == pytest.approx(0.1)
    p.answered(1)
    p.answered(2)
    time.advance(5.0)  # nothing sent for a while (or the process stalled): the missed slots are not owed
    assert p.take(3) == 0.0
    assert p.take(4) == pytest.approx(0.1 - SLACK)  # one slot now, then the rate again


def test_a_chat_not_ready_is_told_how_long_and_others_go_on() -> None:
    time = FakeTime()
    p = pacer(time, per_chat_interval=1.0)
    assert p.take(7) == 0.0
    time.advance(0.3)
    p.answered(7)  # the gap counts from Telegram's answer: the message arrived before it
    assert p.ready_in(7) == pytest.approx(1.0)
    assert p.take(7) == pytest.approx(1.0)
    assert p.ready_in(8) == 0.0 and p.take(8) == 0.0  # another chat is not held up
    time.advance(1.0)
    assert p.ready_in(7) == 0.0 and p.take(7) == 0.0


def test_no_more_than_the_limit_reach_the_messenger_in_a_second() -> None:
    """Three a second at most: the fourth send waits until a second after the first was answered, however quickly
    the slots come round (a request held up on its way must not arrive bunched with the next ones)."""
    time = FakeTime()
    p = pacer(time, per_second=1000, limit_per_second=3)
    for chat in (1, 2, 3):
        assert p.take(chat) == 0.0
        time.advance(0.001)
    assert p.take(4) == pytest.approx(1.0)  # the first is not answered: not before a second from now
    time.advance(0.2)
    p.answered(1)
    assert p.take(4) == pytest.approx(1.0)
    time.advance(1.0)
    assert p.take(4) == 0.0
    time.advance(NO_ANSWER + 1.0)  # sends never answered count as arrived after NO_ANSWER: none blocks for good
    assert p.take(5) == 0.0


def test_a_pause_stops_every_chat() -> None:
    time = FakeTime()
    p = pacer(time, per_second=10, per_chat_interval=1.0)
    p.pause(5)
    assert p.paused_for() == 5 and p.ready_in(1) == 5 and p.take(2) == 5
    time.advance(5)
    assert p.paused_for() == 0 and p.take(2) == 0.0


def test_without_limits_nothing_waits() -> None:
    p = Pacer()
    assert [p.take(1) for _ in range(100)] == [0.0] * 100
    assert p.ready_in(1) == 0.0
