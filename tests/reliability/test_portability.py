"""The fallbacks Windows and macOS take, exercised on every CI run (issue #16).

``CYBERCASE_PORTABILITY_TEST=1`` switches the POSIX-only paths off inside the OS seam
(``cybercase.core.oslayer``) and in ``evidence/sniff.py``: no ``O_TMPFILE`` and no
``/proc`` (hidden, locked temporary files instead, closed before they are named, as
Windows needs), no ``O_NOFOLLOW``/``O_NONBLOCK`` (look, open, compare), no ``pread`` and no
``fdatasync``, byte-range locks with Windows' rules instead of ``flock``, and no libmagic
(the pure-Python detector). A whole school scenario then runs as real subprocesses: init,
case, ingest of images, export and verify-bundle, verify, backup, restore, extract, two
writers at once and a writer held up by another process."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import PASSPHRASE, USER
from tests.reliability.common import base_env, check_vault, ok, run

pytestmark = pytest.mark.slow


def _image(path: Path, fmt: str, colour: tuple[int, int, int]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    out = io.BytesIO()
    Image.new("RGB", (120, 80), colour).save(out, fmt)
    path.write_bytes(out.getvalue())
    return path


# holds the vault's write lock until its stdin closes, like a long ingest would
HOLDER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from cybercase.vault import Vault
    with Vault.open(Path(sys.argv[1]), sys.argv[2], sys.argv[3]) as vault:
        with vault.transaction():
            print("holding", flush=True)
            sys.stdin.read()
""")


def test_full_scenario_with_the_posix_only_paths_off(tmp_path: Path) -> None:
    vault = tmp_path / "vault"
    env = base_env(vault, tmp_path, CYBERCASE_PORTABILITY_TEST="1", CYBERCASE_LOCK_WAIT="30")

    about = json.loads(ok(env, "about", "--json").out)
    assert about["file types"].startswith("filetype"), about
    assert "portability" in about["file locks"] and about["portability test mode"] == "on"

    ok(env, "init", "--user", USER, "--school", "OBS De Pirouette")
    ref = json.loads(ok(env, "case", "new", "--title", "Groepsapp 7b", "--json").out)["ref"]
    src = tmp_path / "screenshots"
    _image(src / "chat.png", "PNG", (200, 0, 0))
    _image(src / "story.jpg", "JPEG", (0, 200, 0))
    _image(src / "status.webp", "WEBP", (0, 0, 200))
    (src / "notes.txt").write_text("berichten in de klassengroep\n", encoding="utf-8")
    ingested = json.loads(ok(env, "ingest", ref, str(src), "--platform", "WhatsApp",
                             "--json").out)
    assert sorted(d["status"] for d in ingested) == ["stored"] * 4, ingested
    listed = json.loads(ok(env, "evidence", "list", ref, "--json").out)
    mimes = {item["original_name"]: item["mime"] for item in listed}
    assert mimes == {"chat.png": "image/png", "story.jpg": "image/jpeg",
                     "status.webp": "image/webp", "notes.txt": "text/plain"}, mimes
    chat = next(item for item in listed if item["original_name"] == "chat.png")
    assert chat["image"]["width"] == 120  # the decoder workers ran (they load the seam)

    out = tmp_path / "extract" / "chat.png"
    out.parent.mkdir()
    ok(env, "evidence", "extract", str(chat["id"]), "--out", str(out))
    assert out.read_bytes() == (src / "chat.png").read_bytes()

    bundles = tmp_path / "bundles"
    bundles.mkdir()
    bundle = bundles / "bundle.zip"
    ok(env, "export", ref, "--out", str(bundle))
    checked = run(env, "verify-bundle", str(bundle))
    assert checked.code == 0, checked.out + checked.err
    again = ok(env, "export", ref, "--out", str(bundle), "--force")  # replace: rename path
    assert again.code == 0
    leftovers = [p.name for p in bundles.iterdir() if p.name.startswith(".")]
    assert leftovers == [], leftovers  # the hidden temporary files got their name or went

    assert ok(env, "verify").code == 0

    backup = tmp_path / "school.backup"
    ok(env, "backup", "--out", str(backup))
    restored = tmp_path / "restored"
    ok(env, "--vault", str(restored), "restore", str(backup))
    shown = json.loads(ok(env, "--vault", str(restored), "case", "show", ref, "--json").out)
    assert shown["ref"] == ref
    assert ok(env, "--vault", str(restored), "verify").code == 0

    # two writers at once: each waits its turn, both finish, nothing lost
    writers = [subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(f"""
            import subprocess, sys
            for i in range(6):
                done = subprocess.run([sys.executable, "-m", "cybercase", "case", "new",
                                       "--title", "writer {tag} " + str(i)])
                if done.returncode:
                    sys.exit(done.returncode)
        """)], env=env) for tag in "AB"]
    assert [w.wait(timeout=600) for w in writers] == [0, 0]
    titles = [c["title"] for c in json.loads(ok(env, "case", "list", "--json").out)]
    assert sorted(t for t in titles if t.startswith("writer")) == sorted(
        f"writer {tag} {i}" for tag in "AB" for i in range(6))

    # a writer held up by another process: exit 4 naming the holder; after the holder is
    # gone (killed: the system drops its lock) the next writer gets in
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(vault), USER, PASSPHRASE],
                              env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        busy = run({**env, "CYBERCASE_LOCK_WAIT": "0.5"}, "case", "new", "--title", "busy")
        assert busy.code == 4, busy.err
        assert USER in busy.err and str(holder.pid) in busy.err
    finally:
        holder.kill()
        holder.wait()
    ok(env, "case", "new", "--title", "after the holder")

    state = check_vault(vault)
    assert len(state.cases) == 1 + 12 + 1
    leftovers = [p.name for p in vault.iterdir() if p.name.startswith(".")]
    assert leftovers == [], leftovers
