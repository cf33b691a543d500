"""Cyber work through the real CLI on a real vault: accounts and who is behind them,
takedown referrals, police records, smartphone agreements, informed parties.

One vault per module (and per xdist worker): each test opens its own cases in it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PIL import Image

from cybercase.core.timeutil import local_today
from tests.conftest import USER, Cli

PUPIL = "Lisa de Vries"


def day(offset: int) -> str:
    return (local_today() + timedelta(days=offset)).isoformat()


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cli]:
    base = tmp_path_factory.mktemp("cyber")
    runner = Cli(base / "vault", base)
    runner.env.update({
        "CYBERCASE_KDF": "fast", "CYBERCASE_LOCK_WAIT": "1",
        "XDG_DATA_HOME": str(base / "xdg-data"), "XDG_CONFIG_HOME": str(base / "xdg-config"),
        "XDG_CACHE_HOME": str(base / "xdg-cache"),
    })
    runner.env.pop("CYBERCASE_DEBUG", None)
    runner.ok("init", "--user", USER, "--school", "OBS De Pirouette")
    yield runner


def new_case(cli: Cli, title: str) -> str:
    return str(cli.json("case", "new", "--title", title)["ref"])


def person(cli: Cli, ref: str, name: str, *opts: str) -> int:
    return int(cli.json("person", "add", ref, name, *opts)["id"])


def screenshot(cli: Cli, ref: str, folder: Path, color: tuple[int, int, int]) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"shot-{color[0]}-{color[1]}-{color[2]}.png"
    img = Image.new("RGB", (90, 160), color)
    img.paste((255, 255, 255), (5, 5, 40, 60))
    img.save(path, "PNG")
    rows = cli.json("ingest", ref, str(path), "--captured-by", "staff: coordinator")
    return int(rows[0]["id"])


def audit_objects(cli: Cli, ref: str) -> list[str]:
    return [f"{e['action']} {e['object']}" for e in cli.json("audit", ref)]


# --- accounts -----------------------------------------------------------------------------


def test_impersonation_account_traced_to_a_pupil(cli: Cli, tmp_path: Path) -> None:
    ref = new_case(cli, "Fake teacher account")
    lisa = person(cli, ref, PUPIL, "--kind", "pupil", "--role", "bullied")
    tom = person(cli, ref, "Tom Bakker", "--kind", "pupil", "--role", "bully")
    shot = screenshot(cli, ref, tmp_path, (10, 20, 30))
    acc = cli.json(
        "account", "add", ref, "--platform", "Instagram", "--handle", "@juf.sanne.7b",
        "--display-name", "Juf Sanne", "--profile-url", "https://www.instagram.com/juf.sanne.7b/",
        "--impersonates", "the teacher of 7b", "--evidence", str(shot),
    )["id"]
    cli.ok("account", "attribute", str(acc), "--person", str(tom), "--status", "suspected",
           "--basis", "ict_trace", "--note", "same phone number as Tom's school account")
    cli.ok("account", "attribute", str(acc), "--person", str(tom), "--status", "confirmed",
           "--basis", "admission")

    shown = cli.json("account", "show", str(acc))
    assert shown["fake"] is True and shown["impersonates"] == "the teacher of 7b"
    assert shown["evidence"] == [shot]
    assert [(a["status"], a["basis"], a["person_id"]) for a in shown["attributions"]] == [
        ("suspected", "ict_trace", tom), ("confirmed", "admission", tom)]
    assert shown["attribution"]["status"] == "confirmed"
    assert all(a["established_by"] == USER for a in shown["attributions"])

    text = cli.ok("account", "show", str(acc)).out
    assert "suspected as Tom Bakker" in text and "confirmed as Tom Bakker" in text
    assert "FAKE: pretends to be the teacher of 7b" in text
    listed = cli.json("account", "list", ref)
    assert [(a["id"], a["attribution"]["status"]) for a in listed] == [(acc, "confirmed")]

    # the history is on the timeline; audit objects name no child
    kinds = [e["kind"] for e in cli.json("case", "timeline", ref)]
    assert kinds.count("account.attribution") == 2 and "account" in kinds
    objects = audit_objects(cli, ref)
    assert f"account.attribute account {acc}" in objects
    assert not any("Lisa" in o or "Tom" in o for o in objects)
    _ = lisa


def test_same_handle_email_and_phone_flagged_in_a_second_case(cli: Cli) -> None:
    first = new_case(cli, "Snapchat threats")
    second = new_case(cli, "Group app 8a")
    one = cli.json("account", "add", first, "--platform", "Snapchat", "--handle",
                   "@Sneaky.Fox", "--email", "Sneaky.Fox@Example.com", "--phone",
                   "06-12345678")
    assert one["also_in"] == []
    added = cli("account", "add", second, "--platform", "TikTok", "--handle", "sneaky.fox",
                "--email", "sneaky.fox@example.COM", "--phone", "+31 6 1234 5678", "--json")
    assert added.code == 0, added.err
    fields = {(m["case"], m["account"], m["field"]) for m in added.json()["also_in"]}
    assert fields == {(first, one["id"], "handle"), (first, one["id"], "email"),
                      (first, one["id"], "phone")}
    assert f"handle sneaky.fox also appears in case {first}" in added.err
    # and the first account now points at the second case
    back = cli.json("account", "show", str(one["id"]))
    assert {m["case"] for m in back["also_in"]} == {second}
    found = cli.json("account", "find", "SNEAKY.FOX")
    assert {a["case"] for a in found} == {first, second}


# --- referrals ----------------------------------------------------------------------------


def test_meldknop_referral_text_and_follow_up_in_the_agenda(cli: Cli, tmp_path: Path) -> None:
    ref = new_case(cli, "Photo shared in a group")
    person(cli, ref, PUPIL, "--kind", "pupil", "--role", "bullied")
    shot = screenshot(cli, ref, tmp_path, (40, 50, 60))
    acc = cli.json("account", "add", ref, "--platform", "TikTok", "--handle", "@plaagstoot")
    urls = ["https://www.tiktok.com/@plaagstoot/video/7312345678901234567",
            "https://www.tiktok.com/@plaagstoot/photo/7312345678901234999"]
    made = cli.json(
        "referral", "add", ref, "--channel", "meldknop", "--url", urls[0], "--url", urls[1],
        "--account", str(acc["id"]), "--evidence", str(shot),
        "--what", "A photo of a pupil with a mocking caption.",
        "--why", "Posted without consent to humiliate a 10-year-old; it is bullying.",
        "--sent", day(0), "--follow-up", day(5),
    )
    rid = made["id"]
    assert made["status"] == "sent" and made["warnings"] == []

    nl = cli.ok("referral", "text", str(rid)).out
    en = cli.ok("referral", "text", str(rid), "--lang", "en", "--name", "A. Jansen",
                "--email", "a.jansen@school.example.nl").out
    for text in (nl, en):
        assert all(u in text for u in urls)
        assert "@plaagstoot (TikTok)" in text and "Posted without consent" in text
        assert "Lisa" not in text and "Vries" not in text
    assert "te goeder trouw" in nl and "juist en volledig" in nl and "Naam:" not in nl
    assert "good faith" in en and "accurate and complete" in en
    assert "Name: A. Jansen" in en and "E-mail: a.jansen@school.example.nl" in en

    due = [a for a in cli.json("agenda") if a["source"] == f"referral {rid}"]
    assert [(a["due"], a["case"], a["kind"]) for a in due] == [
        (day(5), ref, "referral_follow_up")]

    cli.ok("referral", "update", str(rid), "--status", "removed", "--reference", "MK-2231")
    assert not [a for a in cli.json("agenda") if a["source"] == f"referral {rid}"]
    shown = cli.json("referral", "show", str(rid))
    assert shown["status"] == "removed" and shown["reference"] == "MK-2231"
    assert [e["status"] for e in shown["events"]] == ["sent", "removed"]
    kinds = [e["kind"] for e in cli.json("case", "timeline", ref)]
    assert "referral.sent" in kinds and "referral.status" in kinds

    # a referral without captured evidence is recorded with a warning
    bare = cli("referral", "add", ref, "--channel", "platform", "--platform", "Instagram",
               "--url", "https://www.instagram.com/p/C0dEfGh/", "--json")
    assert bare.code == 0
    assert "no captured evidence" in bare.err and bare.json()["status"] == "draft"
    assert "may vanish" in bare.json()["warnings"][0]


# --- police -------------------------------------------------------------------------------


def test_police_record_says_under_12_from_the_date_of_birth(cli: Cli) -> None:
    ref = new_case(cli, "Insults in a group chat")
    victim = person(cli, ref, PUPIL, "--kind", "pupil", "--born", "2015-06-01")
    # on the offence date (2025-10-15) one suspect turns 12 that very day, one the day after
    twelve = person(cli, ref, "Tom Bakker", "--kind", "pupil", "--born", "2013-10-15")
    eleven = person(cli, ref, "Sam Jansen", "--kind", "pupil", "--born", "2013-10-16")
    unknown = person(cli, ref, "Noor Yilmaz", "--kind", "pupil")
    made = cli("police", "add", ref, "--kind", "aangifte", "--offence", "belediging",
               "--victim", str(victim), "--suspect", str(twelve), "--suspect", str(eleven),
               "--suspect", str(unknown), "--offence-date", "2025-10-15", "--date",
               "2025-10-20", "--appointment", f"{day(3)} 15:30", "--reference", "PL0900-1",
               "--json")
    assert made.code == 0, made.err
    rep = made.json()
    ages = {s["person_id"]: (s["age"], s["under_12"], s["prosecutable"])
            for s in rep["suspects"]}
    assert ages == {twelve: (12, False, True), eleven: (11, True, False),
                    unknown: (None, None, None)}
    notes = {s["person_id"]: s["note"] for s in rep["suspects"]}
    assert "under 12, cannot be prosecuted" in notes[eleven]
    assert "cannot" not in notes[twelve] and "age unknown" in notes[unknown]
    assert rep["ages_on"] == "2025-10-15"
    assert rep["complaint_offence"] is True and "parents" in rep["who_can_file"]
    assert "under 12, cannot be prosecuted" in made.err
    text = cli.ok("police", "show", str(rep["id"])).out
    assert "Sam Jansen" in text and "11 on 2025-10-15: under 12, cannot be prosecuted" in text
    assert "complaint offence" in text
    due = [a for a in cli.json("agenda") if a["source"] == f"police {rep['id']}"]
    assert [(a["due"], a["kind"]) for a in due] == [(day(3), "police_appointment")]
    assert "15:30" in due[0]["what"]

    # threats: anyone can report; sexual images put the case on the police route
    assert not cli.json("police", "route", ref)["police_route"]
    threat = cli.json("police", "add", ref, "--kind", "melding", "--offence", "bedreiging",
                      "--suspect", str(twelve))
    assert threat["complaint_offence"] is False and "anyone" in threat["who_can_file"]
    cli.json("police", "add", ref, "--kind", "melding", "--offence", "sexual_images",
             "--victim", str(victim))
    route = cli.json("police", "route", ref)
    assert route["police_route"] is True and "never store" in route["advice"]
    listed = cli.json("police", "list", ref)
    assert [r["offence"] for r in listed] == ["belediging", "bedreiging", "sexual_images"]
    assert any(e["kind"] == "police" for e in cli.json("case", "timeline", ref))
    shown = cli.ok("case", "show", ref).out
    assert "POLICE ROUTE: police record" in shown and "3 police record(s)" in shown


# --- agreements ---------------------------------------------------------------------------


def test_agreement_with_its_pdf_form_and_review(cli: Cli, tmp_path: Path) -> None:
    from pypdf import PdfReader

    from cybercase.core.dutchdates import dutch_date

    ref = new_case(cli, "Smartphone at night")
    pupil = person(cli, ref, PUPIL, "--kind", "pupil", "--group", "7b")
    made = cli.json("agreement", "add", ref, "--pupil", str(pupil), "--parents",
                    "Karin en Peter de Vries", "--review", day(28))
    aid = made["id"]
    assert made["status"] == "draft" and made["points"] >= 5
    cli.ok("agreement", "point", str(aid), "--add", "Op woensdag blijft de telefoon thuis.",
           "--en", "On Wednesdays the phone stays at home.")
    cli.ok("agreement", "status", str(aid), "agreed")
    shown = cli.json("agreement", "show", str(aid))
    assert shown["status"] == "agreed" and shown["agreed_on"] == day(0)
    assert shown["points"][-1]["nl"] == "Op woensdag blijft de telefoon thuis."
    assert all(p["en"] for p in shown["points"])

    out = tmp_path / "afspraken.pdf"
    cli.ok("agreement", "pdf", str(aid), "--out", str(out))
    text = " ".join((page.extract_text() or "") for page in PdfReader(str(out)).pages)
    flat = " ".join(text.split())
    assert len(PdfReader(str(out)).pages) == 1
    assert "Afspraken over het gebruik van de smartphone" in flat
    assert "Leerling: Lisa (groep 7b)" in flat and "de Vries (groep" not in flat
    assert "Karin en Peter de Vries" in flat and "OBS De Pirouette" in flat
    assert f"Evaluatie op: {dutch_date(day(28))}" in flat  # Dutch dates, no ISO
    assert f"Datum van de afspraken: {dutch_date(day(0))}" in flat
    for point in shown["points"]:
        assert " ".join(point["nl"].split()[:6]) in flat
    assert flat.count("Handtekening") == 4

    again = cli("agreement", "pdf", str(aid), "--out", str(out))
    assert again.code == 2 and "--force" in again.err
    cli.ok("agreement", "pdf", str(aid), "--out", str(out), "--force")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["afspraken.pdf"]

    due = [a for a in cli.json("agenda") if a["source"] == f"agreement {aid}"]
    assert [(a["due"], a["kind"]) for a in due] == [(day(28), "agreement_review")]
    # points are fixed once agreed; a review is kept and moves the agenda item
    fixed = cli("agreement", "point", str(aid), "--remove", "1")
    assert fixed.code == 2 and "fixed" in fixed.err
    cli.json("agreement", "review", str(aid), "--date", day(0), "--outcome",
             "Phone stays downstairs; weekly talk happens.", "--next", day(42))
    due = [a["due"] for a in cli.json("agenda") if a["source"] == f"agreement {aid}"]
    assert due == [day(42)]
    listed = cli.json("agreement", "list", ref)
    assert listed[0]["status"] == "reviewed" and len(listed[0]["reviews"]) == 1
    assert "agreement.pdf agreement " + str(aid) in audit_objects(cli, ref)

    # informed parties: who was told what, when; in the case file and on the timeline
    told = "the smartphone agreement and its review date"
    cli.ok("informed", "add", ref, "--who", "parents", "--date", day(0), "--how", "in person",
           "--what", told)
    assert f"informed {day(0)}: parents (in person): {told}" in cli.ok("case", "show", ref).out
    events = cli.json("case", "timeline", ref)
    assert any(e["kind"] == "informed" and told in e["what"] for e in events)
    kinds = [e["kind"] for e in events]
    assert {"agreement", "agreement.agreed", "agreement.review"} <= set(kinds)


# --- bad input ----------------------------------------------------------------------------


def test_bad_input_one_line_exit_2_nothing_changed(cli: Cli, tmp_path: Path) -> None:
    ref = new_case(cli, "Bad input")
    other = new_case(cli, "Another case")
    pupil = person(cli, ref, "Sam Jansen", "--kind", "pupil")
    stranger = person(cli, other, "Noor Yilmaz", "--kind", "pupil")
    acc = cli.json("account", "add", ref, "--platform", "Roblox", "--handle", "sam_r")["id"]
    foreign = cli.json("account", "add", other, "--platform", "Roblox", "--handle", "x_r")["id"]
    foreign_shot = screenshot(cli, other, tmp_path, (70, 80, 90))
    url = "https://www.roblox.com/users/1234/profile"
    before = len(cli.json("audit"))
    bad = [
        ("account", "add", ref, "--platform", "X", "--handle", "h", "--profile-url",
         "www.example.com/profile"),
        ("account", "add", ref, "--platform", "X", "--handle", "h", "--profile-url",
         "https://nohost"),
        ("account", "add", ref, "--platform", "X", "--handle", "h", "--email", "sam@@mail"),
        ("account", "add", ref, "--platform", "X", "--handle", "h", "--phone", "12-34"),
        ("account", "add", ref, "--platform", "X", "--handle", "h", "--phone", "06-1234"),
        ("account", "add", ref, "--platform", "X", "--handle", "h", "--evidence",
         str(foreign_shot)),
        ("account", "attribute", str(acc), "--person", str(stranger), "--status",
         "suspected", "--basis", "ict_trace"),
        ("account", "attribute", str(acc), "--person", str(pupil), "--status", "sure",
         "--basis", "ict_trace"),
        ("account", "attribute", str(acc), "--person", str(pupil), "--status", "suspected",
         "--basis", "rumour"),
        ("account", "link", str(acc), "--evidence", str(foreign_shot)),
        ("referral", "add", ref, "--channel", "meldknop"),
        ("referral", "add", ref, "--channel", "meldknop", "--url", "not a url"),
        ("referral", "add", ref, "--channel", "fax", "--url", url),
        ("referral", "add", ref, "--channel", "meldknop", "--url", url, "--account",
         str(foreign)),
        ("referral", "add", ref, "--channel", "meldknop", "--url", url, "--sent",
         day(3)),
        ("police", "add", ref, "--kind", "aangifte", "--offence", "pesten"),
        ("police", "add", ref, "--kind", "brief", "--offence", "smaad"),
        ("police", "add", ref, "--kind", "aangifte", "--offence", "smaad", "--victim",
         str(stranger)),
        ("police", "add", ref, "--kind", "aangifte", "--offence", "smaad", "--suspect",
         str(stranger)),
        ("police", "add", ref, "--kind", "aangifte", "--offence", "smaad", "--export", "999"),
        ("agreement", "add", ref, "--pupil", str(stranger), "--parents", "x", "--review",
         day(10)),
        ("agreement", "add", ref, "--pupil", str(pupil), "--parents", "x", "--review",
         "next week"),
        ("agreement", "add", ref, "--pupil", str(pupil), "--parents", "x", "--review",
         day(-1)),
    ]
    for args in bad:
        result = cli(*args)
        assert result.code == 2, (args, result.code, result.err)
        lines = result.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("cybercase: "), (args, result.err)
        assert result.out == ""
    assert len(cli.json("audit")) == before
    assert json.dumps(cli.json("referral", "list", ref)) == "[]"
