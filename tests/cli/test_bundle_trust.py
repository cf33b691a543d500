"""A police bundle checked without trusting it, on real bundles made by a real export:
forgeries re-signed with another key, escape sequences in bag-info, a deleted or swapped
item with every file edited to match, the handover sheet, the openssl commands VERIFY.txt
gives, and the vault settings behind the sheet."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdf
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from cybercase.export.bagit import fingerprint
from tests.cli.test_export import BAG, BUNDLE_PASS, case, png  # noqa: F401 (fixture)

Files = dict[str, bytes]


def unpack(bundle: Path) -> Files:
    with zipfile.ZipFile(bundle) as zf:
        return {name[len(BAG) + 1:]: zf.read(name) for name in zf.namelist()}


def repack(files: Files, out: Path, key: Ed25519PrivateKey) -> Path:
    """What a forger does: recompute every manifest, Payload-Oxum and the key's fingerprint
    in bag-info.txt, sign with their own key and rebuild the ZIP."""
    payload = {rel: data for rel, data in files.items() if rel.startswith("data/")}
    files["manifest-sha256.txt"] = "".join(
        f"{hashlib.sha256(d).hexdigest()}  {rel}\n" for rel, d in sorted(payload.items())
    ).encode()
    files["manifest-sha512.txt"] = "".join(
        f"{hashlib.sha512(d).hexdigest()}  {rel}\n" for rel, d in sorted(payload.items())
    ).encode()
    info = files["bag-info.txt"].decode()
    info = re.sub(r"Payload-Oxum: .*",
                  f"Payload-Oxum: {sum(map(len, payload.values()))}.{len(payload)}", info)
    info = re.sub(r"Signing-Key-Fingerprint: .*",
                  f"Signing-Key-Fingerprint: {fingerprint(key.public_key())}", info)
    files["bag-info.txt"] = info.encode()
    tagged = [n for n in files if not n.startswith("data/") and n not in (
        "tagmanifest-sha256.txt", "tagmanifest-sha256.txt.sig", "signing-key.pub")]
    tagmanifest = "".join(f"{hashlib.sha256(files[n]).hexdigest()}  {n}\n"
                          for n in tagged).encode()
    files["tagmanifest-sha256.txt"] = tagmanifest
    files["tagmanifest-sha256.txt.sig"] = base64.b64encode(key.sign(tagmanifest)) + b"\n"
    files["signing-key.pub"] = key.public_key().public_bytes(
        Encoding.PEM, PublicFormat.SubjectPublicKeyInfo)
    with zipfile.ZipFile(out, "w") as zf:
        for rel, data in files.items():
            zf.writestr(f"{BAG}/{rel}", data)
    return out


def edit_items(files: Files, change: Callable[[list[dict[str, Any]]], list[dict[str, Any]]]
               ) -> None:
    """Apply ``change`` to evidence.json's items and write evidence.csv to match."""
    doc = json.loads(files["data/evidence.json"])
    doc["items"] = change(doc["items"])
    files["data/evidence.json"] = json.dumps(doc).encode()
    rows = list(csv.DictReader(io.StringIO(files["data/evidence.csv"].decode("utf-8-sig")),
                               delimiter=";"))
    by_id = {str(i["id"]): i for i in doc["items"]}
    kept = []
    for row in rows:
        if row["id"] in by_id:
            row["sha256"] = by_id[row["id"]]["sha256"]
            row["size"] = str(by_id[row["id"]]["size"])
            kept.append(row)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\r\n",
                            delimiter=";")
    writer.writeheader()
    writer.writerows(kept)
    files["data/evidence.csv"] = buf.getvalue().encode("utf-8-sig")


def other_png(tmp_path: Path) -> bytes:
    path = png(tmp_path / "forged.png", (10, 200, 10), (120, 200))
    return path.read_bytes()


@pytest.fixture
def bundle(cli_vault: Any, case: dict[str, Any], tmp_path: Path) -> dict[str, Any]:  # noqa: F811
    out = tmp_path / "bundle.zip"
    result = cli_vault.json("export", case["ref"], "--out", str(out))
    return {**case, "out": out, "result": result, "fp": result["fingerprint"]}


