"""Fuzzing with hypothesis: images, protocol files, bundles and odd text on the command line.

- Ingest: real PNG/JPEG/GIF/WebP/BMP/TIFF files made with Pillow, then byte-mutated
  (flips, cuts, insertions, overwrites, fake huge dimensions) and fully random bytes. The
  sniffer and the decoder never raise or hang, and every file is stored under its real
  SHA-256 and re-hashes to it. A batch also goes through the real CLI (decoder processes).
- Protocol files: the shipped protocol, mutated line by line and byte by byte. Loading
  gives a protocol or a one-line UsageError, nothing else.
- verify-bundle on mutated real bundles (plain and AES): problems or one of the project's
  errors, never another exception; a bundle whose content changed is never called whole.
- CLI text (case titles, person names, case summaries): unicode, control characters,
  very long, markup-like ``[/]``, ``%s``, ``{}``. Exit 0 or 2, never a traceback; what is
  accepted is stored exactly (read back with --json). In-process through click's runner,
  plus real subprocesses for a few (including undecodable bytes in argv).

Bounded by default (the file takes well under a minute on two cores); set
CYBERCASE_FUZZ=10 (a multiplier) for longer runs.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import shutil
import subprocess
import time
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from cybercase.cases.cases import create_case
from cybercase.cli import main
from cybercase.core.errors import CybercaseError, UsageError
from cybercase.evidence import imaging, ingest, sniff
from cybercase.evidence.flags import FLAG_KEYS, from_record
from cybercase.evidence.store import rehash
from cybercase.export.bundle import verify_bundle
from cybercase.protocol.model import default_text, parse, read_file
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.reliability.common import base_env, command, noise_image, ok, run, sha256

SCALE = float(os.environ.get("CYBERCASE_FUZZ", "1"))
HANG = 15.0  # seconds for one input: longer is a hang (generous: CI machines are busy)
BUNDLE_PASS = "bundle passphrase for the police"

pytestmark = pytest.mark.slow


def fuzz(examples: int) -> Callable[[Any], Any]:
    return settings(
        max_examples=max(1, int(examples * SCALE)),
        deadline=None,  # busy machines make per-example deadlines flaky: HANG is checked
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                               HealthCheck.data_too_large],
        database=None,
    )


class Counter:
    def __init__(self) -> None:
        self.n = 0

    def __call__(self) -> int:
        self.n += 1
        return self.n


@dataclass
class Mutation:
    kind: str
    at: float  # position as a fraction of the length
    data: bytes


MUTATIONS = st.lists(
    st.builds(Mutation, st.sampled_from(["flip", "cut", "insert", "overwrite", "repeat"]),
              st.floats(0, 1), st.binary(min_size=1, max_size=16)),
    min_size=1, max_size=4,
)


def mutate(data: bytes, mutations: list[Mutation], head_bias: bool = True) -> bytes:
    out = bytearray(data)
    for m in mutations:
        if not out:
            out = bytearray(m.data)
            continue
        # headers hold the interesting fields: half the mutations land in the first 64 bytes
        at = int(m.at * (min(len(out), 64) if head_bias and m.data[0] & 1 else len(out)))
        at = min(at, len(out) - 1)
        if m.kind == "flip":
            out[at] ^= m.data[0] or 0xFF
        elif m.kind == "cut":
            del out[at:]
        elif m.kind == "insert":
            out[at:at] = m.data
        elif m.kind == "overwrite":
            out[at:at + len(m.data)] = m.data
        else:
            out[at:at] = out[at:at + 64]
    return bytes(out)


def base_images() -> dict[str, bytes]:
    rng = random.Random(7)
    images = {fmt: noise_image(rng, 40, 30, fmt) for fmt in ("PNG", "GIF", "BMP", "TIFF")}
    images["JPEG"] = noise_image(rng, 64, 48, "JPEG", exif_text="exif text")
    gradient = Image.linear_gradient("L").resize((48, 48)).convert("RGB")
    buf = io.BytesIO()
    gradient.save(buf, format="WEBP")
    images["WEBP"] = buf.getvalue()
    buf = io.BytesIO()
    gradient.save(buf, format="PNG", optimize=True)
    images["PNG-gradient"] = buf.getvalue()
    return images


IMAGES = base_images()
EXT = {"PNG": ".png", "GIF": ".gif", "BMP": ".bmp", "TIFF": ".tif", "JPEG": ".jpg",
       "WEBP": ".webp", "PNG-gradient": ".png"}


def image_inputs() -> st.SearchStrategy[tuple[str, bytes]]:
    mutated = st.tuples(st.sampled_from(sorted(IMAGES)), MUTATIONS).map(
        lambda pair: (EXT[pair[0]], mutate(IMAGES[pair[0]], pair[1])))
    random_bytes = st.tuples(st.sampled_from([".png", ".jpg", ".bin", ""]),
                             st.binary(min_size=1, max_size=2048))
    return st.one_of(mutated, mutated, mutated, random_bytes)


@pytest.fixture
def fuzz_vault(vault_dir: Path) -> Iterator[tuple[Vault, str]]:
    vault, _ = Vault.create(vault_dir, USER, PASSPHRASE)
    try:
        yield vault, create_case(vault, "Fuzzed evidence").ref
    finally:
        vault.close()


def test_fuzz_ingest_of_mutated_images(
    fuzz_vault: tuple[Vault, str], tmp_path: Path, report: Callable[[str], None]
) -> None:
    vault, ref = fuzz_vault
    folder = tmp_path / "inputs"
    folder.mkdir()
    count = Counter()
    statuses: dict[str, int] = {}

    @fuzz(120)
    @given(image_inputs())
    def one(case: tuple[str, bytes]) -> None:
        ext, data = case
        n = count()
        started = time.monotonic()
        mime = sniff.mime_of(data)
        assert isinstance(mime, str) and mime
        info = imaging.analyse(data)
        # flags come as catalogue key + values; each renders to one line
        assert all(f["key"] in FLAG_KEYS and "\n" not in from_record(f) for f in info.flags)
        path = folder / f"input{n:05d}{ext}"
        path.write_bytes(data)
        [result] = ingest(vault, ref, [str(path)], workers=0)
        assert time.monotonic() - started < HANG, "a hang"
        if not data:  # by design: an empty file is nothing to keep
            assert result.status == "error" and "empty" in str(result.reason)
            return
        assert result.status in ("stored", "flagged", "duplicate"), result
        statuses[result.status] = statuses.get(result.status, 0) + 1
        assert result.sha256 == hashlib.sha256(data).hexdigest()
        blob = vault.conn.execute("SELECT blob_id FROM evidence_items WHERE id = ?",
                                  (result.id,)).fetchone()[0]
        assert rehash(vault.conn, blob) == (result.sha256, len(data), -(-len(data) // 2**20))

    one()
    report(f"fuzz ingest: {count.n} mutated/random images ingested, each stored under its "
           f"real SHA-256 ({', '.join(f'{v} {k}' for k, v in sorted(statuses.items()))})")


def test_fuzz_ingest_through_the_cli(tmp_path: Path, report: Callable[[str], None]) -> None:
    """A batch of mutated images through the real CLI and its decoder processes."""
    vault = tmp_path / "vault"
    env = base_env(vault, tmp_path)
    ok(env, "init", "--user", USER)
    ref = json.loads(ok(env, "case", "new", "--title", "CLI fuzz", "--json").out)["ref"]
    rng = random.Random(11)
    folder = tmp_path / "batch"
    folder.mkdir()
    expected = {}
    for n in range(int(24 * SCALE)):
        name = rng.choice(sorted(IMAGES))
        mutations = [Mutation(rng.choice(["flip", "cut", "insert", "overwrite", "repeat"]),
                              rng.random(), rng.randbytes(rng.randint(1, 8)))
                     for _ in range(rng.randint(1, 3))]
        data = mutate(IMAGES[name], mutations)
        (folder / f"{n:03d}{EXT[name]}").write_bytes(data)
        expected[f"{n:03d}{EXT[name]}"] = sha256(data)
    results = json.loads(ok(env, "ingest", ref, str(folder), "--json", timeout=300).out)
    assert len(results) == len(expected)
    for result in results:
        assert result["status"] in ("stored", "flagged", "duplicate"), result
        assert result["sha256"] == expected[Path(result["path"]).name]
    ok(env, "verify")
    report(f"fuzz ingest via the CLI: {len(results)} mutated images through the decoder "
           "processes, all stored under their real SHA-256")


# --- protocol files ------------------------------------------------------------------------------

PROTOCOL = default_text()
LINES = PROTOCOL.splitlines(keepends=True)
ODD_VALUES = ['""', "0", "-1", "999999999999999999999", "true", "[]", "{}", "[[]]", '"\\u0000"',
              "'''x'''", "1979-05-27", "nan", "inf", '"[/]"', '"%s"', '"{}"', "[1, \"a\"]",
              "{ a = 1 }", '"' + "x" * 5000 + '"']


@st.composite
def protocol_texts(draw: st.DrawFn) -> str:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "value", "text"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "value" and "=" in lines[i]:
            key = lines[i].split("=", 1)[0]
            lines[i] = f"{key}= {draw(st.sampled_from(ODD_VALUES))}\n"
        else:
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(st.text(max_size=20)) + lines[i][at:]
        if not lines:
            break
    return "".join(lines)


def test_fuzz_protocol_files(tmp_path: Path, report: Callable[[str], None]) -> None:
    count = Counter()
    outcomes = {"accepted": 0, "refused": 0}

    def load(check: Callable[[], object]) -> None:
        started = time.monotonic()
        try:
            check()
            outcomes["accepted"] += 1
        except UsageError as exc:
            outcomes["refused"] += 1
            assert exc.message.strip() and "\n" not in exc.message, exc.message
        assert time.monotonic() - started < HANG

    @fuzz(150)
    @given(protocol_texts())
    def text(mutated: str) -> None:
        count()
        load(lambda: parse(mutated, "school.toml"))

    @fuzz(60)
    @given(st.binary(max_size=64), st.floats(0, 1), st.sampled_from(["insert", "cut", "junk"]))
    def raw_bytes(junk: bytes, where: float, how: str) -> None:
        n = count()
        data = PROTOCOL.encode("utf-8")
        at = int(where * len(data))
        data = {"insert": data[:at] + junk + data[at:], "cut": data[:at],
                "junk": junk}[how]
        path = tmp_path / f"p{n:05d}.toml"
        path.write_bytes(data)
        load(lambda: read_file(path))

    text()
    raw_bytes()
    report(f"fuzz protocol: {count.n} mutated protocol files loaded, "
           f"{outcomes['accepted']} accepted, {outcomes['refused']} refused in one line")


# --- verify-bundle -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("bundles")
    env = base_env(root / "vault", root, CYBERCASE_EXPORT_PASSPHRASE=BUNDLE_PASS)
    ok(env, "init", "--user", USER, "--school", "OBS De Pirouette")
    ref = json.loads(ok(env, "case", "new", "--title", "Bundle fuzz", "--json").out)["ref"]
    rng = random.Random(3)
    (root / "shot.png").write_bytes(noise_image(rng, 120, 90, "PNG"))
    (root / "chat.txt").write_bytes(b"you [/] idiot %s {}\n" * 30)
    ok(env, "ingest", ref, str(root / "shot.png"), str(root / "chat.txt"),
       "--account", "@pester_account")
    plain, aes = root / "plain.zip", root / "aes.zip"
    ok(env, "export", ref, "--out", str(plain))
    ok(env, "export", ref, "--out", str(aes), "--encrypt")
    return {"plain": plain, "aes": aes}


def members(path: Path, password: bytes | None) -> dict[str, bytes] | None:
    """The bundle's members as the standard library reads them; None if it cannot."""
    try:
        if password is None:
            with zipfile.ZipFile(path) as zf:
                return {i.filename: zf.read(i) for i in zf.infolist()}
        import pyzipper

        with pyzipper.AESZipFile(path) as zf:
            zf.setpassword(password)
            return {i.filename: zf.read(i) for i in zf.infolist()}
    except Exception:
        return None


