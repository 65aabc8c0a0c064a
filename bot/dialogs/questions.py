"""Questions answered from the knowledge base (core.knowledge; issue 16): what the chat says to a question typed
outside a dialog, in the middle of one, after /ask, and what /faq lists by subject.

The answer is given in the language the question was asked in (an English question in a Chinese chat gets the
English answer); the frame around it is the chat's. When no entry is clearly best, up to three candidate
questions are offered as buttons ("您是想问…"); when nothing is close, a short apology with the menu and the way
to file. A text that describes misconduct *and* asks gets both: the answer, then the scope verdict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot import callbacks as cb
from bot.dialogs.engine import Button, Buttons, Label, Reply
from core.knowledge.base import Entry
from core.knowledge.intent import Asks, asks
from core.knowledge.search import Found, KnowledgeSearch
from core.knowledge.topics import Topic
from core.scope import ScopeDecision, Verdict

#: The first FAQ's six topics (buttons already in chats, the classifier's ``faq`` values) → the entry answering.
LEGACY = {"what_scope": "scope_what", "anonymous": "anonymous_feedback", "how_long": "time_acceptance",
          "safety": "protection_retaliation", "how_to": "filing_how", "phone": "channels_12388"}  # fmt: skip
#: The rule documents an answer rests on, by the prefix of its rules.md ids: named to the citizen as the basis.
#: Sections of rules.md itself (§…) and deadline ids (D…) are ours, not law, and are not cited.
DOCUMENTS = (("XFL", "XFL"), ("刑法", "XFL"), ("XF", "XF"), ("JC", "JC"), ("JD", "JD"), ("R", "R"), ("12388", "12388"))
RELATED = 3  # related questions under an answer
SHORT = 30  # characters: a text this short with a question word is a question even in a dialog


def lang_of(found: Found) -> str:
    return "en" if found.lang == "en" else "zh-CN"


def answer_reply(kb: KnowledgeSearch, entry: Entry, locale: str, keep: bool = False) -> Reply:
    """The answer, the documents it rests on, related questions as buttons; ``keep``: in a dialog, a button
    that takes what was typed as the step's answer after all."""
    docs = basis(entry)
    params: dict[str, object] = {"answer": entry.answer(locale), "web": entry.answer(locale, web=True)}
    key = "kb.answer" if docs else "kb.answer_plain"
    if docs:
        names = {f"d{i}": Label(f"kb.doc.{d}", locale=locale) for i, d in enumerate(docs)}
        params["basis"] = Label(f"kb.basis.{len(docs)}", names, locale=locale)  # in the answer's language
    related = [r for r in (_entry(kb, i) for i in entry.related[:RELATED]) if r is not None]
    rows: list[tuple[Button, ...]] = [(_entry_button(r, locale),) for r in related]
    if keep:
        rows.append((Button("button.keep_as_answer", cb.KeepAsAnswer()),))
    return Reply(key, params, tuple(rows), "")


def basis(entry: Entry) -> tuple[str, ...]:
    """The documents of ``entry.rules``, each once, at most three, in the order first cited."""
    found: list[str] = []
    for rule in entry.rules:
        doc = next((d for prefix, d in DOCUMENTS if rule.startswith(prefix)), None)
        if doc is not None and doc not in found:
            found.append(doc)
    return tuple(found[:3])


def candidates_reply(entries: Sequence[Entry], locale: str, keep: bool = False) -> Reply:
    rows: list[tuple[Button, ...]] = [(_entry_button(e, locale),) for e in entries]
    if keep:
        rows.append((Button("button.keep_as_answer", cb.KeepAsAnswer()),))
    else:  # none of them: the subjects, to look further
        rows.append((Button("button.none_of_these", cb.RunCommand(cb.Shortcut.FAQ)),))
    # the header in the candidates' language, like them (an English question in a Chinese chat)
    return Reply("kb.did_you_mean", {"header": Label("kb.did_you_mean.header", locale=locale)}, tuple(rows), "")


def no_match_reply(keep: bool = False) -> Reply:
    rows: list[tuple[Button, ...]] = [(Button("button.faq", cb.RunCommand(cb.Shortcut.FAQ)),)]
    if keep:
        rows.append((Button("button.keep_as_answer", cb.KeepAsAnswer()),))
    else:
        rows.append((Button("button.start_report", cb.RunCommand(cb.Shortcut.START)),))
    return Reply("kb.in_dialog_no_match" if keep else "kb.no_match", {}, tuple(rows), "")


def menu_reply(in_dialog: bool) -> Reply:
    """/faq: the subjects, two to a row; during a dialog a way back to its question."""
    subjects = [Button(f"faq.topic.{t}", cb.FaqSubject(t)) for t in Topic]
    rows: list[tuple[Button, ...]] = [tuple(subjects[i : i + 2]) for i in range(0, len(subjects), 2)]
    if in_dialog:
        rows.append((Button("button.faq_back", cb.FaqBack()),))
    return Reply("faq.menu", {}, tuple(rows), "")


def subject_reply(kb: KnowledgeSearch, topic: Topic, locale: str) -> Reply:
    rows = tuple((_entry_button(e, locale),) for e in kb.entries if e.topic == topic)
    back = ((Button("button.faq_subjects", cb.RunCommand(cb.Shortcut.FAQ)),),)
    return Reply("faq.subject", {"subject": Label(f"faq.topic.{topic}")}, (*rows, *back), "")


