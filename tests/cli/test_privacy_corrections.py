"""Rectification through the CLI: the old value stays, with who corrected it and why."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ICT = {"CYBERCASE_USER": "ict1"}
VIEWER = {"CYBERCASE_USER": "dir"}


def test_corrections_keep_the_old_value(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    for name, role in (("ict1", "ict"), ("dir", "viewer")):
        cli.ok("user", "add", name, "--role", role)
    ref = cli.json("case", "new", "--title", "Snapchat 6a")["ref"]
    pid = cli.json("person", "add", ref, "Lisa Jansen", "--kind", "pupil", "--role", "bully",
                   "--born", "2015-03-02", "--sg-role", "leader")["id"]
    note = tmp_path / "chat.txt"
    note.write_text("hello\n", encoding="utf-8")
    item = cli.json("ingest", ref, str(note), "--description", "chat from monday")[0]["id"]

    fixed = cli.json("correct", "person", str(pid), "--field", "born", "--value",
                     "2014-03-02", "--reason", "the birth certificate says 2014")
    assert (fixed["old"], fixed["new"], fixed["by"]) == ("2015-03-02", "2014-03-02", "anna")
    shown = cli.json("person", "show", str(pid))
    assert shown["born"] == "2014-03-02"
    assert [(c["field"], c["old"], c["reason"]) for c in shown["corrections"]] == [
        ("born", "2015-03-02", "the birth certificate says 2014")]
    assert "2015-03-02" in cli.ok("person", "show", str(pid)).out

    before = cli.json("person", "show", str(pid))
    refused = [
        (("correct", "person", str(pid), "--field", "born", "--value", "2014-03-02",
          "--reason", "x"), 2, "already"),
        (("correct", "person", str(pid), "--field", "born", "--value", "2099-01-01",
          "--reason", "x"), 2, "future"),
        (("correct", "person", str(pid), "--field", "born", "--value", "2013-01-01",
          "--reason", "  "), 2, "needs a reason"),
        (("correct", "person", str(pid), "--field", "shoe", "--value", "x", "--reason", "x"),
         2, "choose one of name, born"),
        (("correct", "evidence", str(item), "--field", "sha256", "--value", "0",
          "--reason", "x"), 2, "no field 'sha256'"),
        (("correct", "person", "999", "--field", "born", "--value", "2013-01-01",
          "--reason", "x"), 2, "no person 999"),
    ]
    for args, code, words in refused:
        result = cli(*args)
        assert result.code == code and words in result.err, (args, result.err)
        assert len(result.err.strip().splitlines()) == 1
    for args, env in ((("correct", "person", str(pid), "--field", "name", "--value", "Lise",
                        "--reason", "typo"), VIEWER),
                      (("correct", "person", str(pid), "--field", "sg_role", "--value",
                        "defender", "--reason", "x"), ICT),
                      (("correct", "case", ref, "--field", "title", "--value", "x",
                        "--reason", "x"), ICT)):
        assert cli(*args, env=env).code == 5, args
    assert cli.json("person", "show", str(pid)) == before

    # care data: the sg_role correction is history only for who may read care data
    cli.ok("correct", "person", str(pid), "--field", "sg_role", "--value", "defender",
           "--reason", "mixed up two pupils")
    assert "sg_role" in [c["field"] for c in cli.json("correct", "history", "person", str(pid))]
    ict_view = cli.json("correct", "history", "person", str(pid), env=ICT)
    assert [c["field"] for c in ict_view] == ["born"]
    assert "leader" not in cli.ok("case", "show", ref, "--json", env=ICT).out
    # ict corrects what was stated about evidence (never the measured facts)
    cli.ok("correct", "evidence", str(item), "--field", "description", "--value",
           "chat from tuesday", "--reason", "the date on screen is tuesday", env=ICT)
    assert cli.json("evidence", "show", str(item))["stated"]["description"] == \
        "chat from tuesday"

    # case set: filling in is not a correction; overwriting is, and needs a reason
    cli.ok("case", "set", ref, "--summary", "first summary")
    overwrite = cli("case", "set", ref, "--summary", "second summary")
    assert overwrite.code == 2 and "correction" in overwrite.err and "--reason" in overwrite.err
    cli.ok("case", "set", ref, "--summary", "second summary", "--reason", "wrong pupil named")
    # a role may change as the case unfolds: kept in the history, with a reason if given
    cli.ok("person", "role", str(pid), "--role", "follower")
    cli.ok("person", "role", str(pid), "--role", "bystander", "--reason", "was a bystander")

    # a closed case can still be corrected (the right to rectification does not end)
    cli.ok("case", "close", ref, "--outcome", "solved")
    cli.ok("correct", "person", str(pid), "--field", "name", "--value", "Lisa Janssen",
           "--reason", "spelling")
    history = cli.json("case", "show", ref)["corrections"]
    assert [(c["table"], c["field"], c["old"], c["new"]) for c in history] == [
        ("people", "born", "2015-03-02", "2014-03-02"),
        ("people", "sg_role", "leader", "defender"),
        ("evidence_items", "description", "chat from monday", "chat from tuesday"),
        ("cases", "summary", "first summary", "second summary"),
        ("people", "role", "bully", "follower"),
        ("people", "role", "follower", "bystander"),
        ("people", "name", "Lisa Jansen", "Lisa Janssen"),
    ]
    assert {c["by"] for c in history} == {"anna", "ict1"}
    text = cli.ok("case", "show", ref).out
    assert "'first summary' -> 'second summary': wrong pupil named" in text
    assert "'bully' -> 'follower': (no reason given)" in text
    assert [c["field"] for c in cli.json("correct", "history", "evidence", str(item))] == [
        "description"]
    # the audit says who corrected what, with no name in action or object
    trail = [e for e in cli.json("audit", ref) if e["action"] == "correct"]
    assert [e["object"] for e in trail] == [f"person {pid}"] * 2 + [f"evidence {item}"] + [
        f"person {pid}"]
    assert trail[-1]["details"]["old"] == "Lisa Jansen"