@st.composite
def bundle_mutations(draw: st.DrawFn) -> tuple[str, str, Any]:
    which = draw(st.sampled_from(["plain", "plain", "aes"]))
    how = draw(st.sampled_from(["bytes", "bytes", "tail", "members"]))
    if how == "members":
        return which, how, (draw(st.sampled_from(["drop", "change", "add", "rename"])),
                            draw(st.integers(0, 100)), draw(st.binary(max_size=32)))
    return which, how, draw(MUTATIONS)


def test_fuzz_verify_bundle(bundles: dict[str, Path], tmp_path: Path,
                            report: Callable[[str], None]) -> None:
    originals = {name: members(path, BUNDLE_PASS.encode() if name == "aes" else None)
                 for name, path in bundles.items()}
    for name, path in bundles.items():  # the unmutated bundles are whole
        problems, _ = verify_bundle(path, BUNDLE_PASS if name == "aes" else None)
        assert problems == [], problems
    count = Counter()
    seen = {"problems": 0, "refused": 0, "unchanged": 0}

    @fuzz(80)
    @given(bundle_mutations())
    def one(mutation: tuple[str, str, Any]) -> None:
        which, how, detail = mutation
        n = count()
        source = bundles[which]
        target = tmp_path / f"b{n:05d}.zip"
        password = BUNDLE_PASS.encode() if which == "aes" else None
        data = source.read_bytes()
        if how == "bytes":
            target.write_bytes(mutate(data, detail, head_bias=False))
        elif how == "tail":  # the central directory and its end record live at the end
            tail = len(data) - 2048
            target.write_bytes(data[:tail] + mutate(data[tail:], detail, head_bias=False))
        else:
            if which == "aes":
                shutil.copyfile(source, target)
                target.write_bytes(mutate(data, [Mutation("flip", 0.5, b"\x01")]))
            else:
                action, pick, junk = detail
                with zipfile.ZipFile(source) as zf:
                    names = zf.namelist()
                    victim = names[pick % len(names)]
                    content = {nm: zf.read(nm) for nm in names}
                if action == "drop":
                    del content[victim]
                elif action == "change":
                    content[victim] = content[victim] + (junk or b"x")
                elif action == "add":
                    content[names[0].split("/")[0] + "/data/extra.txt"] = junk
                else:
                    content[victim.replace("/", "/x", 1)] = content.pop(victim)
                with zipfile.ZipFile(target, "w") as zf:
                    for nm, body in content.items():
                        zf.writestr(nm, body)
        started = time.monotonic()
        try:
            problems, _info = verify_bundle(target, BUNDLE_PASS if which == "aes" else None)
        except CybercaseError as exc:
            seen["refused"] += 1
            assert "\n" not in exc.message
            return
        finally:
            assert time.monotonic() - started < HANG
        if members(target, password) == originals[which]:
            seen["unchanged"] += 1  # only metadata changed: either answer is honest
        else:
            assert problems, f"a changed bundle ({how} {detail!r}) was called whole"
        if problems:
            seen["problems"] += 1

    one()
    report(f"fuzz verify-bundle: {count.n} mutated bundles, {seen['problems']} with problems "
           f"reported, {seen['refused']} refused in one line, {seen['unchanged']} with "
           "unchanged content; no other exception")


