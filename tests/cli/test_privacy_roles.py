"""Need-to-know roles, per-case restriction and the audit view, through the real CLI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PIL import Image

ICT = {"CYBERCASE_USER": "ict1"}
VIEWER = {"CYBERCASE_USER": "dir"}
COORD2 = {"CYBERCASE_USER": "bert"}


def one_line(result: Any) -> str:
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    return lines[0]


def setup(cli: Any, tmp_path: Path) -> tuple[str, int, int]:
    """A case with a pupil, a support-group meeting with notes and one evidence item."""
    for name, role in (("ict1", "ict"), ("dir", "viewer"), ("bert", "coordinator")):
        cli.ok("user", "add", name, "--role", role)
    ref = cli.json("case", "new", "--title", "Instagram 8a", "--group", "8a")["ref"]
    pid = cli.json("person", "add", ref, "Noor Visser", "--kind", "pupil", "--role", "bully",
                   "--sg-role", "leader")["id"]
    cli.ok("sg", "meeting", ref, "--step", "2", "--date", "2026-01-05", "--participant",
           str(pid), "--action", f"{pid}:sits with her at lunch", "--notes",
           "CARE-NOTE-SECRET Noor said sorry")
    cli.ok("informed", "add", ref, "--who", "parents", "--date", "2026-01-05", "--how", "phone")
    shot = tmp_path / "chat.png"
    Image.new("RGB", (40, 30), (200, 10, 10)).save(shot)
    item = cli.json("ingest", ref, str(shot), "--platform", "Instagram",
                    "--account", "@fake_teacher")[0]["id"]
    return ref, pid, item


def test_ict_traces_but_reads_no_care_notes(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    ref, pid, item = setup(cli, tmp_path)
    for args in (("sg", "show", ref), ("informed", "list", ref), ("notes", ref, str(pid))):
        result = cli(*args, env=ICT)
        assert result.code == 5, (args, result.err)
        line = one_line(result)
        assert "ict1 (ict) may not read care notes and support-group notes" in line, line
        assert "CARE-NOTE-SECRET" not in result.out + result.err
    # nothing of the support group leaks through the other views
    for args in (("case", "show", ref, "--json"), ("case", "timeline", ref, "--json"),
                 ("agenda", "--json"), ("person", "list", ref, "--json")):
        out = cli.ok(*args, env=ICT).out
        assert "CARE-NOTE-SECRET" not in out and "sits with her" not in out, args
        assert '"leader"' not in out, args
        if args[1] != "show":  # (the protocol's own checklist text mentions support groups)
            assert "support group" not in out.lower(), args
    # ...but ict does the tracing work: accounts, who is behind them, the evidence
    acc = cli.json("account", "add", ref, "--platform", "Instagram", "--handle",
                   "@fake_teacher", "--evidence", str(item), env=ICT)["id"]
    cli.ok("account", "attribute", str(acc), "--person", str(pid), "--status", "suspected",
           "--basis", "ict_trace", "--note", "same phone number", env=ICT)
    traced = cli.json("account", "show", str(acc), env=ICT)
    assert traced["attribution"]["status"] == "suspected" and traced["evidence"] == [item]
    shot = tmp_path / "second.png"
    Image.new("RGB", (40, 30), (10, 200, 10)).save(shot)
    added = cli.json("ingest", ref, str(shot), "--account", "@fake_teacher", "--url",
                     "https://instagram.com/fake_teacher", env=ICT)
    assert added[0]["status"] == "stored"
    listed = cli.json("evidence", "list", ref, env=ICT)
    assert [i["stated"].get("accounts") for i in listed] == [["@fake_teacher"]] * 2
    assert cli.json("evidence", "show", str(item), env=ICT)["stated"]["platform"] == "Instagram"
    # and ict may not read the audit log
    assert cli("audit", env=ICT).code == 5


def test_viewer_changes_nothing(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    ref, pid, item = setup(cli, tmp_path)
    before_case = cli.json("case", "show", ref)
    before_audit = len(cli.json("audit"))
    new_file = tmp_path / "new.png"
    Image.new("RGB", (40, 30), (0, 0, 200)).save(new_file)
    attempts = [
        ("case", "new", "--title", "x"),
        ("case", "phase", ref, "3", "--reason", "x"),
        ("case", "set", ref, "--summary", "changed"),
        ("case", "close", ref, "--outcome", "done"),
        ("case", "restrict", ref, "--users", "dir"),
        ("person", "add", ref, "Someone", "--kind", "pupil"),
        ("person", "role", str(pid), "--role", "bystander"),
        ("checklist", "set", ref, "1", "--status", "done"),
        ("agenda", "add", ref, "--due", "2030-01-01", "--what", "x"),
        ("informed", "add", ref, "--who", "parents", "--date", "2026-01-06", "--how", "mail"),
        ("sg", "meeting", ref, "--step", "3", "--date", "2026-01-06"),
        ("ingest", ref, str(new_file)),
        ("evidence", "withdraw", str(item), "--reason", "x"),
        ("export", ref, "--out", str(tmp_path / "b.zip")),
        ("user", "add", "eve", "--role", "viewer"),
        ("protocol", "use", str(tmp_path / "p.toml")),
        ("account", "add", ref, "--platform", "TikTok", "--handle", "@x"),
        ("correct", "person", str(pid), "--field", "born", "--value", "2015-01-01",
         "--reason", "x"),
        ("retention", "set", "10"),
        ("subject-export", str(pid), "--out", str(tmp_path / "s.zip")),
    ]
    for args in attempts:
        result = cli(*args, env=VIEWER)
        assert result.code == 5, (args, result.code, result.err)
        assert "dir (viewer) may not" in one_line(result), args
    assert not (tmp_path / "b.zip").exists() and not (tmp_path / "s.zip").exists()
    assert cli.json("case", "show", ref) == before_case
    assert len(cli.json("audit")) == before_audit
    assert len(cli.json("case", "list")) == 1
    # reading is fine, also care data (directie reads along)
    assert cli.json("sg", "show", ref, env=VIEWER)["meetings"][0]["notes"].startswith("CARE")


def test_restricted_case_is_need_to_know(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    ref, _pid, item = setup(cli, tmp_path)
    open_ref = cli.json("case", "new", "--title", "other case")["ref"]
    cli.ok("agenda", "add", ref, "--due", "2030-01-01", "--what", "check in with parents")
    # ict cannot restrict; a list without a coordinator or with unknown users is refused
    assert cli("case", "restrict", ref, "--users", "anna", env=ICT).code == 5
    bad = cli("case", "restrict", ref, "--users", "ict1,dir")
    assert bad.code == 2 and "coordinator" in one_line(bad)
    assert cli("case", "restrict", ref, "--users", "anna,nobody").code == 2
    acc = cli.json("account", "add", ref, "--platform", "X", "--handle", "@hidden_one")["id"]
    cli.ok("case", "restrict", ref, "--users", "anna,ict1")

    # not named: not in lists, one clear line when asked directly
    for env in (VIEWER, COORD2):
        assert [c["ref"] for c in cli.json("case", "list", env=env)] == [open_ref]
        assert ref not in cli.ok("agenda", "--json", env=env).out
        for args in (("case", "show", ref), ("evidence", "list", ref),
                     ("evidence", "show", str(item)), ("case", "timeline", ref),
                     ("sg", "show", ref), ("audit", ref)):
            result = cli(*args, env=env)
            assert result.code == 5, (args, env, result.err)
            assert f"case {ref} is restricted to anna, ict1" in one_line(result)
        extracted = cli("evidence", "extract", str(item), "--out", str(tmp_path / "x.png"),
                        env=env)
        assert extracted.code == 5 and not (tmp_path / "x.png").exists()
    assert all(e["case"] != ref for e in cli.json("audit", env=VIEWER))
    assert cli.json("account", "list", env=VIEWER) == []
    assert cli.json("account", "find", "@hidden_one", env=VIEWER) == []
    assert cli("account", "show", str(acc), env=VIEWER).code == 5
    # named: everything as before (within the role)
    assert [c["ref"] for c in cli.json("case", "list", env=ICT)] == [ref, open_ref]
    assert len(cli.json("evidence", "list", ref, env=ICT)) == 1
    assert cli.json("case", "show", ref)["access"] == {"restricted": True,
                                                       "users": ["anna", "ict1"]}

    # a coordinator not named can lift it (break glass), and that is in the audit
    cli.ok("case", "unrestrict", ref, env=COORD2)
    assert cli.json("case", "show", ref, env=VIEWER)["ref"] == ref
    lifted = [e for e in cli.json("audit", ref) if e["action"] == "case.unrestrict"]
    assert lifted[0]["user"] == "bert" and lifted[0]["details"]["break_glass"] is True
    assert cli("case", "unrestrict", ref).code == 2


def test_audit_view(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    ref, _pid, item = setup(cli, tmp_path)
    cli.ok("evidence", "extract", str(item), "--out", str(tmp_path / "copy.png"), env=ICT)
    rows = cli.json("audit", ref)
    read = [r for r in rows if r["action"] == "evidence.extract"]
    assert read and read[0]["user"] == "ict1" and read[0]["object"] == f"evidence {item}"
    assert read[0]["details"]["sha256"]
    assert all("(UTC+0" in r["local_time"] for r in rows)
    # the viewer sees who did what, not the details (they may hold personal data)
    seen = cli.json("audit", ref, "--user", "ict1", env=VIEWER)
    assert seen and {r["user"] for r in seen} == {"ict1"}
    assert all(r["details"] is None for r in seen)
    text = cli.ok("audit", ref, env=VIEWER).out
    assert "evidence.extract" in text and "CARE-NOTE-SECRET" not in text
    assert "Noor" not in cli.ok("audit", "--json", env=VIEWER).out
    # action / object / case never hold a child's name, even for the coordinator
    for r in cli.json("audit"):
        assert "Noor" not in f"{r['action']} {r['object']} {r['case']}"
    detailed = cli.ok("audit", ref, "--details").out
    assert "CARE-NOTE-SECRET" in detailed  # the coordinator sees the details
    assert "details only for coordinators" in cli.ok("audit", ref, "--details", env=VIEWER).out
    missing = cli("audit", "1999-001")
    assert missing.code == 2 and "no case" in one_line(missing)
