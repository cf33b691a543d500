"""Access requests of parents: the subject export names no other child (real CLI, real vault)."""

from __future__ import annotations

import io
import json
import re
import zipfile
from datetime import timedelta
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PdfReader

from cybercase.core.timeutil import local_today

OTHERS = ("Tom", "Bakker", "Sanne", "Koster", "Karin", "Daan", "Smit", "tommie_b",
          "sanne.k", "tom.b.fake", "tom.b@example.org", "not.lisa.fake", "Tom B")


def names_in(text: str) -> list[str]:
    return [n for n in OTHERS if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text, re.I)]


def read_export(path: Path) -> tuple[dict[str, Any], str, list[str]]:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        doc = json.loads(zf.read("inzage.json"))
        pdf = PdfReader(io.BytesIO(zf.read("inzage.pdf")))
        text = "\n".join(page.extract_text() for page in pdf.pages)
    return doc, text, names


def test_subject_export_masks_other_children(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    ref = cli.json("case", "new", "--title", "WhatsApp 7b", "--summary",
                   "Tom Bakker and Sanne keep posting about Lisa; @tommie_b made the group",
                   "--reported-by", "Eva de Vries (mother)")["ref"]

    def add(r: str, name: str, *opts: str) -> int:
        return int(cli.json("person", "add", r, name, *opts)["id"])

    lisa = add(ref, "Lisa de Vries", "--kind", "pupil", "--role", "bullied", "--group", "7b",
               "--born", "2015-03-02")
    tom = add(ref, "Tom Bakker", "--kind", "pupil", "--role", "bully", "--sg-role", "bully")
    sanne = add(ref, "Sanne Koster", "--kind", "pupil", "--role", "bystander")
    eva = add(ref, "Eva de Vries", "--kind", "parent")
    karin = add(ref, "Karin Bakker", "--kind", "parent")
    cli.ok("person", "link", str(eva), str(lisa))
    cli.ok("person", "link", str(karin), str(tom))
    cli.ok("sg", "meeting", ref, "--step", "1", "--date", "2026-01-05", "--notes",
           "Lisa named Tom and Sanne; sanne.k shares the posts", "--decision", "bullying")
    cli.ok("sg", "meeting", ref, "--step", "2", "--date", "2026-01-07", "--participant",
           str(tom), "--participant", str(sanne), "--action", f"{tom}:stops posting about Lisa",
           "--action", f"{sanne}:plays with Lisa at break", "--notes", "Tom said Sanne began")
    cli.ok("informed", "add", ref, "--who", "parents", "--date", "2026-01-07", "--how",
           "phone", "--person", str(eva), "--note", "told Eva that Tom's parents know")
    cli.ok("checklist", "set", ref, "1", "--status", "done", "--note",
           "screenshots of Tom Bakker's posts kept by Eva", "--person", str(lisa))
    shot = tmp_path / "tom-bakker-post.png"
    Image.new("RGB", (80, 60), (30, 120, 200)).save(shot)
    item = cli.json("ingest", ref, str(shot), "--platform", "WhatsApp", "--account",
                    "@tommie_b", "--description", "Tom Bakker insults Lisa",
                    "--url", "https://wa.example/tommie_b")[0]["id"]
    # the cyber work (issue 5): accounts traced, a police record, an agreement, a takedown
    toms = cli.json("account", "add", ref, "--platform", "Instagram", "--handle",
                    "@tom.b.fake", "--email", "tom.b@example.org", "--display-name",
                    "Tom B")["id"]
    cli.ok("account", "attribute", str(toms), "--person", str(tom), "--status", "confirmed",
           "--basis", "admission")
    own = cli.json("account", "add", ref, "--platform", "TikTok", "--handle", "@lisa_dv")["id"]
    cli.ok("account", "attribute", str(own), "--person", str(lisa), "--status", "confirmed",
           "--basis", "parent")
    cli.ok("account", "add", ref, "--platform", "Snapchat", "--handle", "@not.lisa.fake",
           "--fake", "--impersonates-person", str(lisa))
    cli.ok("police", "add", ref, "--kind", "melding", "--offence", "bedreiging", "--victim",
           str(lisa), "--suspect", str(tom), "--account", str(toms), "--notes",
           "Tom Bakker threatened her via tom.b@example.org")
    cli.ok("agreement", "add", ref, "--pupil", str(lisa), "--parents", "Eva de Vries",
           "--review", "2030-01-01")
    cli.ok("agreement", "add", ref, "--pupil", str(tom), "--parents", "Karin Bakker",
           "--review", "2030-01-01")
    cli.ok("referral", "add", ref, "--channel", "meldknop", "--url",
           "https://instagram.example/tom.b.fake/p/1", "--what", "a video Tom Bakker posted")
    # the same child in a later case (same name and date of birth) and a namesake
    ref2 = cli.json("case", "new", "--title", "TikTok", "--summary",
                    "Daan Smit films Lisa")["ref"]
    lisa2 = add(ref2, "lisa  de vries", "--kind", "pupil", "--role", "bullied", "--born",
                "2015-03-02")
    add(ref2, "Daan Smit", "--kind", "pupil", "--role", "bully")
    ref3 = cli.json("case", "new", "--title", "Other Lisa")["ref"]
    add(ref3, "Lisa de Vries", "--kind", "pupil", "--born", "2016-09-09")
    other_item = cli.json("ingest", ref3, str(shot))[0]["id"]

    # the request goes into the agenda, due four weeks after it came in
    received = (local_today() - timedelta(days=10)).isoformat()
    req = cli.json("subject-request", str(lisa), "--received", received)
    due = (local_today() + timedelta(days=18)).isoformat()
    assert req["due_on"] == due
    agenda = [i for i in cli.json("agenda") if i["kind"] == "subject_access"]
    assert [(i["due"], i["case"]) for i in agenda] == [(due, ref)]
    assert "Lisa" not in agenda[0]["what"]

    out = tmp_path / "inzage-lisa.zip"
    assert cli("subject-export", str(lisa), "--out", str(out),
               env={"CYBERCASE_USER": "nobody"}).code == 3
    cli.ok("user", "add", "dir", "--role", "viewer")
    denied = cli("subject-export", str(lisa), "--out", str(out), env={"CYBERCASE_USER": "dir"})
    assert denied.code == 5 and not out.exists()
    result = cli.json("subject-export", str(lisa), "--out", str(out))
    assert result["cases"] == [ref, ref2] and result["included_evidence"] == []

    doc, text, members = read_export(out)
    assert members == ["inzage.pdf", "inzage.json"]  # no evidence content by default
    raw_json = json.dumps(doc, ensure_ascii=False)
    assert names_in(raw_json) == [] and names_in(text) == [], (names_in(raw_json),
                                                               names_in(text))
    # the child and the own parent are named; the others are there, masked
    assert "Lisa de Vries" in text and "Eva" in raw_json
    assert "leerling A" in text and "account 1" in raw_json
    assert "stops posting" not in raw_json  # another child's action point
    assert "leerling B shares" in raw_json  # "sanne.k" went whole
    assert "bully" not in json.dumps(doc["sections"]["pupil"])
    records = doc["sections"]["pupil"]["records"]
    assert [(r["case"], r["person_id"]) for r in records] == [(ref, lisa), (ref2, lisa2)]
    assert "geboortedatum" in records[1]["basis"]
    assert [e["id"] for e in doc["sections"]["evidence"]] == [item]
    assert any(f"bewijsstuk {item}" in e["what"] for e in doc["left_out"])
    assert "Weggelaten" in text and "steungroep" in text.lower()
    sections = doc["sections"]
    assert len(sections["accounts"]) == 2
    first = sections["accounts"][0]
    assert (first["relation"], first["handle"]) == ("attributed", "@lisa_dv")  # her own
    assert re.fullmatch(r"account \d+", sections["accounts"][1]["handle"])  # a fake one
    assert sections["accounts"][1]["relation"] == "impersonates"
    assert [(p["role"], p["offence"]) for p in sections["police"]] == [("victim", "bedreiging")]
    assert re.fullmatch(r"leerling A threatened her via account \d+",
                        sections["police"][0]["notes"])
    assert [a["parents"] for a in sections["agreements"]] == ["Eva de Vries"]  # only hers
    assert sections["referrals"][0]["what"] == "a video leerling A posted"
    assert "Afspraken over de smartphone" in text and "@lisa_dv" in text
    assert [i for i in cli.json("agenda") if i["kind"] == "subject_access"] == []  # answered

    # never overwritten without --force; evidence only when included, from her cases only
    before = out.read_bytes()
    again = cli("subject-export", str(lisa), "--out", str(out))
    assert again.code == 2 and "--force" in again.err and out.read_bytes() == before
    wrong = cli("subject-export", str(lisa), "--out", str(out), "--force",
                "--include-evidence", str(other_item))
    assert wrong.code == 2 and out.read_bytes() == before
    # an image without an OCR reading cannot be masked: refused in one line, unless the
    # coordinator checked it and attaches it unmasked; the export then says so plainly
    refused = cli("subject-export", str(lisa), "--out", str(out), "--force",
                  "--include-evidence", str(item))
    assert refused.code == 2 and f"--unmasked {item}" in refused.err
    assert out.read_bytes() == before
    cli.ok("subject-export", str(lisa), "--out", str(out), "--force", "--include-evidence",
           str(item), "--unmasked", str(item))
    doc, text, members = read_export(out)
    assert f"bewijs/{item}.png" in members
    assert f"Niet afgedekt: bewijsstuk {item}" in text
    assert doc["attachments"] == [{"id": item, "file": f"bewijs/{item}.png", "masked": False,
                                   "kind": "original", "masks": 0}]
    with zipfile.ZipFile(out) as zf:
        assert zf.read(f"bewijs/{item}.png") == shot.read_bytes()
    assert names_in(json.dumps(doc, ensure_ascii=False)) == [] and names_in(text) == []
    trail = cli.json("audit", ref)
    assert [e["object"] for e in trail if e["action"] == "evidence.subject_export"] == [
        f"evidence {item}"]
    exports = [e for e in trail if e["action"] == "subject.export"]
    assert len(exports) == 2 and all(e["object"] == f"person {lisa}" for e in exports)
    assert not list(tmp_path.glob(".*.partial"))
