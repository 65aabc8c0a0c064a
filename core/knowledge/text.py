"""A question or phrasing as tokens for ranking: width and case folded, colloquial words expanded to the domain's
(:mod:`core.knowledge.synonyms`), then Chinese as jieba words *and* character bigrams (bigrams survive a bad cut
or a typo in one character), English as Snowball stems. Stop words say nothing of what is asked and are dropped."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable

from core.knowledge.synonyms import EN, ZH

#: Words of the domain jieba's dictionary cuts badly; added with a high frequency so they stay whole.
DOMAIN_WORDS = ("纪委", "监委", "纪委监委", "信访", "举报", "匿名", "实名", "查询码", "申诉", "诬告", "错告",
                "澄清", "正名", "打击报复", "越级", "重复件", "不予受理", "受理", "办结", "异议", "补充反映",
                "涉法涉诉", "村支书", "村干部", "低保", "处分", "批评建议", "公职人员", "国企", "公车私用",
                "贿选", "保护伞", "立案监督", "劳动仲裁", "证据", "录音", "截图", "查处", "不满意", "穿小鞋",
                "开除公职", "扶贫款", "公款吃喝", "中纪委", "查询码", "工作日", "不立案", "转交", "时限")  # fmt: skip
_ZH_STOP_WORDS = (
    "的 了 吗 呢 吧 啊 呀 么 嘛 哦 嗯 哈 我 你 您 他 她 它 们 我们 你们 他们 她们 是 在 有 和 就 都 也 还 要 "
    "会 能 想 问 请问 一下 这个 那个 这 那 这种 那种 这样 那样 怎么 怎么样 什么 如果 可以 可能 应该 一个 自己 "
    "现在 已经 就是 但是 因为 所以 然后 还是 或者 的话 时候 个 把 被 给 让 对 跟 向 从 来 到 说 做 过 着 又 很 "
    "太 非常 真的 一直 这里 那里 一些 之前 以后 ， 。 ？ ！ 、 ： ； … 谢谢 麻烦 你好 您好"
)
_ZH_STOP = frozenset(_ZH_STOP_WORDS.split())
_EN_STOP_WORDS = (
    "a an the is are was were be been being am do does did i i'm im me my mine you your we our us it its it's to "
    "of in on for and or if can could would should will how what when where which who whom there this that these "
    "those with as at by from please hi hello thanks thank just so about any some get got has have had he she "
    "him her his they them their then than but not no yes up out into also very really still all now want"
)
_EN_STOP = frozenset(_EN_STOP_WORDS.split())
#: Words that make a text a question: without one, a text is a report or a story and gets no confident answer.
_ZH_ASKS = re.compile(r"[吗嘛么呢？?]|怎|如何|什么|啥|哪|谁|多久|多少|多长|能否|是否|可否"
                      r"|(?<![被跟和与让叫])几(?!个?(醉汉|流氓|混混|小混混|社会青年|陌生人))"  # not "被几个醉汉打了"
                      r"|为何|为什么|咋|[能会可要管算有是行对该用]不|有没有|还要|还能|还可以"
                      r"|请问|想问|想知道|求助|帮帮|救命")  # fmt: skip
_EN_ASKS = re.compile(r"\?|\b(?:how|what|whats|what's|when|where|which|who|why|whom|whose)\b"
                      r"|^\s*(?:can|could|do|does|did|is|are|was|will|would|should|shall|may|am|any|help)\b"
                      r"|\b(?:can|could|should|do|will|would|may|must|am|is)\s+(?:i|we|they|he|she|it|you|my|this)\b"
                      r"|\bhelp\b", re.I)  # fmt: skip
_CJK = re.compile(r"[\u3400-\u9fff]")
_CLAUSE = {"zh": re.compile(r"[\s,.;!?，。；！？、]+"), "en": re.compile(r"[,.;!?]+\s*|\s+(?:but|so|and now)\s+")}
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_EN_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_ZH_SYNONYMS = tuple((tuple(forms.split()), added) for forms, added in ZH)
_EN_SYNONYMS = tuple((re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms.split(",")) + r")\b"), added)
                     for forms, added in EN)  # fmt: skip


def language(text: str) -> str:
    """ "zh" when the text has a Chinese character, else "en": a mixed "用telegram举报安全吗" is Chinese."""
    return "zh" if _CJK.search(text) else "en"


def asks(text: str) -> bool:
    """Whether the text asks something, rather than only telling what happened."""
    return bool((_ZH_ASKS if language(text) == "zh" else _EN_ASKS).search(text))


def asking_clause(text: str) -> str | None:
    """The last clause that asks, when the text also tells something else ("我们村会计把补助款给了亲戚 这种你们管
    不管"): its words weigh more than the story's. None for a text of one clause."""
    clauses = [c for c in _CLAUSE[language(text)].split(text) if c.strip()]
    if len(clauses) < 2:
        return None
    return next((c for c in reversed(clauses) if asks(c)), None)


def fold(text: str) -> str:
    """Full-width to half-width (NFKC), lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def expand(text: str, lang: str) -> str:
    """The folded text with the domain words of every colloquial form it contains added at the end."""
    low = fold(text)
    if lang == "zh":
        added = [words for forms, words in _ZH_SYNONYMS if any(f in low for f in forms)]
    else:
        added = [words for pattern, words in _EN_SYNONYMS if pattern.search(low)]
    return " ".join([low, *added])


class Tokenizer:
    """The tokens a text is ranked by, per language; Chinese needs jieba's dictionary (built once, ~2 s)."""

    def __init__(self, cut: Callable[[str], Iterable[str]] | None = None) -> None:
        import snowballstemmer  # loaded with the knowledge base, not by every importer of this module

        self._cut = cut or jieba_cut()
        self._stemmer = snowballstemmer.stemmer("english")

    def words(self, text: str, lang: str) -> list[str]:
        """Chinese: jieba's words; English: Snowball stems. Stop words left out; colloquial forms expanded."""
        expanded = expand(text, lang)
        if lang == "en":
            return self._stemmer.stemWords([w for w in _EN_WORD.findall(expanded) if w not in _EN_STOP])
        out = []
        for w in self._cut(expanded):
            w = w.strip()
            if w and w not in _ZH_STOP and not w.isspace() and (len(w) > 1 or _CJK.match(w) or w.isalnum()):
                out.append(w)
        return out

    @staticmethod
    def bigrams(text: str) -> list[str]:
        """Chinese character bigrams of the expanded text, stop characters first removed from each run."""
        out: list[str] = []
        for run in _CJK_RUN.findall(expand(text, "zh")):
            kept = "".join(c for c in run if c not in _STOP_CHARS)
            out += [kept[i : i + 2] for i in range(len(kept) - 1)] or ([kept] if kept else [])
        return out


_STOP_CHARS = frozenset("的了吗呢吧啊呀么嘛哦嗯哈我你您他她它们是在和就都也还这那个把被给让对跟向从来到说过着又很太")


def jieba_cut() -> Callable[[str], Iterable[str]]:
    """The scope check's compact jieba (12 MB) with the domain's words kept whole."""
    import logging

    import jieba

    from core.scope.tokens import CompactTokenizer

    jieba.setLogLevel(logging.WARNING)
    tokenizer = CompactTokenizer()
    tokenizer.initialize()
    for word in DOMAIN_WORDS:
        tokenizer.add_word(word, freq=20000)
    return tokenizer.cut_for_search
