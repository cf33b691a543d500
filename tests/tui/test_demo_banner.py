"""The demo banner at 80 columns (issue 20): the words around the passphrase follow the
language, the passphrase is shown exactly (it is typed after locking) and set apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercase.demo import DEMO_PASSPHRASE, create_demo_vault
from cybercase.tui.settings import AppSettings
from cybercase.tui.widgets.banner import DemoBanner, banner_text
from tests.tui.conftest import AppFactory, settle
from tests.tui.walk import screen_lines


@pytest.mark.parametrize(("language", "words"), [
    ("nl", "Demokluis · gebruiker demo · wachtwoordzin: "),
    ("en", "Demo vault · user demo · passphrase: "),
])
async def test_the_demo_banner_shows_the_passphrase_whole_in_both_languages(
    vault_dir: Path, app_factory: AppFactory, language: str, words: str
) -> None:
    create_demo_vault(vault_dir).close()
    app = app_factory(vault_dir, demo=True, settings=AppSettings(language=language))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        banner = app.screen.query_one(DemoBanner)
        assert words + DEMO_PASSPHRASE in screen_lines(pilot)[banner.region.y]
        text = banner_text()
        bold = [text.plain[s.start:s.end] for s in text.spans if "bold" in str(s.style)]
        assert bold == [DEMO_PASSPHRASE]  # the thing to type, set apart from the words
