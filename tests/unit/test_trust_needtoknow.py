"""Issue #14, need to know: ingest and access exports never name a case the user may not see."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from cybercase.cases import access
from cybercase.cases.cases import create_case
from cybercase.cases.people import add_person
from cybercase.core.errors import PermissionDenied
from cybercase.core.i18n import localize, set_language
from cybercase.evidence import ingest
from cybercase.export.access_export import subject_export
from cybercase.vault import Vault
from tests.unit.test_evidence import jpeg_bytes, picture, png_bytes, write


@pytest.fixture
def hidden(vault: Vault) -> str:
    """A case restricted to another coordinator (bob): anna may not see it."""
    vault.add_user("bob", "coordinator", "bob's own long passphrase")
    return create_case(vault, "Restricted: about another child").ref


def _restrict(vault: Vault, ref: str) -> None:
    access.restrict(vault, ref, ["bob"])
    assert ref in access.hidden_refs(vault)


def _everything(result: object) -> str:
    """Every text a result carries, in English and in Dutch."""
    doc = json.dumps(result.to_json(), ensure_ascii=False)  # type: ignore[attr-defined]
    set_language("nl")
    try:
        dutch = localize(result.reason or "")  # type: ignore[attr-defined]
    finally:
        set_language("en")
    return doc + dutch


def test_ingest_does_not_name_a_hidden_case(
    vault: Vault, hidden: str, tmp_path: Path
) -> None:
    same = write(tmp_path / "screenshot.txt", b"the same chat everywhere\n")
    original = picture(7, (600, 800))
    ingest(vault, hidden, [str(same), str(write(tmp_path / "o.png", png_bytes(original)))])
    _restrict(vault, hidden)
    mine = create_case(vault, "Mine").ref
    copy, near = ingest(vault, mine, [
        str(same),
        str(write(tmp_path / "fwd.jpg", jpeg_bytes(original.resize((450, 600)), quality=35))),
    ])
    assert copy.status == "stored" and copy.also_in == []
    assert "a case you cannot open" in (copy.reason or "")
    assert near.near_duplicates == []
    assert "looks like an item in a case you cannot open" in (near.reason or "")
    for result in (copy, near):
        assert hidden not in _everything(result)


def test_ingest_names_a_visible_case_and_says_there_is_another(
    vault: Vault, hidden: str, tmp_path: Path
) -> None:
    same = write(tmp_path / "chat.txt", b"one chat in three cases\n")
    seen = create_case(vault, "Visible").ref
    ingest(vault, hidden, [str(same)])
    ingest(vault, seen, [str(same)])
    _restrict(vault, hidden)
    [result] = ingest(vault, create_case(vault, "Third").ref, [str(same)])
    assert result.also_in == [seen]
    assert result.reason == (f"the same content is also evidence in case {seen}; the same "
                             "content is also evidence in a case you cannot open (ask the "
                             "coordinator)")
    assert hidden not in _everything(result)


def test_subject_export_ignores_a_hidden_child_born_the_same_day(
    vault: Vault, hidden: str, tmp_path: Path
) -> None:
    add_person(vault, hidden, "Sem de Vries", "pupil", born="2015-03-01")
    _restrict(vault, hidden)
    mine = create_case(vault, "Mine").ref
    child = add_person(vault, mine, "Noor Bakker", "pupil", born="2015-03-01")
    done = subject_export(vault, child.id, tmp_path / "inzage.zip")
    assert done.cases == [mine]
    with zipfile.ZipFile(done.path) as zf:
        text = b"".join(zf.read(n) for n in zf.namelist())
    for secret in (b"Sem", b"Vries", hidden.encode()):
        assert secret not in text


def test_subject_export_refuses_when_the_same_child_is_in_a_hidden_case(
    vault: Vault, hidden: str, tmp_path: Path
) -> None:
    add_person(vault, hidden, "Noor Bakker", "pupil", born="2015-03-01")
    _restrict(vault, hidden)
    child = add_person(vault, create_case(vault, "Mine").ref, "Noor Bakker", "pupil",
                       born="2015-03-01")
    with pytest.raises(PermissionDenied) as refused:
        subject_export(vault, child.id, tmp_path / "inzage.zip")
    assert hidden not in str(refused.value) and "bob" not in str(refused.value)
    assert not (tmp_path / "inzage.zip").exists()
