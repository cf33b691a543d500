"""Split a WhatsApp chat export's text into entries: who, when (as shown), what.

The file order is the truth: entries are numbered in it and never sorted. A line that
starts with a date-and-time header starts an entry; every other line continues the one
before (multi-line messages keep their line breaks). A continuation line that happens to
look exactly like a header cannot be told apart from one: the raw file is kept as the
evidence, this is an interpretation of it.

Per entry: the sender as shown (marks around the name removed, nothing else changed),
the date and time as shown, the raw text, whether it is a WhatsApp notice (``system``)
and the media it refers to (a file name in the export, or a placeholder such as
``<Media weggelaten>``). Times are worked out separately (``dates.py``), because the day
and month order is a property of the whole file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cybercase.evidence.chat import patterns as p

LOOK_AHEAD_LINES = 20  # a chat export starts with a header within its first lines


@dataclass(slots=True)
class Entry:
    n: int  # position in the file, from 1
    line: int  # the line its header is on, from 1
    layout: str  # "android" ("date, time - ") or "ios" ("[date, time] ")
    sender: str | None  # as shown; None for a notice written without a name
    shown: str  # date and time as shown
    date: tuple[str, str, str]  # the three date fields as written
    clock: tuple[int, int, int | None, str | None]  # hour, minute, second, am/pm as written
    text: str  # raw, multi-line
    system: bool
    media: str | None


@dataclass
class Parsed:
    entries: list[Entry] = field(default_factory=list)
    layout: str = "android"
    separator: str = "/"
    replaced_bytes: bool = False  # the file was not valid UTF-8 everywhere

    @property
    def messages(self) -> list[Entry]:
        return [e for e in self.entries if not e.system]


def decode(data: bytes) -> tuple[str, bool]:
    """The text of an export (UTF-8, with or without a BOM); True when bytes were replaced."""
    try:
        return data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        return data.decode("utf-8-sig", errors="replace"), True


def looks_like_chat(text: str) -> bool:
    """True when the first non-empty line is a WhatsApp header."""
    for n, raw in enumerate(text.split("\n", LOOK_AHEAD_LINES)):
        if n >= LOOK_AHEAD_LINES:
            return False
        line = raw.rstrip("\r")
        if not p.strip_marks(line).strip():
            continue
        return p.HEADER.match(line) is not None
    return False


def _shown(header: str) -> str:
    clean = p.strip_marks(header).strip()
    if clean.startswith("["):
        clean = clean[1:]
    if clean.endswith("]"):
        clean = clean[:-1]
    elif clean.endswith((" -", " \u2013")):
        clean = clean[:-2]
    return clean.strip()


def _media(content: str) -> str | None:
    first = p.strip_marks(content.split("\n", 1)[0]).rstrip()
    if not first.endswith(p.MEDIA_ENDS):
        return None
    found = p.ATTACHED.search(first)
    if found:
        return found["name"].strip()
    found = p.FILE_ATTACHED.match(first)
    if found:
        return found["name"].strip()
    found = p.OMITTED.search(first)
    if found:
        return found.group(0).strip()
    return None


def _notice(words: str) -> bool:
    return p.STRONG_HINT.search(words) is not None and p.STRONG.match(words) is not None


def _split(body: str) -> tuple[str | None, str, bool]:
    """(sender, content, system) of the text after the header."""
    at = body.find(p.SENDER_SEP)
    if (at > 0 and p.QUOTE.search(body, 0, at) is not None
            and p.NO_SENDER.match(p.strip_marks(body))):
        return None, body, True  # a notice quoting a name with ": " in it
    if at <= 0:
        stripped = body.rstrip()
        if stripped.endswith(":") and stripped[:-1].strip(p.MARKS + " "):
            return stripped[:-1].strip(p.MARKS), "", False  # "Name:" with an empty body
        return None, body, True  # no "Name: ": a notice
    sender = body[:at].strip(p.MARKS)
    if not sender.strip():
        return None, body, True
    content = body[at + len(p.SENDER_SEP):]
    words = p.strip_marks(content).strip()
    if p.TOMBSTONE.match(words):
        return sender, content, False
    if _notice(words):
        return sender, content, True
    if content[:1] in p.MARKS and content[:1] and p.MARKED.match(words):
        return sender, content, True
    return sender, content, False


def parse(text: str, replaced: bool = False) -> Parsed:
    """All entries of an export's text, in file order."""
    out = Parsed(replaced_bytes=replaced)
    entries = out.entries
    current: Entry | None = None
    more: list[str] = []
    layouts = {"android": 0, "ios": 0}
    seps: dict[str, int] = {}
    header = p.HEADER.match
    for number, raw in enumerate(text.split("\n"), 1):
        if raw.endswith("\r"):
            raw = raw[:-1]
        found = header(raw)
        if found is None:
            if current is not None:
                more.append(raw)
            continue
        if current is not None:
            if more:
                current.text = "\n".join([current.text, *more])
                more = []
            entries.append(current)
        layout = "ios" if found["ios"] is not None else "android"
        layouts[layout] += 1
        sep = found["sep"]
        seps[sep] = seps.get(sep, 0) + 1
        sender, content, system = _split(raw[found.end():])
        second = found["S"]
        current = Entry(
            n=len(entries) + 1, line=number, layout=layout, sender=sender,
            shown=_shown(raw[:found.end()]), date=(found["a"], found["b"], found["c"]),
            clock=(int(found["H"]), int(found["MI"]), int(second) if second else None,
                   found["ampm"]),
            text=content, system=system, media=None,
        )
    if current is not None:
        while more and not more[-1].strip():
            more.pop()  # the file's final newline(s)
        if more:
            current.text = "\n".join([current.text, *more])
        entries.append(current)
    for entry in entries:
        if not entry.system:
            entry.media = _media(entry.text)
    out.layout = max(layouts, key=lambda k: layouts[k])
    if seps:
        out.separator = max(seps, key=lambda k: seps[k])
    return out
