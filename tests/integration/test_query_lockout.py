"""Guessing query codes or passwords is hopeless: failures per chat and per code lock queries out, growing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.clock import ManualClock
from core.services.queries import LockedOut
from qingfeng.app import App
from tests.factories import anonymous_report, seed_office

PASSWORD = "correct horse"


async def test_five_wrong_passwords_lock_the_code_even_for_the_right_one(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    code = (await app.filing.file_report(anonymous_report())).query_code or ""
    for chat in range(5):  # five different chats: the code itself is what is protected
        assert await app.queries.status_by_code(code, "guess", chat_id=9000 + chat) is None
    with pytest.raises(LockedOut) as locked:
        await app.queries.status_by_code(code, PASSWORD, chat_id=1)
    assert locked.value.minutes == 1
    clock.advance(timedelta(minutes=1, seconds=1))
    assert (await app.queries.status_by_code(code, PASSWORD, chat_id=1)) is not None  # and success resets it
    assert (await app.queries.status_by_code(code, PASSWORD, chat_id=1)) is not None


async def test_one_chat_trying_many_codes_is_locked_out_growing(app: App, clock: ManualClock) -> None:
    await seed_office(app)
    code = (await app.filing.file_report(anonymous_report())).query_code or ""
    for i in range(5):
        assert await app.queries.status_by_code(f"AAAAA-BBBBB-CCCCC-DDDD{i}", PASSWORD, chat_id=77) is None
    with pytest.raises(LockedOut):
        await app.queries.status_by_code(code, PASSWORD, chat_id=77)  # the right code too, from that chat
    assert await app.queries.status_by_code(code, PASSWORD, chat_id=78) is not None  # other chats are not
    clock.advance(timedelta(minutes=2))
    assert await app.queries.status_by_code("AAAAA-BBBBB-CCCCC-DDDD9", PASSWORD, chat_id=77) is None
    with pytest.raises(LockedOut) as again:
        await app.queries.status_by_code(code, PASSWORD, chat_id=77)
    assert again.value.minutes == 2  # the sixth failure doubles the wait
