"""The process-wide knowledge search, built once on first use (jieba's dictionary and the BM25 indexes take a
second or two) — never at import; ``qingfeng run`` and ``qingfeng chat`` build it in the background beside the
scope classifier, and a chat that asks before it is ready waits in a thread while every other chat goes on."""

from __future__ import annotations

import asyncio
import threading

from core.knowledge.base import load_entries
from core.knowledge.search import KnowledgeSearch

_built: list[KnowledgeSearch] = []
_building = threading.Lock()


def knowledge() -> KnowledgeSearch:
    if not _built:
        with _building:
            if not _built:
                _built.append(KnowledgeSearch(load_entries()))
    return _built[0]


async def ready_knowledge() -> KnowledgeSearch:
    return _built[0] if _built else await asyncio.to_thread(knowledge)
