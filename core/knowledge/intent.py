"""Is a text a question? Said by its shape, not its subject: the ending (？, 吗, 呢, "?"), a question word
(怎么, 多久, 能不能, how, can I), or an opening that asks ("请问", "is it"). Inside the filing flow only a *clear*
question is answered instead of being taken as the step's answer (issue 16, item 3): a long description that
happens to hold "为什么" is the citizen's facts, not a question to us."""

from __future__ import annotations

import re
from enum import IntEnum

from core.knowledge.text import asks as text_asks
from core.text import simplified


class Asks(IntEnum):
    NO = 0
    MAYBE = 1  # a question word somewhere: answered outside a dialog, beside any scope verdict
    CLEARLY = 2  # shaped as a question throughout: answered even in the middle of a dialog


_END = re.compile(r"(?:[?？]|[吗呢么嘛吧][\s?？。!！~～…]*|[吗呢么嘛][^\w]*)$")
_ZH_OPENING = re.compile(r"^(?:请问|想问|问一下|咨询一下|我想知道|我想了解|能不能|可不可以|可以|能|会|是不是|有没有)")
_EN_OPENING = re.compile(
    r"^(?:how|what|when|where|which|who|whom|why|can|could|may|should|shall|will|would|do|does|did|is|are|am|"
    r"was|were|has|have|if i|i wonder|i want to know|please tell)\b",
    re.I,
)
_CJK = re.compile(r"[\u3400-\u9fff]")
LONG = 60  # characters: a clear question is short; a longer text is a description (facts, grounds)


def asks(text: str) -> Asks:
    t = " ".join(simplified(text).split())
    if not t:
        return Asks.NO
    zh = bool(_CJK.search(t))
    shaped = bool(_END.search(t)) if zh else t.endswith("?")
    opens = bool((_ZH_OPENING if zh else _EN_OPENING).search(t))
    word = text_asks(t)  # a question word or mark anywhere (the ranking's own test)
    if len(t) <= LONG and (shaped or (opens and word) or (not zh and opens)):
        return Asks.CLEARLY
    return Asks.MAYBE if shaped or word or opens else Asks.NO
