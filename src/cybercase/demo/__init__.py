"""The demo vault behind ``cybercase demo``: made on first use, fixed passphrase.

Everything in it is invented (names, groups, accounts, chats) and described in
``assets/demo/demo.toml``; chat screenshots are drawn with Pillow while the demo is made.
It is a real vault (SQLCipher, key slots, audit log), so the demo shows the program as it
is; its passphrase is printed on screen on purpose: it holds no real data and must never
be used for real cases.

Dates in the file are relative to the day the demo is made, so its agenda always shows
something overdue and something coming up.
"""

from __future__ import annotations

import io
import tempfile
import tomllib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont

from cybercase.cases import checklist, people, phases, supportgroup
from cybercase.cases.cases import create_case, triage
from cybercase.core.paths import assets
from cybercase.core.timeutil import local_today
from cybercase.cyber import accounts, agreements, police, referrals
from cybercase.evidence.ingest import ingest
from cybercase.evidence.stated import Stated
from cybercase.vault import Vault
from cybercase.vault.vault import exists
from cybercase.views import agenda

DEMO_USER = "demo"
DEMO_PASSPHRASE = "demo vault, not for real cases"

TRIAGE_CRITERIA = {
    "pesten": {"intent": True, "repetition": True, "power": True},
    "plagen": {"intent": False, "repetition": False, "power": False},
    "conflict": {"intent": True, "repetition": False, "power": False},
    "incident": {"intent": True, "repetition": False, "power": True},
}


def load_spec() -> dict[str, Any]:
    """The demo's content as shipped in ``assets/demo/demo.toml``."""
    return tomllib.loads((assets() / "demo" / "demo.toml").read_text(encoding="utf-8"))


_SPEC = load_spec()
DEMO_SCHOOL: str = _SPEC["demo"]["school"]


@dataclass(frozen=True)
class DemoCase:
    title: str
    group: str | None
    phase: int


DEMO_CASES: tuple[DemoCase, ...] = tuple(
    DemoCase(c["title"], c.get("group"), max([1] + [p[0] for p in c.get("phases", [])]))
    for c in _SPEC["cases"]
)

# --- chat screenshots ------------------------------------------------------------------

_BG = {"WhatsApp": (236, 229, 221), "Instagram": (250, 250, 250), "Snapchat": (255, 252, 0),
       "Roblox": (35, 37, 39)}
_BAR = {"WhatsApp": (7, 94, 84), "Instagram": (193, 53, 132), "Snapchat": (20, 20, 20),
        "Roblox": (0, 110, 200)}


