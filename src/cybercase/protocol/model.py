"""Protocol templates: TOML text -> a validated :class:`Protocol`.

Every error names the file and the line: tomllib's syntax errors carry their own line;
schema errors (a missing key, a wrong type, a reference to an unknown role) are placed with
:func:`cybercase.protocol.locate.line_of`. Errors are :class:`UsageError` (exit 2).
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import tomllib
from pathlib import Path
from typing import Any

from cybercase.core import oslayer
from cybercase.core.errors import UsageError
from cybercase.core.i18n import msg
from cybercase.core.paths import assets
from cybercase.protocol.locate import line_of
from cybercase.protocol.schema import (
    CaseRole,
    ChecklistItem,
    Named,
    Phase,
    Protocol,
    Step,
    TriageOutcome,
)

DEFAULT_NAME = "default.toml"
MAX_BYTES = 1_000_000
NOTE_KINDS = ("incident", "journal")
REQUIRED_STEPS = ("1", "2", "3", "4")
_KEY = re.compile(r"^[a-z0-9][a-z0-9_\-]{0,39}$")



class _Checker:
    """Walks the parsed TOML with a path, so every error can point at its line."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text

    def fail(self, path: tuple[str | int, ...], detail: str) -> UsageError:
        where = ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in path)
        where = where.replace(".[", "[")
        return UsageError(msg("protocol.schema", name=self.name, line=line_of(self.text, path),
                              where=where, detail=detail))

    def get(self, table: dict[str, Any], path: tuple[str | int, ...], key: str,
            kind: type, default: Any = ...) -> Any:
        if key not in table:
            if default is not ...:
                return default
            raise self.fail((*path, key), msg("protocol.missing_key", name=key))
        value = table[key]
        ok = isinstance(value, kind) and not (kind is int and isinstance(value, bool))
        if not ok:
            raise self.fail((*path, key), msg("protocol.must_be", kind=_kind_name(kind)))
        if kind is str and not value.strip():
            raise self.fail((*path, key), msg("protocol.is_empty"))
        return value

    def strings(self, table: dict[str, Any], path: tuple[str | int, ...], key: str,
                default: Any = ...) -> tuple[str, ...]:
        value = self.get(table, path, key, list, default)
        if not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail((*path, key), msg("protocol.texts"))
        return tuple(value)

    def tables(self, doc: dict[str, Any], path: tuple[str | int, ...],
               key: str) -> list[dict[str, Any]]:
        value: list[dict[str, Any]] = self.get(doc, path, key, list)
        if not value:
            raise self.fail((*path, key), msg("protocol.needs_entry"))
        for i, entry in enumerate(value):
            if not isinstance(entry, dict):
                raise self.fail((*path, key, i), msg("protocol.must_be_table", name=key))
        return value

    def named(self, doc: dict[str, Any], path: tuple[str | int, ...], key: str) -> list[Named]:
        out: list[Named] = []
        seen: set[str] = set()
        for i, entry in enumerate(self.tables(doc, path, key)):
            p = (*path, key, i)
            k = self.key(entry, p, seen)
            out.append(Named(k, self.get(entry, p, "name_nl", str),
                             self.get(entry, p, "name_en", str)))
        return out

    def key(self, entry: dict[str, Any], path: tuple[str | int, ...], seen: set[str]) -> str:
        k: str = self.get(entry, path, "key", str)
        if not _KEY.match(k):
            raise self.fail((*path, "key"), msg("protocol.bad_key", name=k))
        if k in seen:
            raise self.fail((*path, "key"), msg("protocol.key_twice", name=k))
        seen.add(k)
        return k

    def refs(self, values: tuple[str, ...], known: set[str], path: tuple[str | int, ...],
             what: str) -> tuple[str, ...]:
        for value in values:
            if value not in known:
                raise self.fail(path, msg("protocol.unknown_ref", what=what, value=value,
                                          known=", ".join(sorted(known))))
        return values


def _kind_name(kind: type) -> str:
    names = {str: msg("protocol.kind.str"), int: msg("protocol.kind.int"),
             bool: msg("protocol.kind.bool"), list: msg("protocol.kind.list"),
             dict: msg("protocol.kind.dict")}
    return names[kind]