def answer_text(kb: KnowledgeSearch, text: str, found: Found | None = None) -> list[Reply]:
    """/ask, or a question outside any dialog with no scope verdict: the answer, the candidates, or sorry."""
    found = found or kb.ask(text)
    if found.entry is not None:
        return [answer_reply(kb, found.entry, lang_of(found))]
    if found.candidates:
        return [candidates_reply(found.candidates, lang_of(found))]
    return [no_match_reply()]


def in_dialog(kb: KnowledgeSearch, text: str, takes_text: bool = True) -> list[Reply] | None:
    """A question typed where a step waits for its answer: the replies to it (the caller asks the step again), or
    None when the text is the step's answer. ``takes_text``: the step may take typed text, so the text is kept
    and a button takes it as the answer after all; a step of buttons only takes none, and any text the base
    answers is answered."""
    shape = asks(text)
    if takes_text and (shape is Asks.NO or (shape is Asks.MAYBE and len(text.strip()) > SHORT)):
        return None
    found = kb.ask(text)
    if found.entry is not None:
        return [answer_reply(kb, found.entry, lang_of(found), keep=takes_text)]
    if shape is not Asks.CLEARLY:
        return None
    if found.candidates:
        return [candidates_reply(found.candidates, lang_of(found), keep=takes_text)]
    return [no_match_reply(keep=True)] if takes_text else None  # buttons only: the step says to use them


def entry_replies(kb: KnowledgeSearch, entry_id: str, locale: str, keep: bool = False) -> list[Reply] | None:
    """A tapped question (a subject's list, a related question, a candidate); None for an id no longer known."""
    entry = _entry(kb, entry_id)
    return [answer_reply(kb, entry, locale, keep)] if entry is not None else None


def _entry(kb: KnowledgeSearch, entry_id: str) -> Entry | None:
    try:
        return kb.by_id(entry_id)
    except KeyError:
        return None


def _entry_button(entry: Entry, locale: str) -> Button:
    return Button(entry.question(locale), cb.FaqEntry(entry.id), literal=True)


def idle_buttons_reply(buttons: Buttons) -> Reply:
    """After an answer outside a dialog: the usual shortcuts, under a line that invites the next question."""
    return Reply("kb.more", {}, buttons, "")


def free_text(
    kb: KnowledgeSearch, text: str, decision: ScopeDecision, scope: list[Reply], buttons: Buttons, locale: str
) -> list[Reply]:
    """A message outside any dialog, not urgent: a question gets its answer, a report its scope verdict
    (``scope``: the replies saying it), a text that is both gets both (the answer first). A referral the answer
    already explains is not said twice. A question in the other language than the chat's: an offer to switch."""
    replies = _free_text(kb, text, decision, scope, buttons)
    lang = "en" if not _CJK.search(text) and _LATIN.search(text) else "zh-CN"
    if asks(text) is not Asks.NO and lang[:2] != locale[:2] and replies[0].key.startswith("kb."):
        replies.append(language_offer(lang))
    return replies


def language_offer(lang: str) -> Reply:
    """Said and labelled in the question's language: the reader may not read the chat's."""
    text = Label("kb.lang_offer_text", locale=lang)
    button = Button(
        "kb.lang_offer_button", cb.ChooseLanguage(lang), params={"label": Label("kb.lang_use", locale=lang)}
    )
    return Reply("kb.lang_offer", {"text": text}, ((button,),), "")


def _free_text(
    kb: KnowledgeSearch, text: str, decision: ScopeDecision, scope: list[Reply], buttons: Buttons
) -> list[Reply]:
    shape = asks(text)
    found = kb.ask(text) if shape is not Asks.NO or decision.verdict is Verdict.UNCLEAR else None
    tail = scope or [idle_buttons_reply(buttons)]
    if found is not None and found.entry is not None:
        said = decision.verdict is Verdict.REFER and found.entry.topic in _SAYS_WHERE
        if said or decision.reason in _NOTHING_REPORTED:  # "举报村干部需要什么证据" names an official, alleges nothing
            tail = [idle_buttons_reply(buttons)]
        return [answer_reply(kb, found.entry, lang_of(found)), *tail]
    if found is not None and found.candidates and shape is not Asks.NO:
        return [candidates_reply(found.candidates, lang_of(found)), *scope]  # the choice is the last message
    if scope:
        return scope
    if decision.faq in LEGACY and (entry := _entry(kb, LEGACY[decision.faq])) is not None:
        return [answer_reply(kb, entry, lang_of(found) if found else "zh-CN"), *tail]
    if shape is not Asks.NO:
        return [no_match_reply()]
    return [Reply("dialog.idle", {}, buttons, "")]


_CJK = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]{2}")
_SAYS_WHERE = frozenset({Topic.NOT_SCOPE, Topic.LITIGATION})  # answers that name the body to go to
_NOTHING_REPORTED = frozenset({"scope.reason.official_vague"})  # accepted for an official named, no facts yet


def in_sentence(kb: KnowledgeSearch, text: str, legacy_topic: str, found: Found | None = None) -> list[Reply]:
    """The answer to a question the scope check heard in a sentence (its ``faq``), when the base has one."""
    found = found or kb.ask(text)
    entry = found.entry or _entry(kb, LEGACY.get(legacy_topic, ""))
    return [answer_reply(kb, entry, lang_of(found))] if entry is not None else []
