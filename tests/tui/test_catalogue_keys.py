"""Every message key the app names literally exists in Dutch and English (a missing key
would show up on screen as the key itself)."""

from __future__ import annotations

import re
from pathlib import Path

import cybercase.tui
from cybercase.core.i18n import CATALOGUES
from cybercase.evidence.stated import CAPTURED_BY

TUI = Path(cybercase.tui.__file__).parent
LITERAL = re.compile(
    r"""(?:\bt|tbinding\([^)]*?|label|_KEY =)\(?\s*"([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)\""""
)


def literal_keys() -> set[str]:
    keys: set[str] = set()
    for path in TUI.rglob("*.py"):
        keys.update(LITERAL.findall(path.read_text(encoding="utf-8")))
    return keys


def test_literal_keys_exist_in_both_languages() -> None:
    keys = literal_keys()
    assert len(keys) > 150  # the scan finds them
    for language in ("en", "nl"):
        missing = sorted(k for k in keys if k not in CATALOGUES[language])
        assert missing == [], (language, missing)


def test_keys_built_from_values_exist() -> None:
    families = {
        "people.kind": ("pupil", "parent", "staff"),
        "people.parent_role": ("parent", "guardian"),
        "checklist.status": ("open", "done", "na"),
        "sg.status": ("active", "ended", "not_bullying", "second_evaluation"),
        "sg.decision": ("bullying", "incident", "end", "again"),
        "ingest.captured": CAPTURED_BY,
        "ingest.status": ("stored", "duplicate", "flagged", "error"),
        "ingest.count": ("stored", "duplicate", "flagged", "error"),
        "search.kind": ("case", "person", "evidence", "account"),
        "evidence.stated": ("captured_by", "device", "platform", "url", "accounts",
                            "shown_time", "description", "offence_tags"),
    }
    for language in ("en", "nl"):
        for prefix, values in families.items():
            for value in values:
                assert f"{prefix}.{value}" in CATALOGUES[language], (language, prefix, value)
