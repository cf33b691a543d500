"""The vault settings (core), the register of police bundles (need to know) and an export
that fails after its ZIP was written (nothing left behind), on a real vault."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from cybercase.cases.access import restrict
from cybercase.cases.cases import create_case
from cybercase.core.errors import PermissionDenied, UsageError
from cybercase.evidence import ingest
from cybercase.export import bundle as bundle_module
from cybercase.export.bundle import export_case
from cybercase.export.register import list_exports
from cybercase.vault import Vault
from cybercase.vault.audit import entries
from cybercase.vault.settings import Settings, get_settings, set_settings
from tests.conftest import PASSPHRASE

OTHER = "bob"


def _case_with_evidence(vault: Vault, tmp_path: Path, title: str) -> str:
    ref = create_case(vault, title).ref
    path = tmp_path / f"{ref}.png"
    Image.new("RGB", (30, 20), (10, 100, 200)).save(path)
    ingest(vault, ref, [str(path)], workers=0)
    return ref


def test_settings_core(vault: Vault) -> None:
    assert get_settings(vault) == Settings(school="OBS De Pirouette")
    assert get_settings(vault).missing() == ["contact_name", "phone"]
    new = set_settings(vault, contact_name=" Anna\nde Vries ", phone="020-1234567",
                       address=None)
    assert new.contact_name == "Anna de Vries" and new.address == ""
    assert vault.school == "OBS De Pirouette"  # the same meta row as before
    set_settings(vault, school="OBS De Pirouette")  # unchanged: not logged
    logged = [e for e in entries(vault.conn) if e.action == "settings.set"]
    assert len(logged) == 1
    with pytest.raises(UsageError):
        set_settings(vault, email="not an address")
    with pytest.raises(UsageError):
        set_settings(vault, phone="x" * 300)
    with pytest.raises(UsageError):
        set_settings(vault, colour="red")
    vault.add_user(OTHER, "viewer", PASSPHRASE)
    with Vault.open(vault.path, OTHER, PASSPHRASE) as viewer:
        assert get_settings(viewer).contact_name == "Anna de Vries"
        with pytest.raises(PermissionDenied):
            set_settings(viewer, phone="0201111111")


def test_register_leaves_out_cases_the_user_may_not_see(vault: Vault, tmp_path: Path
                                                        ) -> None:
    open_ref = _case_with_evidence(vault, tmp_path, "Groepsapp")
    secret_ref = _case_with_evidence(vault, tmp_path, "Zorgzaak")
    first = export_case(vault, open_ref, tmp_path / "a.zip")
    second = export_case(vault, secret_ref, tmp_path / "b.zip")
    records = list_exports(vault)
    assert [(r.id, r.sha256, r.fingerprint) for r in records] == [
        (second.export_id, second.sha256, second.fingerprint),
        (first.export_id, first.sha256, first.fingerprint)]
    assert records[0].handover == "b-overdracht.pdf" == second.handover.name
    vault.add_user(OTHER, "coordinator", PASSPHRASE)
    restrict(vault, secret_ref, [vault.user])
    with Vault.open(vault.path, OTHER, PASSPHRASE) as other:
        assert [r.case for r in list_exports(other)] == [open_ref]
        with pytest.raises(PermissionDenied):
            list_exports(other, secret_ref)
    assert [r.case for r in list_exports(vault, secret_ref)] == [secret_ref]


def test_a_failed_handover_sheet_leaves_no_bundle(
    vault: Vault, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ref = _case_with_evidence(vault, tmp_path, "Groepsapp")
    out_dir = tmp_path / "out"
    out_dir.mkdir()

    def broken(*_args: object) -> bytes:
        raise RuntimeError("the sheet could not be made")

    monkeypatch.setattr(bundle_module, "build_handover", broken)
    with pytest.raises(RuntimeError):
        export_case(vault, ref, out_dir / "bundle.zip")
    assert list(out_dir.iterdir()) == []
    assert list_exports(vault) == []
    actions = [e.action for e in entries(vault.conn) if e.action.startswith("export.")]
    assert actions == ["export.start", "export.failed"]
