"""The one masking engine: other people's names, handles, e-mail addresses, phone numbers
and URL content ids replaced in everything a parent or a pupil may read (AVG art. 15).

A :class:`Masker` is built once per document from :class:`Subject` records (whom to mask:
their names, nicknames, chat sender names, handles, e-mail, phone; each with its neutral
label, "leerling B") and the names that stay readable (the pupil the document is about, a
kept child, their parents). It compiles one pattern for the whole document and then

- replaces every match in a text with the subject's label (:meth:`Masker.__call__`),
- says what it found and why (:meth:`Masker.find`: a :class:`Hit` per match, with the
  person, the kind of match and the form it had), and
- marks the OCR word boxes of an image that show a masked name (:meth:`Masker.boxes`).

Matching is case- and diacritic-insensitive (Zoë = Zoe = ZOE), finds names glued into
file names and handles (after ``_``, ``.``, ``@``, ``-`` and before digits or a short
handle tail: ``Screenshot_Anouk_huiswerk.png``, ``sanne.k``, ``daan2015``, ``@Daan``), and
takes the Dutch possessive and diminutive forms with the name (Sannes, Sanne's,
Sannetje, Daans, Daantje, Tommetje). A name part that a kept person shares (a surname of
the pupil's own family) is masked only inside the other child's full name. The content id
of a TikTok, Instagram or YouTube URL is replaced as well (it leads to the post, and the
post to its author).

The engine lives in ``privacy/`` (below the documents and exports that use it) and knows
no vault: :mod:`cybercase.privacy.maskset` builds the subjects of a case.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

# name parts too common to replace on their own (Dutch particles)
PARTICLES = {"van", "der", "den", "de", "het", "ter", "ten", "op", "in", "la", "le", "el"}
# Dutch possessive and diminutive endings a name takes ("Sannes", "Daantje", "Tommetje")
_ENDINGS = r"(?:(?:etje|tje|pje|kje|je|ie|y)s?|s|'s|\u2019s|'|\u2019)?"
# a short handle tail glued to a name ("sanne.k", "tom_b", "daan2015", "lisa.dv")
_TAIL = r"(?:\d+|[._-](?:\d+|[^\W\d_]{1,2}\d*)(?![^\W_]))*"
# URLs whose path holds a content id: the id is masked, the platform stays
_URL_IDS = re.compile(
    r"(?:tiktok\.com/(?:@[\w.\-]+/)?(?:video|photo)/|vm\.tiktok\.com/|vt\.tiktok\.com/"
    r"|instagram\.com/(?:[\w.]+/)?(?:p|reel|reels|tv|stories/[\w.]+)/"
    r"|youtube\.com/(?:watch\?(?:[^\s#]*&)?v=|shorts/|live/|embed/)|youtu\.be/"
    r"|snapchat\.com/(?:spotlight|add|t)/)([\w\-]{4,})", re.IGNORECASE)


def fold(text: str) -> str:
    """``text`` with accents removed, one character for one (so positions in the folded
    text are positions in ``text``). ``text`` must be NFC."""
    if text.isascii():
        return text
    return "".join(ch if ch.isascii() else unicodedata.normalize("NFD", ch)[0]
                   for ch in text)


def norm_name(name: str) -> str:
    """A name as the engine compares it: NFC, no accents, lower case, single spaces."""
    return " ".join(fold(unicodedata.normalize("NFC", name)).lower().split())


def name_parts(name: str) -> set[str]:
    return {part for part in re.split(r"[\s\-]+", norm_name(name))
            if len(part) >= 3 and part not in PARTICLES}


def letter(n: int) -> str:
    out = ""
    n += 1
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def phone_forms(phone: str) -> list[str]:
    """A phone number's digits in its national and international forms."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 6:
        return []
    forms = {digits}
    if digits.startswith("0031"):
        digits = digits[2:]
    if digits.startswith("31"):
        forms |= {digits, "0" + digits[2:]}
    elif digits.startswith("0"):
        forms.add("31" + digits[1:])
    return sorted(forms, key=len, reverse=True)


@dataclass(frozen=True)
class Subject:
    """Someone whose identifiers are masked with ``label``."""

    label: str
    names: tuple[str, ...] = ()  # full names, nicknames, chat sender names
    handles: tuple[str, ...] = ()  # account handles and display names, e-mail addresses
    phones: tuple[str, ...] = ()
    person_id: int | None = None
    kind: str = "pupil"  # pupil | parent | account | sender


@dataclass(frozen=True)
class Hit:
    """One mask: where, what was found, the label it got and why."""

    start: int
    end: int
    found: str
    label: str
    why: str  # name | name_part | handle | email | phone | url_id
    person_id: int | None
    subject: str  # the subject's kind

    def to_json(self) -> dict[str, Any]:
        return {"found": self.found, "label": self.label, "why": self.why,
                "person_id": self.person_id, "subject": self.subject}


