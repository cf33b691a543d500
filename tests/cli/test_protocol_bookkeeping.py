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


def test_reopen_a_closed_case_with_a_reason(cli_vault: Any) -> None:
    cli = cli_vault
    ref = new_case(cli)
    refused = cli("case", "reopen", ref, "--reason", "new messages")
    assert refused.code == 2 and "only a closed case" in refused.err
    cli.ok("case", "close", ref, "--outcome", "stopped after the talk")
    assert cli("person", "add", ref, "X", "--kind", "pupil").code == 2  # closed
    blank = cli("case", "reopen", ref, "--reason", "  ")
    assert blank.code == 2 and "reason" in blank.err
    cli.ok("case", "reopen", ref, "--reason", "new messages in the group")
    shown = cli.json("case", "show", ref)
    assert shown["status"] == "open" and shown["closed_at"] is None
    assert shown["reopen_reason"] == "new messages in the group"
    cli.json("person", "add", ref, "X", "--kind", "pupil")  # open again
    audit = [e for e in cli.json("audit") if e["action"] == "case.reopen"]
    assert len(audit) == 1 and audit[0]["details"]["reason"] == "new messages in the group"
    assert audit[0]["details"]["outcome_was"] == "stopped after the talk"
    kinds = [e["kind"] for e in cli.json("case", "timeline", ref)]
    assert "case.reopened" in kinds


def test_void_a_case_made_by_mistake(cli_vault: Any) -> None:
    cli = cli_vault
    real = [new_case(cli, "--reported-on", "2-11-2026") for _ in range(5)]
    mistake = new_case(cli)
    year = cli.json("case", "show", mistake)["created_at"][:4]
    assert cli.json("stats", "--year", year)["cases"] == 6
    cli.ok("case", "void", mistake, "--reason", "opened twice for the same report")
    assert [c["ref"] for c in cli.json("case", "list")] == real
    listed = cli.json("case", "list", "--include-void")
    assert [c["ref"] for c in listed] == [*real, mistake]
    kept = cli.json("case", "show", mistake)  # kept, readable, closed
    assert kept["status"] == "closed" and kept["void_reason"].startswith("opened twice")
    assert kept["voided_by"] == "anna"
    assert cli.json("stats", "--year", year)["cases"] == 5  # left out of the figures
    assert "VOID" in cli("case", "show", mistake).out
    again = cli("case", "void", mistake, "--reason", "x")
    assert again.code == 2 and "already void" in again.err
    no = cli("case", "reopen", mistake, "--reason", "x")
    assert no.code == 2 and "cannot be reopened" in no.err
    assert [e["action"] for e in cli.json("audit") if e["action"] == "case.void"] == ["case.void"]


def test_timeline_date_only_events_after_timed_ones_of_the_day(cli_vault: Any) -> None:
    cli = cli_vault
    ref = new_case(cli)
    today = cli.json("case", "show", ref)["created_at"]
    from cybercase.core.timeutil import AMSTERDAM, from_iso

    day = from_iso(today).astimezone(AMSTERDAM).date().isoformat()
    cli.ok("case", "set", ref, "--reported-on", day)
    kinds = [e["kind"] for e in cli.json("case", "timeline", ref)]
    assert kinds.index("case.opened") < kinds.index("case.reported")
