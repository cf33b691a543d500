"""An OSC 52 file name in a real terminal (tmux) writes no clipboard: CLI and app.

tmux with ``set-clipboard on`` turns an application's ``ESC ] 52 ; c ; ... BEL`` into a
paste buffer, exactly as a terminal emulator would set the system clipboard. First a
plain ``printf`` proves the sequence works in this tmux; then ``cybercase evidence list``
and the app's evidence pane show a file named with that sequence, and no buffer appears.
"""

from __future__ import annotations

import shlex
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from cybercase.cases.cases import create_case
from cybercase.evidence import ingest
from cybercase.vault import Vault
from tests.e2e.test_tmux import HEIGHT, WIDTH, Tmux

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

PASS = "correct horse battery staple"
NAME = "shot\x1b]52;c;aGVsbG8=\x07\x9b2J.png"  # "hello" into the clipboard


@pytest.fixture
def tmux(tmp_path: Path) -> Iterator[Tmux]:
    runner = Tmux(f"cybercase-osc-{tmp_path.name}")
    yield runner
    runner("kill-server")


def clipboard(tmux: Tmux) -> str:
    return tmux("list-buffers", "-F", "#{buffer_sample}")


def test_osc52_name_sets_no_clipboard(tmux: Tmux, tmp_path: Path) -> None:
    vault_dir = tmp_path / "vault"
    vault, _ = Vault.create(vault_dir, "anna", PASS, school="X")
    try:
        case = create_case(vault, "Clipboard", "7b", 2)
        src = tmp_path / "in"
        src.mkdir()
        Image.new("RGB", (60, 40), (200, 30, 30)).save(src / NAME, "PNG")
        ingest(vault, case.ref, [str(src)], workers=0)
    finally:
        vault.close()
    env = {
        "XDG_CONFIG_HOME": str(tmp_path / "config"), "CYBERCASE_KDF": "fast",
        "CYBERCASE_VAULT": str(vault_dir), "CYBERCASE_USER": "anna", "LANG": "en_US.UTF-8",
        "LC_ALL": "", "TERM": "xterm-256color", "PS1": "$ ",
    }
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "demo", "-x", str(WIDTH), "-y",
         str(HEIGHT), "env", "-u", "COLUMNS", "-u", "LINES",
         *(f"{k}={v}" for k, v in env.items()), "sh")
    tmux("set-option", "-g", "set-clipboard", "on")
    time.sleep(0.5)

    # the control: in this terminal, the sequence really writes the clipboard
    tmux("send-keys", "-t", "demo", r"printf '\033]52;c;aGVsbG8=\007'; echo CONTROL-''DONE",
         "Enter")
    tmux.wait_for("CONTROL-DONE\n")
    deadline = time.monotonic() + 5
    while "hello" not in clipboard(tmux) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert "hello" in clipboard(tmux), "tmux did not take OSC 52: the test cannot judge"
    tmux("delete-buffer")
    assert clipboard(tmux) == ""

    python = shlex.quote(sys.executable)
    tmux("send-keys", "-t", "demo", "clear; CYBERCASE_PASSPHRASE=" + shlex.quote(PASS)
         + f" {python} -m cybercase evidence list {case.ref}; echo CLI-\"\"DONE", "Enter")
    screen = tmux.wait_for("CLI-DONE\n")
    assert "shot\\x1b]52;c;aGVsbG8=\\x07\\x9b2J.png" in screen
    assert clipboard(tmux) == ""

    tmux("send-keys", "-t", "demo", f"clear; {python} -m cybercase; echo APP-\"\"DONE", "Enter")
    tmux.wait_for("Unlock the vault")
    tmux("send-keys", "-t", "demo", PASS, "Enter")
    tmux.wait_for("Open cases")
    tmux("send-keys", "-t", "demo", "Enter")
    tmux.wait_for("Overview")
    tmux("send-keys", "-t", "demo", "6")  # the evidence tab: table and details
    screen = tmux.wait_for("shot\\x1b]52")
    time.sleep(0.5)
    assert clipboard(tmux) == "", screen
    tmux("send-keys", "-t", "demo", "C-q")
    tmux.wait_for("APP-DONE")
    assert clipboard(tmux) == ""
    assert "Traceback" not in tmux.screen()
