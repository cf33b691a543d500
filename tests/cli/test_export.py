"""`cybercase export` and `cybercase verify-bundle` through the real CLI, checked with
independent tools: the `bagit` package, `sha256sum -c`, pypdf and pyzipper."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import bagit
import pypdf
import pytest
import pyzipper
from PIL import Image

from tests.conftest import PASSPHRASE, USER
from tests.helpers import raw_connection, rewrite_zip, small_tmpfs

BAG = "2026-001 bewijs"
BUNDLE_PASS = "a long bundle passphrase"


def png(path: Path, color: tuple[int, int, int], size: tuple[int, int]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    img = Image.new("RGB", size, color)
    img.paste((255, 255, 255), (5, 5, 40, 40))
    img.save(path, "PNG")
    return path


@pytest.fixture
def case(cli_vault: Any, tmp_path: Path) -> dict[str, Any]:
    """A case with two PNG images, a text file, and one withdrawn item."""
    ref = str(cli_vault.json("case", "new", "--title", "WhatsApp 7b")["ref"])
    src = tmp_path / "in"
    files = [png(src / "chat one.png", (200, 30, 30), (120, 200)),
             png(src / "story.png", (30, 30, 200), (300, 100))]
    note = src / "note.txt"
    note.write_text("see you tomorrow, loser\n")
    files.append(note)
    docs = cli_vault.json("ingest", ref, *map(str, files), "--platform", "WhatsApp",
                          "--account", "@pester7b", "--description", "groepsapp")
    gone = tmp_path / "other" / "gone.txt"
    gone.parent.mkdir()
    gone.write_text("not relevant after all\n")
    withdrawn = cli_vault.json("ingest", ref, str(gone))[0]["id"]
    cli_vault.ok("evidence", "withdraw", str(withdrawn), "--reason", "not about this case")
    return {"ref": ref, "files": files, "ids": [d["id"] for d in docs],
            "shas": [d["sha256"] for d in docs], "withdrawn": withdrawn}


def test_export_validates_independently_and_is_audited(
    cli_vault: Any, case: dict[str, Any], tmp_path: Path
) -> None:
    ref, out = case["ref"], tmp_path / "bundle.zip"
    result = cli_vault.json("export", ref, "--out", str(out))
    assert result["items"] == case["ids"]
    assert result["left_out"] == [case["withdrawn"]]
    assert result["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()

    shutil.unpack_archive(out, tmp_path / "x")
    root = tmp_path / "x" / BAG
    bag = bagit.Bag(str(root))
    bag.validate()  # independent validator: raises on any problem
    assert bag.info["External-Identifier"] == ref
    assert bag.info["Source-Organization"] == "OBS De Pirouette"
    assert bag.info["Contact-Name"] == "anna"
    for manifest in ("manifest-sha256.txt", "tagmanifest-sha256.txt"):
        done = subprocess.run(["sha256sum", "-c", manifest], cwd=root, capture_output=True,
                              text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    # originals byte for byte, names made safe
    data = root / "data"
    assert (data / "evidence" / "001_chat one.png").read_bytes() == case["files"][0].read_bytes()
    assert (data / "evidence" / "003_note.txt").read_bytes() == case["files"][2].read_bytes()
    assert len(list((data / "evidence").iterdir())) == 3

    records = json.loads((data / "evidence.json").read_text())["items"]
    assert [r["sha256"] for r in records] == case["shas"]
    assert records[0]["stated"]["accounts"] == ["@pester7b"]
    assert "CET" in records[0]["measured"]["ingested_at"]["amsterdam"]
    rows = list(csv.DictReader(io.StringIO((data / "evidence.csv").read_text("utf-8-sig")),
                               delimiter=";"))
    assert [r["sha256"] for r in rows] == case["shas"]
    assert rows[0]["stated_platform"] == "WhatsApp"
    assert json.loads((data / "accounts.json").read_text())["stated"][0]["account"] == \
        "@pester7b"
    assert rows[0]["stated_accounts"] == "'@pester7b"  # the formula guard, in VERIFY.txt

    left_out = (data / "left-out.txt").read_text()
    # how many and why in general terms; never the reason (it can name other children)
    assert "One evidence item of this case was withdrawn" in left_out
    assert "Eén bewijsstuk van deze zaak is door de school ingetrokken" in left_out
    assert "not about this case" not in left_out and "support group" in left_out
    assert "gone.txt" not in (data / "evidence.json").read_text()

    custody = list(csv.DictReader(io.StringIO((data / "custody.csv").read_text("utf-8-sig")),
                                  delimiter=";"))
    for item_id in case["ids"]:
        actions = [r["action"] for r in custody if r["evidence_id"] == str(item_id)]
        assert actions[0] == "evidence.ingest" and "export.start" in actions

    text = "".join(p.extract_text() for p in pypdf.PdfReader(data / "report.pdf").pages)
    for sha in case["shas"]:
        assert sha in text
    assert "Hoe controleert u deze bundel?" in text
    # no value to compare with inside the bundle: a forger controls its text
    assert result["fingerprint"] not in text and "Get-FileHash" in text
    verify_txt = (root / "VERIFY.txt").read_text()
    assert result["fingerprint"] not in verify_txt and "certutil -hashfile" in verify_txt

    ok = cli_vault("verify-bundle", str(out))
    assert ok.code == 0 and "signature valid" in ok.out
    assert f"Bundle SHA-256 (computed): {result['sha256']}" in ok.out
    assert f"Key fingerprint (computed): {result['fingerprint']}" in ok.out
    audit = cli_vault.json("audit", ref)
    done = [e for e in audit if e["action"] == "export.done"]
    assert len(done) == 1 and done[0]["details"]["sha256"] == result["sha256"]
    assert done[0]["details"]["items"] == case["ids"]

    # the export has a stable id (the exports row a police record points to); the folder
    # it was written to is kept nowhere in the vault or the bundle (it can name a person)
    assert isinstance(result["id"], int) and result["path"] == str(out)
    assert done[0]["details"]["export"] == result["id"]
    for entry in audit:
        assert str(tmp_path) not in json.dumps(entry), entry
    assert str(tmp_path) not in (data / "custody.csv").read_text("utf-8-sig")
    conn = raw_connection(cli_vault.vault_dir, USER, PASSPHRASE)
    rows = conn.execute("SELECT id, file_name, sha256 FROM exports").fetchall()
    conn.close()
    assert rows == [(result["id"], "bundle.zip", result["sha256"])]

    # output exists: refused (exit 2, file unchanged) unless --force
    before = out.read_bytes()
    again = cli_vault("export", ref, "--out", str(out))
    assert again.code == 2 and "already exists" in again.err
    assert out.read_bytes() == before
    forced = cli_vault("export", ref, "--out", str(out), "--force",
                       "--evidence", str(case["ids"][1]))
    assert forced.code == 0 and f"Recorded as export {result['id'] + 1} of case {ref}" in forced.out
    with zipfile.ZipFile(out) as zf:
        evidence = [n for n in zf.namelist() if "/data/evidence/" in n]
        assert evidence == [f"{BAG}/data/evidence/001_story.png"]
        chosen_left = zf.read(f"{BAG}/data/left-out.txt").decode()
    assert "2 other evidence items of this case were not chosen" in chosen_left


def test_verify_bundle_names_each_problem(
    cli_vault: Any, case: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "bundle.zip"
    cli_vault.ok("export", case["ref"], "--out", str(out))
    name = f"{BAG}/data/evidence/002_story.png"
    with zipfile.ZipFile(out) as zf:
        original = zf.read(name)
        manifest = zf.read(f"{BAG}/manifest-sha256.txt")
        tagmanifest = zf.read(f"{BAG}/tagmanifest-sha256.txt")
    flipped = bytearray(original)
    flipped[len(flipped) // 2] ^= 0x01
    # a changed file with a manifest forged to match it, then the tag manifest forged too
    forged = manifest.replace(hashlib.sha256(original).hexdigest().encode(),
                              hashlib.sha256(bytes(flipped)).hexdigest().encode())
    forged_tags = tagmanifest.replace(hashlib.sha256(manifest).hexdigest().encode(),
                                      hashlib.sha256(forged).hexdigest().encode())
    assert forged != manifest and forged_tags != tagmanifest
    cases = {
        "flip": ({name: bytes(flipped)}, "checksum mismatch", "data/evidence/002_story.png"),
        "missing": ({name: None}, "missing", "data/evidence/002_story.png"),
        "extra": ({f"{BAG}/data/evidence/004_extra.png": b"x"}, "unexpected",
                  "data/evidence/004_extra.png"),
        "forged-manifest": ({name: bytes(flipped), f"{BAG}/manifest-sha256.txt": forged},
                            "checksum mismatch", "manifest-sha256.txt"),
        "forged-tags": ({name: bytes(flipped), f"{BAG}/manifest-sha256.txt": forged,
                         f"{BAG}/tagmanifest-sha256.txt": forged_tags},
                        "bad signature", "tagmanifest-sha256.txt.sig"),
    }
    for label, (change, kind, where) in cases.items():
        bad = tmp_path / f"{label}.zip"
        rewrite_zip(out, bad, change)
        result = cli_vault("verify-bundle", str(bad), "--json")
        assert result.code == 1, (label, result.err)
        problems = result.json()["problems"]
        assert {"kind": kind, "path": where} in [
            {"kind": p["kind"], "path": p["path"]} for p in problems], (label, problems)
    plain = cli_vault("verify-bundle", str(tmp_path / "flip.zip"))
    assert "checksum mismatch: data/evidence/002_story.png" in plain.out
    # the manifest and evidence.json each disagree with the changed file
    assert "checksum mismatch: data/evidence/002_story.png: evidence.json gives" in plain.out
    assert plain.err.strip().count("\n") == 0 and "2 problem(s) found" in plain.err
    forged_out = cli_vault("verify-bundle", str(tmp_path / "forged-tags.zip")).out
    assert "bad signature: tagmanifest-sha256.txt.sig" in forged_out
    assert cli_vault("verify-bundle", str(tmp_path / "nothing.zip")).code == 2
    (tmp_path / "text.zip").write_text("not a zip")
    assert cli_vault("verify-bundle", str(tmp_path / "text.zip")).code == 2


def test_encrypted_bundle_opens_with_its_passphrase_only(
    cli_vault: Any, case: dict[str, Any], tmp_path: Path
) -> None:
    out = tmp_path / "secret.zip"
    short = cli_vault("export", case["ref"], "--out", str(out), "--encrypt",
                      env={"CYBERCASE_EXPORT_PASSPHRASE": "short"})
    assert short.code == 2 and "too short" in short.err and not out.exists()
    cli_vault.ok("export", case["ref"], "--out", str(out), "--encrypt",
                 env={"CYBERCASE_EXPORT_PASSPHRASE": BUNDLE_PASS})
    # ZIP entry names are not encrypted: the original file name is not among them
    member = f"{BAG}/data/evidence/001.png"
    assert b"chat one" not in out.read_bytes()
    with zipfile.ZipFile(out) as zf:
        assert all(info.flag_bits & 0x1 for info in zf.infolist())
        with pytest.raises((RuntimeError, NotImplementedError)):
            zf.read(member)
    with pyzipper.AESZipFile(out) as zf:
        zf.setpassword(b"the wrong passphrase")
        with pytest.raises(RuntimeError):
            zf.read(member)
        zf.setpassword(BUNDLE_PASS.encode())
        assert zf.read(member) == case["files"][0].read_bytes()
    assert case["files"][0].read_bytes() not in out.read_bytes()
    good = cli_vault("verify-bundle", str(out), env={"CYBERCASE_EXPORT_PASSPHRASE": BUNDLE_PASS})
    assert good.code == 0, good.out + good.err
    wrong = cli_vault("verify-bundle", str(out),
                      env={"CYBERCASE_EXPORT_PASSPHRASE": "the wrong passphrase"})
    assert wrong.code == 3 and "does not open" in wrong.err
    none = cli_vault("verify-bundle", str(out))
    assert none.code == 2 and "CYBERCASE_EXPORT_PASSPHRASE" in none.err


def test_export_bad_input(cli_vault: Any, case: dict[str, Any], tmp_path: Path) -> None:
    ref = case["ref"]
    unknown = cli_vault("export", "2026-999", "--out", str(tmp_path / "a.zip"))
    assert unknown.code == 2
    empty = cli_vault.json("case", "new", "--title", "no evidence yet")["ref"]
    nothing = cli_vault("export", empty, "--out", str(tmp_path / "b.zip"))
    assert nothing.code == 2 and "no evidence" in nothing.err
    gone = cli_vault("export", ref, "--out", str(tmp_path / "c.zip"),
                     "--evidence", str(case["withdrawn"]))
    assert gone.code == 2 and "withdrawn" in gone.err
    other = cli_vault("export", ref, "--out", str(tmp_path / "d.zip"), "--evidence", "999")
    assert other.code == 2 and "does not belong" in other.err
    nodir = cli_vault("export", ref, "--out", str(tmp_path / "no" / "e.zip"))
    assert nodir.code == 2 and "does not exist" in nodir.err
    assert not list(tmp_path.glob("*.zip")) and not list(tmp_path.glob(".cybercase-export-*"))
    audit = cli_vault.json("audit", ref)
    assert not [e for e in audit if e["action"].startswith("export.")]


def test_export_to_a_full_disk_or_a_read_only_folder(
    cli_vault: Any, case: dict[str, Any], tmp_path: Path
) -> None:
    ref = case["ref"]
    video = tmp_path / "in" / "video.mp4"
    video.write_bytes(os.urandom(3 << 20))
    cli_vault.ok("ingest", ref, str(video))
    with small_tmpfs(tmp_path / "stick", "1m") as stick:
        full = cli_vault("export", ref, "--out", str(stick / "bundle.zip"))
        assert full.code == 2 and full.out == ""
        assert full.err.count("cybercase:") == 1 and "is full" in full.err, full.err
        assert "no partial bundle was left behind" in full.err
        assert list(stick.iterdir()) == []
    with small_tmpfs(tmp_path / "ro", "1m", read_only=True) as folder:
        denied = cli_vault("export", ref, "--out", str(folder / "bundle.zip"))
        assert denied.code == 2 and denied.err.count("cybercase:") == 1
        assert "cannot write in" in denied.err, denied.err
    actions = [e["action"] for e in cli_vault.json("audit", ref)]
    # the full disk was found while writing (logged as failed); the read-only folder before
    assert actions.count("export.start") == 1 and actions.count("export.failed") == 1
    assert "export.done" not in actions
