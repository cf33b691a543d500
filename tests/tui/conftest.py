"""Fixtures for the app under Pilot: a real vault in a temp dir, settings kept in the test.

"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandInput, CommandPalette
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from cybercase.cases.cases import create_case
from cybercase.core.i18n import set_language
from cybercase.tui.app import CybercaseApp, make_app
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.settings import AppSettings
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault

SIZE = (100, 32)

AppFactory = Callable[..., CybercaseApp]
Unlock = Callable[[Pilot[Any]], Awaitable[None]]


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def tui_vault(vault_dir: Path) -> Path:
    """A closed vault with coordinator anna and two open cases (one with markup-like text)."""
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        create_case(vault, "WhatsApp group 7b", "7b", 2)
        create_case(vault, "you [/] idiot [bold]", None, 1)
    finally:
        vault.close()
    return vault_dir


@pytest.fixture
def app_factory(tmp_path: Path) -> Iterator[AppFactory]:
    """make_app with English and a settings file inside the test's temp dir."""

    def factory(vault_dir: Path, **kw: Any) -> CybercaseApp:
        kw.setdefault("settings", AppSettings(language="en"))
        kw.setdefault("settings_file", tmp_path / "app.json")
        return make_app(vault_dir, **kw)

    yield factory
    set_language("en")  # the language is process-wide


def widget_text(widget: Widget) -> str:
    """What the widget shows on the terminal, as plain text lines."""
    strips = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(strip.text.rstrip() for strip in strips)


def screen_text(screen: Widget) -> str:
    """The text of every Static (labels included) on the screen, in order."""
    return "\n".join(widget_text(w) for w in screen.query(Static))


LONG_LIVED = frozenset({"_loader", "ocr-runner"})


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for workers (unlocking) and the screen changes they cause."""
    await pilot.pause()  # let dismiss callbacks start their workers
    deadline = time.monotonic() + 60
    # the file picker's queue worker (group "_loader") lives as long as the picker, the
    # background OCR's ("ocr-runner") as long as the vault is open: never wait for those
    while any(not w.is_finished and w.group not in LONG_LIVED for w in pilot.app.workers) \
            and time.monotonic() < deadline:
        await asyncio.sleep(0.02)
    await pilot.pause()
    await pilot.pause()


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool], what: str,
                     timeout: float = 60) -> None:
    """Wait for ``condition`` (polled briefly between the app's turns), at most ``timeout``
    seconds (generous: a loaded machine is slow, a quick one does not wait)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        await pilot.pause(0.01)


async def palette_search(pilot: Pilot[Any], words: str) -> None:
    """Type ``words`` in the open command palette and wait for its search to finish (the
    palette searches in a worker, anew after each key)."""
    palette = pilot.app.screen
    assert isinstance(palette, CommandPalette), palette
    await pilot.press(*words)
    search = palette.query_one(CommandInput)

    def done() -> bool:
        return search.value == words and not any(
            w.group == CommandPalette._GATHER_COMMANDS_GROUP and not w.is_finished
            for w in pilot.app.workers)

    await wait_until(pilot, done, f"the palette's search for {words!r}")
    await pilot.pause()


@pytest.fixture
def unlock() -> Unlock:
    """Type the passphrase on the unlock screen and wait for the dashboard."""

    async def run(pilot: Pilot[Any]) -> None:
        pilot.app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(pilot.app.screen, DashboardScreen), pilot.app.screen

    return run


# --- case screens: shared by the pane tests -------------------------------------------


async def open_tab(pilot: Pilot[Any], unlock: Unlock, tab: str, *, ref: str | None = None,
                   user: str | None = None) -> CaseScreen:
    """Unlock (as ``user``), open case ``ref`` (default: the first in the list) on ``tab``;
    the CaseScreen."""
    if user is not None:
        pilot.app.screen.query_one("#user", Select).value = user
    await unlock(pilot)
    if ref is None:
        await pilot.press("enter")
    else:
        pilot.app.open_case(ref)  # type: ignore[attr-defined]
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CaseScreen)
    screen.show_tab(tab)
    await settle(pilot)
    return screen


def vault_of(pilot: Pilot[Any]) -> Vault:
    vault = pilot.app.vault  # type: ignore[attr-defined]
    assert isinstance(vault, Vault)
    return vault


async def submit(pilot: Pilot[Any]) -> None:
    """Press the dialog's Save button (it may be scrolled out of a small terminal)."""
    pilot.app.screen.query_one("#submit", Button).press()
    await pilot.pause()
    await pilot.pause()


def error_of(pilot: Pilot[Any]) -> str:
    return pilot.app.screen.query_one("#error", ErrorLine).message


async def discard(pilot: Pilot[Any]) -> None:
    """Escape from a filled form: it asks first (issue 20); throw the changes away."""
    from cybercase.tui.widgets.frame import DiscardModal

    await pilot.press("escape")
    await pilot.pause()
    assert isinstance(pilot.app.screen, DiscardModal), pilot.app.screen
    pilot.app.screen.query_one("#discard-changes", Button).press()
    await pilot.pause()
