"""Tamper detection: damage the real vault files in many ways; every case must be found.

A pristine vault is built once with the real CLI (users, a case, people, images, a text
file). Each variant gets its own copy, is damaged one way, and then ``cybercase verify``
runs on it in a subprocess. Every variant must end in exit 1 (damaged / verification
found problems) or 3 (cannot unlock: a key file field that feeds the key derivation looks
exactly like a wrong passphrase), with one line on stderr naming what is wrong and never a
traceback. Nothing may pass as healthy.

Longer runs: CYBERCASE_FLIPS=200 (random byte flips), CYBERCASE_TAMPER_ALL=1 (every key
file field of every slot), CYBERCASE_TAMPER_SHOW=1 with -s (print what a user would see).
"""

from __future__ import annotations

import base64
import json
import os
import random
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.common import (
    base_env,
    error_lines,
    noise_image,
    ok,
    raw,
    run,
)

pytestmark = pytest.mark.slow
SEED = 8008
PAGE = 65536
HANG = 30  # seconds: a verify that takes longer is a hang


@dataclass(frozen=True)
class Pristine:
    vault: Path
    other_vault: Path  # another vault with the same passphrase (for swapped files)
    root: Path


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> Pristine:
    root = tmp_path_factory.mktemp("tamper")
    vault = root / "pristine"
    env = base_env(vault, root)
    ok(env, "init", "--user", "anna", "--school", "OBS De Pirouette")
    ok(env, "user", "add", "bert", "--role", "ict")
    ref = json.loads(ok(env, "case", "new", "--title", "Tamper test", "--json").out)["ref"]
    ok(env, "person", "add", ref, "Sanne de Vries", "--kind", "pupil", "--role", "bullied")
    rng = random.Random(SEED)
    files = root / "files"
    files.mkdir()
    (files / "a.png").write_bytes(noise_image(rng, 200, 150, "PNG"))
    # bigger than one 1 MiB chunk: several chunks per blob
    (files / "b.png").write_bytes(noise_image(rng, 640, 560, "PNG"))
    (files / "chat.txt").write_text("jij bent zo dom\n" * 50, encoding="utf-8")
    ok(env, "ingest", ref, str(files / "a.png"), str(files / "b.png"), str(files / "chat.txt"))
    ok(env, "case", "phase", ref, "2", "--reason", "more reports")
    ok(env, "verify")
    other = root / "other"
    ok(base_env(other, root), "init", "--user", "anna")
    for vault_dir in (vault, other):
        assert not (vault_dir / "vault.db-wal").exists()  # closed cleanly: all in vault.db
    return Pristine(vault, other, root)


Tamper = Callable[[Path, Pristine], None]


@dataclass
class Variant:
    name: str
    tamper: Tamper
    codes: tuple[int, ...] = (1,)
    words: tuple[str, ...] = ()  # one of them must appear in what the user sees


def check(pristine: Pristine, variant: Variant, n: int) -> str | None:
    """Apply one variant to a fresh copy; None when detected properly, else what went wrong."""
    target = pristine.root / f"v{n:04d}"
    shutil.copytree(pristine.vault, target)
    try:
        variant.tamper(target, pristine)
        started = time.monotonic()
        try:
            result = run(base_env(target, pristine.root), "verify", timeout=HANG)
        except subprocess.TimeoutExpired:
            return f"{variant.name}: still running after {HANG} s (a hang)"
        seen = (result.out + result.err).lower()
        lines = error_lines(result.err)
        if result.code not in variant.codes:
            return f"{variant.name}: exit {result.code} (want {variant.codes}): {seen.strip()}"
        if len(lines) != 1:
            return f"{variant.name}: {len(lines)} error lines: {result.err!r}"
        if variant.words and not any(w.lower() in seen for w in variant.words):
            return f"{variant.name}: none of {variant.words} in {seen.strip()!r}"
        if os.environ.get("CYBERCASE_TAMPER_SHOW"):  # to read what a user would see
            print(f"{variant.name}: exit {result.code} after "
                  f"{time.monotonic() - started:.2f} s: {seen.strip()}")
        if "sqlcipher" in seen and "error" in result.err.lower().split("cybercase:")[0]:
            return f"{variant.name}: SQLCipher noise on the terminal: {result.err!r}"
        return None
    finally:
        shutil.rmtree(target, ignore_errors=True)


