"""Forms and keys (issue 20, item 2): unsaved changes are confirmed before Escape/Cancel
drop them; Enter moves to the next field and ctrl+s saves; stray letters typed after a
search do not fire the dashboard's one-letter actions."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.widgets import Button, Input

from cybercase.cases.cases import list_cases
from cybercase.tui.dashboard.new_case import NewCaseModal
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.dashboard.stats import StatsScreen
from cybercase.tui.keyguard import GRACE, KeyGuard
from cybercase.tui.widgets.frame import DiscardModal
from tests.tui.conftest import SIZE, AppFactory, Unlock, settle, vault_of


async def test_escape_and_cancel_ask_before_dropping_typed_text(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NewCaseModal)
        await pilot.press("escape")  # nothing typed: it closes at once
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)

        await pilot.press("n")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, NewCaseModal)
        await pilot.press(*"Nep-account")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, DiscardModal)
        await pilot.press("escape")  # "back to the form": what was typed is still there
        await pilot.pause()
        assert app.screen is modal
        assert modal.query_one("#title", Input).value == "Nep-account"
        modal.query_one("#cancel", Button).press()  # a misclick on Cancel asks too
        await pilot.pause()
        assert isinstance(app.screen, DiscardModal)
        app.screen.query_one("#discard-changes", Button).press()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert len(list_cases(vault_of(pilot), status="open")) == 2  # nothing was made


async def test_enter_moves_to_the_next_field_and_ctrl_s_saves(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("n")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, NewCaseModal)
        assert "ctrl+s" in str(modal.query_one("#create", Button).label)  # shown
        await pilot.press(*"Nep-account", "enter")
        await pilot.pause()
        assert app.screen is modal  # enter did not save half a form
        assert app.focused is modal.query_one("#group", Input)
        await pilot.press(*"8a", "ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, DashboardScreen)
        made = [c for c in list_cases(vault_of(pilot), status="open") if c.title == "Nep-account"]
        assert [c.group for c in made] == ["8a"]


async def test_letters_typed_on_after_a_search_do_not_open_the_figures(
    tui_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        dashboard = app.screen
        await pilot.press("slash", *"group")
        await pilot.pause(GRACE + 0.2)  # a pause before Enter (she reads what she typed)
        await pilot.press("enter", "escape")  # enter searches, escape leaves the search
        await pilot.press(*"stinkt")
        await settle(pilot)
        assert app.screen is dashboard, app.screen  # not the figures on "s"
        assert not any(isinstance(s, StatsScreen) for s in app.screen_stack)
        await pilot.pause(GRACE + 0.2)  # after a pause the key is the shortcut again
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, StatsScreen)


def test_the_key_guard_drops_letters_only_right_after_typing_in_a_field() -> None:
    class FakeApp:
        focused: object = None
        screen: object = "dashboard"
        bells = 0

        def bell(self) -> None:
            self.bells += 1

    app = FakeApp()
    guard = KeyGuard(app)
    s = events.Key("s", "s")
    assert not guard.stray(s, now=100.0)  # nobody typed: "s" is the shortcut
    app.focused = Input()
    assert not guard.stray(events.Key("p", "p"), now=200.0)  # text in the field
    app.focused = None
    assert guard.stray(s, now=200.3)  # just left the field: text, not a shortcut
    assert guard.stray(events.Key("t", "t"), now=200.3 + GRACE - 0.1)  # still typing
    assert not guard.stray(events.Key("down", None), now=200.5)  # not a letter
    assert not guard.stray(s, now=202.0 + GRACE)  # after a pause: the shortcut
    assert app.bells == 2
    app.focused = Input()
    assert not guard.stray(events.Key("enter", None), now=300.0)  # Enter leaves the field
    app.focused = None
    assert guard.stray(s, now=300.0 + GRACE - 0.1)  # typed on after a pause and Enter
    app.focused = Input()
    assert not guard.stray(events.Key("escape", None), now=400.0)  # a dialog's field
    app.focused, app.screen = None, "the screen under the dialog"  # the dialog closed
    assert not guard.stray(s, now=400.1)  # another screen: its keys work at once
