"""The web chat's one page, in the visitor's language from the catalogues (issue 19).

Plain HTML: the script and the style are the product's own files (``static/``), so the Content-Security-Policy
allows no inline script at all; the page's words for the script travel as a JSON data block, which a browser
never runs. Every value is escaped here.
"""

from __future__ import annotations

import json
from html import escape

from bot.commands import CITIZEN
from bot.i18n import LOCALES, Translator

# what the script says itself (the dialogs' words come from the server with each message)
SCRIPT_WORDS = ("web.you", "web.bot", "web.sending", "web.offline", "web.too_large", "web.forget_confirm",
                "web.forgotten", "web.failed", "web.cookies")  # fmt: skip
QUICK = ("start", "status", "faq", "back", "cancel", "help")  # commands offered as chips under the chat
MAX_UPLOAD_MB = 20


def page(tr: Translator, locale: str, csrf: str) -> str:
    t = lambda key, **kw: escape(tr.t(locale, key, **kw))  # noqa: E731
    words = {key.removeprefix("web."): tr.t(locale, key, mb=MAX_UPLOAD_MB) for key in SCRIPT_WORDS}
    data = json.dumps(words, ensure_ascii=False).replace("<", "\\u003c")
    chips = "".join(
        f'<button type="button" class="chip" data-command="/{name}" title="{t(f"command.{name}")}">'
        f"/{name} · {t(f'command.{name}')}</button>"
        for name in QUICK
        if name in CITIZEN
    )
    other = next(loc for loc in LOCALES if loc != locale)
    return f"""<!doctype html>
<html lang="{escape(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="csrf-token" content="{escape(csrf)}">
<meta name="referrer" content="no-referrer">
<title>{t("web.title")}</title>
<link rel="stylesheet" href="/static/chat.css">
<script src="/static/chat.js" defer></script>
</head>
<body>
<header class="bar">
  <h1>{t("web.title")}</h1>
  <nav aria-label="{t("web.settings")}">
    <a class="lang" href="/?lang={escape(other)}" lang="{escape(other)}">{escape(tr.t(other, "web.language"))}</a>
    <button type="button" id="forget" class="link">{t("web.forget")}</button>
  </nav>
</header>
<main>
  <p class="intro">{t("web.intro")}</p>
  <noscript><p class="notice">{t("web.noscript")}</p></noscript>
  <div id="log" role="log" aria-live="polite" aria-label="{t("web.conversation")}"></div>
  <p id="status" class="status" role="status" aria-live="assertive"></p>
</main>
<footer class="composer">
  <div class="chips" role="group" aria-label="{t("web.commands")}">{chips}</div>
  <form id="form" autocomplete="off">
    <label for="file" class="attach" title="{t("web.attach")}">
      <span aria-hidden="true">📎</span><span class="sr">{t("web.attach")}</span>
    </label>
    <input type="file" id="file" name="file" class="sr"
      accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,.csv,audio/*,video/*">
    <label for="text" class="sr">{t("web.message")}</label>
    <textarea id="text" name="text" rows="1" maxlength="4096" placeholder="{t("web.placeholder")}"></textarea>
    <input type="password" id="secret" class="hidden" autocomplete="off" aria-label="{t("web.password")}">
    <button type="submit" id="send">{t("web.send")}</button>
  </form>
</footer>
<script type="application/json" id="words">{data}</script>
</body>
</html>
"""