def chat_screenshot(chat: dict[str, Any]) -> bytes:
    """A phone-sized PNG of the chat in ``chat`` (invented content, for the demo only)."""
    width, height = 390, 720
    platform = chat["platform"]
    img = Image.new("RGB", (width, height), _BG.get(platform, (240, 240, 240)))
    draw = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=17)
    small = ImageFont.load_default(size=13)
    draw.rectangle((0, 0, width, 28), fill=(0, 0, 0))
    draw.text((12, 6), chat.get("shown_time", ""), font=small, fill=(255, 255, 255))
    draw.text((width - 60, 6), "87%", font=small, fill=(255, 255, 255))
    draw.rectangle((0, 28, width, 84), fill=_BAR.get(platform, (60, 60, 60)))
    draw.text((16, 44), chat["chat"], font=font, fill=(255, 255, 255))
    y = 100
    dark = platform == "Roblox"
    for sender, text, at, side in chat["messages"]:
        if side == "system":
            w = int(draw.textlength(text, font=small)) + 20
            draw.rounded_rectangle(((width - w) // 2, y, (width + w) // 2, y + 24), 8,
                                   fill=(225, 245, 254))
            draw.text(((width - w) // 2 + 10, y + 5), text, font=small, fill=(60, 60, 60))
            y += 36
            continue
        lines = _wrap(draw, text, font, 250)
        w = max([int(draw.textlength(line, font=font)) for line in lines]
                + [int(draw.textlength(sender, font=small))]) + 70
        h = 28 + 22 * len(lines)
        x = 12 if side == "left" else width - w - 12
        fill = ((60, 63, 66) if dark else (255, 255, 255)) if side == "left" else (
            (0, 90, 160) if dark else (220, 248, 198))
        ink = (240, 240, 240) if dark else (20, 20, 20)
        draw.rounded_rectangle((x, y, x + w, y + h), 10, fill=fill)
        if sender:
            draw.text((x + 10, y + 5), sender, font=small, fill=(200, 80, 40))
        for i, line in enumerate(lines):
            draw.text((x + 10, y + 22 + 22 * i), line, font=font, fill=ink)
        draw.text((x + w - 44, y + h - 18), at, font=small, fill=(130, 130, 130))
        y += h + 12
    out = io.BytesIO()
    img.save(out, "PNG")
    return out.getvalue()


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont | ImageFont.ImageFont,
          limit: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and draw.textlength(trial, font=font) > limit:
            lines.append(line)
            line = word
        else:
            line = trial
    return [*lines, line] if line else lines or [""]


# --- building the vault ------------------------------------------------------------------

def _day(today: date, days: int) -> str:
    return (today + timedelta(days=days)).isoformat()


def _build_case(vault: Vault, spec: dict[str, Any], today: date, workdir: Path) -> None:
    case = create_case(
        vault, spec["title"], spec.get("group"), 1, reported_by=spec.get("reported_by"),
        channel=spec.get("channel"), reported_on=_day(today, -spec["reported_days_ago"]),
        summary=spec.get("summary"), reason="Melding ontvangen.",
    )
    ref = case.ref
    ids: dict[str, int] = {}
    for p in spec.get("people", []):
        person = people.add_person(vault, ref, p["name"], p["kind"], p.get("role"),
                                   p.get("group"), p.get("born"))
        ids[p["key"]] = person.id
    for p in spec.get("people", []):
        if "parent_of" in p:
            people.link_parent(vault, ids[p["key"]], ids[p["parent_of"]])
    for to, reason in spec.get("phases", []):
        phases.change_phase(vault, ref, to, reason)
    if "triage" in spec:
        triage(vault, ref, spec["triage"], dict(TRIAGE_CRITERIA[spec["triage"]]))
    for item, status, note in spec.get("checklist", []):
        checklist.set_item(vault, ref, item, status, note=note or None)
    for inf in spec.get("informed", []):
        supportgroup.record_informed(
            vault, ref, inf["who"], _day(today, -inf["days_ago"]), inf["how"],
            person_id=ids.get(inf.get("person", "")), note=inf.get("note"))
    for days, what in spec.get("follow_ups", []):
        agenda.add_follow_up(vault, ref, _day(today, days), what)
    evidence: list[int] = []
    for n, chat in enumerate(spec.get("chats", []), 1):
        name = f"{chat['platform'].lower()}_{ref}_{n}.png"
        path = workdir / name
        path.write_bytes(chat_screenshot(chat))
        stated = Stated(
            captured_by=chat.get("captured_by"), platform=chat["platform"],
            url=chat.get("url"), accounts=list(chat.get("accounts", [])),
            shown_time=chat.get("shown_time"), description=chat.get("description"),
            tags=list(chat.get("tags", [])))
        evidence += [r.id for r in ingest(vault, ref, [str(path)], stated, workers=1)
                     if r.id is not None]
        path.unlink()
    _cyber(vault, ref, spec, ids, evidence, today)


def _cyber(vault: Vault, ref: str, spec: dict[str, Any], ids: dict[str, int],
           evidence: list[int], today: date) -> None:
    """Accounts with their attributions, referrals, police reports, agreements."""
    account_ids: list[int] = []
    for a in spec.get("accounts", []):
        acc = accounts.add_account(
            vault, ref, a["platform"], a["handle"], display_name=a.get("display_name"),
            profile_url=a.get("profile_url"), email=a.get("email"), phone=a.get("phone"),
            fake="impersonates" in a, impersonates=a.get("impersonates"),
            notes=a.get("notes"), evidence=evidence)
        account_ids.append(acc.id)
        for person, status, basis, note in a.get("attributions", []):
            accounts.attribute(vault, acc.id, ids[person], status, basis, note)
    for r in spec.get("referrals", []):
        referral, _warnings = referrals.add_referral(
            vault, ref, r["channel"], r["urls"], platform=r.get("platform"),
            what=r.get("harm"), evidence=evidence, accounts=account_ids,
            sent_on=_day(today, -r["sent_days_ago"]), reference=r.get("reference"),
            follow_up=(_day(today, r["follow_up_in_days"])
                       if "follow_up_in_days" in r else None))
        if r.get("status", "sent") != "sent":
            referrals.update_referral(vault, referral.id, status=r["status"])
    for p in spec.get("police", []):
        police.add_report(
            vault, ref, p["kind"], p["offence"], victim=ids[p["victim"]],
            suspects=[ids[s] for s in p.get("suspects", [])], accounts=account_ids,
            appointment=_day(today, p["appointment_in_days"]))
    for g in spec.get("agreements", []):
        agreements.add_agreement(
            vault, ref, ids[g["pupil"]], g["parents"], _day(today, g["review_in_days"]),
            agreed_on=_day(today, -g["agreed_days_ago"]))


def create_demo_vault(path: Path) -> Vault:
    """Make the demo vault at ``path`` (which must not hold a vault) and return it open."""
    vault, _recovery = Vault.create(path, DEMO_USER, DEMO_PASSPHRASE, school=DEMO_SCHOOL)
    try:
        today = local_today()
        # The invented screenshots pass through files because ingest reads files; they are
        # made and removed one by one in a private folder beside the demo vault.
        with tempfile.TemporaryDirectory(prefix=".demo-", dir=path) as tmp:
            for spec in _SPEC["cases"]:
                _build_case(vault, spec, today, Path(tmp))
    except BaseException:
        vault.close()
        raise
    return vault


def ensure_demo_vault(path: Path) -> bool:
    """Create the demo vault at ``path`` unless one is there; True if it was made now."""
    if exists(path):
        return False
    create_demo_vault(path).close()
    return True


__all__ = [
    "DEMO_CASES",
    "DEMO_PASSPHRASE",
    "DEMO_SCHOOL",
    "DEMO_USER",
    "chat_screenshot",
    "create_demo_vault",
    "ensure_demo_vault",
]
