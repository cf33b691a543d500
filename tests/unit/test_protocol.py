"""Protocol templates: the default is complete; broken files fail on the right line."""

from __future__ import annotations

from pathlib import Path

import pytest

from cybercase.core.errors import UsageError
from cybercase.protocol.locate import line_of
from cybercase.protocol.model import default, default_text, parse, read_file


def test_default_protocol_is_complete() -> None:
    p = default()
    assert [ph.number for ph in p.phases] == [1, 2, 3, 4, 5, 6]
    assert [c.id for c in p.checklist] == list(range(1, 22))
    assert [s.key for s in p.steps] == ["1", "2", "3", "4", "extra"]
    staff = {s.key for s in p.staff_roles}
    assert all(c.responsible and set(c.responsible) <= staff for c in p.checklist)
    assert {r.key for r in p.support_group_roles} == {
        "bully", "assistant", "encourager", "leader", "defender", "outsider"}
    assert {c.key for c in p.channels} == {"pupil", "parent", "letterbox", "teacher",
                                           "parent_coordinator", "other"}
    assert "suspected_bully" in {r.key for r in p.case_roles}
    assert {o.key: o.phase for o in p.triage_outcomes} == {
        "pesten": 2, "plagen": 1, "conflict": 1, "incident": 1}
    assert {o.key for o in p.triage_outcomes} == {"pesten", "plagen", "conflict", "incident"}
    assert [c.key for c in p.triage_criteria] == ["intent", "repetition", "power"]
    assert p.step("2").evaluation_after_days == 7 and p.step("2").actions_required
    assert p.step("4").decisions == ("end", "again")
    for phase in p.phases:
        assert phase.name_nl and phase.name_en and phase.who_acts
    assert "meldknop" in p.item(3).text_nl and "meldknop" in p.item(3).text_en
    assert len(p.sha256) == 64


def _line(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


@pytest.mark.parametrize(("old", "new", "anchor", "expect"), [
    ('name_en = "Persistent"', "name_en = 3", 'name_en = "Persistent"', "must be a text"),
    ('responsible = ["ict"]', 'responsible = ["icts"]', 'responsible = ["ict"]', "'icts'"),
    ('number = 4\n', 'number = 7\n', 'number = 4\n', "expected phase 4"),
    ('note = "journal"', 'note = "diary"', 'note = "journal"', "incident, journal"),
    ('evaluation_after_days = 7', 'evaluation_after_days = "7"', 'evaluation_after_days = 7',
     "whole number"),
    ('key = "letterbox"', 'key = "parent"', 'key = "letterbox"', "appears twice"),
    ('id = 9\n', 'id = 8\n', 'id = 9\n', "used only once"),
])
def test_schema_errors_name_file_and_line(old: str, new: str, anchor: str, expect: str) -> None:
    text = default_text()
    assert old in text
    with pytest.raises(UsageError) as err:
        parse(text.replace(old, new, 1), "school.toml")
    message = str(err.value)
    assert message.startswith(f"school.toml: line {_line(text, anchor)}: "), message
    assert expect in message and "\n" not in message


def test_missing_key_points_at_its_table() -> None:
    text = default_text()
    cut = text.replace('text_nl = "Ongewenste', 'tekst_nl = "Ongewenste', 1)
    with pytest.raises(UsageError) as err:
        parse(cut, "x.toml")
    header = _line(text, "[[checklist]]\nid = 3")
    assert f"line {header}:" in str(err.value) and "checklist[3].text_nl" in str(err.value)


def test_syntax_error_and_files(tmp_path: Path) -> None:
    text = default_text()
    broken = tmp_path / "b.toml"
    broken.write_text(text.replace("[[phases]]", "[[phases]", 1), encoding="utf-8")
    with pytest.raises(UsageError, match=rf"b.toml: line {_line(text, '[[phases]]')}: not valid"):
        read_file(broken)
    latin = tmp_path / "l.toml"
    latin.write_bytes(b'[protocol]\nid = "x"\nname = "co\xf6rdinator"\n')
    with pytest.raises(UsageError, match="line 3: not UTF-8"):
        read_file(latin)
    with pytest.raises(UsageError, match="there is no file"):
        read_file(tmp_path / "missing.toml")
    with pytest.raises(UsageError, match="exactly 6"):
        parse(text[: text.index("[[phases]]\nnumber = 6")] +
              text[text.index("# --- support group"):], "five.toml")


def test_line_of_handles_nested_arrays_of_tables() -> None:
    text = '[a]\nx = 1\n\n[[b.c]]\nk = "1"\n\n[[b.c]]\nk = "2"\nv = 3\n'
    assert line_of(text, ("b", "c", 1, "v")) == 9
    assert line_of(text, ("b", "c", 1, "missing")) == 7
    assert line_of(text, ("a", "x")) == 2