def test_a_fully_resigned_forgery_shows_another_key_and_fails_the_expected_one(
    cli_vault: Any, bundle: dict[str, Any], tmp_path: Path
) -> None:
    files = unpack(bundle["out"])
    image = "data/evidence/001_chat one.png"
    forged_image = other_png(tmp_path)
    old_sha = hashlib.sha256(files[image]).hexdigest()
    new_sha = hashlib.sha256(forged_image).hexdigest()
    files[image] = forged_image

    def swap(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for item in items:
            if item["file"] == image:
                item["sha256"], item["size"] = new_sha, len(forged_image)
        return items

    edit_items(files, swap)
    # the report's embedded item list too (same length: the PDF stays valid)
    files["data/report.pdf"] = files["data/report.pdf"].replace(old_sha.encode(),
                                                                new_sha.encode())
    forger = Ed25519PrivateKey.generate()
    forged = repack(files, tmp_path / "forged.zip", forger)

    # internally consistent: the bag's own checks cannot tell ...
    plain = cli_vault("verify-bundle", str(forged))
    assert plain.code == 0, plain.out
    # ... but the values it computed are not the school's
    forger_fp = fingerprint(forger.public_key())
    assert f"Key fingerprint (computed): {forger_fp}" in plain.out
    assert bundle["fp"] not in plain.out
    forged_sha = hashlib.sha256(forged.read_bytes()).hexdigest()
    assert f"Bundle SHA-256 (computed): {forged_sha}" in plain.out
    assert bundle["result"]["sha256"] not in plain.out

    refused = cli_vault("verify-bundle", str(forged), "--expect", bundle["fp"])
    assert refused.code == 1
    assert refused.out.count("\n") == 1 and refused.out.startswith("wrong key: signing-key.pub")
    assert forger_fp in refused.out and refused.err.count("\n") == 1
    as_json = cli_vault("verify-bundle", str(forged), "--expect", bundle["fp"], "--json")
    assert as_json.code == 1 and as_json.json()["key_matches"] is False
    assert as_json.json()["fingerprint"] == forger_fp

    # the real one passes with the school's fingerprint, typed any way
    typed = bundle["fp"].replace(" ", "").lower()
    good = cli_vault("verify-bundle", str(bundle["out"]), "--expect", typed)
    assert good.code == 0 and "The key is the expected one." in good.out
    bad_input = cli_vault("verify-bundle", str(bundle["out"]), "--expect", "12AB")
    assert bad_input.code == 2 and "is not a key fingerprint" in bad_input.err


def test_escape_sequences_in_bag_info_are_shown_escaped(
    cli_vault: Any, bundle: dict[str, Any], tmp_path: Path
) -> None:
    files = unpack(bundle["out"])
    osc52 = "\x1b]52;c;cm0gLXJmIC8K\x07"
    info = files["bag-info.txt"].decode()
    info = re.sub(r"External-Identifier: .*", f"External-Identifier: 2026-001{osc52}", info)
    info = re.sub(r"Source-Organization: .*",
                  "Source-Organization: OBS \x1b[2J\x1b[31mDe Pirouette\x9b1m", info)
    files["bag-info.txt"] = info.encode()
    forged = repack(files, tmp_path / "escape.zip", Ed25519PrivateKey.generate())
    shown = cli_vault("verify-bundle", str(forged))
    for stream in (shown.out, shown.err):
        assert "\x1b" not in stream and "\x07" not in stream and "\x9b" not in stream
    assert "\\x1b]52;c;" in shown.out and "\\x1b[2J" in shown.out
    expected = cli_vault("verify-bundle", str(forged), "--expect", bundle["fp"])
    assert expected.code == 1 and "\x1b" not in expected.out + expected.err


@pytest.mark.parametrize("how", ["delete", "swap"])
def test_an_item_deleted_or_swapped_consistently_is_found_by_the_report_list(
    cli_vault: Any, bundle: dict[str, Any], tmp_path: Path, how: str
) -> None:
    files = unpack(bundle["out"])
    first, second = "data/evidence/001_chat one.png", "data/evidence/002_story.png"
    if how == "delete":
        del files[second]
        edit_items(files, lambda items: [i for i in items if i["file"] != second])
    else:
        forged_image = other_png(tmp_path)
        files[first] = forged_image

        def swap(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
            for item in items:
                if item["file"] == first:
                    item["sha256"] = hashlib.sha256(forged_image).hexdigest()
                    item["size"] = len(forged_image)
            return items

        edit_items(files, swap)
    # evidence.json, evidence.csv and the manifests agree; the report was left alone
    forged = repack(files, tmp_path / f"{how}.zip", Ed25519PrivateKey.generate())
    result = cli_vault("verify-bundle", str(forged), "--json")
    assert result.code == 1
    problems = result.json()["problems"]
    assert [p["path"] for p in problems] == ["data/report.pdf"], problems
    assert problems[0]["kind"] == "inconsistent"
    item = bundle["ids"][1 if how == "delete" else 0]
    assert f"item {item}" in problems[0]["message"]


def test_evidence_json_and_csv_are_each_checked_against_the_files(
    cli_vault: Any, bundle: dict[str, Any], tmp_path: Path
) -> None:
    files = unpack(bundle["out"])
    # only the CSV lies about an item's hash (re-signed, so no manifest notices)
    rows = files["data/evidence.csv"].decode("utf-8-sig").replace(bundle["shas"][2], "0" * 64)
    files["data/evidence.csv"] = rows.encode("utf-8-sig")
    forged = repack(dict(files), tmp_path / "csv.zip", Ed25519PrivateKey.generate())
    problems = cli_vault("verify-bundle", str(forged), "--json").json()["problems"]
    assert [(p["kind"], p["path"]) for p in problems] == [("inconsistent",
                                                          "data/evidence.csv")]
    # an extra evidence file that no list names
    files = unpack(bundle["out"])
    files["data/evidence/004_extra.png"] = other_png(tmp_path)
    forged = repack(files, tmp_path / "extra.zip", Ed25519PrivateKey.generate())
    problems = cli_vault("verify-bundle", str(forged), "--json").json()["problems"]
    assert ("unexpected", "data/evidence/004_extra.png") in [(p["kind"], p["path"])
                                                             for p in problems]


def test_handover_sheet_beside_the_zip(cli_vault: Any, case: dict[str, Any],  # noqa: F811
                                       tmp_path: Path) -> None:
    cli_vault.ok("settings", "set", "--contact-name", "Anna de Vries", "--phone",
                 "020 123 4567", "--address", "Schoolstraat 1, Amsterdam")
    out = tmp_path / "aangifte.zip"
    result = cli_vault.json("export", case["ref"], "--out", str(out))
    sheet = tmp_path / "aangifte-overdracht.pdf"
    assert result["handover"] == str(sheet) and sheet.is_file()
    with zipfile.ZipFile(out) as zf:
        assert not [n for n in zf.namelist() if "overdracht" in n]
    reader = pypdf.PdfReader(sheet)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    text = reader.pages[0].extract_text()
    flat = re.sub(r"\s", "", text)
    assert result["sha256"] in flat and result["fingerprint"].replace(" ", "") in flat
    for wanted in ("OBS De Pirouette", "Anna de Vries", "020 123 4567", case["ref"],
                   "Get-FileHash", "certutil", "Exportnummer"):
        assert wanted in text, wanted
    # when it was made, in Dutch ("3 december 2026, 14:32"), no ISO date
    assert re.search(r"\d{1,2} [a-z]+ \d{4}, \d{2}:\d{2}", text)
    done = [e for e in cli_vault.json("audit", case["ref"]) if e["action"] == "export.done"]
    assert done[-1]["details"]["handover"] == sheet.name
    # the register: what the school reads out later
    register = cli_vault.json("exports", case["ref"])
    assert [(r["id"], r["sha256"], r["fingerprint"], r["handover"]) for r in register] == [
        (result["id"], result["sha256"], result["fingerprint"], sheet.name)]
    listed = cli_vault.ok("exports").out
    assert result["sha256"] in listed and result["fingerprint"] in listed
    # an existing sheet is refused like an existing ZIP (nothing written, nothing logged)
    out.unlink()
    again = cli_vault("export", case["ref"], "--out", str(out))
    assert again.code == 2 and "aangifte-overdracht.pdf already exists" in again.err
    assert not out.exists()
    forced = cli_vault.json("export", case["ref"], "--out", str(out), "--force")
    assert forced["sha256"] in re.sub(r"\s", "", pypdf.PdfReader(sheet).pages[0].extract_text())


@pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl")
def test_the_openssl_commands_in_verify_txt_work(bundle: dict[str, Any], tmp_path: Path
                                                 ) -> None:
    shutil.unpack_archive(bundle["out"], tmp_path / "x")
    root = tmp_path / "x" / BAG
    verify_txt = (root / "VERIFY.txt").read_text()
    commands = [line.strip() for line in verify_txt.splitlines()
                if line.strip().startswith("openssl")]
    assert len(commands) == 4
    decode, check, unix_fp, der = commands
    for command in (decode, check):
        done = subprocess.run(command, shell=True, cwd=root, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert "Signature Verified Successfully" in done.stdout
    done = subprocess.run(unix_fp, shell=True, cwd=root, capture_output=True, text=True)
    digest = done.stdout.split("=")[-1].strip().upper()
    assert " ".join(digest[i:i + 4] for i in range(0, 32, 4)) == bundle["fp"]
    # the Windows way: DER out, bytes 12..43 hashed
    subprocess.run(der, shell=True, cwd=root, check=True)
    raw = (root / "key.der").read_bytes()[12:44]
    assert hashlib.sha256(raw).hexdigest().upper()[:32] == bundle["fp"].replace(" ", "")
    # and a forged signature is refused by the same commands
    (root / "tagmanifest-sha256.txt").write_bytes(b"changed\n")
    done = subprocess.run(check, shell=True, cwd=root, capture_output=True, text=True)
    assert done.returncode != 0


def test_encrypted_bundle_is_checked_the_same_way(
    cli_vault: Any, case: dict[str, Any], tmp_path: Path  # noqa: F811
) -> None:
    out = tmp_path / "secret.zip"
    env = {"CYBERCASE_EXPORT_PASSPHRASE": BUNDLE_PASS}
    result = cli_vault.json("export", case["ref"], "--out", str(out), "--encrypt", env=env)
    ok = cli_vault("verify-bundle", str(out), "--expect", result["fingerprint"], env=env)
    assert ok.code == 0, ok.out + ok.err
    assert f"Bundle SHA-256 (computed): {result['sha256']}" in ok.out
    wrong = cli_vault("verify-bundle", str(out), "--expect", "A" * 32, env=env)
    assert wrong.code == 1 and wrong.out.startswith("wrong key:")


def test_settings_round_trip_and_roles(cli_vault: Any) -> None:
    shown = cli_vault.json("settings", "show")
    assert shown == {"school": "OBS De Pirouette", "address": "", "contact_name": "",
                     "phone": "", "email": ""}
    assert "Not set yet" in cli_vault.ok("settings").out
    cli_vault.ok("settings", "set", "--contact-name", "Anna  de\tVries", "--phone",
                 "+31 20 123 4567", "--email", "anna@pirouette.nl")
    now = cli_vault.json("settings")
    assert now["contact_name"] == "Anna de Vries" and now["phone"] == "+31 20 123 4567"
    assert cli_vault.json("settings", "set", "--email", "")["email"] == ""
    bad = cli_vault("settings", "set", "--phone", "call me")
    assert bad.code == 2 and "is not a telephone number" in bad.err
    assert cli_vault("settings", "set").code == 2
    entries = [e for e in cli_vault.json("audit") if e["action"] == "settings.set"]
    assert len(entries) == 2
    assert entries[0]["details"]["phone"] == {"old": "", "new": "+31 20 123 4567"}
    cli_vault.ok("user", "add", "ict1", "--role", "ict")
    as_ict = {"CYBERCASE_USER": "ict1"}
    denied = cli_vault("settings", "set", "--phone", "0201111111", env=as_ict)
    assert denied.code == 5
    assert cli_vault.json("settings", env=as_ict)["phone"] == "+31 20 123 4567"
