"""A git merge driver for the message catalogues: ``po_merge.py BASE OURS THEIRS`` merges entry by entry.

Two branches that each add messages both append near the same place of a ``.po`` file, so git's line merge
conflicts on nearly every branch; by key they rarely do. An entry changed on one side only takes that side; an
entry changed on both sides differently is a real conflict (exit 1, the keys printed). The result is written
to OURS in its order, new entries after it, as ``po_set.py`` writes them. Set up once per clone
(``.gitattributes`` names the driver)::

    git config merge.po.driver "python scripts/po_merge.py %O %A %B"
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po


def _read(path: str) -> Catalog:
    with Path(path).open("rb") as fh:
        return read_po(fh)


def _entries(catalog: Catalog) -> dict[str, str]:
    return {str(m.id): str(m.string) for m in catalog if m.id}


def merge(base: dict[str, str], ours: dict[str, str], theirs: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    merged: dict[str, str] = {}
    conflicts: list[str] = []
    for key in sorted(base.keys() | ours.keys() | theirs.keys()):
        b, o, t = base.get(key), ours.get(key), theirs.get(key)
        if o == t or t == b:
            value = o
        elif o == b:
            value = t
        else:
            conflicts.append(key)
            value = o
        if value is not None:
            merged[key] = value
    return merged, conflicts


def main(base_path: str, ours_path: str, theirs_path: str) -> int:
    ours_catalog = _read(ours_path)
    merged, conflicts = merge(_entries(_read(base_path)), _entries(ours_catalog), _entries(_read(theirs_path)))
    for key in [str(m.id) for m in ours_catalog if m.id]:
        if key not in merged:
            ours_catalog.delete(key)
    for key, text in merged.items():
        existing = ours_catalog.get(key)
        if existing is not None:
            existing.string = text
        else:
            ours_catalog.add(key, text)
    with Path(ours_path).open("wb") as fh:
        write_po(fh, ours_catalog, width=0)
    for key in conflicts:
        print(f"po_merge: {key!r} changed on both sides; ours kept", file=sys.stderr)
    return 1 if conflicts else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