# --- odd text on the command line -----------------------------------------------------------

SPECIAL = ["[/]", "you [/] idiot [bold]", "[link=file:///etc/passwd]x[/link]", "%s", "%(x)s %d",
           "{}", "{0}", "{name!r}", "\x1b[31mred\x1b[0m", "\x9b31m", "\u202eevil", "a\tb",
           "a\nb", "a\r\nb", " ", "", "x" * 201, "y" * 5001, "-", "--", "--json", "-h",
           "🙂 emoji", "ｆｕｌｌｗｉｄｔｈ", "e\u0301", "\u200b", "\x7f", "\udcff", "a\x00b",
           "' OR 1=1 --", "Robert'); DROP TABLE cases;--", "<script>alert(1)</script>",
           "\\x00", "…", "ß", "İ", "Ⅻ"]


def odd_text() -> st.SearchStrategy[str]:
    anything = st.text(st.characters(codec="utf-8"), max_size=80)  # no lone surrogates
    surrogates = st.text(st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),
                         min_size=1, max_size=3)
    return st.one_of(
        st.sampled_from(SPECIAL),
        anything,
        st.tuples(st.sampled_from(SPECIAL), anything).map("".join),
        st.tuples(anything, surrogates, anything).map("".join),
        st.text(st.characters(max_codepoint=0x9F), max_size=30),  # controls, C1
    )


