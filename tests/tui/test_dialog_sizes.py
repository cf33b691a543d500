"""Dialogs at 80x24 and 120x40 (issue 20, item 1): the support-group dialog shows every
pupil of a case with six, Tab reaches each of them on screen, the buttons never leave the
screen; the create-vault screen's last button can be reached."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.tui.case.support import MeetingModal
from cybercase.tui.screens.create_vault import CreateVaultScreen
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, open_tab

SIZES = [(80, 24), (120, 40)]
PUPILS = ["Sanne", "Tim", "Yara", "Daan", "Noor", "Sem", "Lotte"]


def inside(widget: Widget, size: tuple[int, int]) -> bool:
    """Wholly on screen, and not under a dialog's docked buttons."""
    width, height = size
    r = widget.region
    if not (r.area > 0 and r.x >= 0 and r.y >= 0 and r.right <= width and r.bottom <= height):
        return False
    return not any(foot.region.overlaps(r) for foot in widget.screen.query(".form-foot")
                   if foot not in widget.ancestors_with_self)


@pytest.fixture
def seven_pupils(vault_dir: Path) -> Path:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Groepsapp 7b", "7b", 2)
        for name in PUPILS:
            add_person(vault, case.ref, name, "pupil", group="7b")
    finally:
        vault.close()
    return vault_dir


@pytest.mark.parametrize("size", SIZES)
async def test_support_group_dialog_shows_every_pupil_and_its_buttons(
    seven_pupils: Path, app_factory: AppFactory, unlock: Unlock, size: tuple[int, int]
) -> None:
    app = app_factory(seven_pupils)
    async with app.run_test(size=size) as pilot:
        await open_tab(pilot, unlock, "support")
        await pilot.press("a")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, MeetingModal)
        boxes = list(modal.query(Checkbox))
        assert [str(b.label) for b in boxes] == PUPILS
        for button in modal.query(".form-foot Button"):
            assert inside(button, size), (button.id, button.region)
        seen = set()
        for _ in range(40):  # Tab through the whole form: each stop is on screen
            await pilot.press("tab")
            focused = app.focused
            for _ in range(20):  # the scroll to the field may take a moment under load
                await pilot.wait_for_scheduled_animations()
                await pilot.pause(0.05)
                focused = app.focused
                if focused is not None and inside(focused, size):
                    break
            assert focused is not None
            assert inside(focused, size), (focused, focused.region)
            if isinstance(focused, Checkbox):
                seen.add(str(focused.label))
            for button in modal.query(".form-foot Button"):
                assert inside(button, size), (button.id, button.region)
        assert seen == set(PUPILS)
        # each pupil's action point field, too
        for field in modal.query(".pupil-row Input"):
            assert isinstance(field, Input)
            field.focus()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            assert inside(field, size), field.region


@pytest.mark.parametrize("size", SIZES)
async def test_create_vault_screen_reaches_its_last_button(
    vault_dir: Path, app_factory: AppFactory, size: tuple[int, int]
) -> None:
    app = app_factory(vault_dir)
    async with app.run_test(size=size) as pilot:
        screen = app.screen
        assert isinstance(screen, CreateVaultScreen)
        for _ in range(12):
            await pilot.press("tab")
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            assert app.focused is not None and inside(app.focused, size), app.focused
        restore = screen.query_one("#restore", Button)
        restore.focus()
        await pilot.pause()
        assert inside(restore, size), restore.region
