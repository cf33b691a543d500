"""An iPhone photo (HEIC) and a video (MP4) in the app: the details show the measured
facts, the preview shows the photo turned once and the video's still frame, decoded in
memory. Real vault, real HEIC (pillow-heif) and MP4 (PyAV), the app under Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercase.cases.cases import create_case
from cybercase.evidence.ingest import ingest
from cybercase.tui.widgets.virtual_table import VirtualTable
from tests.conftest import PASSPHRASE, USER
from tests.helpers import new_vault
from tests.tui.conftest import AppFactory, Unlock, settle, widget_text
from tests.tui.test_evidence_pane import SIZE, evidence_tab
from tests.unit.test_media import BLUE, GREEN, heic, mp4, near


@pytest.fixture
def media_vault(vault_dir: Path, tmp_path: Path) -> Path:
    vault, _ = new_vault(vault_dir, USER, PASSPHRASE, school="OBS De Pirouette")
    try:
        case = create_case(vault, "Filmpje in de groep", "8a", 2)
        (tmp_path / "IMG_0001.HEIC").write_bytes(heic())
        (tmp_path / "clip.mp4").write_bytes(mp4())
        ingest(vault, case.ref, [str(tmp_path / "IMG_0001.HEIC"), str(tmp_path / "clip.mp4")],
               workers=0)
    finally:
        vault.close()
    return vault_dir


async def test_heic_and_video_details_and_preview(
    media_vault: Path, app_factory: AppFactory, unlock: Unlock
) -> None:
    app = app_factory(media_vault)
    async with app.run_test(size=SIZE) as pilot:
        _screen, pane = await evidence_tab(pilot, unlock)
        table = pane.query_one(VirtualTable)
        assert table.row_count == 2
        meta = widget_text(pane.query_one("#evidence-meta"))
        assert "Apple iPhone 15" in meta and "+01:00" in meta
        preview = pane.query_one("#preview")
        await pilot.press("v")
        await settle(pilot)
        photo = preview.image  # type: ignore[attr-defined]
        assert photo is not None and photo.height > photo.width  # turned once: portrait
        assert near(photo.getpixel((photo.width // 2, photo.height // 8)), BLUE)
        await pilot.press("down")
        await settle(pilot)
        meta = widget_text(pane.query_one("#evidence-meta"))
        assert "2.0 s" in meta and "mpeg4" in meta
        await pilot.press("v")
        await settle(pilot)
        still = preview.image  # type: ignore[attr-defined]
        assert still is not None and still.size == (96, 64)
        assert near(still.getpixel((48, 32)), GREEN)
        assert "still frame" in widget_text(pane.query_one("#preview-note"))
