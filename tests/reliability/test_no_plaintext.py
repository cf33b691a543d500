"""No plaintext anywhere: a full scenario, then every file it could have touched is searched.

Scenario (TMPDIR, HOME and the XDG config/data/cache dirs all inside the test's folder):
init; a case, a summary and a pupil carrying a unique marker; ingest of a photo (marker in
its EXIF and in its file name, random pixels) and a chat export (marker in the text); a
drawn chat screenshot with the marker read by OCR (when tesseract is installed); an
app session under Pilot that unlocks and opens the case; an export with --encrypt; a few
failing commands with secrets in them. Afterwards neither the marker (UTF-8 or UTF-16) nor
any slice of the photo's bytes appears in the vault folder, the temp folder, HOME, the
config/data/cache folders or the encrypted export; SQLite keeps its temporary storage in
memory; error messages never echo a passphrase or another record's text.
"""

from __future__ import annotations

import io
import json
import os
import random
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from textual.widgets import Input

from cybercase.demo.chatshots import chat_png
from cybercase.evidence.ocr.engine import find_engine
from cybercase.tui.app import make_app
from cybercase.tui.case.screen import CaseScreen
from cybercase.tui.dashboard.screen import DashboardScreen
from cybercase.tui.settings import AppSettings
from cybercase.tui.widgets.case_table import CaseTable
from cybercase.vault import Vault
from tests.conftest import PASSPHRASE, USER
from tests.reliability.common import base_env, noise_image, ok, run

pytestmark = pytest.mark.slow
MARKER = "QZX-Marker-7731"
BUNDLE_PASS = "bundle passphrase 4 the police"
SECRETS = ["wrong passphrase SECRET-PASS-1", "SECRET-PASS-2 bundle", "short-SP3"]


def needles(image: bytes, pixels: bytes) -> dict[str, bytes]:
    """What must not be found: the marker in several encodings, slices of the photo."""
    found = {
        "marker (UTF-8)": MARKER.encode("utf-8"),
        "marker (UTF-16)": MARKER.encode("utf-16-le"),
        "marker (UTF-16BE)": MARKER.encode("utf-16-be"),
    }
    for n in range(8):  # slices of the compressed file and of the raw pixels
        at = len(image) // 10 * (n + 1)
        found[f"photo bytes @{at}"] = image[at:at + 24]
        at = len(pixels) // 10 * (n + 1)
        found[f"pixels @{at}"] = pixels[at:at + 24]
    return found