class WordBox(Protocol):
    """An OCR word with its box in pixels (``cybercase.evidence`` OCR words fit)."""

    @property
    def text(self) -> str: ...
    @property
    def left(self) -> int: ...
    @property
    def top(self) -> int: ...
    @property
    def width(self) -> int: ...
    @property
    def height(self) -> int: ...


@dataclass(frozen=True)
class BoxMask:
    """A solid box over an image: over OCR words that show a masked name, or drawn by
    hand (``hit`` is None, ``why`` is "manual")."""

    left: int
    top: int
    width: int
    height: int
    why: str
    label: str = ""
    found: str = ""
    person_id: int | None = None
    words: tuple[int, ...] = ()  # the OCR words' indices it covers

    def to_json(self) -> dict[str, Any]:
        return {"box": [self.left, self.top, self.width, self.height], "why": self.why,
                "label": self.label, "found": self.found, "person_id": self.person_id,
                "words": list(self.words)}


@dataclass
class _Entry:
    label: str
    why: str
    person_id: int | None
    subject: str
    labels: set[str] = field(default_factory=set)


def _name_pattern(words: str) -> str:
    """A folded name (or part) as a pattern: any spacing, ``.``, ``_`` or ``-`` between its
    parts or none ("SanneKoster", "sanne_koster"), Dutch endings after."""
    return r"[\s._-]*".join(re.escape(w) for w in words.split()) + _ENDINGS


