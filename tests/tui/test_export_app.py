"""Export from the app: the save-path dialog (the core's checks in place), the export in a
worker with progress, and the result (path, SHA-256) on screen; the bundle verifies."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from PIL import Image
from textual.widgets import Button, Input

from cybercase.cases.cases import create_case
from cybercase.evidence import ingest, list_items, withdraw
from cybercase.export.bundle import verify_bundle
from cybercase.tui.case.export import ExportModal, ExportRunModal
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.widgets.error_line import ErrorLine
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import SIZE, AppFactory, Unlock, settle, widget_text


@pytest.fixture
def export_vault(vault_dir: Path, tmp_path: Path) -> Path:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Threats in a game chat", "7a", 4)
        paths = []
        for n, colour in enumerate(((200, 0, 0), (0, 200, 0))):
            path = tmp_path / f"shot{n}.png"
            Image.new("RGB", (50, 40), colour).save(path)
            paths.append(str(path))
        ingest(vault, case.ref, paths, workers=0)
        withdraw(vault, list_items(vault, case.ref)[1].id, "not about this case")
    finally:
        vault.close()
    return vault_dir


async def test_export_with_checks_in_place_progress_and_result(
    export_vault: Path, app_factory: AppFactory, unlock: Unlock, tmp_path: Path
) -> None:
    taken = tmp_path / "taken.zip"
    taken.write_bytes(b"already here")
    out = tmp_path / "bundle for police.zip"
    app = app_factory(export_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CaseScreen)
        await pilot.press("x")
        await pilot.pause()
        modal = app.screen
        assert isinstance(modal, ExportModal)
        field = modal.query_one("#out", Input)
        assert field.value.endswith(".zip") and screen.case.ref in field.value
        field.value = str(taken)
        await pilot.press("ctrl+s")  # (enter goes to the next field)
        await pilot.pause()
        assert app.screen is modal
        assert "already exists" in modal.query_one("#error", ErrorLine).message
        assert taken.read_bytes() == b"already here"
        field.value = str(out)
        modal.query_one("#passphrase", Input).value = "a long enough passphrase"
        modal.query_one("#passphrase2", Input).value = "another one entirely"
        modal.query_one("#submit", Button).press()
        await pilot.pause()
        assert "differ" in modal.query_one("#error", ErrorLine).message
        modal.query_one("#passphrase", Input).value = ""
        modal.query_one("#passphrase2", Input).value = ""
        modal.query_one("#submit", Button).press()
        await settle(pilot)
        run = app.screen
        assert isinstance(run, ExportRunModal)
        assert run.result is not None
        sha = hashlib.sha256(out.read_bytes()).hexdigest()
        shown = widget_text(run.query_one("#export-status"))
        assert run.result.sha256 == sha and sha in shown.replace("\n", "")
        assert str(out) in shown.replace("\n", "")
        assert "1 item in the bundle, 1 left out" in shown
        await pilot.press("enter")  # the Close button has the focus
        await pilot.pause()
        assert app.screen is screen
    problems, _info = verify_bundle(out)
    assert problems == []
