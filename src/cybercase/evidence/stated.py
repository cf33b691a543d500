"""What the coordinator states about files she adds (who captured them, where, when), and
what an ingest reports back: one result per file, and progress.

User-facing texts: the catalogue (cybercase/locale, English and Dutch), built with msg().
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cybercase.core.errors import UsageError
from cybercase.core.i18n import CATALOGUES, msg
from cybercase.core.text import check_text

OFFENCE_TAGS = (
    "belediging", "bedreiging", "discriminatie", "smaad", "laster", "stalking",
    "uitsluiting", "nep-account", "afpersing", "doxing", "hacken", "identiteitsfraude",
    "overig",
)
CAPTURED_BY = ("pupil", "parent", "staff", "other")
# whether the phone the item was captured on can still be seen (by the police)
PHONE_AVAILABLE = ("yes", "no", "unknown")


def captured_by(kind: str | None, who: str | None = None) -> str | None:
    """How "who captured it" is stored: the kind (one of CAPTURED_BY), with the person after
    a colon when named ("parent: mother of Tim"); None when nothing was said."""
    if kind is None:
        return None
    who = (who or "").strip()
    return f"{kind}: {who}" if who else str(kind)

# User-facing texts: the catalogue (cybercase/locale, English and Dutch), built with msg().
# The English per-file texts under their former names, for code that compares with them.
MSG = {name: CATALOGUES["en"][f"evidence.file.{name}"] for name in (
    "missing", "symlink", "special", "unreadable", "empty", "loop", "also_in", "duplicate")}


@dataclass
class Stated:
    """What a person states about the evidence; kept apart from measured facts."""

    captured_by: str | None = None  # pupil, parent, staff, other (optionally ": who")
    device: str | None = None
    platform: str | None = None
    url: str | None = None
    accounts: list[str] = field(default_factory=list)
    shown_time: str | None = None  # as shown on screen, free text
    description: str | None = None
    tags: list[str] = field(default_factory=list)
    # how it reached the school, free text ("forwarded by WhatsApp", "USB stick", ...)
    received_via: str | None = None
    phone_available: str | None = None  # one of PHONE_AVAILABLE

    def checked(self) -> Stated:
        def one(value: str | None, what: str, limit: int = 200) -> str | None:
            return check_text(value, what, limit, required=False) or None if value else None

        captured = one(self.captured_by, msg("evidence.field.captured_by"))
        if captured is not None:
            kind = captured.split(":", 1)[0].strip().lower()
            if kind not in CAPTURED_BY:
                raise UsageError(msg("evidence.error.bad_captured", value=captured,
                                     choices=", ".join(CAPTURED_BY)))
        tags = []
        for tag in self.tags:
            norm = tag.strip().lower()
            if norm not in OFFENCE_TAGS:
                raise UsageError(msg("evidence.error.bad_tag", tag=tag,
                                     tags=", ".join(OFFENCE_TAGS)))
            if norm not in tags:
                tags.append(norm)
        accounts = [a for a in (one(x, msg("evidence.field.account"), 200)
                                for x in self.accounts) if a]
        phone = (self.phone_available or "").strip().lower() or None
        if phone is not None and phone not in PHONE_AVAILABLE:
            raise UsageError(msg("evidence.error.bad_phone_available",
                                 value=self.phone_available,
                                 choices=", ".join(PHONE_AVAILABLE)))
        return Stated(
            captured_by=captured, device=one(self.device, msg("evidence.field.device")),
            platform=one(self.platform, msg("evidence.field.platform"), 100),
            url=one(self.url, msg("evidence.field.url"), 2048), accounts=accounts,
            shown_time=one(self.shown_time, msg("evidence.field.shown_time"), 100),
            description=one(self.description, msg("evidence.field.description"), 2000),
            tags=tags,
            received_via=one(self.received_via, msg("evidence.field.received_via")),
            phone_available=phone,
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in (
            ("captured_by", self.captured_by), ("device", self.device),
            ("platform", self.platform), ("url", self.url), ("accounts", self.accounts),
            ("shown_time", self.shown_time), ("description", self.description),
            ("offence_tags", self.tags), ("received_via", self.received_via),
            ("phone_available", self.phone_available),
        ):
            if value:
                out[key] = value
        return out


@dataclass
class FileResult:
    path: str  # display form: valid text, undecodable bytes as \xNN
    status: str  # stored | duplicate | flagged | error
    id: int | None = None
    sha256: str | None = None
    size: int | None = None
    mime: str | None = None
    reason: str | None = None
    flags: list[str] = field(default_factory=list)
    also_in: list[str] = field(default_factory=list)
    near_duplicates: list[dict[str, Any]] = field(default_factory=list)
    chat: dict[str, Any] | None = None  # a chat export read as messages (evidence/chat)

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path, "status": self.status, "id": self.id, "sha256": self.sha256,
            "size": self.size, "mime": self.mime, "reason": self.reason,
            "flags": self.flags, "also_in": self.also_in,
            "near_duplicates": self.near_duplicates, "chat": self.chat,
        }


@dataclass
class Progress:
    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    current: str


ProgressFn = Callable[[Progress], None]
