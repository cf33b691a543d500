"""Stored messages as key + values instead of English text (issue 15).

Two places held English sentences that the app recognised again to show them in Dutch:
an evidence item's warnings and the support group's evaluations on the agenda.

**Evidence flags.**
Until now ``evidence_items.flags`` held each warning as its English sentence, and the app
recognised the sentence again to show it in Dutch. From here on a flag is stored as
``{"key": ..., "values": {...}}`` (cybercase.evidence.flags). This converts the English
once: each text is matched against the English the core wrote up to this migration
(frozen below, so a later change of the catalogue cannot change what this does), and kept
only when the key and values render exactly the stored text again. A text that matches
nothing stays as it is and is shown as it is. The flags are measured facts that never
change (trigger ``evidence_items_measured_fixed``): the trigger is set aside for this one
update and put back as it was, in the same transaction; the texts shown stay the same.

**Agenda items of the support group** (``due_items.what`` where ``kind`` starts with
``sg_``): "support group: evaluation after step 2 (...)" becomes
``{"key": "cases.sg_evaluation", "values": {"step": "2", "name": {"en", "nl"}}}`` with the
step's names from the case's own stored protocol (which never changes), and the second
evaluation ``{"key": "cases.sg_second_evaluation"}``. A text whose step or name does not
match the protocol stays as it is.
"""

from __future__ import annotations

import json
import re
import string
import tomllib
from typing import Any

from cybercase.core.paths import assets
from cybercase.vault.db import Connection

# the English of every flag the core wrote before this migration
TEMPLATES = {
    "evidence.flag.too_large": ("image claims {mp:.0f} megapixels, more than the {limit} "
                                "megapixel safety limit: stored but not decoded"),
    "evidence.flag.bomb": "image is a decompression bomb ({error}): stored but not decoded",
    "evidence.flag.damaged": "damaged or truncated image ({error}): stored as received",
    "evidence.flag.unreadable": "the content looks like an image but cannot be read ({error})",
    "evidence.flag.crashed": ("the image decoder stopped on this file ({error}): stored but "
                              "not checked"),
    "evidence.flag.mismatch": ("the content is {mime} but the name ends in {ext!r} "
                               "(usually {expected})"),
    "evidence.flag.big_image": "image larger than {mb} MB: stored but not decoded or checked",
    "evidence.flag.changed": ("the file changed while it was read ({stated} bytes listed, "
                              "{read} read)"),
    "chat.flag.zip_members": ("chat export ZIP not unpacked: it holds {n} files, more than "
                              "the limit of {limit}; the ZIP is stored as it came"),
    "chat.flag.zip_member_big": ("chat export ZIP not unpacked: {name!r} would be {mb} MB, "
                                 "more than the limit of {limit} MB; the ZIP is stored as it "
                                 "came"),
    "chat.flag.zip_bomb": ("chat export ZIP not unpacked: {name!r} is a ZIP bomb ({ratio} "
                           "times its packed size); the ZIP is stored as it came"),
    "chat.flag.zip_total": ("chat export ZIP not unpacked: its files together would be more "
                            "than {limit} GB; the ZIP is stored as it came"),
    "chat.flag.zip_unreadable": ("file {name!r} in the chat export ZIP cannot be read "
                                 "({error}); the ZIP is stored as it came"),
    "chat.flag.zip_unsafe": ("file {name!r} in the chat export ZIP has a name that points "
                             "outside the export: not unpacked"),
    "chat.flag.zip_link": "file {name!r} in the chat export ZIP is a symbolic link: not unpacked",
    "chat.flag.zip_encrypted": "file {name!r} in the chat export ZIP is encrypted: not unpacked",
    "chat.flag.zip_twice": ("the chat export ZIP holds a second file named {name!r}: only the "
                            "first was unpacked"),
    "chat.flag.too_big": ("chat export of {mb} MB not read as messages (limit {limit} MB); "
                          "stored as it came"),
    "chat.flag.not_utf8": ("the chat export is not valid UTF-8 everywhere: unreadable bytes "
                           "show as \ufffd in the messages (the original is stored as it came)"),
    "chat.flag.order_conflict": ("the chat export's dates contradict each other (some only fit "
                                 "day-month, others only month-day): times are left empty"),
    "chat.flag.media_missing": "{n} file(s) the chat refers to are not in the ZIP: {names}",
    "chat.flag.media_left": "{n} file(s) in the ZIP are not mentioned in the chat: {names}",
}


