"""The demo vault behind ``cybercase demo``: made on first use, fixed passphrase.

Everything in it is invented (names, groups, events). It is a real vault (SQLCipher, key
slots, audit log), so the demo shows the program as it is; its passphrase is printed on
screen on purpose: it holds no real data and must never be used for real cases.

The content grows with the core: for now several cases in different phases.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cybercase.cases.cases import create_case
from cybercase.vault import Vault
from cybercase.vault.vault import exists

DEMO_USER = "demo"
DEMO_PASSPHRASE = "demo vault, not for real cases"
DEMO_SCHOOL = "OBS De Regenboog (demo)"


@dataclass(frozen=True)
class DemoCase:
    title: str
    group: str | None
    phase: int


DEMO_CASES: tuple[DemoCase, ...] = (
    DemoCase("WhatsApp group 7b: pupil removed and mocked", "7b", 2),
    DemoCase("Fake Instagram account posing as a teacher", "8a", 4),
    DemoCase("Nicknames in the class chat after gym", "6a", 1),
    DemoCase("Edited photo shared in a Snapchat group", "8b", 3),
    DemoCase("Threats in an online game chat (Roblox)", "7a", 2),
    DemoCase("TikTok comments about a pupil's appearance", "8a", 1),
)


def create_demo_vault(path: Path) -> Vault:
    """Make the demo vault at ``path`` (which must not hold a vault) and return it open."""
    vault, _recovery = Vault.create(path, DEMO_USER, DEMO_PASSPHRASE, school=DEMO_SCHOOL)
    try:
        for case in DEMO_CASES:
            create_case(vault, case.title, case.group, case.phase)
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
    "create_demo_vault",
    "ensure_demo_vault",
]
