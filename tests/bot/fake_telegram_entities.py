"""Message entities as the fake Bot API computes them: UTF-16 lengths, /command entities, HTML parse_mode."""

from __future__ import annotations

import html
import re
from typing import Any

from .fake_telegram_payloads import ApiError


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def command_entities(text: str) -> list[dict[str, Any]]:
    """A ``bot_command`` entity as Telegram adds it: latin letters, digits and '_' after '/', optional @bot."""
    match = re.match(r"/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]+)?(?=\s|$)", text)
    return [{"type": "bot_command", "offset": 0, "length": utf16_len(match.group())}] if match else []


# ---------------------------------------------------------------- HTML parse_mode

_TAGS = {
    "b": "bold",
    "strong": "bold",
    "i": "italic",
    "em": "italic",
    "u": "underline",
    "ins": "underline",
    "s": "strikethrough",
    "strike": "strikethrough",
    "del": "strikethrough",
    "tg-spoiler": "spoiler",
    "span": "spoiler",
    "code": "code",
    "pre": "pre",
    "a": "text_link",
    "blockquote": "blockquote",
    "tg-emoji": "custom_emoji",
}
_NAME = re.compile(r"[^\s>]*")
_CHAR_REF = re.compile(r"&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|lt|gt|amp|quot);")
_ATTR = re.compile(r"""([\w-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def _bad_html(message: str) -> ApiError:
    return ApiError(400, f"Bad Request: can't parse entities: {message}")


def parse_html(source: str) -> tuple[str, list[dict[str, Any]]]:
    """Strip Telegram's HTML subset into (text, entities) with UTF-16 offsets; malformed markup is a 400."""
    out: list[str] = []
    length = 0
    stack: list[tuple[str, int, dict[str, str]]] = []
    entities: list[dict[str, Any]] = []
    i = 0
    while i < len(source):
        ch = source[i]
        if ch == "&" and (ref := _CHAR_REF.match(source, i)):
            piece, i = html.unescape(ref.group()), ref.end()
        elif ch != "<":
            piece, i = ch, i + 1
        else:
            offset = len(source[:i].encode())
            closing = source.startswith("</", i)
            name_match = _NAME.match(source, i + 1 + closing)
            assert name_match is not None  # [^\s>]* always matches
            name = name_match.group().lower()
            if not closing and name not in _TAGS:
                raise _bad_html(f'Unsupported start tag "{name}" at byte offset {offset}')
            end = source.find(">", name_match.end())
            if end < 0:
                raise _bad_html(f"Unclosed {'end' if closing else 'start'} tag at byte offset {offset}")
            attrs_src, i = source[name_match.end() : end], end + 1
            if not closing:
                attrs = {m[0].lower(): html.unescape(m[1] or m[2] or m[3]) for m in _ATTR.findall(attrs_src)}
                if name == "span" and attrs.get("class") != "tg-spoiler":
                    raise _bad_html(f'Tag "span" must have class "tg-spoiler" at byte offset {offset}')
                stack.append((name, length, attrs))
                continue
            if not stack:
                raise _bad_html(f"Unexpected end tag at byte offset {offset}")
            open_name, start, attrs = stack.pop()
            if name and name != open_name:
                raise _bad_html(
                    f'Unmatched end tag at byte offset {offset}, expected "</{open_name}>", found "</{name}>"'
                )
            language = attrs.get("class", "")
            if open_name == "code" and stack and stack[-1][0] == "pre" and language.startswith("language-"):
                stack[-1][2]["language"] = language.removeprefix("language-")
                continue
            if length > start:
                entities.append(_entity(open_name, start, length - start, attrs))
            continue
        out.append(piece)
        length += utf16_len(piece)
    if stack:
        raise _bad_html(f'Can\'t find end tag corresponding to start tag "{stack[-1][0]}"')
    entities.sort(key=lambda e: (e["offset"], -e["length"]))
    return "".join(out), entities


def _entity(tag: str, offset: int, length: int, attrs: dict[str, str]) -> dict[str, Any]:
    entity: dict[str, Any] = {"type": _TAGS[tag], "offset": offset, "length": length}
    if tag == "a":
        entity["url"] = attrs.get("href", "")
    elif tag == "pre" and "language" in attrs:
        entity["language"] = attrs["language"]
    elif tag == "blockquote" and "expandable" in attrs:
        entity["type"] = "expandable_blockquote"
    elif tag == "tg-emoji":
        entity["custom_emoji_id"] = attrs.get("emoji-id", "")
    return entity
