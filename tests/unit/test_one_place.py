"""One rule in one place, and the faces ask the core (issue #15 item 2)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from cybercase.core.sizes import dutch_size, human_size
from cybercase.vault import Vault

SRC = Path(__file__).resolve().parents[2] / "src" / "cybercase"


def test_sizes_short_and_dutch() -> None:
    assert human_size(512) == "512 bytes"
    assert human_size(70_406) == "70.4 KB"
    assert human_size(3_100_000) == "3.1 MB"
    assert human_size(5 * 10**12) == "5000.0 GB"
    assert human_size(2048, base=1024, byte_unit="B") == "2.0 KB"
    assert dutch_size(999) == "999 bytes"
    assert dutch_size(70_406) == "70.406 bytes (70,4 kB)"
    assert dutch_size(12_345_678, "bytes") == "12.345.678 bytes (12,3 MB)"


def test_sizes_in_each_language() -> None:
    """Dutch writes a decimal comma and kilo as "kB"; English keeps "16.0 KB"."""
    assert human_size(16_384, base=1024, byte_unit="B", language="en") == "16.0 KB"
    assert human_size(16_384, base=1024, byte_unit="B", language="nl") == "16,0 kB"
    assert human_size(70_406, language="nl") == "70,4 kB"
    assert human_size(3_100_000, language="nl") == "3,1 MB"
    assert human_size(512, language="nl") == "512 bytes"
    # rounding up to the base goes to the next unit, in both languages
    assert human_size(999_960) == "1.0 MB"
    assert human_size(999_960, language="nl") == "1,0 MB"
    assert human_size(70_406, language="xx") == "70.4 KB"  # an unknown language: English


def test_the_app_shows_sizes_in_its_language() -> None:
    from cybercase.core.i18n import get_language, set_language
    from cybercase.tui.case.evidence_details import human_size as shown

    before = get_language()
    try:
        set_language("nl")
        assert shown(16_384) == "16,0 kB"
        set_language("en")
        assert shown(16_384) == "16.0 KB"
    finally:
        set_language(before)


def _sql_in(path: Path, root: Path = SRC) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr in {"execute", "executemany", "conn"}:
            found.append(f"{path.relative_to(root)}:{node.lineno} .{node.attr}")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and re.match(r"\s*(SELECT|INSERT|UPDATE|DELETE)\s", node.value)):
            found.append(f"{path.relative_to(root)}:{node.lineno} {node.value[:30]!r}")
    return found


def test_no_sql_in_the_cli() -> None:
    """The command line asks the core; it holds no SQL and touches no connection.
    (tui/ is checked the same way once branch tui of issue #15 has landed.)"""
    offenders = [hit for p in sorted((SRC / "cli").rglob("*.py")) for hit in _sql_in(p)]
    assert offenders == []


def test_the_sql_scan_sees_what_it_must(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('x = vault.conn.execute("SELECT ref FROM cases WHERE id = ?", (1,))\n')
    assert len(_sql_in(sample, tmp_path)) == 3


def test_only_the_vault_unwraps_the_master_key() -> None:
    """``Vault._master()`` is called by the vault and its key administration only
    (backups use ``Vault.backup_into``)."""
    allowed = {"vault/vault.py", "vault/keyadmin.py"}
    offenders = [
        str(p.relative_to(SRC)) for p in sorted(SRC.rglob("*.py"))
        if p.relative_to(SRC).as_posix() not in allowed and "._master(" in p.read_text("utf-8")
    ]
    assert offenders == []


def _positional_records(path: Path) -> list[str]:
    """``Case(*row)``: a record built from a row by position."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                and node.func.id[:1].isupper()
                and any(isinstance(a, ast.Starred) and isinstance(a.value, ast.Name)
                        for a in node.args)):
            found.append(f"{path.relative_to(SRC)}:{node.lineno} {node.func.id}(*...)")
    return found


def test_records_are_built_from_rows_by_name() -> None:
    """Rows become records by column name (``vault.db.named``), never ``Case(*row)``.
    (tui/ is branch tui's.)"""
    offenders = [hit for p in sorted(SRC.rglob("*.py"))
                 if p.relative_to(SRC).parts[0] != "tui" for hit in _positional_records(p)]
    assert offenders == []


def test_named_rows_follow_the_column_names(vault: Vault) -> None:
    from cybercase.cases.cases import create_case, get_case
    from cybercase.vault.db import named

    made = create_case(vault, "Named", group="7b")
    rows = named(vault.conn.execute(
        'SELECT group_name AS "group", ref, id FROM cases WHERE id = ?', (made.id,)))
    assert rows == [{"group": "7b", "ref": made.ref, "id": made.id}]
    assert get_case(vault, made.ref).group == "7b"


def test_one_age_rule() -> None:
    """A person's age and a suspect's age on the offence day come from one function."""
    from datetime import date

    from cybercase.cases.people import Person
    from cybercase.core.timeutil import age_on
    from cybercase.cyber import police

    pupil = Person(1, 1, "pupil", "Sanne", None, None, "7b", "2014-03-12")
    for day in (date(2026, 3, 11), date(2026, 3, 12), date(2028, 2, 29)):
        assert pupil.age(day) == age_on(pupil.born, day) == police.age_on(pupil.born, day)
    assert pupil.age(date(2026, 3, 11)) == 11 and pupil.age(date(2026, 3, 12)) == 12
    offenders = [
        str(p.relative_to(SRC)) for p in sorted(SRC.rglob("*.py"))
        if p.relative_to(SRC).as_posix() != "core/timeutil.py"
        and re.search(r"\.year\s*-\s*\w+\.year\s*-", p.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_one_masking_engine_for_the_access_export() -> None:
    """The access export's engine: full names with any spacing, names glued to a
    handle-like tail, a name after an '@' that is no known handle, and the known handles."""
    from cybercase.privacy.masking import Masker, Subject

    mask = Masker(["Lisa de Vries"], [Subject("leerling A", ("Sam Jansen",)),
                                      Subject("account 1", (), ("@tommie_b",))],
                  ambiguous="leerling ?")
    assert mask("Sam  Jansen, sam.j, @sam and @tommie_b wrote to Lisa de Vries") == (
        "leerling A, leerling A, @leerling A and account 1 wrote to Lisa de Vries")


def test_the_school_note_masks_with_the_same_engine(vault: Vault) -> None:
    """Before, the note kept 'sanne.k' (a name glued to a handle tail) and the access
    export kept '@daan': both are masked now, in both."""
    from cybercase.cases.cases import create_case
    from cybercase.cases.people import add_person
    from cybercase.cases.supportgroup import record_meeting
    from cybercase.core.timeutil import local_today
    from cybercase.privacy.notes import school_note

    case = create_case(vault, "Masking")
    emma = add_person(vault, case.ref, "Emma Jansen", "pupil", role="bully").id
    add_person(vault, case.ref, "Sanne Kok", "pupil", role="bullied")
    add_person(vault, case.ref, "Daan Smit", "pupil", role="bystander")
    record_meeting(vault, case.ref, "2", local_today().isoformat(), actions=[
        (emma, "says sorry to sanne.k and asks @daan and Sanne   Kok to play")])
    note = school_note(vault, case.ref, emma)
    assert "- says sorry to [another pupil] and asks @[another pupil] and [another pupil]" \
           " to play" in note["text_en"]
    assert "- says sorry to [andere leerling] and asks @[andere leerling] and" \
           " [andere leerling] to play" in note["text_nl"]


def test_a_field_has_one_length_limit_when_set_and_when_corrected(vault: Vault) -> None:
    """The group of a person: 40 characters when the person is added and when the group
    is corrected (both read core.text.MAX_GROUP)."""
    import pytest

    from cybercase.cases.cases import create_case
    from cybercase.cases.people import add_person
    from cybercase.core.errors import UsageError
    from cybercase.core.text import MAX_GROUP
    from cybercase.privacy.corrections import correct

    case = create_case(vault, "Limits")
    pid = add_person(vault, case.ref, "Emma", "pupil", group="7" * MAX_GROUP).id
    with pytest.raises(UsageError, match="too long"):
        add_person(vault, case.ref, "Sam", "pupil", group="7" * (MAX_GROUP + 1))
    with pytest.raises(UsageError, match="too long"):
        correct(vault, "person", pid, "group", "8" * (MAX_GROUP + 1), "typo")
    assert correct(vault, "person", pid, "group", "8" * MAX_GROUP, "typo").new == \
        "8" * MAX_GROUP
