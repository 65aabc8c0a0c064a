"""The flood gate's memory: chats gone quiet are forgotten, active ones never, whatever the number of chats, and
the table stays bounded (issue 13: it used to be rebuilt on every update past 10 k chats). Clock injected."""

from __future__ import annotations

from bot.floodgate import BURST, FORGET_AFTER, Floodgate, Verdict


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def drained(gate: Floodgate, chat: int) -> list[Verdict]:
    """A chat sends its whole burst and two more: the last two are the warning and a dropped update."""
    return [gate.admit(chat) for _ in range(int(gate.burst) + 2)]


def test_a_burst_passes_then_one_warning_then_silence_until_refilled() -> None:
    clock = Clock()
    gate = Floodgate(clock=clock)
    assert drained(gate, 1) == [Verdict.PASS] * BURST + [Verdict.WARN, Verdict.DROP]
    clock.now += 2.0  # one token back at 0.5 a second
    assert [gate.admit(1), gate.admit(1), gate.admit(1)] == [Verdict.PASS, Verdict.WARN, Verdict.DROP]


def test_a_chat_quiet_past_forget_after_is_forgotten_and_a_recent_one_is_not() -> None:
    clock = Clock()
    gate = Floodgate(clock=clock)
    gate.admit(1)
    clock.now += FORGET_AFTER - 1
    gate.admit(2)
    assert 1 in gate and 2 in gate
    clock.now += 1
    gate.admit(3)  # any update forgets whoever has been quiet long enough
    assert 1 not in gate and 2 in gate and 3 in gate and len(gate) == 2


def test_an_active_flooder_stays_held_however_many_chats_come_and_go() -> None:
    """Past the old 10 k threshold and well beyond: the flooder's state is neither lost nor forgiven."""
    clock = Clock()
    gate = Floodgate(clock=clock)
    assert drained(gate, 7)[-2:] == [Verdict.WARN, Verdict.DROP]
    for chat in range(100_000, 150_000):  # 50 k other chats within one FORGET_AFTER
        clock.now += 0.001
        assert gate.admit(chat) is Verdict.PASS
        if chat % 1000 == 0:  # the flooder goes on, 3 a second: one in two seconds passes, not a new burst
            assert [gate.admit(7) for _ in range(3)].count(Verdict.PASS) <= 1
    assert len(gate) == 50_001  # none quiet long enough to be forgotten


def test_the_table_holds_only_the_chats_heard_from_within_forget_after() -> None:
    clock = Clock()
    gate = Floodgate(clock=clock)
    largest = 0
    for chat in range(int(3 * FORGET_AFTER)):  # a new chat every second for half an hour
        clock.now += 1.0
        gate.admit(chat)
        largest = max(largest, len(gate))
    assert largest == FORGET_AFTER
    assert min(c for c in range(int(3 * FORGET_AFTER)) if c in gate) == 3 * FORGET_AFTER - FORGET_AFTER


def test_past_max_chats_the_longest_quiet_go_first_and_the_flooder_stays() -> None:
    clock = Clock()
    gate = Floodgate(clock=clock, max_chats=100)
    drained(gate, 7)
    for chat in range(1000, 1150):
        clock.now += 0.01
        gate.admit(chat)
        if chat % 20 == 0:
            assert gate.admit(7) is Verdict.DROP  # keeps flooding, so never the longest quiet
    assert len(gate) == 100
    assert 7 in gate and all(c in gate for c in range(1051, 1150)) and 1050 not in gate


def test_a_slow_refill_is_not_forgiven_by_forgetting() -> None:
    """At 1 a minute a bucket of 20 takes 20 minutes to refill: a chat quiet for 11 is remembered, or it would
    get a whole new burst."""
    clock = Clock()
    gate = Floodgate(burst=20, refill_per_second=1 / 60, clock=clock)
    drained(gate, 7)
    clock.now += 11 * 60
    gate.admit(8)
    assert 7 in gate
    assert [gate.admit(7) for _ in range(12)] == [Verdict.PASS] * 11 + [Verdict.WARN]
    clock.now += 21 * 60  # refilled now: forgetting it changes nothing
    gate.admit(8)
    assert 7 not in gate
