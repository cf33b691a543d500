"""One-off: write locale/{en,nl}/LC_MESSAGES/cybercase.po from the old Python dicts.

Run once against the commit that still had ``cybercase/i18n.py`` and ``cybercase/catalogue``;
after that the .po files are the source of truth and this script is kept only as a record
of how they were made (it no longer runs: the dicts are gone).

Scheme: msgctxt = the key the code uses (``msg("cases.closed", ...)``), msgid = the English
text, msgstr = the English text (en) or the Dutch text (nl). Translators see the English in
poedit; the key keeps two messages with the same English apart.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import write_po

ROOT = Path(__file__).resolve().parent.parent / "src" / "cybercase" / "locale"
DATE = datetime(2026, 12, 3, 14, 0, tzinfo=UTC)


def build(language: str, english: dict[str, str], texts: dict[str, str],
          plurals: dict[str, tuple[tuple[str, str], tuple[str, str]]]) -> Catalog:
    cat = Catalog(locale=language, domain="cybercase", project="cybercase",
                  version="0.1.0", creation_date=DATE, revision_date=DATE,
                  last_translator="cybercase", language_team=language,
                  fuzzy=False)
    for key, en in english.items():
        flags = ["python-brace-format"] if "{" in en else []
        if key in plurals:
            (en1, en2), (nl1, nl2) = plurals[key]
            strings = (en1, en2) if language == "en" else (nl1, nl2)
            flags = ["python-brace-format"] if "{" in en1 + en2 else []
            cat.add((en1, en2), strings, context=key, flags=flags)
        else:
            cat.add(en, en if language == "en" else texts[key], context=key, flags=flags)
    return cat


def main() -> None:
    data = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    plurals = {k: (tuple(v[0]), tuple(v[1])) for k, v in data.get("plurals", {}).items()}
    for language in ("en", "nl"):
        cat = build(language, data["en"], data[language], plurals)
        folder = ROOT / language / "LC_MESSAGES"
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / "cybercase.po", "wb") as fh:
            write_po(fh, cat, width=100, sort_output=False, omit_header=False)
        with open(folder / "cybercase.mo", "wb") as fh:
            write_mo(fh, cat)


if __name__ == "__main__":
    main()
