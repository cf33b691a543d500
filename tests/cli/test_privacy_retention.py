"""Retention and real deletion, through the real CLI on a real vault.

The vault is encrypted, so grepping its files proves nothing: the test decrypts the purged
vault twice, (1) with ``sqlcipher_export`` into a plaintext copy, and (2) page by page with
AES itself, free pages and slack included, plus every WAL frame; a marker of the purged
case must be in neither, while a marker of a kept case must be in both (so the test can
fail).
"""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from PIL import Image

from tests.conftest import PASSPHRASE, USER
from tests.helpers import master_key, raw_connection

GONE = b"purgeme"  # compared lower-case: the full-text index lower-cases words
KEPT = b"keepme"
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512 per page


def _decrypt(page: bytes, first: bool, key: bytes) -> bytes:
    size = len(page)
    iv = page[size - RESERVE:size - RESERVE + 16]
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(page[16 if first else 0:size - RESERVE]) + dec.finalize()


def decrypted_pages(vault_dir: Path, page_size: int) -> Iterator[bytes]:
    """Every page of vault.db and every frame of its WAL, decrypted (used or free)."""
    key = master_key(vault_dir, USER, PASSPHRASE)
    data = (vault_dir / "vault.db").read_bytes()
    assert len(data) % page_size == 0
    for n in range(len(data) // page_size):
        yield _decrypt(data[n * page_size:(n + 1) * page_size], n == 0, key)
    wal = vault_dir / "vault.db-wal"
    if wal.exists() and wal.stat().st_size:
        raw = wal.read_bytes()
        frame = 24 + page_size
        for off in range(32, len(raw) - frame + 1, frame):
            (pgno,) = struct.unpack(">I", raw[off:off + 4])
            yield _decrypt(raw[off + 24:off + frame], pgno == 1, key)


def plaintext_copy(vault_dir: Path, dest: Path) -> bytes:
    conn = raw_connection(vault_dir, USER, PASSPHRASE)
    try:
        conn.execute(f"ATTACH DATABASE '{dest}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    return dest.read_bytes()


def simulate_later_tables(vault_dir: Path, purged: str, kept: str) -> None:
    """Tables a later migration might add (issue 5): chains of references, full-text."""
    conn = raw_connection(vault_dir, USER, PASSPHRASE)
    try:
        conn.executescript("""
            CREATE TABLE x_accounts (id INTEGER PRIMARY KEY,
                case_id INTEGER NOT NULL REFERENCES cases(id), handle TEXT);
            CREATE TABLE x_attributions (id INTEGER PRIMARY KEY,
                account_id INTEGER REFERENCES x_accounts(id),
                person_id INTEGER REFERENCES people(id), basis TEXT);
            CREATE TABLE x_attribution_notes (id INTEGER PRIMARY KEY,
                attribution_id INTEGER REFERENCES x_attributions(id), note TEXT);
            CREATE TABLE x_evidence_tags (evidence_id INTEGER REFERENCES evidence_items(id),
                tag TEXT, PRIMARY KEY (evidence_id, tag)) WITHOUT ROWID;
            CREATE VIRTUAL TABLE x_search USING fts5(case_id UNINDEXED, body);
            CREATE VIRTUAL TABLE x_people_fts USING fts5(name, content='people',
                content_rowid='id');
        """)
        for ref, marker in ((purged, "purgeme"), (kept, "keepme")):
            case_id = conn.execute("SELECT id FROM cases WHERE ref = ?", (ref,)).fetchone()[0]
            person = conn.execute("SELECT min(id) FROM people WHERE case_id = ?",
                                  (case_id,)).fetchone()[0]
            item = conn.execute("SELECT min(id) FROM evidence_items WHERE case_id = ?",
                                (case_id,)).fetchone()[0]
            acc = conn.execute("INSERT INTO x_accounts(case_id, handle) VALUES (?, ?)",
                               (case_id, f"@{marker}_account")).lastrowid
            att = conn.execute(
                "INSERT INTO x_attributions(account_id, person_id, basis) VALUES (?,?,?)",
                (acc, person, f"{marker}-basis")).lastrowid
            conn.execute("INSERT INTO x_attribution_notes(attribution_id, note) VALUES (?,?)",
                         (att, f"{marker}-deep-note"))
            conn.execute("INSERT INTO x_evidence_tags VALUES (?, ?)", (item, f"{marker}-tag"))
            conn.execute("INSERT INTO x_search(case_id, body) VALUES (?, ?)",
                         (case_id, f"{marker}fulltext words"))
        conn.execute("INSERT INTO x_people_fts(x_people_fts) VALUES ('rebuild')")
    finally:
        conn.close()


def fill_case(cli: Any, tmp_path: Path, m: str) -> dict[str, Any]:
    """A case with marker ``m`` in every text field there is."""
    ref = cli.json("case", "new", "--title", f"{m}-title", "--group", f"{m}-7b", "--phase",
                   "2", "--reason", f"{m}-why", "--reported-by", f"{m}-reporter",
                   "--summary", f"{m}-summary")["ref"]
    cli.ok("case", "triage", ref, "--as", "pesten", "--note", f"{m}-triage")
    pupil = cli.json("person", "add", ref, f"{m}Lisa Jansen", "--kind", "pupil", "--role",
                     "bullied", "--group", "7b", "--born", "2015-03-02")["id"]
    bully = cli.json("person", "add", ref, f"{m}Tom", "--kind", "pupil", "--role",
                     "bully", "--sg-role", "bully")["id"]
    parent = cli.json("person", "add", ref, f"{m}Mother", "--kind", "parent")["id"]
    cli.ok("person", "link", str(parent), str(pupil))
    cli.ok("sg", "meeting", ref, "--step", "2", "--date", "2026-01-05", "--participant",
           str(bully), "--action", f"{bully}:{m}-action", "--notes", f"{m}-sg-notes",
           "--led-by", f"{m}-leader")
    cli.ok("informed", "add", ref, "--who", "parents", "--date", "2026-01-05", "--how",
           f"{m}-how", "--note", f"{m}-informed", "--person", str(parent))
    cli.ok("checklist", "set", ref, "1", "--status", "done", "--note", f"{m}-checklist",
           "--person", str(pupil))
    cli.ok("agenda", "add", ref, "--due", "2030-01-01", "--what", f"{m}-agenda")
    cli.ok("case", "phase", ref, "3", "--reason", f"{m}-escalated")
    src = tmp_path / m
    src.mkdir()
    text = src / f"{m}-chat.txt"
    text.write_text(f"{m}-file-content: you are stupid\n", encoding="utf-8")
    img = src / f"{m}-shot.png"
    Image.new("RGB", (64, 48), (len(m) * 20 % 255, 90, 10)).save(img)
    big = src / f"{m}-recording.txt"  # larger than a page: its pages are freed on purge
    big.write_text(f"{m}-long-chat " * 30000, encoding="utf-8")
    shared = tmp_path / f"shared-{m}.txt"
    shared.write_text("the same file in both cases\n", encoding="utf-8")
    items = cli.json("ingest", ref, str(text), str(img), str(big), str(shared), "--platform",
                     f"{m}-platform", "--account", f"@{m}_handle", "--description",
                     f"{m}-description", "--url", f"https://example.org/{m}")
    first = str(items[0]["id"])
    acc = cli.json("account", "add", ref, "--platform", f"{m}-platform", "--handle",
                   f"@{m}_acc", "--display-name", f"{m} Display", "--email",
                   f"{m}@example.org", "--evidence", first)["id"]
    cli.ok("account", "attribute", str(acc), "--person", str(bully), "--status", "suspected",
           "--basis", "other", "--note", f"{m}-attribution")
    cli.ok("referral", "add", ref, "--channel", "meldknop", "--url",
           f"https://example.org/{m}/post", "--account", str(acc), "--evidence", first,
           "--what", f"{m}-what", "--why", f"{m}-why")
    cli.ok("police", "add", ref, "--kind", "melding", "--offence", "bedreiging", "--victim",
           str(pupil), "--suspect", str(bully), "--account", str(acc), "--notes", f"{m}-police")
    cli.ok("agreement", "add", ref, "--pupil", str(bully), "--parents", f"{m}-parents",
           "--review", "2030-01-01")
    cli.ok("ingest", ref, "--sexual-minor", "--description", f"{m}-minor-report",
           "--platform", "Snapchat")
    cli.ok("evidence", "extract", str(items[0]["id"]), "--out", str(tmp_path / f"{m}.out"))
    return {"ref": ref, "items": items, "pupil": pupil}


def test_purge_leaves_no_trace_and_a_receipt(cli_vault: Any, tmp_path: Path) -> None:
    cli = cli_vault
    vault_dir = cli.vault_dir
    cli.ok("user", "add", "dir", "--role", "viewer")
    kept = fill_case(cli, tmp_path, "keepme")
    gone = fill_case(cli, tmp_path, "purgeme")
    cli.ok("case", "restrict", gone["ref"], "--users", USER)
    simulate_later_tables(vault_dir, gone["ref"], kept["ref"])
    cli.ok("case", "close", gone["ref"], "--outcome", "purgeme-outcome")
    shown = cli.ok("case", "show", gone["ref"]).out
    assert "delete after 2028-" in shown or "delete after 2029-" in shown  # 730 days

    assert cli.json("retention", "list") == []
    assert cli("retention", "set", "-3").code == 2
    assert cli("retention", "set", "0", env={"CYBERCASE_USER": "dir"}).code == 5
    cli.ok("retention", "set", "0")
    listed = cli.json("retention", "list")
    assert [c["ref"] for c in listed] == [gone["ref"]]
    audit_before = len(cli.json("audit"))
    dry = cli("retention", "purge")
    assert dry.code == 2 and gone["ref"] in dry.err and "--yes" in dry.err
    assert len(dry.err.strip().splitlines()) == 1
    assert cli("retention", "purge", "--yes", env={"CYBERCASE_USER": "dir"}).code == 5
    assert len(cli.json("audit")) == audit_before  # nothing happened
    assert cli.ok("case", "show", gone["ref"]).out

    purged = cli.json("retention", "purge", "--yes")
    assert purged["compacted"] is True
    conn = raw_connection(vault_dir, USER, PASSPHRASE)
    try:  # the file was rebuilt: no free page is left to hold old bytes
        assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    [receipt] = purged["purged"]
    assert receipt["reference"] == gone["ref"]
    counts = receipt["counts"]
    for table, n in {"cases": 1, "people": 3, "person_links": 1, "sg_meetings": 1,
                     "sg_participants": 1, "sg_actions": 1, "informed": 1, "checklist": 1,
                     "checklist_links": 1, "due_items": 2, "phase_changes": 2,
                     "evidence_items": 4, "minor_sexual_reports": 1, "case_access": 1,
                     "x_accounts": 1, "x_attributions": 1, "x_attribution_notes": 1,
                     "x_evidence_tags": 1, "x_search": 1, "blobs": 3,
                     "blob_chunks": 3}.items():
        assert counts.get(table) == n, (table, counts)
    for table in ("accounts", "account_evidence", "attributions", "referrals",
                  "referral_urls", "referral_evidence", "referral_accounts", "referral_events",
                  "police_reports", "police_suspects", "police_accounts", "agreements",
                  "agreement_points"):  # issue 5's tables, reached without naming them
        assert counts.get(table, 0) >= 1, (table, counts)
    assert sorted(e["sha256"] for e in receipt["evidence"]) == sorted(
        i["sha256"] for i in gone["items"])
    assert receipt["audit_details_erased"] >= 15
    assert receipt["purged_by"] == USER

    # the case is gone; the other one is whole, its content (also the shared file) intact
    assert cli("case", "show", gone["ref"]).code == 2
    assert [c["ref"] for c in cli.json("case", "list")] == [kept["ref"]]
    for item in kept["items"]:
        out = tmp_path / f"after-{item['id']}"
        cli.ok("evidence", "extract", str(item["id"]), "--out", str(out))
        assert out.read_bytes() == Path(item["path"]).read_bytes()
    assert cli.json("verify")["checked"]["deletion_receipts"] == 1
    # the audit entries stay (who, when, what, "case 2026-002"), their details are erased
    trail = cli.json("audit", gone["ref"])
    assert trail and all(e["details"] is None for e in trail[:-1])
    assert trail[-1]["action"] == "retention.purge" and trail[-1]["details"]["receipt"]
    # a new case never gets the purged reference
    assert cli.json("case", "new", "--title", "next")["ref"] > gone["ref"]
    assert [r["reference"] for r in cli.json("retention", "receipts")] == [gone["ref"]]
    assert gone["ref"] in cli.ok("retention", "receipts").out

    # (1) a decrypted plaintext copy: the kept case is there, the purged one is not
    plain = plaintext_copy(vault_dir, tmp_path / "plain.db").lower()
    assert KEPT in plain and b"keepme-sg-notes" in plain and b"keepmefulltext" in plain
    assert GONE not in plain
    # (2) every page of the file and the WAL, decrypted: no free page keeps the marker
    pages = b"".join(decrypted_pages(vault_dir, page_size)).lower()
    assert KEPT in pages and b"keepme-file-content" in pages
    assert GONE not in pages
    for name in ("vault.db-journal", "vault.db-wal"):
        path = vault_dir / name
        assert not path.exists() or GONE not in path.read_bytes().lower()

    # verify notices a purged case coming back (e.g. an old backup merged in by hand)
    conn = raw_connection(vault_dir, USER, PASSPHRASE)
    try:
        conn.execute("INSERT INTO cases(ref, title, phase, created_at, created_by, updated_at)"
                     " VALUES (?, 'back', 1, '2026-01-01T00:00:00Z', 'x', '2026-01-01')",
                     (gone["ref"],))
    finally:
        conn.close()
    back = cli("verify")
    assert back.code == 1 and f"case {gone['ref']} was purged" in back.out
