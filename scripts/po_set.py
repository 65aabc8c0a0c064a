"""Add or change catalogue entries in both languages: ``po_set.py entries.json`` with
``{"key": {"zh_CN": "…", "en": "…"}, …}``. Keeps the catalogues sorted as Babel writes them."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent / "locales"


def main(path: str) -> None:
    entries: dict[str, dict[str, str]] = json.loads(Path(path).read_text(encoding="utf-8"))
    for lang in ("zh_CN", "en"):
        po_path = ROOT / lang / "LC_MESSAGES" / "messages.po"
        with po_path.open("rb") as fh:
            catalog = read_po(fh, locale=lang)
        for key, texts in entries.items():
            existing = catalog.get(key)
            if existing is not None:  # Catalog.add keeps an existing translation: replace it explicitly
                existing.string = texts[lang]
            else:
                catalog.add(key, texts[lang])
        with po_path.open("wb") as fh:
            write_po(fh, catalog, width=0)


if __name__ == "__main__":
    main(sys.argv[1])
