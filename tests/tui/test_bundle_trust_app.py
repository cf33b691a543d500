"""The app's side of a bundle's authenticity: the bundle check computes the ZIP's SHA-256
and the key fingerprint itself and refuses an unexpected key; the register of bundles
shows the values the school reads out by phone; the export dialog names the handover
sheet."""

from __future__ import annotations

import hashlib
from pathlib import Path

from textual.widgets import Input

from cybercase.export.register import list_exports
from cybercase.tui.admin.bundle import BUNDLE_CHECKS, BundleSection, bundle_rows
from cybercase.tui.admin.exports import ExportsSection
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.tui.conftest import SIZE, AppFactory, Unlock, settle, widget_text
from tests.tui.test_admin_app import bundles, check_bundle, open_admin  # noqa: F401


async def test_bundle_check_with_the_expected_fingerprint(
    tui_vault: Path, bundles: tuple[Path, Path, Path], app_factory: AppFactory,  # noqa: F811
    unlock: Unlock
) -> None:
    good, _bad, _locked = bundles
    with Vault.open(tui_vault, USER, PASSPHRASE) as vault:
        record = list_exports(vault)[-1]  # the oldest: good.zip
    assert record.file == "good.zip"
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        await pilot.press("5")
        await pilot.pause()
        section = screen.query_one(BundleSection)
        verdict, _table = await check_bundle(pilot, section, good)
        # the two values, computed from the file, to compare by phone
        assert hashlib.sha256(good.read_bytes()).hexdigest() in verdict.replace("\n", "")
        assert record.fingerprint in verdict and record.sha256 in verdict.replace("\n", "")
        expect = section.query_one("#bundle-expect", Input)
        expect.value = record.fingerprint.lower().replace(" ", "")
        verdict, table = await check_bundle(pilot, section, good)
        assert verdict.startswith("OK") and "expected key" in verdict
        assert section.result is not None and section.result.key_matches
        rows = bundle_rows(section.result)  # the table scrolls: its rows, not the screen
        assert len(rows) == 6 and all(r.key in BUNDLE_CHECKS for r in rows)
        assert "passed" in table
        expect.value = "0123 4567 89AB CDEF 0123 4567 89AB CDEF"
        verdict, table = await check_bundle(pilot, section, good)
        assert verdict.startswith("NOT OK") and "WRONG KEY" in table
        assert record.fingerprint in verdict  # what it is, computed
        expect.value = "not a fingerprint"
        await check_bundle(pilot, section, good)
        assert "is not a key fingerprint" in section.query_one("#problem", ErrorLine).message


async def test_register_shows_what_to_read_out(
    tui_vault: Path, bundles: tuple[Path, Path, Path], app_factory: AppFactory,  # noqa: F811
    unlock: Unlock
) -> None:
    with Vault.open(tui_vault, USER, PASSPHRASE) as vault:
        records = list_exports(vault)
    assert [r.file for r in records] == ["locked.zip", "good.zip"]
    app = app_factory(tui_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_admin(pilot, unlock)
        await pilot.press("8")
        await settle(pilot)
        section = screen.query_one(ExportsSection)
        table = widget_text(section.query_one("#exports-table"))
        assert "locked.zip" in table and "good.zip" in table
        detail = widget_text(section.query_one("#exports-detail"))
        newest = records[0]
        assert newest.sha256 in detail and newest.fingerprint in detail
        assert "locked-overdracht.pdf" in detail and "encrypted" in detail
        await pilot.press("down")
        await settle(pilot)
        detail = widget_text(section.query_one("#exports-detail"))
        assert records[1].sha256 in detail and "good-overdracht.pdf" in detail


