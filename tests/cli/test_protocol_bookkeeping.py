"""The protocol's bookkeeping through the real CLI (issue #20, items 3 and 5)."""

from __future__ import annotations

import json
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


def test_informed_per_person_and_still_to_inform_derived(cli_vault: Any) -> None:
    cli = cli_vault
    ref = new_case(cli, "--phase", "2", "--reason", "weeks of messages")

    def add(name: str, *opts: str) -> int:
        return int(cli.json("person", "add", ref, name, *opts)["id"])

    lisa = add("Lisa", "--kind", "pupil", "--role", "bullied")
    tom = add("Tom", "--kind", "pupil", "--role", "bully")
    mother = add("Karin de Vries", "--kind", "parent", "--phone", "06-12345678",
                 "--email", "karin@example.nl")
    father = add("Peter de Vries", "--kind", "parent", "--phone", "0800-1234")
    head = add("Mw. Jansen", "--kind", "staff", "--role", "directeur")
    ib = add("Dhr. Bos", "--kind", "staff", "--role", "ib")
    people = {p["id"]: p for p in cli.json("person", "list", ref)}
    assert people[mother]["phone"] == "06-12345678"
    assert people[mother]["email"] == "karin@example.nl"
    for bad, words in ((("--phone", "+999 1234 5678"), "not a phone number"),
                       (("--email", "karin@localhost"), "not an e-mail address")):
        refused = cli("person", "add", ref, "X", "--kind", "parent", *bad)
        assert refused.code == 2 and words in refused.err
    refused = cli("person", "add", ref, "Y", "--kind", "pupil", "--phone", "06-12345678")
    assert refused.code == 2 and "parents" in refused.err

    meeting = cli.json("sg", "meeting", ref, "--step", "2", "--date", "1-12-2026",
                       "--participant", str(tom), "--action", f"{tom}:says hello")["id"]

    def still() -> list[str]:
        shown = cli.json("sg", "show", ref)
        return next(m for m in shown["meetings"] if m["id"] == meeting)["still_to_inform"]

    assert still() == ["directeur", "ib", "ivp"]
    # directie the next day, without naming the meeting: the list still clears
    cli.ok("informed", "add", ref, "--person", str(head), "--date", "2-12-2026",
           "--how", "in person")
    assert still() == ["ib", "ivp"]
    # told before the meeting and about something else: does not count for it
    cli.ok("informed", "add", ref, "--who", "ivp", "--date", "30-11-2026", "--how", "phone")
    assert still() == ["ib", "ivp"]
    cli.ok("informed", "add", ref, "--person", str(ib), "--meeting", str(meeting),
           "--date", "1-12-2026", "--how", "e-mail")
    cli.ok("informed", "add", ref, "--who", "ivp", "--date", "3 dec 2026", "--how", "phone")
    assert still() == []
    # which parent: the person is kept, the role follows from them
    cli.ok("informed", "add", ref, "--person", str(mother), "--date", "2-12-2026",
           "--how", "phone", "--what", "the support group started")
    told = cli.json("case", "show", ref)["informed"]
    by_person = {i["person_id"]: i["who"] for i in told}
    assert by_person[mother] == "parents" and by_person[head] == "directeur"
    assert "informed 2026-12-02: Karin de Vries, parents (phone)" in cli.ok(
        "case", "show", ref).out
    assert father not in by_person
    wrong = cli("informed", "add", ref, "--person", str(mother), "--who", "ib",
                "--date", "2-12-2026", "--how", "phone")
    assert wrong.code == 2 and "does not fit the role ib" in wrong.err
    child = cli("informed", "add", ref, "--person", str(lisa), "--date", "2-12-2026",
                "--how", "phone")
    assert child.code == 2
    nobody = cli("informed", "add", ref, "--date", "2-12-2026", "--how", "phone")
    assert nobody.code == 2 and "say who was informed" in nobody.err


def test_triage_suggests_a_phase_and_the_protocol_has_the_new_words(cli_vault: Any) -> None:
    cli = cli_vault
    ref = new_case(cli, "--channel", "parent_coordinator")
    assert cli.json("case", "show", ref)["suggested_phase"] is None  # no triage yet
    done = cli.ok("case", "triage", ref, "--as", "pesten", "--intent", "yes",
                  "--repetition", "yes", "--power", "yes")
    assert "suggests phase 2 (Bullying established)" in done.out
    assert cli.json("case", "show", ref)["suggested_phase"] == 2
    cli.ok("case", "phase", ref, "2", "--reason", "triage: bullying")
    assert cli.json("case", "show", ref)["suggested_phase"] is None  # followed
    plain = cli.ok("case", "triage", new_case(cli), "--as", "plagen")
    assert "suggests" not in plain.out  # phase 1 already
    pid = cli.json("person", "add", ref, "Tom", "--kind", "pupil", "--role",
                   "suspected_bully")["id"]
    assert [p["role"] for p in cli.json("person", "list", ref) if p["id"] == pid] == [
        "suspected_bully"]


def test_corrections_of_several_fields_accounts_and_offence_tags(
        cli_vault: Any, tmp_path: Any) -> None:
    cli = cli_vault
    ref = new_case(cli)
    pid = cli.json("person", "add", ref, "Karin", "--kind", "parent")["id"]
    both = cli.json("correct", "person", str(pid), "--set", "name=Karin de Vries",
                    "--set", "phone=06-12345678", "--reason", "spelled out at the meeting")
    assert [(c["field"], c["new"]) for c in both] == [
        ("name", "Karin de Vries"), ("phone", "06-12345678")]
    # one bad value: nothing is written
    bad = cli("correct", "person", str(pid), "--set", "name=Karin",
              "--set", "email=karin@localhost", "--reason", "x")
    assert bad.code == 2 and "not an e-mail address" in bad.err
    assert [p["name"] for p in cli.json("person", "list", ref)] == ["Karin de Vries"]
    assert cli("correct", "person", str(pid), "--field", "name", "--reason", "x").code == 2

    acc = cli.json("account", "add", ref, "--platform", "Instagram", "--handle",
                   "@juf.sanne", "--email", "a@example.nl")["id"]
    done = cli.json("correct", "account", str(acc), "--set", "handle=@juf.sanne.7b",
                    "--set", "email=b@example.nl", "--reason", "read wrongly off the screen")
    assert [c["field"] for c in done] == ["handle", "email"]
    found = cli.json("account", "find", "B@Example.NL")  # the normal form went along
    assert [a["id"] for a in found] == [acc]
    history = cli.json("correct", "history", "account", str(acc))
    assert {c["field"] for c in history} == {"handle", "email"}

    from PIL import Image

    shot = tmp_path / "shot.png"
    Image.new("RGB", (40, 30), (9, 9, 9)).save(shot)
    [item] = cli.json("ingest", ref, str(shot))
    one = cli.json("correct", "evidence", str(item["id"]), "--field", "tags",
                   "--value", "bedreiging, belediging", "--reason", "also a threat")
    assert json.loads(one["new"]) == ["bedreiging", "belediging"]  # one field: one object
    shown = cli.json("evidence", "show", str(item["id"]))
    assert shown["stated"]["offence_tags"] == ["bedreiging", "belediging"]
    wrong = cli("correct", "evidence", str(item["id"]), "--field", "tags", "--value", "rude",
                "--reason", "x")
    assert wrong.code == 2