def scan(places: dict[str, Path], wanted: dict[str, bytes]) -> tuple[int, list[str]]:
    """Search every file below each place; returns (files read, what was found where)."""
    hits: list[str] = []
    files = 0
    for label, place in places.items():
        paths = [place] if place.is_file() else sorted(p for p in place.rglob("*") if p.is_file())
        for path in paths:
            files += 1
            data = path.read_bytes()
            hits += [f"{what} in {label}: {path.relative_to(place.parent)}"
                     for what, needle in wanted.items() if needle in data]
    return files, hits


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """TMPDIR, HOME and the XDG dirs inside the test, for subprocesses and this process."""
    env = base_env(tmp_path / "vault", tmp_path, HOME=str(tmp_path / "home"),
                   CYBERCASE_EXPORT_PASSPHRASE=BUNDLE_PASS)
    for name in ("home", "xdg-data", "xdg-config", "xdg-cache"):
        (tmp_path / name).mkdir(exist_ok=True)
    for key in ("TMPDIR", "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(key, env[key])
    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR in this process
    yield env


async def test_no_plaintext_anywhere(
    tmp_path: Path, isolated: dict[str, str], report: Callable[[str], None]
) -> None:
    env = isolated
    vault_dir = tmp_path / "vault"
    rng = random.Random(77)

    # --- the CLI: case, people, evidence ---
    ok(env, "init", "--user", USER, "--school", "OBS De Pirouette")
    ref = json.loads(ok(env, "case", "new", "--title", f"Group chat {MARKER} title",
                        "--json").out)["ref"]
    ok(env, "case", "set", ref, "--summary", f"What happened: {MARKER} summary\nsecond line")
    ok(env, "person", "add", ref, f"Sanne {MARKER}", "--kind", "pupil", "--role", "bullied")
    files = tmp_path / "phone"
    files.mkdir()
    photo = noise_image(rng, 320, 240, "JPEG", exif_text=f"{MARKER} in EXIF")
    pixels = Image.open(io.BytesIO(photo)).convert("RGB").tobytes()
    (files / f"screenshot {MARKER}.jpg").write_bytes(photo)
    (files / "chat.txt").write_text(f"12:01 you are {MARKER} nothing\n" * 40, encoding="utf-8")
    ok(env, "ingest", ref, str(files), "--description", f"sent by {MARKER}")
    shown = ok(env, "case", "show", ref)
    assert MARKER in shown.out  # the user sees their own data, of course

    # --- OCR: a drawn chat screenshot with the marker, read through pipes only ---
    if find_engine().available:
        shots = tmp_path / "phone2"
        shots.mkdir()
        (shots / "chat.png").write_bytes(chat_png(messages=(
            ("Daan", f"jij stinkt {MARKER}", "19:02"), ("Lotte", "haha ja", "19:03"))))
        (item,) = json.loads(ok(env, "ingest", ref, str(shots), "--json").out)
        assert "0 failed" in ok(env, "ocr", "run").out
        assert "stinkt" in ok(env, "ocr", "text", str(item["id"])).out
        # the screenshot as messages: derived on the fly, nothing written anywhere
        assert "Daan: jij stinkt" in ok(env, "ocr", "messages", str(item["id"])).out

    # --- the app: unlock and open the case (in this process, same dirs) ---
    app = make_app(vault_dir, settings=AppSettings(language="en"))
    async with app.run_test(size=(100, 32)) as pilot:
        app.screen.query_one("#passphrase", Input).value = PASSPHRASE
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen.query_one(CaseTable).selected_ref == ref
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CaseScreen)
        assert app.vault is not None
        # SQLite's temporary storage is memory (2), also in the app's connection
        assert app.vault.conn.execute("PRAGMA temp_store").fetchone()[0] == 2
        await pilot.press("escape")
        await pilot.pause()
    assert app.vault is None  # the app closed its vault when it ended

    # --- temp_store: a query that needs temporary b-trees writes no file ---
    with Vault.open(vault_dir, USER, PASSPHRASE) as vault:
        assert vault.conn.execute("PRAGMA temp_store").fetchone()[0] == 2
        vault.conn.execute("CREATE TEMP TABLE t AS SELECT data FROM blob_chunks")
        vault.conn.execute(
            "SELECT DISTINCT data FROM blob_chunks ORDER BY length(data), data").fetchall()
        assert not any(Path(env["TMPDIR"]).iterdir()), list(Path(env["TMPDIR"]).iterdir())

    # --- the encrypted export ---
    out = tmp_path / "usb-stick"
    out.mkdir()
    bundle = out / "bundle.zip"
    ok(env, "export", ref, "--out", str(bundle), "--encrypt")
    ok(env, "verify-bundle", str(bundle))

    # --- failing commands with secrets: nothing sensitive in what they print ---
    others = f"{MARKER}"  # text of records the command was not about
    failing = [
        run({**env, "CYBERCASE_PASSPHRASE": SECRETS[0]}, "case", "list"),
        run({**env, "CYBERCASE_EXPORT_PASSPHRASE": SECRETS[1]}, "verify-bundle", str(bundle)),
        run({**env, "CYBERCASE_EXPORT_PASSPHRASE": SECRETS[2]}, "export", ref, "--out",
            str(out / "short.zip"), "--encrypt"),
        run({**env, "CYBERCASE_NEW_PASSPHRASE": SECRETS[2]}, "user", "passwd"),
        run(env, "case", "show", "2026-999"),
        run(env, "person", "add", ref, "x" * 130, "--kind", "pupil"),
        run(env, "ingest", ref, str(tmp_path / "no such file.png")),
    ]
    for result in failing:
        assert result.code in (1, 2, 3), (result.code, result.err)
        for secret in SECRETS:
            assert secret not in result.out + result.err, result.err
        assert others not in result.err, result.err
    assert not (out / "short.zip").exists()

    # --- search everything ---
    places = {
        "vault folder": vault_dir,
        "TMPDIR": Path(env["TMPDIR"]),
        "HOME": tmp_path / "home",
        "XDG data": tmp_path / "xdg-data",
        "XDG config": tmp_path / "xdg-config",
        "XDG cache": tmp_path / "xdg-cache",
        "export folder": out,
    }
    assert sorted(p.name for p in out.iterdir()) == ["bundle-overdracht.pdf", "bundle.zip"]
    assert not any(Path(env["TMPDIR"]).rglob("*")), "temporary files were left behind"
    wanted = needles(photo, pixels)
    count, hits = scan(places, wanted)
    report(f"no plaintext: {count} files searched for {len(wanted)} markers and photo slices "
           f"after a full scenario, {len(hits)} found; {len(failing)} failing commands echoed "
           "no secret")
    assert not hits, "\n".join(hits)
    assert os.environ["TMPDIR"] == env["TMPDIR"]
