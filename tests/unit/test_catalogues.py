"""The gettext catalogues (src/cybercase/locale/{en,nl}/LC_MESSAGES/cybercase.po): valid for
msgfmt and Babel, the committed .mo files compiled from them, every key the code uses
present in both languages with the same placeholders, and no entry nobody uses."""

from __future__ import annotations

import ast
import io
import shutil
import string
import subprocess
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

import cybercase
from cybercase.core.i18n import CATALOGUES, LOCALE_DIR

SRC = Path(cybercase.__file__).parent
ROOT = SRC.parent.parent
LANGUAGES = ("en", "nl")
CALLS = {"msg": 0, "t": 0, "Msg": 0, "render": 1, "pgettext": 0, "npgettext": 0}
PREFIXES = {"texts": 0, "Dutch": 0}  # texts("report", "nl")["title"] uses report.title;
# Dutch("report") (documents/report_words.py) is texts(..., "nl") looked up once

# Keys the code builds in ways no call shows: (prefix, where and how)
DYNAMIC = {
    "vault.perm.": "roles.py: the permission names, PERMISSION_TEXT",
    "police.offence.": "tui/screens/stats.py: looked up by value",
    "correct.f.": "tui privacy correction forms: by field name",
    "correct.object.": "tui privacy correction forms: by table name",
}
# ... and by the end of their key
DYNAMIC_SUFFIXES = {".short": "tui/bindings.py: a binding's footer label, f\"{key}.short\""}


# plural entries whose count (n) chooses the form but is not printed ("steps 3, 4 missing")
COUNT_NOT_SHOWN = {"ingest.looks_like", "protocol.steps_missing"}


def po(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "cybercase.po"


def catalogue(language: str) -> Catalog:
    with open(po(language), "rb") as fh:
        return read_po(fh, locale=language)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _first_str(node: ast.Call, index: int) -> ast.expr | None:
    return node.args[index] if len(node.args) > index else None


def used_in_code() -> tuple[set[str], set[str], set[str]]:
    """Keys the code names in calls (found by ast), prefixes of keys it builds, and every
    string constant in the code (a key handed to a helper: ``label("people.field.name")``)."""
    keys: set[str] = set()
    prefixes: set[str] = set()
    constants: set[str] = set()
    for path in SRC.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else ""
            index = CALLS.get(name, PREFIXES.get(name))
            arg = _first_str(node, index) if index is not None else None
            if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                (prefixes if name in PREFIXES else keys).add(
                    arg.value + "." if name in PREFIXES else arg.value)
            elif isinstance(arg, ast.JoinedStr) and arg.values and \
                    isinstance(arg.values[0], ast.Constant):
                prefixes.add(str(arg.values[0].value))  # f"ingest.status.{status}"
        for node in ast.walk(tree):  # "prefix." + name, f"prefix.{name}" in lookups
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            if isinstance(node, ast.JoinedStr) and node.values and \
                    isinstance(node.values[0], ast.Constant):
                text = str(node.values[0].value)
                if text.endswith(".") and text.count(".") >= 1 and " " not in text:
                    prefixes.add(text)
    return keys, prefixes, constants


def test_msgfmt_accepts_both_catalogues() -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("gettext's msgfmt is not installed (apt-get install gettext)")
    for language in LANGUAGES:
        done = subprocess.run([msgfmt, "--check", "-o", "-", str(po(language))],
                              capture_output=True, check=False)
        assert done.returncode == 0, done.stderr.decode()


def test_babel_finds_no_problem_and_the_plural_rule_is_set() -> None:
    for language in LANGUAGES:
        cat = catalogue(language)
        assert cat.plural_forms == "nplurals=2; plural=(n != 1);", language
        problems = [(m.context, errors) for m, errors in cat.check()]
        assert problems == [], language
        assert not [m.context for m in cat if m.id and m.fuzzy], language
        assert all(m.context for m in cat if m.id), "every entry has its key as msgctxt"


def test_the_committed_mo_files_are_compiled_from_the_po_files() -> None:
    for language in LANGUAGES:
        buf = io.BytesIO()
        write_mo(buf, catalogue(language))
        committed = (po(language).with_suffix(".mo")).read_bytes()
        assert buf.getvalue() == committed, (
            f"{language}: recompile: pybabel compile -d src/cybercase/locale -D cybercase")


def test_both_languages_hold_the_same_keys_with_the_same_placeholders() -> None:
    en = {m.context: m for m in catalogue("en") if m.id}
    nl = {m.context: m for m in catalogue("nl") if m.id}
    assert set(en) == set(nl)
    for key, entry in en.items():
        english = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        assert entry.string == (english if isinstance(entry.id, tuple) else entry.id), key
        wanted = set().union(*map(fields, english))
        dutch = nl[key].string if isinstance(nl[key].string, tuple) else (nl[key].string,)
        assert nl[key].id == entry.id, key
        for form in dutch:
            assert form, ("nl", key)
            assert fields(form) == wanted, key
        if isinstance(entry.id, tuple) and key not in COUNT_NOT_SHOWN:
            assert "n" in wanted, f"{key}: a plural entry counts the value named n"


def test_every_key_the_code_uses_is_in_both_catalogues() -> None:
    keys, _, _ = used_in_code()
    assert len(keys) > 1000  # the ast walk finds the calls
    for language in LANGUAGES:
        missing = sorted(k for k in keys if "." in k and k not in CATALOGUES[language])
        assert missing == [], language


def test_babel_extraction_finds_only_keys_of_the_catalogue() -> None:
    """What ``pybabel extract -F babel.cfg -k msg -k t -k render:2`` lists is in both."""
    found = {msgid for _, _, msgid, _, _ in extract_from_dir(
        str(SRC), method_map=[("**.py", "python")],
        keywords={"msg": None, "t": None, "render": (2,)})}
    known = set(CATALOGUES["en"])
    assert len(found & known) > 1000
    for key in {k for k in found - known if "." in k}:  # t("a.b" if x else "c.d") -> "a.bc.d"
        assert any(key.startswith(k) and key[len(k):] in known for k in known), key


def test_no_entry_is_unused() -> None:
    keys, prefixes, constants = used_in_code()
    allowed = tuple(prefixes | set(DYNAMIC))
    unused = sorted(k for k in CATALOGUES["en"]
                    if k not in keys | constants and not k.startswith(allowed)
                    and not k.endswith(tuple(DYNAMIC_SUFFIXES)))
    assert unused == [], "remove these entries, or say in DYNAMIC how the code builds them"