def parse(text: str, name: str) -> Protocol:
    """Validate protocol ``text`` (from a file called ``name``) into a :class:`Protocol`."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        detail = str(exc)
        match = re.search(r"line (\d+)", detail)
        line = match.group(1) if match else "?"
        raise UsageError(msg("protocol.syntax", name=name, line=line, detail=detail)) from None
    c = _Checker(name, text)
    head = c.get(doc, (), "protocol", dict)
    pid = c.get(head, ("protocol",), "id", str)
    version = c.get(head, ("protocol",), "version", str)
    staff = c.named(doc, (), "staff_roles")
    staff_keys = {s.key for s in staff}
    staff_role = msg("protocol.field.staff_role")
    case_roles: list[CaseRole] = []
    seen: set[str] = set()
    for i, entry in enumerate(c.tables(doc, (), "case_roles")):
        p: tuple[str | int, ...] = ("case_roles", i)
        key = c.key(entry, p, seen)
        note = c.get(entry, p, "note", str)
        if note not in NOTE_KINDS:
            raise c.fail((*p, "note"), msg("protocol.one_of", choices=", ".join(NOTE_KINDS)))
        case_roles.append(CaseRole(key, c.get(entry, p, "name_nl", str),
                                   c.get(entry, p, "name_en", str), note))
    sg_roles = c.named(doc, (), "support_group_roles")
    channels = c.named(doc, (), "channels")
    triage = c.get(doc, (), "triage", dict)
    criteria = c.named(triage, ("triage",), "criteria")
    outcomes: list[TriageOutcome] = []
    seen = set()
    for i, entry in enumerate(c.tables(triage, ("triage",), "outcomes")):
        p = ("triage", "outcomes", i)
        outcomes.append(TriageOutcome(
            c.key(entry, p, seen), c.get(entry, p, "name_nl", str),
            c.get(entry, p, "name_en", str), c.get(entry, p, "when_all", bool, False),
            c.get(entry, p, "text_nl", str), c.get(entry, p, "text_en", str),
            c.get(entry, p, "phase", int, None),
        ))
    phases: list[Phase] = []
    for i, entry in enumerate(c.tables(doc, (), "phases")):
        p = ("phases", i)
        number = c.get(entry, p, "number", int)
        if number != i + 1:
            raise c.fail((*p, "number"), msg("protocol.phase_order", phase=i + 1))
        phases.append(Phase(
            number, c.get(entry, p, "name_nl", str), c.get(entry, p, "name_en", str),
            c.get(entry, p, "meaning_nl", str), c.get(entry, p, "meaning_en", str),
            c.refs(c.strings(entry, p, "who_acts"), staff_keys, (*p, "who_acts"), staff_role),
            c.get(entry, p, "escalate_nl", str), c.get(entry, p, "escalate_en", str),
            c.strings(entry, p, "expects_nl", ()), c.strings(entry, p, "expects_en", ()),
        ))
    if len(phases) != 6:
        raise c.fail(("phases", len(phases) - 1), msg("protocol.phase_count", n=len(phases)))
    sg = c.get(doc, (), "support_group", dict)
    steps: list[Step] = []
    seen = set()
    for i, entry in enumerate(c.tables(sg, ("support_group",), "steps")):
        p = ("support_group", "steps", i)
        key = c.key(entry, p, seen)
        days = c.get(entry, p, "evaluation_after_days", int, 0)
        again = c.get(entry, p, "again_after_days", int, 7)
        for k, v in (("evaluation_after_days", days), ("again_after_days", again)):
            if not 0 <= v <= 365:
                raise c.fail((*p, k), msg("protocol.days_range"))
        decisions = c.strings(entry, p, "decisions", ())
        steps.append(Step(
            key, c.get(entry, p, "name_nl", str), c.get(entry, p, "name_en", str),
            c.refs(c.strings(entry, p, "leads", ()), staff_keys, (*p, "leads"), staff_role),
            c.strings(entry, p, "points_nl", ()), c.strings(entry, p, "points_en", ()),
            decisions, days, again,
            c.get(entry, p, "actions_required", bool, False),
            c.get(entry, p, "bullied_absent", bool, False),
            c.refs(c.strings(entry, p, "inform", ()), staff_keys, (*p, "inform"),
                   staff_role),
        ))
    missing = [k for k in REQUIRED_STEPS if k not in seen]
    if missing:
        raise c.fail(("support_group", "steps"),
                     msg("protocol.steps_missing", steps=", ".join(missing), n=len(missing)))
    items: list[ChecklistItem] = []
    ids: set[int] = set()
    for i, entry in enumerate(c.tables(doc, (), "checklist")):
        p = ("checklist", i)
        number = c.get(entry, p, "id", int)
        if number < 1 or number in ids:
            raise c.fail((*p, "id"), msg("protocol.item_id", number=number))
        ids.add(number)
        responsible = c.strings(entry, p, "responsible")
        if not responsible:
            raise c.fail((*p, "responsible"), msg("protocol.responsible"))
        items.append(ChecklistItem(
            number, c.refs(responsible, staff_keys, (*p, "responsible"), staff_role),
            c.get(entry, p, "text_nl", str), c.get(entry, p, "text_en", str),
        ))
    items.sort(key=lambda it: it.id)
    bullied = [r for r in case_roles if r.key == "bullied"]
    if not bullied:
        raise c.fail(("case_roles",), msg("protocol.bullied_required"))
    return Protocol(
        pid, version, c.get(head, ("protocol",), "name_nl", str),
        c.get(head, ("protocol",), "name_en", str), staff, case_roles, sg_roles, channels,
        criteria, outcomes, phases, steps, items, text,
        hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _read_bounded(path: Path) -> bytes:
    """A regular file's bytes, at most MAX_BYTES: a device (/dev/zero) or a pipe that never
    ends is refused before anything is read, and a file that grows is read no further.

    Opened without blocking, so a FIFO with no writer cannot hang the program."""
    fd = os.open(path, os.O_RDONLY | oslayer.open_flags(nonblock=True))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise UsageError(msg("trust.protocol_not_file", path=path))
        chunks: list[bytes] = []
        size = 0
        while size <= MAX_BYTES:
            chunk = os.read(fd, MAX_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > MAX_BYTES:
            raise UsageError(msg("protocol.too_large", path=path))
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_file(path: Path) -> Protocol:
    """Read and validate a protocol file the user named."""
    try:
        raw = _read_bounded(path)
    except FileNotFoundError:
        raise UsageError(msg("protocol.no_file", path=path)) from None
    except IsADirectoryError:
        raise UsageError(msg("protocol.is_dir", path=path)) from None
    except OSError as exc:
        raise UsageError(msg("protocol.unreadable", path=path, error=exc.strerror)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise UsageError(msg("protocol.not_utf8", path=path, line=line)) from None
    return parse(text, str(path))


_CACHE: dict[str, Protocol] = {}


def from_text(text: str, name: str) -> Protocol:
    """Parse (cached by content): stored protocols are parsed many times per command."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    found = _CACHE.get(digest)
    if found is None:
        found = _CACHE[digest] = parse(text, name)
    return found


def default_text() -> str:
    return (assets() / "protocols" / DEFAULT_NAME).read_text(encoding="utf-8")


def default() -> Protocol:
    return from_text(default_text(), DEFAULT_NAME)