def _pattern(template: str) -> tuple[re.Pattern[str], dict[str, str]]:
    parts: list[str] = []
    kinds: dict[str, str] = {}  # name -> "float" (has a format spec), "repr" or "text"
    for literal, name, spec, conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            if name in kinds:
                parts.append(f"(?P={name})")
                continue
            kinds[name] = "float" if spec else "repr" if conversion == "r" else "text"
            parts.append(f"'(?P<{name}>.*?)'" if conversion == "r" else f"(?P<{name}>.*?)")
    return re.compile("".join(parts), re.S), kinds


_PATTERNS = [(key, template, *_pattern(template)) for key, template in TEMPLATES.items()]


def _number(text: str) -> object:
    return int(text) if text.isdigit() and text == str(int(text)) else text


def convert(text: str) -> object:
    """One stored English flag as ``{"key", "values"}``, or the text when it is none."""
    for key, template, pattern, kinds in _PATTERNS:
        found = pattern.fullmatch(text)
        if found is None:
            continue
        values: dict[str, object] = {}
        try:
            for name, kind in kinds.items():
                raw = found[name]
                values[name] = float(raw) if kind == "float" else \
                    raw if kind == "repr" else _number(raw)
        except ValueError:
            continue
        if template.format(**values) == text:
            return {"key": key, "values": values}
    return text


_EVALUATION = re.compile(r"support group: evaluation after step (\S+) \((.*)\)", re.S)
_SECOND = "support group: second and last evaluation (step 4)"


def _step_names(text: str) -> dict[str, tuple[str, str]]:
    try:
        doc: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return {}
    steps = doc.get("support_group", {}).get("steps", [])
    return {str(s.get("key")): (str(s.get("name_en")), str(s.get("name_nl")))
            for s in steps if isinstance(s, dict)}


def convert_due(text: str, steps: dict[str, tuple[str, str]]) -> str:
    """One support-group agenda text as stored from now on, or the text when unrecognised."""
    if text == _SECOND:
        return json.dumps({"key": "cases.sg_second_evaluation", "values": {}})
    found = _EVALUATION.fullmatch(text)
    names = steps.get(found[1]) if found else None
    if found is None or names is None or names[0] != found[2]:
        return text
    return json.dumps({"key": "cases.sg_evaluation",
                       "values": {"step": found[1], "name": {"en": names[0], "nl": names[1]}}},
                      ensure_ascii=False)


def _protocol_text(conn: Connection, row: int | None) -> str:
    """The stored protocol of a case; cases older than stored protocols use the default."""
    if row is None:  # the shipped default (cybercase.protocol.model.default_text)
        return (assets() / "protocols" / "default.toml").read_text(encoding="utf-8")
    found = conn.execute("SELECT text FROM protocols WHERE id = ?", (row,)).fetchone()
    return str(found[0]) if found else ""


def _agenda(conn: Connection) -> None:
    protocols: dict[int, dict[str, tuple[str, str]]] = {}
    rows = conn.execute(
        "SELECT d.id, d.what, c.protocol_row FROM due_items d JOIN cases c ON c.id = d.case_id"
        " WHERE d.kind LIKE 'sg_%'").fetchall()
    for due_id, what, row in rows:
        key = -1 if row is None else int(row)
        if key not in protocols:
            protocols[key] = _step_names(_protocol_text(conn, row))
        new = convert_due(what, protocols[key])
        if new != what:
            conn.execute("UPDATE due_items SET what = ? WHERE id = ?", (new, due_id))


def apply(conn: Connection) -> None:
    _agenda(conn)
    _flags(conn)


def _flags(conn: Connection) -> None:
    rows = conn.execute(
        "SELECT id, flags FROM evidence_items WHERE flags != '[]'").fetchall()
    changed: list[tuple[str, int]] = []
    for item_id, stored in rows:
        flags = json.loads(stored)
        new = [convert(f) if isinstance(f, str) else f for f in flags]
        if new != flags:
            changed.append((json.dumps(new, ensure_ascii=False), item_id))
    if not changed:
        return
    trigger = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger'"
        " AND name = 'evidence_items_measured_fixed'").fetchone()
    if trigger is not None:
        conn.execute("DROP TRIGGER evidence_items_measured_fixed")
    conn.executemany("UPDATE evidence_items SET flags = ? WHERE id = ?", changed)
    if trigger is not None:
        conn.execute(trigger[0])
