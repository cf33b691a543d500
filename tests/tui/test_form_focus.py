"""A form at 80x24, where it scrolls, opens at its top (title and first label shown), and
Tab walks it in the order it reads: every field, then the buttons in the docked foot
(issue 20: Tab went from the third field of "add a person" to Save, past the fields below
the fold)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Button, Input

from cybercase.core.i18n import t
from cybercase.tui.case.accounts_dialogs import AddAccountModal
from cybercase.tui.case.people import AddPersonModal
from cybercase.tui.settings import AppSettings
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.frame import FIELDS, FormFoot
from tests.tui.conftest import AppFactory, Unlock, open_tab, settle
from tests.tui.test_panes import case_vault  # noqa: F401  (the fixture)
from tests.tui.walk import screen_lines


@pytest.mark.parametrize(("tab", "dialog"), [("people", AddPersonModal),
                                             ("accounts", AddAccountModal)])
async def test_tab_visits_every_field_before_the_buttons_at_80x24(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock,  # noqa: F811
    tab: str, dialog: type,
) -> None:
    app = app_factory(case_vault)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, unlock, tab)
        await pilot.press("a")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, dialog)
        # the dialog opens at its top: its title and the first field's label are shown
        top = "\n".join(screen_lines(pilot)[:6])
        assert t(modal.TITLE_KEY) in top, top
        fields = [w for w in modal.query(FIELDS) if w.focusable]
        buttons = [w for w in modal.query(Button) if w.focusable]
        assert len(fields) >= 4 and buttons
        visited = [app.focused]
        for _ in range(len(fields) + len(buttons) - 1):
            await pilot.press("tab")
            await settle(pilot)
            visited.append(app.focused)
        assert visited == fields + buttons
        assert all(w.region.area for w in visited if w is not None)  # scrolled into view


async def test_the_error_line_never_covers_the_field_it_is_about_at_80x24(
    case_vault: Path, app_factory: AppFactory, unlock: Unlock,  # noqa: F811
) -> None:
    """The error line sits in the docked foot; when it appears the foot grows, and at
    80x24 it covered the date field it was about (the tmux walk, issue 20)."""
    app = app_factory(case_vault, settings=AppSettings(language="nl"))
    async with app.run_test(size=(80, 24)) as pilot:
        await open_tab(pilot, unlock, "people")
        await pilot.press("a")
        await settle(pilot)
        modal = app.screen
        assert isinstance(modal, AddPersonModal)
        modal.query_one("#name", Input).value = "Sem de Boer"
        born = modal.query_one("#born", Input)
        born.focus()
        await settle(pilot)
        born.value = "31-2-2015"
        await pilot.press("ctrl+s")
        await settle(pilot)
        error = modal.query_one(ErrorLine)
        assert "31 februari 2015 bestaat niet" in error.message
        foot = modal.query_one(FormFoot)
        assert app.focused is born
        assert born.region.area and born.region.bottom <= foot.region.y, (
            born.region, foot.region)
