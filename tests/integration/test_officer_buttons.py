"""Button data at the officer's desk (bot/callbacks.py): every button of the inbox (two pages, urgent messages
first), of each officer's case cards in several states, of the choices an action offers and of the urgent card
parses back to the value that built it, within 64 bytes; and every notification's buttons read back as sent."""

from __future__ import annotations

import pytest

from bot.callbacks import KINDS, MAX_BYTES, OfficerTap, StepChoice, Tap, UrgentCard, parse
from bot.dialogs.engine import Button, Reply
from bot.front import callback_data, notification_keyboard
from bot.i18n import Translator
from core.errors import ApprovalRequested, DomainError
from core.model import Action, DisposalMethod
from qingfeng.app import App, bot_deps
from tests.factories import accepted_named_case, named_report, photo, seed_office

CHAT = 1004  # the supervisor's chat


def _buttons(replies: list[Reply]) -> list[tuple[str, Button]]:
    return [(r.step, b) for r in replies for row in r.buttons for b in row]


async def test_every_button_at_the_officers_desk_parses_back_to_its_value(app: App) -> None:
    office = await seed_office(app)
    deps = bot_deps(app, Translator.load())
    desk = deps.desk
    steps = {s for e in (deps.runner.engine, desk.engine) for f in e.flows.values() for s in f.steps}
    received = [(await app.filing.file_report(named_report(evidence=(photo(),)))).number for _ in range(9)]
    accepted = await accepted_named_case(app, office)
    disposing = await accepted_named_case(app, office)
    await app.cases.assign(disposing, office.intake, office.handler.officer_id or 0)
    await app.cases.dispose(disposing, office.handler, DisposalMethod.PRELIMINARY_CHECK, approved_by=office.supervisor)
    note = await app.urgent.raise_alert("有人要跳楼", 555002)
    await app.cases.register(received[-1], office.intake)
    with pytest.raises(ApprovalRequested):  # waits in the leader's inbox with approve / decline (issue 15)
        await app.cases.refer(received[-1], office.intake, None, "无实质内容")
    await app.desk.repeats.link(office.intake, received[0], received[1])  # its card offers "unlink" (issue 17)

    replies: list[Reply] = []
    officers = (office.intake, office.handler, office.supervisor)
    for actor in officers:
        replies += await desk.inbox(actor) + await desk.inbox(actor, 1)  # nine or more cases: two pages
        for number in (*received[:1], accepted, disposing):
            for identity in (False, True):
                try:
                    replies += await desk.card(actor, number, with_identity=identity)
                except DomainError:  # not this officer's case: no card, no buttons
                    continue
    for actor, number, action in ((office.supervisor, accepted, Action.DISPOSE),
                                  (office.intake, accepted, Action.ASSIGN)):  # fmt: skip
        replies += await desk._act(CHAT, actor, number, action)
    replies += (await desk.button(CHAT, office.supervisor, UrgentCard(note))).replies
    replies += (await desk.stats(office.supervisor, None)).replies  # the period buttons (issue 17)

    kinds = set()
    for step, button in _buttons(replies):
        data = callback_data(step, button.value)
        assert len(data.encode("utf-8")) <= MAX_BYTES, data
        expected = button.value if isinstance(button.value, Tap) else StepChoice(step, button.value)
        assert parse(data, steps) == expected
        kinds.add(type(expected))
    officer_kinds = {k for k in KINDS if issubclass(k, OfficerTap)}
    assert officer_kinds <= kinds, officer_kinds - kinds  # the walk reached every kind of officer button


def test_every_notifications_buttons_read_back_as_sent() -> None:
    tr = Translator.load()
    params: dict[str, object] = {"number": "XF-2026-999999999", "qid": 10**12 - 1, "note": 10**12 - 1,
                                 "request": 10**12 - 1, "period": "2026Q4"}  # fmt: skip
    templates = sorted(k for k in tr.catalogues[tr.default] if k.startswith("notify."))
    seen = 0
    for template in templates:
        for row in notification_keyboard(tr, tr.default, template, params):
            for _, data in row:
                assert len(data.encode("utf-8")) <= MAX_BYTES
                assert parse(data, ()).pack() == data
                seen += 1
    assert seen >= 13  # a question, a refusal for lack of facts, an urgent answer, urgent pushes, the feedback,
    # a request for a leader's approval, the leaders' monthly and quarterly reports (issue 17)
