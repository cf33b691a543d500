"""Add entries to both catalogues and recompile (a maintainer's helper).

``python tools/po_add.py entries.py`` where entries.py defines ``ENTRIES``: a list of
``(key, english, dutch)``; for a plural entry english and dutch are ``(singular, plural)``
pairs. An existing key is replaced in place. Then compiles both .mo files with Babel.
"""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "src" / "cybercase" / "locale"


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "cybercase.po"


def compile_all() -> None:
    for language in ("en", "nl"):
        with open(po_path(language), "rb") as fh:
            cat = read_po(fh, locale=language)
        with open(po_path(language).with_suffix(".mo"), "wb") as fh:
            write_mo(fh, cat)


def add(entries: list[tuple[str, object, object]], drop: tuple[str, ...] = ()) -> None:
    for language in ("en", "nl"):
        with open(po_path(language), "rb") as fh:
            cat = read_po(fh, locale=language)
        for key in drop:
            for m in list(cat):
                if m.context == key:
                    cat.delete(m.id, context=key)
        for key, en, nl in entries:
            for m in list(cat):
                if m.context == key:
                    cat.delete(m.id, context=key)
            text = en if language == "en" else nl
            source = "".join(en) if isinstance(en, tuple) else str(en)
            flags = ["python-brace-format"] if "{" in source else []
            cat.add(en, text, context=key, flags=flags)
        with open(po_path(language), "wb") as fh:
            write_po(fh, cat, width=100, sort_output=False)
    compile_all()


if __name__ == "__main__":
    data = runpy.run_path(sys.argv[1])
    add(data.get("ENTRIES", []), tuple(data.get("DROP", ())))