class Masker:
    """Replaces other people's identifiers in free text with their labels, in one pass."""

    def __init__(self, keep: Iterable[str], subjects: Sequence[Subject], ambiguous: str,
                 url_id: str = "[id]") -> None:
        """``keep``: the names that stay readable (their parts are masked only inside a
        masked full name); ``ambiguous`` replaces a name part that several masked people
        share; ``url_id`` replaces a URL's content id."""
        self.ambiguous = ambiguous
        self.url_id = url_id
        self.subjects = list(subjects)
        kept = [norm_name(n) for n in keep if n and n.strip()]
        keep_parts = set().union(*(name_parts(n) for n in kept)) if kept else set()
        table: dict[str, _Entry] = {}  # folded form -> entry
        literal: dict[str, _Entry] = {}  # handles, e-mail: matched as written
        phones: dict[str, _Entry] = {}

        def put(into: dict[str, _Entry], key: str, s: Subject, why: str) -> None:
            found = into.get(key)
            if found is None:
                into[key] = _Entry(s.label, why, s.person_id, s.kind, {s.label})
            elif s.label not in found.labels:
                found.labels.add(s.label)
                found.label, found.person_id = ambiguous, None

        for s in subjects:
            for name in s.names:
                key = norm_name(name)
                if len(key) >= 2 and key not in kept:
                    put(table, key, s, "name")
        for s in subjects:
            for name in s.names:
                for part in name_parts(name) - keep_parts:
                    if part not in table or table[part].why == "name_part":
                        put(table, part, s, "name_part")
            for handle in s.handles:
                handle = norm_name(handle).replace(" ", "")
                why = "email" if "@" in handle.strip("@") else "handle"
                for form in {handle, handle.lstrip("@")}:
                    if len(form) >= 3 and form not in kept:
                        put(literal, form, s, why)
                if why == "email":
                    local = handle.split("@")[0]
                    if len(local) >= 3 and local not in keep_parts:
                        put(literal, local, s, "email")
            for phone in s.phones:
                for form in phone_forms(phone):
                    put(phones, form, s, "phone")
        self.table, self.literal, self.phones = table, literal, phones
        self.keep_parts = keep_parts
        # a name with an ending ("Sannetje"): its entry, found once per form
        self._longest = [(w, re.compile(_name_pattern(w), re.IGNORECASE))
                         for w in sorted(table, key=len, reverse=True)]
        self._forms: dict[str, _Entry] = {}
        alternatives: list[str] = []
        lit = sorted(literal, key=len, reverse=True)
        if lit:
            alternatives.append("(?P<lit>" + "|".join(re.escape(w) for w in lit) + ")")
        if phones:
            alternatives.append("(?P<tel>" + "|".join(
                (r"(?:\+|00)?" if form.startswith("31") else "")
                + r"[\s\-.()]?".join(re.escape(d) for d in form)
                for form in sorted(phones, key=len, reverse=True)) + r")(?!\d)")
        names = sorted(table, key=len, reverse=True)
        if names:
            alternatives.append(
                "(?P<name>" + "|".join(_name_pattern(w) for w in names) + ")" + _TAIL
                # the end of a word, or a capital after a small letter ("DaanSmit")
                + r"(?:(?![^\W\d_])|(?-i:(?<=[a-z])(?=[A-Z])))")
        # not inside a word: after a space, a digit or any of _ . @ - / and the like; the
        # first character's class up front lets the scan skip most positions at once
        firsts = {w[0] for w in (*table, *literal)} | {f[0] for f in phones}
        if phones:
            firsts |= {"+", "0"}
        start = "[" + "".join(re.escape(c) for c in sorted(firsts)) + "]"
        self.pattern = re.compile(
            r"(?<![^\W\d_])(?=" + start + ")(?:" + "|".join(alternatives) + ")",
            re.IGNORECASE) if alternatives else None

    # --- text ---------------------------------------------------------------------------

    def _entry(self, m: re.Match[str]) -> tuple[_Entry, str]:
        groups = m.groupdict()
        if groups.get("lit"):
            return self.literal[groups["lit"].lower()], m.group(0)
        if groups.get("tel"):
            digits = re.sub(r"\D", "", groups["tel"])
            entry = self.phones.get(digits) or self.phones.get(digits.lstrip("0"))
            if entry is None:
                entry = next((e for f, e in self.phones.items() if digits.endswith(f[-6:])),
                             next(iter(self.phones.values())))
            return entry, m.group(0)
        core = groups["name"]
        key = " ".join(core.lower().split())
        entry = self.table.get(key) or self._forms.get(key)
        if entry is None:  # an ending is glued on: the longest known form it starts with
            entry = next((self.table[w] for w, form in self._longest
                          if form.fullmatch(core)), None) or _Entry(
                              self.ambiguous, "name_part", None, "pupil")
            self._forms[key] = entry
        return entry, m.group(0)

    def find(self, text: Any) -> list[Hit]:
        """Every mask in ``text`` (NFC), with why it was made."""
        if text is None:
            return []
        value = unicodedata.normalize("NFC", str(text))
        hits: list[Hit] = []
        if self.pattern is not None:
            folded = fold(value)
            for m in self.pattern.finditer(folded):
                entry, _ = self._entry(m)
                hits.append(Hit(m.start(), m.end(), value[m.start():m.end()], entry.label,
                                entry.why, entry.person_id, entry.subject))
        for m in (_URL_IDS.finditer(value) if "/" in value else ()):
            if not any(h.start < m.end(1) and m.start(1) < h.end for h in hits):
                hits.append(Hit(m.start(1), m.end(1), m.group(1), self.url_id, "url_id",
                                None, "url"))
        hits.sort(key=lambda h: h.start)
        return hits

    def apply(self, text: Any) -> tuple[str, list[Hit]]:
        """``text`` masked, and the masks made."""
        if text is None:
            return "", []
        value = unicodedata.normalize("NFC", str(text))
        hits = self.find(value)
        if not hits:
            return value, []
        out, at = [], 0
        for h in hits:
            out.append(value[at:h.start])
            out.append(h.label)
            at = h.end
        out.append(value[at:])
        return "".join(out), hits

    def __call__(self, text: Any) -> str:
        return self.apply(text)[0]

    # --- images -------------------------------------------------------------------------

    def boxes(self, words: Sequence[WordBox], pad: int = 2) -> list[BoxMask]:
        """Solid boxes over the OCR words that show a masked name, handle, e-mail or phone
        number. The words of one line are read together (a name over two words)."""
        lines: dict[tuple[Any, ...], list[int]] = {}
        for n, w in enumerate(words):
            key = (getattr(w, "block", 0), getattr(w, "par", 0), getattr(w, "line", n))
            lines.setdefault(key, []).append(n)
        out: list[BoxMask] = []
        for indices in lines.values():
            spans, text = [], ""
            for n in indices:
                if text:
                    text += " "
                spans.append((n, len(text), len(text) + len(words[n].text)))
                text += words[n].text
            text = unicodedata.normalize("NFC", text)
            done: set[int] = set()
            for hit in self.find(text):
                covered = [n for n, a, b in spans if a < hit.end and hit.start < b]
                for n in covered:
                    w = words[n]
                    done.add(n)
                    out.append(BoxMask(max(0, w.left - pad), max(0, w.top - pad),
                                       w.width + 2 * pad, w.height + 2 * pad, hit.why,
                                       hit.label, w.text, hit.person_id, (n,)))
            for n in indices:  # OCR misreads a letter now and then: "Lofte" for "Lotte"
                if n in done:
                    continue
                entry = self.near(words[n].text)
                if entry is not None:
                    w = words[n]
                    out.append(BoxMask(max(0, w.left - pad), max(0, w.top - pad),
                                       w.width + 2 * pad, w.height + 2 * pad, "name_near",
                                       entry.label, w.text, entry.person_id, (n,)))
        return out

    def near(self, word: str) -> _Entry | None:
        """The entry of a name one letter away from ``word`` (5 letters or more): an OCR
        reading's misread name. None when there is none or several."""
        core = norm_name(word).strip(".,:;!?()[]'\"\u2019")
        if (len(core) < 5 or not core.isalpha() or core in self.table
                or core in self.keep_parts):
            return None
        found = {id(e): e for key, e in self.table.items()
                 if " " not in key and len(key) >= 5 and abs(len(key) - len(core)) <= 1
                 and _one_edit(core, key)}
        return next(iter(found.values())) if len(found) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by at most one letter changed, added or dropped."""
    if a == b:
        return True
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1:] for i in range(len(b)))
