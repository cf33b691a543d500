"""A case from report to closure through the real CLI, on a real vault."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from cybercase.core.timeutil import local_today

SG_ROLE_WORDS = ("assistant", "assistent", "encourager", "aanmoediger", "leader", "leider",
                 "defender", "verdediger", "outsider", "buitenstaander")


def day(offset: int) -> str:
    return (local_today() + timedelta(days=offset)).isoformat()


def audit_count(cli: Any) -> int:
    return len(cli.json("audit"))


def test_full_case_walk(cli_vault: Any) -> None:
    cli = cli_vault
    ref = cli.json(
        "case", "new", "--title", "WhatsApp group 7b", "--group", "7b", "--phase", "2",
        "--reason", "screenshots show weeks of insults", "--reported-by", "mother of the pupil",
        "--channel", "parent", "--reported-on", day(-14),
    )["ref"]
    triage = cli("case", "triage", ref, "--as", "pesten", "--intent", "yes",
                 "--repetition", "yes", "--power", "yes", "--note", "power: group of four")
    assert triage.code == 0 and "warning" not in triage.err

    def add(name: str, *opts: str) -> int:
        return int(cli.json("person", "add", ref, name, *opts)["id"])

    lisa = add("Lisa de Vries", "--kind", "pupil", "--role", "bullied", "--group", "7b",
               "--born", "2015-03-02")
    tom = add("Tom Bakker", "--kind", "pupil", "--role", "bully", "--sg-role", "bully",
              "--born", (date.today() - timedelta(days=365 * 13)).isoformat())
    sam = add("Sam Jansen", "--kind", "pupil", "--role", "follower", "--sg-role", "assistant")
    noor = add("Noor Yilmaz", "--kind", "pupil", "--role", "bystander", "--sg-role", "defender")
    mother = add("Karin de Vries", "--kind", "parent")
    add("Mr. Peters", "--kind", "staff", "--role", "teacher")
    cli.ok("person", "link", str(mother), str(lisa))

    # support group: step 1, step 2 (schedules the evaluation a week later)
    cli.json("sg", "meeting", ref, "--step", "1", "--date", day(-12), "--participant",
             str(lisa), "--decision", "bullying", "--notes", "Lisa named Tom, Sam and Noor")
    step2 = cli("sg", "meeting", ref, "--step", "2", "--date", day(-10),
                "--participant", str(noor), "--action", f"{tom}:says hello to Lisa each morning",
                "--action", f"{sam}:does not forward messages about Lisa de Vries",
                "--led-by", "Mr. Peters", "--json")
    assert step2.code == 0
    made = step2.json()
    assert [s["due"] for s in made["scheduled"]] == [day(-3)]
    assert "Noor Yilmaz" in step2.err and "no action point" in step2.err
    assert made["warnings"] and str(noor) in made["warnings"][0]
    cli.ok("informed", "add", ref, "--who", "directeur", "--date", day(-10), "--how", "in person",
           "--meeting", str(made["id"]))
    cli.json("agenda", "add", ref, "--due", day(20), "--what", "monitoring term ends",
             "--kind", "monitoring")

    agenda = cli.json("agenda")
    assert [(a["due"], a["overdue"]) for a in agenda] == [(day(-3), True), (day(20), False)]
    assert agenda[0]["kind"] == "sg_evaluation" and agenda[0]["case"] == ref

    # phases: up and down, each with a reason
    cli.ok("case", "phase", ref, "3", "--reason", "bullying goes on in the group app")
    down = cli.ok("case", "phase", ref, "2", "--reason", "confrontation meeting helped")
    assert "expects" in down.out

    # checklist
    cli.json("checklist", "set", ref, "1", "--status", "done", "--note", "screenshots kept",
             "--evidence", "7", "--person", str(lisa))
    cli.json("checklist", "set", ref, "3", "--status", "na", "--note", "no images")
    cli.json("checklist", "set", ref, "6", "--status", "done", "--person", str(tom))

    # evaluations: step 3, step 4 asks for a second and last one, then ends the group
    cli.json("sg", "meeting", ref, "--step", "3", "--date", day(-3), "--participant", str(lisa))
    again = cli.json("sg", "meeting", ref, "--step", "4", "--date", day(-2),
                     "--participant", str(tom), "--participant", str(sam),
                     "--participant", str(noor), "--decision", "again")
    assert [s["due"] for s in again["scheduled"]] == [day(5)]
    agenda = cli.json("agenda")
    assert [a["due"] for a in agenda] == [day(5), day(20)]  # the first evaluation is done
    refused = cli("sg", "meeting", ref, "--step", "4", "--date", day(0), "--decision", "again")
    assert refused.code == 2 and "last" in refused.err
    cli.json("sg", "meeting", ref, "--step", "4", "--date", day(0), "--participant", str(tom),
             "--decision", "end")
    assert [a["due"] for a in cli.json("agenda")] == [day(20)]

    shown = cli.json("case", "show", ref)
    assert [(h["from_phase"], h["to_phase"]) for h in shown["phase_history"]] == [
        (None, 2), (2, 3), (3, 2)]
    assert shown["phase_history"][1]["reason"] == "bullying goes on in the group app"
    assert all(h["by"] == "anna" and h["at"] for h in shown["phase_history"])
    assert shown["phase_info"]["number"] == 2 and shown["phase_info"]["expects_en"]
    assert shown["triage"] == "pesten" and shown["triage_power"] is True
    assert shown["channel"] == "parent" and shown["protocol"]["id"] == "cybercase-default"
    assert len(shown["protocol"]["sha256"]) == 64
    assert shown["checklist_progress"] == {"open": 18, "done": 2, "na": 1}
    first = shown["checklist"][0]
    assert first["status"] == "done" and first["evidence"] == [7] and first["people"] == [lisa]
    assert len(shown["checklist"]) == 21
    sg = shown["support_group"]
    assert sg["status"] == "ended"
    assert [m["step"] for m in sg["meetings"]] == ["1", "2", "3", "4", "4"]
    assert sg["meetings"][1]["still_to_inform"] == ["ib", "ivp"]
    by_id = {p["id"]: p for p in shown["people"]}
    assert by_id[tom]["twelve_or_older"] is True and by_id[lisa]["twelve_or_older"] is False
    assert by_id[sam]["sg_role"] == "assistant"

    # timeline: by when it happened, not when entered
    events = cli.json("case", "timeline", ref)
    kinds = [e["kind"] for e in events]
    assert kinds[:3] == ["case.reported", "sg.meeting", "sg.meeting"]
    whens = [e["when"][:10] for e in events]
    assert whens[0] == day(-14) and whens[1] == day(-12) and whens[2] == day(-10)
    assert kinds.index("case.opened") > kinds.index("sg.meeting")
    assert all(e["entered_at"] for e in events)

    # school-system notes: for each pupil, no other child's name, no support-group role
    names = {lisa: ("Lisa", "Vries"), tom: ("Tom", "Bakker"), sam: ("Sam", "Jansen"),
             noor: ("Noor", "Yilmaz")}
    for pid, own in names.items():
        note = cli.json("notes", ref, str(pid))
        assert note["kind"] == ("journal" if pid in (sam, noor) else "incident")
        for text in (note["text_nl"], note["text_en"]):
            assert own[0] in text
            for other, parts in names.items():
                if other != pid:
                    for part in parts:
                        assert not re.search(rf"\b{part}\b", text), (pid, part, text)
            if pid != lisa:
                assert "Karin" not in text
            lowered = text.lower()
            assert not any(word in lowered for word in SG_ROLE_WORDS), text
    tom_note = cli.json("notes", ref, str(tom))
    assert "[another pupil]" in tom_note["text_en"]  # the name inside the action point

    before = audit_count(cli)
    cli.ok("case", "close", ref, "--outcome", "bullying stopped; group ended")
    assert audit_count(cli) == before + 1
    assert cli.json("agenda") == []
    listed = cli.json("case", "list")
    assert listed[0]["status"] == "closed"
    late = cli("case", "phase", ref, "3", "--reason", "again")
    assert late.code == 2 and "closed" in late.err
    assert cli("verify").code == 0


def test_bad_input_changes_nothing(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    ref = cli.json("case", "new", "--title", "Instagram account")["ref"]
    pid = cli.json("person", "add", ref, "Eva", "--kind", "pupil", "--role", "bullied")["id"]
    good = cli.json("protocol", "show")
    assert len(good["checklist"]) == 21
    text = Path(cli.ok("protocol", "template", "--out", str(tmp_path / "p.toml")).out.split(
        "Wrote ")[1].split(";")[0]).read_text(encoding="utf-8")
    broken = tmp_path / "broken.toml"
    broken.write_text(text.replace('key = "extra"', 'key = "extra', 1), encoding="utf-8")
    broken_line = text[: text.index('key = "extra"')].count("\n") + 1
    half = tmp_path / "half.toml"
    cut = text.index("[[checklist]]\nid = 21")
    half.write_text(text[:cut] + "[[checklist]]\nid = 21\nresponsible = [\"coordinator\"]\n",
                    encoding="utf-8")
    half_line = text[:cut].count("\n") + 1
    before = audit_count(cli)
    cases_before = cli.json("case", "list")
    bad: list[tuple[tuple[str, ...], str]] = [
        (("case", "phase", "2099-999", "3", "--reason", "x"), "no case"),
        (("case", "phase", ref, "7", "--reason", "x"), "phase 7"),
        (("case", "phase", ref, "0", "--reason", "x"), "phase 0"),
        (("case", "phase", ref, "2", "--reason", "   "), "reason"),
        (("person", "add", "2099-999", "X", "--kind", "pupil"), "no case"),
        (("person", "add", ref, "X", "--kind", "pupil", "--born", "02-03-15"), "3-12-2026"),
        (("person", "add", ref, "X", "--kind", "pupil", "--role", "villain"), "pupil role"),
        (("person", "link", "999", str(pid)), "no person"),
        (("checklist", "set", ref, "22", "--status", "done"), "item 22"),
        (("checklist", "set", ref, "1", "--status", "done", "--person", "999"), "no person"),
        (("sg", "meeting", ref, "--step", "2", "--date", "2026/11/01"), "3-12-2026"),
        (("sg", "meeting", ref, "--step", "9", "--date", day(0)), "step"),
        (("sg", "meeting", ref, "--step", "2", "--date", day(0), "--participant", str(pid)),
         "bullied"),
        (("agenda", "add", ref, "--due", "tomorrow", "--what", "x"), "3-12-2026"),
        (("notes", ref, "999"), "no person"),
        (("case", "new", "--title", "x", "--protocol", str(broken)), f"line {broken_line}"),
        (("case", "new", "--title", "x", "--protocol", str(half)), f"line {half_line}"),
        (("protocol", "use", str(half)), "text_nl"),
        (("case", "new", "--title", "x", "--channel", "pigeon"), "channel"),
    ]
    for args, expected in bad:
        result = cli(*args)
        assert result.code == 2, (args, result.code, result.err)
        lines = result.err.strip().splitlines()
        assert len(lines) == 1, (args, result.err)
        assert expected in lines[0], (args, lines[0])
    assert "broken.toml" in cli("protocol", "check", str(broken)).err
    assert audit_count(cli) == before
    assert cli.json("case", "list") == cases_before


def test_roles_and_care_data(cli_vault: Any) -> None:
    cli = cli_vault
    ref = cli.json("case", "new", "--title", "TikTok")["ref"]
    pid = cli.json("person", "add", ref, "Bo", "--kind", "pupil", "--role", "bully",
                   "--sg-role", "leader")["id"]
    for name, role in (("ict1", "ict"), ("dir", "viewer")):
        cli.ok("user", "add", name, "--role", role)
    ict = {"CYBERCASE_USER": "ict1"}
    assert cli("sg", "show", ref, env=ict).code == 5
    assert cli("notes", ref, str(pid), env=ict).code == 5
    shown = cli.json("case", "show", ref, env=ict)
    assert shown["support_group"] is None and "sg_role" not in shown["people"][0]
    assert "leader" not in cli.ok("person", "list", ref, env=ict).out
    viewer = {"CYBERCASE_USER": "dir"}
    assert cli.json("sg", "show", ref, env=viewer)["status"] is None
    assert cli("checklist", "set", ref, "1", "--status", "done", env=viewer).code == 5
    assert cli("case", "phase", ref, "2", "--reason", "x", env=viewer).code == 5


def test_school_protocol_selected_and_history_kept(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    old_ref = cli.json("case", "new", "--title", "before the edit")["ref"]
    old_sha = cli.json("case", "show", old_ref)["protocol"]["sha256"]
    own = tmp_path / "ours.toml"
    cli.ok("protocol", "template", "--out", str(own))
    text = own.read_text(encoding="utf-8")
    text = text.replace('version = "2026.2"', 'version = "2026.2-school"')
    text = text.replace("Whatshappy)", "Whatshappy and the mediawijsheid lessons)")
    own.write_text(text, encoding="utf-8")
    cli.ok("protocol", "use", str(own))
    new_ref = cli.json("case", "new", "--title", "after the edit")["ref"]
    new = cli.json("case", "show", new_ref)
    assert new["protocol"]["version"] == "2026.2-school"
    assert "mediawijsheid" in new["checklist"][20]["text_en"]
    own.write_text("garbage", encoding="utf-8")  # the stored text is what counts
    old = cli.json("case", "show", old_ref)
    assert old["protocol"]["sha256"] == old_sha
    assert "mediawijsheid" not in old["checklist"][20]["text_en"]
    assert cli.json("case", "show", new_ref)["protocol"]["version"] == "2026.2-school"
    stored = cli.json("protocol", "list")
    assert [s["current"] for s in stored] == [False, True]
