"""The real program in a real terminal: `cybercase demo` under tmux.

Runs ``python -m cybercase demo`` in a detached tmux session of fixed size (on its own tmux
server socket, so a user's tmux is never touched), reads the screen with capture-pane,
opens a case, quits with ctrl+q and checks the exit code and that no traceback appeared.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

# posix_only: tmux drives a real terminal; it does not run on Windows
pytestmark = [pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed"),
              pytest.mark.posix_only]

WIDTH, HEIGHT = 110, 34


class Tmux:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def __call__(self, *args: str) -> str:
        proc = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True,
                              text=True, timeout=20)
        return proc.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "demo")

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} did not appear within {timeout} s; screen:\n{screen}")


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    runner = Tmux(f"cybercase-test-{tmp_path.name}")
    yield runner
    runner("kill-server")


def test_demo_shows_dashboard_opens_case_and_quits_cleanly(
    tmux: Tmux, tmp_path: Path
) -> None:
    exit_file = tmp_path / "exit.txt"
    env = {
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "CYBERCASE_KDF": "fast",
        "LANG": "en_US.UTF-8",
        "LC_ALL": "",
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    command = (
        # COLUMNS/LINES (set by some runners) would override the pane's real size
        f"env -u COLUMNS -u LINES {exports} {shlex.quote(sys.executable)} -m cybercase demo; "
        f"echo EXIT=$? > {shlex.quote(str(exit_file))}; sleep 60"
    )
    tmux("new-session", "-d", "-s", "demo", "-x", str(WIDTH), "-y", str(HEIGHT),
         "sh", "-c", command)

    tmux.wait_for("Open cases")
    screen = tmux.wait_for("WhatsApp-groep 7b")  # a demo case, made on first use
    assert "passphrase: demo vault" in screen  # the demo's passphrase is shown

    tmux("send-keys", "-t", "demo", "Enter")  # open the case under the cursor
    screen = tmux.wait_for("Overview")
    assert "Last activity" in screen and "Phase" in screen and "by demo" in screen

    tmux("send-keys", "-t", "demo", "C-q")
    deadline = time.monotonic() + 20
    while not exit_file.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert exit_file.exists(), tmux.screen()
    assert exit_file.read_text().strip() == "EXIT=0"
    final = tmux.screen()
    assert "Traceback" not in final and "Error" not in final, final


def test_image_preview_in_a_real_terminal(tmux: Tmux, tmp_path: Path) -> None:
    """The evidence preview draws the decrypted image with coloured half-blocks in tmux."""
    from PIL import Image, ImageDraw

    from cybercase.cases.cases import create_case
    from cybercase.evidence import Stated, ingest
    from cybercase.vault import Vault

    vault_dir = tmp_path / "vault"
    vault, _ = Vault.create(vault_dir, "anna", "correct horse battery staple", school="X")
    try:
        case = create_case(vault, "Preview in tmux", "7b", 2)
        picture = tmp_path / "shot.png"
        img = Image.new("RGB", (300, 200), (0, 0, 135))  # xterm-256 colour 18
        ImageDraw.Draw(img).ellipse((40, 20, 260, 180), fill=(255, 255, 0))  # colour 226
        img.save(picture)
        ingest(vault, case.ref, [str(picture)], Stated(description="a yellow circle"),
               workers=0)
    finally:
        vault.close()
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "CYBERCASE_KDF": "fast",
        "CYBERCASE_VAULT": str(vault_dir), "LANG": "en_US.UTF-8", "LC_ALL": "",
        "TERM": "xterm-256color",
    }
    exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in env.items())
    tmux("new-session", "-d", "-s", "demo", "-x", str(WIDTH), "-y", str(HEIGHT), "sh", "-c",
         f"env -u COLUMNS -u LINES {exports} {shlex.quote(sys.executable)} -m cybercase;"
         " sleep 60")
    tmux.wait_for("Unlock the vault")
    tmux("send-keys", "-t", "demo", "correct horse battery staple", "Enter")
    tmux.wait_for("Open cases")
    tmux("send-keys", "-t", "demo", "Enter")
    tmux.wait_for("Overview")
    tmux("send-keys", "-t", "demo", "6")  # the evidence tab
    tmux.wait_for("a yellow circle")
    tmux("send-keys", "-t", "demo", "v")
    tmux.wait_for("viewing is logged")
    deadline = time.monotonic() + 10
    coloured = ""
    while time.monotonic() < deadline:
        coloured = tmux("capture-pane", "-p", "-e", "-t", "demo")
        if "▀" in coloured and "226m" in coloured:
            break
        time.sleep(0.2)
    assert "▀" in coloured and "226m" in coloured, coloured  # yellow half-blocks drawn
    assert "Traceback" not in tmux.screen()
