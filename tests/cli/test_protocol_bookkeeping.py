"""The protocol's bookkeeping through the real CLI (issue #20, items 3 and 5)."""

from __future__ import annotations

from typing import Any


def new_case(cli: Any, *opts: str) -> str:
    return str(cli.json("case", "new", "--title", "Groepsapp 7b", *opts)["ref"])


def test_dates_typed_the_dutch_way(cli_vault: Any) -> None:
    cli = cli_vault
    ref = new_case(cli, "--reported-on", "3-11-2026")
    assert cli.json("case", "show", ref)["reported_on"] == "2026-11-03"  # ISO in JSON
    pid = cli.json("person", "add", ref, "Lisa", "--kind", "pupil", "--born", "3-5-2015")["id"]
    shown = cli.json("person", "list", ref)
    assert [p["born"] for p in shown if p["id"] == pid] == ["2015-05-03"]
    cli.json("person", "add", ref, "Tom", "--kind", "pupil", "--born", "3 mei 2015")
    bad = cli("person", "add", ref, "Sam", "--kind", "pupil", "--born", "30 februari 2015")
    assert bad.code == 2 and "30 February 2015 does not exist" in bad.err
    assert "Traceback" not in bad.err
    assert [p["name"] for p in cli.json("person", "list", ref)] == ["Lisa", "Tom"]
