"""The knowledge base as data: load ``entries.toml`` and refuse it, with the entry and the reason, when it is not
fit to answer citizens (a missing language, an unknown related entry, an answer too long for a phone screen or
opening with a word a worried reader could take the wrong way)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from core.knowledge.topics import Topic

ENTRIES = Path(__file__).with_name("entries.toml")

MIN_ZH, MIN_EN = 3, 2  # phrasings per entry at least: retrieval ranks over all of them
MAX_ZH, MAX_EN_WORDS = 260, 140  # an answer fits a phone screen (characters; words)
#: A rule id of rules.md: R-14, XF-28, JC-67, D4, §10.4, R ch. 4, XFL, 刑法-243, 004 (十一), 12388…
RULE_ID = re.compile(
    r"^(?:[A-Z]{1,4}(?:-\d+[A-Za-z?]*)?|[A-Z]{1,3} ch\. \d+|刑法-\d+|D\d+|§\d+(?:\.\d+)*|\d{3,5})"
    r"(?:\s.*)?$"
)
#: An answer never opens with a bare yes or no: "会。" read alone by someone who fears being found says the
#: opposite of "会对您的信息保密" (issue 16: "匿名举报会被查到吗" was answered with a text beginning "会。").
_BARE = re.compile(r"^(?:会|不会|是|不是|能|不能|可以|不可以|有|没有|对|不对)[。，,！!；;]|^(?:yes|no)\b[.,!;]?", re.I)


@dataclass(frozen=True)
class Entry:
    id: str
    topic: str
    rules: tuple[str, ...]
    related: tuple[str, ...]
    q_zh: tuple[str, ...]
    q_en: tuple[str, ...]
    a_zh: str
    a_en: str
    #: The answer as the web page says it, where the chat's differs ("what Telegram sees" is not the page's case).
    web_zh: str = ""
    web_en: str = ""

    def answer(self, locale: str | None, web: bool = False) -> str:
        en = (locale or "").startswith("en")
        said = (self.web_en if en else self.web_zh) if web else ""
        return said or (self.a_en if en else self.a_zh)

    def question(self, locale: str | None) -> str:
        """The entry's first phrasing in the language: its title on a button or in a menu."""
        return (self.q_en if (locale or "").startswith("en") else self.q_zh)[0]


_ID = re.compile(r"[a-z0-9_]{1,32}")
_TELEGRAM = re.compile(r"telegram|电报", re.I)


class KnowledgeBaseError(ValueError):
    """The file cannot be used as it is; the message names the entry and what is wrong."""


def load_entries(path: Path = ENTRIES) -> tuple[Entry, ...]:
    with path.open("rb") as f:
        data = tomllib.load(f)
    entries = tuple(_entry(i, raw) for i, raw in enumerate(data.get("entry", [])))
    check(entries)
    return entries


def _entry(i: int, raw: dict[str, Any]) -> Entry:
    try:
        return Entry(id=str(raw["id"]), topic=str(raw["topic"]), rules=tuple(raw.get("rules", ())),
                     related=tuple(raw.get("related", ())), q_zh=tuple(raw["q_zh"]), q_en=tuple(raw["q_en"]),
                     a_zh=str(raw["a_zh"]).strip(), a_en=str(raw["a_en"]).strip(),
                     web_zh=str(raw.get("web_zh", "")).strip(), web_en=str(raw.get("web_en", "")).strip())  # fmt: skip
    except KeyError as missing:
        raise KnowledgeBaseError(f"entry {i + 1} ({raw.get('id', '?')}): {missing.args[0]} is missing") from None


def problems(entries: tuple[Entry, ...]) -> list[str]:
    """Everything wrong with the entries, one line each ("<id>: <what>"); empty when they may be used."""
    found: list[str] = []
    ids = [e.id for e in entries]
    found += [f"{i}: the id is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    known = set(ids)
    for e in entries:
        if not _ID.fullmatch(e.id):
            found.append(f"{e.id}: an id is 1 to 32 of a-z, 0-9 and _ (a button carries it)")
        if e.topic not in Topic.__members__.values():
            found.append(f"{e.id}: no such topic {e.topic!r} (core/knowledge/topics.py)")
        if len(e.q_zh) < MIN_ZH or len(e.q_en) < MIN_EN:
            found.append(f"{e.id}: needs {MIN_ZH} Chinese and {MIN_EN} English phrasings")
        if any(not q.strip() for q in (*e.q_zh, *e.q_en)) or not e.a_zh or not e.a_en:
            found.append(f"{e.id}: an empty phrasing or answer")
        if not e.rules or any(not RULE_ID.match(r) for r in e.rules):
            found.append(f"{e.id}: rules must be ids of rules.md, e.g. R-14, XF-28, D4, §10.4")
        if unknown := [r for r in e.related if r not in known or r == e.id]:
            found.append(f"{e.id}: related entries unknown: {', '.join(unknown)}")
        if len(e.a_zh) > MAX_ZH or len(e.a_en.split()) > MAX_EN_WORDS:
            found.append(f"{e.id}: the answer is too long for a phone screen")
        if bool(e.web_zh) != bool(e.web_en):
            found.append(f"{e.id}: a web answer needs both web_zh and web_en")
        web = (e.answer("zh", web=True), e.answer("en", web=True))
        if len(web[0]) > MAX_ZH or len(web[1].split()) > MAX_EN_WORDS:
            found.append(f"{e.id}: the web answer is too long for a phone screen")
        if any(_BARE.match(a) for a in (e.a_zh, e.a_en, *web)):
            found.append(f"{e.id}: the answer opens with a bare yes or no")
        if (_TELEGRAM.search(e.a_zh) or _TELEGRAM.search(e.a_en)) and not e.web_zh:
            found.append(f"{e.id}: the answer speaks of Telegram; give web_zh and web_en for the web page")
    return found


def check(entries: tuple[Entry, ...]) -> None:
    if found := problems(entries):
        raise KnowledgeBaseError("; ".join(found))