def run_variants(pristine: Pristine, variants: list[Variant], report: Callable[[str], None],
                 what: str) -> None:
    failures = [f for n, v in enumerate(variants) if (f := check(pristine, v, n))]
    report(f"tamper {what}: {len(variants)} variants tried, "
           f"{len(variants) - len(failures)} detected and reported in one line")
    assert not failures, "\n".join(failures)


# --- the database file, byte by byte -----------------------------------------------------------


def flip(offset: int, mask: int = 0xFF) -> Tamper:
    def tamper(vault: Path, _p: Pristine) -> None:
        path = vault / "vault.db"
        data = bytearray(path.read_bytes())
        data[offset % len(data)] ^= mask
        path.write_bytes(bytes(data))

    return tamper


def test_flipped_bytes_in_the_database(pristine: Pristine, report: Callable[[str], None]) -> None:
    size = (pristine.vault / "vault.db").stat().st_size
    assert size >= 4 * PAGE
    offsets = {
        0, 7, 15,  # the salt
        16, 17, 40, 100, 1024, 4096,  # the first page: header and schema
        PAGE - 80, PAGE - 48, PAGE - 1,  # the first page's IV and HMAC
        PAGE, PAGE + 1, PAGE + 5000,  # the second page
        size // 2, size // 2 + 12345,  # the middle
        size - PAGE, size - PAGE + 100, size - 80, size - 1,  # the last page
    }
    rng = random.Random(SEED)
    offsets |= {rng.randrange(size) for _ in range(int(os.environ.get("CYBERCASE_FLIPS", "8")))}
    variants = [
        Variant(f"flip byte {o} of {size}", flip(o, rng.choice((0x01, 0x80, 0xFF, 0x5A))),
                words=("vault.db", "database", "page"))
        for o in sorted(offsets)
    ]
    run_variants(pristine, variants, report, "database bytes")


def truncate(size: int) -> Tamper:
    def tamper(vault: Path, _p: Pristine) -> None:
        path = vault / "vault.db"
        with path.open("r+b") as fh:
            fh.truncate(size)

    return tamper


def append(data: bytes) -> Tamper:
    def tamper(vault: Path, _p: Pristine) -> None:
        with (vault / "vault.db").open("ab") as fh:
            fh.write(data)

    return tamper


def remove(name: str) -> Tamper:
    def tamper(vault: Path, _p: Pristine) -> None:
        (vault / name).unlink()

    return tamper


def swap(name: str) -> Tamper:
    def tamper(vault: Path, pristine: Pristine) -> None:
        shutil.copyfile(pristine.other_vault / name, vault / name)

    return tamper


