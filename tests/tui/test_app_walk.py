"""The app walked through in Dutch at 80x24 (issue 20, items 1 and 4): no raw key, English
word or code on any screen or dialog, and every dialog's buttons inside the screen."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from textual.screen import ModalScreen, Screen
from textual.widgets import Button

from cybercase.demo import create_demo_vault
from cybercase.tui.settings import AppSettings
from tests.tui.conftest import AppFactory, settle
from tests.tui.walk import screen_lines, walk

# what the issue found on screen, and what must never come back
KNOWN_LEAKS = (
    "parent:", "via parent", "bullying", "ib, ivp", "case.reported", "sg.meeting",
    "referral.sent", "(care.read)", "vault.verify", "ok=True", "actions=[[", "^p palette",
    "Search for commands", "No matches found", "(persoon 2)", "1 open zaken", "bestand(en)",
    "file(s)", "item(s)",
)
# a message key or an audit action shown as such: lower-case words joined by dots
# (a file name "x.pdf", a domain "instagram.com" and a time "08.43" are not keys)
RAW_KEY = re.compile(r"\b[a-z][a-z_]*\.[a-z][a-z_]+(?:\.[a-z_]+)*\b")
NOT_KEYS = re.compile(r"\.(pdf|zip|png|jpe?g|txt|json|com|nl|org|net|be|sqlite|db|io|"
                      r"csv|heic|gif|webp|mp4)\b")


def leaks(lines: list[str], handles: bool = False) -> list[str]:
    """Known leaks and key-like tokens (``handles``: the screen shows account handles such
    as "juf.marieke", user data that looks like a key)."""
    found = []
    for line in lines:
        found += [leak for leak in KNOWN_LEAKS if leak in line]
        if handles:
            continue
        found += [m.group(0) for m in RAW_KEY.finditer(line)
                  if not NOT_KEYS.search(m.group(0)) and "@" not in line[
                      max(0, m.start() - 40):m.end()]
                  and "/" not in line[max(0, m.start() - 1):m.start()]]
    return found


def buttons_outside(screen: Screen[Any], size: tuple[int, int]) -> list[str]:
    """The dialog's own buttons (its foot, its button row) not wholly on screen; buttons
    among the fields scroll with them."""
    width, height = size
    out = []
    for button in screen.query(Button):
        row = button.parent
        own = any(a.has_class("form-foot") for a in button.ancestors) or (
            row is not None and row.has_class("buttons")
            and row.parent is not None and row.parent.has_class("dialog"))
        if not own or not button.display or (row is not None and not row.display):
            continue
        region = button.region
        if region.area == 0:
            out.append(f"#{button.id} not shown")
        elif region.y < 0 or region.bottom > height or region.x < 0 or region.right > width:
            out.append(f"#{button.id} at {region}")
    return out


def hidden_stop(screen: Screen[Any], size: tuple[int, int]) -> str | None:
    """Where the focus is, if it is not wholly shown: off the screen, or under the dialog's
    docked foot / button row."""
    focused = screen.focused
    if focused is None:
        return None
    region = focused.region
    width, height = size
    if region.area == 0 or region.y < 0 or region.bottom > height or region.right > width:
        return f"focus on {focused!r} at {region}"
    for foot in screen.query(".form-foot, .dialog > .buttons"):
        if focused in foot.ancestors_with_self or foot in focused.ancestors_with_self:
            continue  # the scrolling dialog itself, or a button of the foot
        if foot.region.overlaps(region):
            return f"focus on {focused!r} under the buttons"
    return None


@pytest.fixture
def demo_vault(vault_dir: Path) -> Path:
    create_demo_vault(vault_dir).close()
    return vault_dir


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_every_screen_and_dialog_in_dutch_without_leaks_and_buttons_in_view(
    demo_vault: Path, app_factory: AppFactory, size: tuple[int, int]
) -> None:
    app = app_factory(demo_vault, demo=True, settings=AppSettings(language="nl"))
    problems: dict[str, list[str]] = {}
    visited: list[str] = []

    async def visit(name: str, screen: Screen[Any]) -> None:
        visited.append(name)
        found = leaks(screen_lines(pilot), handles="accounts" in name)
        if isinstance(screen, ModalScreen):
            found += buttons_outside(screen, size)
            for _ in range(12):  # Tab never stops on something not shown
                await pilot.press("tab")
                stop = "not judged yet"
                for _ in range(20):  # the scroll to the field may take a moment under load
                    await pilot.wait_for_scheduled_animations()
                    await pilot.pause(0.05)
                    stop = hidden_stop(screen, size)
                    if stop is None:
                        break
                if stop:
                    found.append(stop)
                    break
        if found:
            problems[name] = sorted(set(found))

    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        asked = await walk(pilot, visit, cases=("2026-001", "2026-002"),
                           dialogs_in="2026-002")
    assert len([v for v in visited if "dialog" in v]) >= 20, visited
    assert not asked, f"asked to discard changes nobody made: {asked}"
    assert not problems, "\n".join(f"{k}: {v}" for k, v in problems.items())
