"""What of a conversation is saved between updates, and how: the dialogs' own format, opaque to the store.

core.services.dialog_store keeps these bytes encrypted per chat and knows nothing of what is inside; the only
question it needs answered about them (which staged files an abandoned dialog holds) it asks
:func:`staged_files`. The bytes are the JSON the store used to write itself, so saved dialogs still load.
"""

from __future__ import annotations

import json

from bot.dialogs.engine import Conversation


def encode(c: Conversation) -> bytes:
    return json.dumps(c.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8")


def decode(payload: bytes) -> Conversation:
    return Conversation.from_dict(json.loads(payload))


def staged_files(payload: bytes) -> list[str]:
    """Storage keys of the evidence a saved conversation staged (deleted with it when it is abandoned)."""
    try:
        answers = json.loads(payload).get("answers", {})
    except (ValueError, AttributeError):
        return []
    files = answers.get("evidence", []) if isinstance(answers, dict) else []
    return [f["storage_key"] for f in files if isinstance(f, dict) and "storage_key" in f]