def test_truncated_extended_swapped_database(
    pristine: Pristine, report: Callable[[str], None]
) -> None:
    size = (pristine.vault / "vault.db").stat().st_size
    rng = random.Random(SEED + 1)
    words = ("vault.db", "database", "page")
    variants = [
        Variant(f"truncate to {n} of {size}", truncate(n), words=words)
        for n in (0, 16, 100, PAGE - 1, PAGE, PAGE + 1, size // 2, size - PAGE, size - 1)
    ]
    variants += [
        Variant(f"append {len(junk)} bytes", append(junk), words=words)
        for junk in (b"\0", rng.randbytes(100), rng.randbytes(PAGE), bytes(PAGE),
                     rng.randbytes(2 * PAGE), rng.randbytes(PAGE + 7))
    ]
    variants += [
        Variant("vault.db removed", remove("vault.db"), words=("vault.db",)),
        Variant("vault.db of another vault", swap("vault.db"), words=words),
    ]
    run_variants(pristine, variants, report, "database truncated/extended/swapped")


# --- the key file ------------------------------------------------------------------------------


def edit_keys(change: Callable[[dict[str, Any]], None]) -> Tamper:
    def tamper(vault: Path, _p: Pristine) -> None:
        path = vault / "keys.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, indent=1), encoding="utf-8")

    return tamper


def write_keys(content: bytes) -> Tamper:
    def tamper(vault: Path, _p: Pristine) -> None:
        (vault / "keys.json").write_bytes(content)

    return tamper


def _slot(data: dict[str, Any], user: str) -> dict[str, Any]:
    return next(s for s in data["slots"] if s["user"] == user)


def setter(user: str, path: tuple[str, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target = _slot(data, user)
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def b64_flip(user: str, key: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        slot = _slot(data, user)
        raw_bytes = bytearray(base64.b64decode(slot[key]))
        raw_bytes[len(raw_bytes) // 2] ^= 0x01
        slot[key] = base64.b64encode(bytes(raw_bytes)).decode()

    return change


def b64_len(user: str, key: str, n: int) -> Callable[[dict[str, Any]], None]:
    return setter(user, (key,), base64.b64encode(bytes(range(n))).decode())


def top(key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data[key] = value

    return change


def test_edited_key_file(pristine: Pristine, report: Callable[[str], None]) -> None:
    key_file = ("key file", "keys.json")
    # exit 3: damage to what derives the unlocking key looks exactly like a wrong passphrase
    unlock = ("passphrase", "recovery key", "key file", "unknown user")
    db = ("vault.db", "database", "key file")
    v: list[Variant] = [
        Variant("format renamed", edit_keys(top("format", "other")), words=key_file),
        Variant("newer version", edit_keys(top("version", 2)), words=("newer",)),
        Variant("version not a number", edit_keys(top("version", "two")), words=key_file),
        Variant("vault_id changed", edit_keys(top("vault_id", "0" * 32)), (3,), unlock),
        Variant("page_size 4096", edit_keys(top("page_size", 4096)), words=db),
        Variant("page_size 0", edit_keys(top("page_size", 0)), words=db),
        Variant("page_size odd", edit_keys(top("page_size", 1000)), words=db),
        Variant("page_size huge", edit_keys(top("page_size", 1 << 40)), words=db),
        Variant("mac changed", edit_keys(top("mac", "0" * 64)), words=key_file),
        Variant("mac removed", edit_keys(lambda d: d.pop("mac")), words=key_file),
        Variant("slots emptied", edit_keys(top("slots", [])), (3,), unlock),
        Variant("slots not a list", edit_keys(top("slots", {"a": 1})), words=key_file),
        Variant("slot not an object", edit_keys(top("slots", [1])), words=key_file),
        Variant("recovery slot removed",
                edit_keys(lambda d: d.update(slots=[s for s in d["slots"]
                                                    if s["kind"] != "recovery"])),
                words=key_file),
        Variant("slot duplicated",
                edit_keys(lambda d: d["slots"].append(dict(_slot(d, "bert")))),
                words=key_file),
        Variant("truncated", lambda v, p: write_keys(
            (v / "keys.json").read_bytes()[:300])(v, p), words=key_file),
        Variant("empty", write_keys(b""), words=key_file),
        Variant("not UTF-8", write_keys(b"\xff\xfe\x00garbage"), words=key_file),
        Variant("JSON array", write_keys(b"[]"), words=key_file),
        Variant("keys.json removed", remove("keys.json"), words=key_file),
        Variant("keys.json of another vault", swap("keys.json"), words=db),
    ]
    for user in ("anna", "bert"):
        # anna unlocks: damage to her own slot stops the unlock; damage to bert's slot
        # is found by the key file's seal
        own = user == "anna"
        codes_kdf = (3,) if own else (1,)
        words_kdf = unlock if own else key_file
        v += [
            Variant(f"{user}: slot id", edit_keys(setter(user, ("id",), "0" * 16)),
                    codes_kdf, words_kdf),
            Variant(f"{user}: kind", edit_keys(setter(user, ("kind",), "recovery")),
                    codes_kdf, words_kdf),
            Variant(f"{user}: kind unknown", edit_keys(setter(user, ("kind",), "admin")),
                    words=key_file),
            Variant(f"{user}: user renamed", edit_keys(setter(user, ("user",), "mallory")),
                    codes_kdf, words_kdf),
            Variant(f"{user}: kdf alg", edit_keys(setter(user, ("kdf", "alg"), "scrypt")),
                    words=key_file),
            Variant(f"{user}: kdf t", edit_keys(setter(user, ("kdf", "t"), 2)),
                    codes_kdf, words_kdf),
            Variant(f"{user}: kdf m", edit_keys(setter(user, ("kdf", "m"), 16384)),
                    codes_kdf, words_kdf),
            Variant(f"{user}: kdf t zero", edit_keys(setter(user, ("kdf", "t"), 0)),
                    words=key_file),
            Variant(f"{user}: kdf m zero", edit_keys(setter(user, ("kdf", "m"), 0)),
                    words=key_file),
            Variant(f"{user}: kdf p zero", edit_keys(setter(user, ("kdf", "p"), 0)),
                    words=key_file),
            # a key file must not make the program allocate terabytes or spin for hours
            Variant(f"{user}: kdf m absurd", edit_keys(setter(user, ("kdf", "m"), 1 << 40)),
                    words=key_file),
            Variant(f"{user}: kdf t absurd", edit_keys(setter(user, ("kdf", "t"), 10**9)),
                    words=key_file),
            Variant(f"{user}: kdf p absurd", edit_keys(setter(user, ("kdf", "p"), 10**6)),
                    words=key_file),
            Variant(f"{user}: kdf t text", edit_keys(setter(user, ("kdf", "t"), "x")),
                    words=key_file),
            Variant(f"{user}: kdf missing", edit_keys(setter(user, ("kdf",), {"alg": "argon2id"})),
                    words=key_file),
            Variant(f"{user}: salt", edit_keys(b64_flip(user, "salt")), codes_kdf, words_kdf),
            Variant(f"{user}: salt short", edit_keys(b64_len(user, "salt", 4)),
                    words=key_file),
            Variant(f"{user}: salt not base64", edit_keys(setter(user, ("salt",), "!!")),
                    words=key_file),
            Variant(f"{user}: key_nonce", edit_keys(b64_flip(user, "key_nonce")),
                    codes_kdf, words_kdf),
            Variant(f"{user}: key_nonce empty", edit_keys(b64_len(user, "key_nonce", 0)),
                    words=key_file),
            Variant(f"{user}: key_nonce long", edit_keys(b64_len(user, "key_nonce", 200)),
                    words=key_file),
            Variant(f"{user}: wrapped_slot_key", edit_keys(b64_flip(user, "wrapped_slot_key")),
                    codes_kdf, words_kdf),
            Variant(f"{user}: wrapped_slot_key short",
                    edit_keys(b64_len(user, "wrapped_slot_key", 5)), words=key_file),
            Variant(f"{user}: master_nonce", edit_keys(b64_flip(user, "master_nonce")),
                    words=key_file),
            Variant(f"{user}: master_nonce empty", edit_keys(b64_len(user, "master_nonce", 0)),
                    words=key_file),
            Variant(f"{user}: wrapped_master", edit_keys(b64_flip(user, "wrapped_master")),
                    words=key_file),
            Variant(f"{user}: wrapped_master short",
                    edit_keys(b64_len(user, "wrapped_master", 3)), words=key_file),
        ]
    if not os.environ.get("CYBERCASE_TAMPER_ALL"):
        # another user's slot: a few fields are enough by default (the seal covers them all)
        keep = {"slot id", "user renamed", "kdf t", "kdf m absurd", "salt short",
                "wrapped_master"}
        v = [x for x in v if not x.name.startswith("bert:") or x.name[6:] in keep]
    run_variants(pristine, v, report, "key file")


# --- edits through a raw connection with the key (an insider with their own program) ---------


def sql(*statements: str, keep_dropped: bool = False) -> Tamper:
    """Run statements on a raw keyed connection. Triggers dropped to make an edit possible
    are put back afterwards (as a careful insider would), unless ``keep_dropped``, so each
    variant shows that its own damage is found, not just the missing trigger."""

    def tamper(vault: Path, _p: Pristine) -> None:
        conn = raw(vault)
        try:
            triggers = dict(conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
            for statement in statements:
                conn.execute(statement)
            if not keep_dropped:
                now = {r[0] for r in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
                for name, text in triggers.items():
                    if name not in now:
                        conn.execute(text)
        finally:
            conn.close()

    return tamper


NO_AUDIT_TRIGGERS = ("DROP TRIGGER audit_no_update", "DROP TRIGGER audit_no_delete",
                     "DROP TRIGGER audit_details_no_update")
NO_BLOB_TRIGGERS = ("DROP TRIGGER blobs_no_update", "DROP TRIGGER blob_chunks_no_update",
                    "DROP TRIGGER evidence_items_measured_fixed")


def test_raw_edits_with_the_key(pristine: Pristine, report: Callable[[str], None]) -> None:
    conn = raw(pristine.vault)
    try:
        head = conn.execute("SELECT max(seq) FROM audit").fetchone()[0]
        blob = conn.execute(
            "SELECT id FROM blobs WHERE chunks > 1 ORDER BY id LIMIT 1").fetchone()[0]
        item = conn.execute("SELECT id FROM evidence_items WHERE blob_id = ?",
                            (blob,)).fetchone()[0]
        small = conn.execute(
            "SELECT id FROM evidence_items WHERE blob_id != ? ORDER BY id LIMIT 1", (blob,)
        ).fetchone()[0]
    finally:
        conn.close()
    mid = head // 2
    audit = ("audit entry",)
    evidence = ("evidence", "content")
    v: list[Variant] = []
    for column, value in (("ts", "'2020-01-01T00:00:00Z'"), ("actor", "'mallory'"),
                          ("action", "'case.read'"), ("object", "'case 1999-001'"),
                          ("case_ref", "'1999-001'"), ("details_digest", "'00'"),
                          ("prev_hash", "'00'"), ("hash", "'00'")):
        v.append(Variant(f"audit {mid}: {column}", sql(
            *NO_AUDIT_TRIGGERS, f"UPDATE audit SET {column} = {value} WHERE seq = {mid}"),
            words=audit))
    v += [
        Variant("audit: first entry changed", sql(
            *NO_AUDIT_TRIGGERS, "UPDATE audit SET actor = 'mallory' WHERE seq = 1"),
            words=audit),
        Variant("audit: entry deleted", sql(
            *NO_AUDIT_TRIGGERS, f"DELETE FROM audit WHERE seq = {mid}"), words=audit),
        Variant("audit: entries renumbered", sql(
            *NO_AUDIT_TRIGGERS, f"UPDATE audit SET seq = seq + 1000 WHERE seq = {mid}"),
            words=audit),
        Variant("audit: forged entry appended", sql(
            f"INSERT INTO audit(seq, ts, actor, action, object, case_ref, details_digest,"
            f" prev_hash, hash) VALUES ({head + 1}, '2026-01-01T00:00:00Z', 'anna',"
            " 'case.close', 'case 2026-001', NULL, 'x', 'y', 'z')"), words=audit),
        Variant("audit details: changed", sql(
            *NO_AUDIT_TRIGGERS,
            f"UPDATE audit_details SET details = '{{\"x\":1}}' WHERE seq = {mid}"),
            words=audit),
        Variant("audit details: salt changed", sql(
            *NO_AUDIT_TRIGGERS, f"UPDATE audit_details SET salt = x'00' WHERE seq = {mid}"),
            words=audit),
        Variant("audit details: orphan added", sql(
            "INSERT INTO audit_details(seq, salt, details) VALUES (99999, x'00', '{}')"),
            words=("audit",)),
        Variant("audit: append-only trigger dropped",
                sql("DROP TRIGGER audit_no_update", keep_dropped=True), words=("safeguard",)),
        Variant("evidence: chunk byte changed", sql(
            *NO_BLOB_TRIGGERS,
            f"UPDATE blob_chunks SET data = randomblob(length(data)) WHERE blob_id = {blob}"
            " AND n = 1"), words=evidence),
        Variant("evidence: chunk deleted", sql(
            f"DELETE FROM blob_chunks WHERE blob_id = {blob} AND n = 1"), words=evidence),
        Variant("evidence: last chunk deleted", sql(
            f"DELETE FROM blob_chunks WHERE blob_id = {blob} AND n ="
            f" (SELECT max(n) FROM blob_chunks WHERE blob_id = {blob})"), words=evidence),
        Variant("evidence: chunk appended", sql(
            f"INSERT INTO blob_chunks(blob_id, n, data) SELECT {blob}, max(n) + 1,"
            f" x'00' FROM blob_chunks WHERE blob_id = {blob}"), words=evidence),
        Variant("evidence: chunk shortened", sql(
            *NO_BLOB_TRIGGERS,
            f"UPDATE blob_chunks SET data = substr(data, 1, 10) WHERE blob_id = {blob}"
            " AND n = 0"), words=evidence),
        Variant("evidence: orphan chunk", sql(
            "INSERT INTO blob_chunks(blob_id, n, data) VALUES (9999, 0, x'0102')"),
            words=("content", "chunk", "blob")),
        Variant("evidence: blob hash changed", sql(
            *NO_BLOB_TRIGGERS, f"UPDATE blobs SET sha256 = '{'0' * 64}' WHERE id = {blob}"),
            words=evidence),
        Variant("evidence: blob size changed", sql(
            *NO_BLOB_TRIGGERS, f"UPDATE blobs SET size = size + 1 WHERE id = {blob}"),
            words=evidence),
        Variant("evidence: blob deleted", sql(
            f"DELETE FROM blob_chunks WHERE blob_id = {blob}",
            f"DELETE FROM blobs WHERE id = {blob}"), words=evidence),
        Variant("evidence: item hash changed", sql(
            *NO_BLOB_TRIGGERS,
            f"UPDATE evidence_items SET sha256 = '{'0' * 64}' WHERE id = {item}"),
            words=evidence),
        Variant("evidence: item size changed", sql(
            *NO_BLOB_TRIGGERS, f"UPDATE evidence_items SET size = 1 WHERE id = {item}"),
            words=evidence),
        Variant("evidence: two items' contents swapped", sql(
            *NO_BLOB_TRIGGERS,
            f"UPDATE evidence_items SET blob_id = -1 WHERE id = {item}",
            f"UPDATE evidence_items SET blob_id = {blob} WHERE id = {small}",
            f"UPDATE evidence_items SET blob_id = (SELECT id FROM blobs WHERE sha256 ="
            f" (SELECT sha256 FROM evidence_items WHERE id = {small})) WHERE id = {item}"),
            words=evidence),
        Variant("evidence: item name changed", sql(
            *NO_BLOB_TRIGGERS,
            f"UPDATE evidence_items SET original_name = 'other.png' WHERE id = {item}"),
            words=evidence),
        Variant("evidence: item type changed", sql(
            *NO_BLOB_TRIGGERS,
            f"UPDATE evidence_items SET mime = 'text/plain' WHERE id = {item}"),
            words=evidence),
        Variant("evidence: item deleted", sql(
            f"DELETE FROM evidence_items WHERE id = {small}"), words=evidence),
        Variant("evidence: case of the items deleted", sql(
            "DELETE FROM people", "DELETE FROM phase_changes",
            "DELETE FROM cases"), words=("evidence", "case")),
        Variant("evidence: content trigger weakened", sql(
            "DROP TRIGGER blobs_no_update",
            "CREATE TRIGGER blobs_no_update BEFORE UPDATE ON blobs WHEN 0"
            " BEGIN SELECT RAISE(ABORT, 'x'); END", keep_dropped=True),
            words=("safeguard",)),
        Variant("evidence: content trigger dropped", sql("DROP TRIGGER blob_chunks_no_update",
                                                            keep_dropped=True),
                words=("safeguard",)),
        Variant("users: slot key deleted", sql(
            "DELETE FROM slot_keys WHERE user = 'bert'"), words=("key file", "slot")),
    ]
    run_variants(pristine, v, report, "raw edits with the key")