def acceptable(value: str, limit: int, multiline: bool) -> bool:
    """What the program should store: non-empty after trimming, not too long, real text,
    no control characters (a tab always, new lines in multi-line text)."""
    cleaned = value.strip()
    allowed = "\t\n" if multiline else "\t"
    return (
        0 < len(cleaned) <= limit
        and not any(0xD800 <= ord(ch) <= 0xDFFF for ch in cleaned)
        and not any(unicodedata.category(ch) == "Cc" and ch not in allowed for ch in cleaned)
    )


FIELDS = {  # field -> (limit, multi-line)
    "title": (200, False),
    "name": (120, False),
    "summary": (5000, True),
}


class InProcess:
    """The CLI in this process (click's runner): fast enough for many examples."""

    def __init__(self, env: dict[str, str]) -> None:
        self.env = env
        self.runner = CliRunner()

    def __call__(self, *args: str) -> tuple[int, str, str]:
        result = self.runner.invoke(main, list(args), env=self.env, catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.exit_code, result.stdout, result.stderr


def stored(cli: Callable[..., tuple[int, str, str]], field: str, value: str,
           ref: str) -> tuple[int, str, str | None]:
    """Give ``value`` as the field; return (exit, stderr, what the vault holds after)."""
    if field == "title":
        code, out, err = cli("case", "new", "--title", value, "--json")
        if code != 0:
            return code, err, None
        new_ref = json.loads(out)["ref"]
        code2, out2, _ = cli("case", "show", new_ref, "--json")
        assert code2 == 0
        return code, err, json.loads(out2)["title"]
    if field == "name":
        code, out, err = cli("person", "add", ref, "--kind", "pupil", "--json", "--", value)
        if code != 0:
            return code, err, None
        pid = json.loads(out)["id"]
        code2, out2, _ = cli("person", "list", ref, "--json")
        assert code2 == 0
        return code, err, next(p["name"] for p in json.loads(out2) if p["id"] == pid)
    code, out, err = cli("case", "set", ref, "--summary", value, "--reason", "fuzz")
    if code != 0:
        return code, err, None
    code2, out2, _ = cli("case", "show", ref, "--json")
    assert code2 == 0
    return code, err, json.loads(out2)["summary"]


def judge(field: str, value: str, code: int, err: str, got: str | None) -> None:
    limit, multiline = FIELDS[field]
    assert "Traceback" not in err and "internal error" not in err, err
    if acceptable(value, limit, multiline):
        assert code == 0, (field, value, code, err)
        assert got == value.strip(), (field, value, got)
    else:
        assert code == 2, (field, value, code, err)
        lines = [line for line in err.splitlines() if line.strip()]
        ours = len(lines) == 1 and lines[0].startswith("cybercase: ")
        clicks = "Usage:" in err and lines[-1].startswith("Error: ")  # click's own usage error
        assert ours or clicks, err


def test_fuzz_cli_text(tmp_path: Path, report: Callable[[str], None]) -> None:
    vault = tmp_path / "vault"
    env = base_env(vault, tmp_path)
    ok(env, "init", "--user", USER)
    ref = json.loads(ok(env, "case", "new", "--title", "Odd text", "--json").out)["ref"]
    cli = InProcess(env)
    count = Counter()
    accepted = Counter()

    @fuzz(100)
    @given(st.sampled_from(sorted(FIELDS)), odd_text())
    def one(field: str, value: str) -> None:
        count()
        code, err, got = stored(cli, field, value, ref)
        judge(field, value, code, err, got)
        if code == 0:
            accepted()

    one()

    # a few through real processes: argv as a terminal gives it (bytes; undecodable ones
    # arrive as lone surrogates), output through real pipes
    def real(*args: str) -> tuple[int, str, str]:
        argv = [a.encode("utf-8", "surrogateescape") for a in command(*args)]
        proc = subprocess.run(argv, env=env, capture_output=True, timeout=60)
        return (proc.returncode, proc.stdout.decode("utf-8", "surrogateescape"),
                proc.stderr.decode("utf-8", "surrogateescape"))

    samples = [("title", "you [/] idiot [bold]"), ("name", "%s {} {0} %(x)s"),
               ("title", "\udcff\udcfe bytes"), ("name", "\udce9l\udce8ve"),
               ("summary", "caf\udce9"), ("title", "\x1b[31mred"), ("summary", "line\nbreak"),
               ("name", "🙂 " * 50), ("title", "\x9b31m")]
    for field, value in samples:
        code, err, got = stored(real, field, value, ref)
        judge(field, value, code, err, got)
    text = run(env, "case", "list")  # plain output of everything stored: no crash
    assert text.code == 0, text.err
    report(f"fuzz CLI text: {count.n} odd texts in-process ({accepted.n} accepted and stored "
           f"exactly, the rest refused with exit 2) and {len(samples)} through real processes")
