"""Every footer fits at 80 columns, in Dutch and in English (issue 20): each key the footer
shows is there whole (key and label), none cut off with an ellipsis. The other keys are in
the help (F1) and the command palette."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.demo.chatshots import chat_png
from cybercase.evidence.ingest import ingest
from cybercase.tui.case.evidence import EvidencePane
from cybercase.tui.case.screen import CASE_PANES
from cybercase.tui.settings import AppSettings
from cybercase.tui.viewer.chat_screen import ConversationScreen
from cybercase.tui.viewer.image_screen import ImageViewerScreen
from cybercase.tui.widgets.virtual_table import VirtualTable
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, open_tab, settle
from tests.tui.walk import screen_lines

SIZE = (80, 24)
shown: list[str] = []
LANGUAGES = ["nl", "en"]
CHAT = "20-11-2026 14:30 - Daan: hoi\n20-11-2026 14:32 - Lotte: jij stinkt echt\n"


@pytest.fixture
def footer_vault(vault_dir: Path, tmp_path: Path) -> Path:
    """A case with a pupil, a screenshot and a chat export."""
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Groepsapp 7b", "7b", 2)
        add_person(vault, case.ref, "Sanne", "pupil", role="bullied", group="7b")
        shot = tmp_path / "IMG_0412.PNG"
        shot.write_bytes(chat_png())
        chat = tmp_path / "WhatsApp-chat met Groep 7b.txt"
        chat.write_text(CHAT, encoding="utf-8")
        ingest(vault, case.ref, [str(shot), str(chat)], workers=0)
    finally:
        vault.close()
    return vault_dir


def footer_problems(pilot: Pilot[Any]) -> list[str]:
    """The shown keys that are not whole in the footer's rendered line (empty: it fits)."""
    footer = pilot.app.screen.query_one(Footer)
    line = screen_lines(pilot)[footer.region.y]
    keys = [key for key in footer.query(FooterKey)  # Textual's palette key is hidden:
            if not key.has_class("-command-palette")]  # ours is one of the keys
    assert keys, f"an empty footer: {line!r}"
    whole = [f"{key.key_display} {key.description}".strip() for key in keys]
    problems = [text for text in whole if text not in line]
    shown.append(line)
    rest = line
    for text in whole:  # a label may end in "…" itself (it opens a dialog)
        rest = rest.replace(text, "", 1)
    if "…" in rest:
        problems.append("an ellipsis")
    return [f"{p!r} in {line!r}" for p in problems]


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_dashboard_footer_fits(footer_vault: Path, app_factory: AppFactory,
                                         unlock: Unlock, language: str) -> None:
    app = app_factory(footer_vault, settings=AppSettings(language=language))
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        assert footer_problems(pilot) == []


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_case_tab_footer_fits(footer_vault: Path, app_factory: AppFactory,
                                          unlock: Unlock, language: str) -> None:
    app = app_factory(footer_vault, settings=AppSettings(language=language))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "overview")
        problems = []
        for pane_id, _key, _factory in CASE_PANES:
            screen.show_tab(pane_id)
            await settle(pilot)
            problems += [f"{pane_id}: {p}" for p in footer_problems(pilot)]
        print("\n".join(shown))
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_viewer_footers_fit(footer_vault: Path, app_factory: AppFactory,
                                      unlock: Unlock, language: str) -> None:
    app = app_factory(footer_vault, settings=AppSettings(language=language))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_tab(pilot, unlock, "evidence")
        problems = []
        for row, kind in ((0, ImageViewerScreen), (1, ConversationScreen)):
            table = screen.query_one(EvidencePane).query_one(VirtualTable)
            table.focus()
            table.cursor_row = row
            await pilot.press("o")
            await settle(pilot)
            assert isinstance(app.screen, kind), app.screen
            problems += [f"{kind.__name__}: {p}" for p in footer_problems(pilot)]
            await pilot.press("escape")
            await settle(pilot)
        print("\n".join(shown))
    assert problems == []


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_other_screens_footers_fit(footer_vault: Path, app_factory: AppFactory,
                                             unlock: Unlock, language: str) -> None:
    """The unlock screen, the administration, the figures and the privacy screen."""
    app: Any = app_factory(footer_vault, settings=AppSettings(language=language))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        problems = [f"unlock: {p}" for p in footer_problems(pilot)]
        await unlock(pilot)
        dashboard = app.screen
        for name, key in (("admin", "f3"), ("stats", "s"), ("privacy", "p")):
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is not dashboard, name
            problems += [f"{name}: {p}" for p in footer_problems(pilot)]
            app.pop_screen()
            await settle(pilot)
        assert problems == []
