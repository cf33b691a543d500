"""The one sanitising function (core.termsafe) and the CLI's output guard and JSON."""

from __future__ import annotations

import io
import json
import os

import pytest
from rich.text import Text

from cybercase.cli.common import SafeStream, json_text
from cybercase.core.i18n import Msg, t
from cybercase.core.termsafe import is_safe, safe, scrub
from cybercase.tui.termsafe import TerminalSafeFilter, safe_text

OSC52 = "\x1b]52;c;aGVsbG8=\x07"


@pytest.mark.parametrize(("raw", "shown"), [
    (OSC52, "\\x1b]52;c;aGVsbG8=\\x07"),
    ("\x9b2J", "\\x9b2J"),
    ("a\x7fb", "a\\x7fb"),
    ("gpj\u202e.exe", "gpj\\u202e.exe"),
    ("x\u2066y\u2069", "x\\u2066y\\u2069"),
    ("line\u2028break", "line\\u2028break"),
    ("one\ntwo\tthree\r", "one\\x0atwo\\x09three\\x0d"),
    (os.fsdecode(b"bad\xffname"), "bad\\xffname"),  # an undecodable byte, shown as such
    ("\ud800", "\\ud800"),
    ("gewoon tekst: é ë ☃ 🙂 \u200e", "gewoon tekst: é ë ☃ 🙂 \u200e"),
])
def test_safe_shows_every_control_as_an_escape(raw: str, shown: str) -> None:
    assert safe(raw) == shown
    assert is_safe(shown) and safe(shown) == shown  # idempotent
    assert is_safe(raw) == (raw == shown)
    shown.encode("utf-8")  # always writable


def test_multiline_keeps_newlines_and_tabs_only() -> None:
    assert safe("a\nb\tc\rd\x1b", multiline=True) == "a\nb\tc\\x0dd\\x1b"
    assert is_safe("a\nb\tc", multiline=True) and not is_safe("a\nb")
    assert safe(42) == "42"


def test_scrub_drops_what_takes_no_cell() -> None:
    assert scrub(f"a{OSC52}b\x9b\u202ec") == "a]52;c;aGVsbG8=bc"
    assert scrub("x\udcffy") == "x\ufffdy"


def test_guard_escapes_everything_written() -> None:
    sink = io.StringIO()
    guard = SafeStream(sink)
    guard.write(f"name {OSC52}\x9b\n")
    assert sink.getvalue() == "name \\x1b]52;c;aGVsbG8=\\x07\\x9b\n"
    with pytest.raises(TypeError):
        guard.write(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(io.UnsupportedOperation):
        guard.fileno()  # so click never writes around it


def test_json_output_is_valid_terminal_safe_and_exact() -> None:
    data = {"name": f"a{OSC52}\x9b\u202e\x7f" + os.fsdecode(b"\xff")}
    text = json_text(data)
    assert is_safe(text, multiline=True)
    assert json.loads(text) == data


def test_catalogue_values_are_escaped_for_the_screen_but_the_message_keeps_them() -> None:
    message = Msg("evidence.error.out_exists", path=f"/tmp/x{OSC52}")
    assert OSC52 in str(message)  # the English text: for the CLI guard, logs, JSON
    assert is_safe(message.localized("nl"), multiline=True)
    assert "\\x1b]52" in message.localized("en")
    assert "\\x1b]52" in t("cmd.open_case", ref=f"x{OSC52}")


def test_rich_text_keeps_its_styles_when_escaped() -> None:
    text = Text("ab")  # (rich itself drops BEL, and only BEL, BS, CR, VT, FF)
    text.append(f"c{OSC52}\x9bd", style="bold")
    text.append("e", style="red")
    shown = safe_text(text)
    assert shown.plain == "abc\\x1b]52;c;aGVsbG8=\\x9bde"
    bold = next(s for s in shown.spans if s.style == "bold")
    assert shown.plain[bold.start:bold.end] == "c\\x1b]52;c;aGVsbG8=\\x9bd"
    red = next(s for s in shown.spans if s.style == "red")
    assert shown.plain[red.start:red.end] == "e"
    clean = Text("clean")
    assert safe_text(clean) is clean


def test_line_filter_drops_unsafe_text_and_keeps_control_segments() -> None:
    from rich.segment import Segment
    from textual.color import Color

    sixel = Segment("\x1bPq#0;2;0;0;0\x1b\\", control=[])  # type: ignore[arg-type]
    out = TerminalSafeFilter().apply([Segment(f"a{OSC52}b"), sixel], Color(0, 0, 0))
    assert out[0].text == "a]52;c;aGVsbG8=b" and out[1] is sixel


def test_progress_bar_redraws_through_the_guard(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bar's own carriage return passes (echo_control); a file name in it would not."""
    import sys

    from cybercase.cli.common import guarded_streams
    from cybercase.cli.evidence import ProgressBar
    from cybercase.evidence.stated import Progress

    sink = io.StringIO()
    monkeypatch.setattr(sys, "stderr", sink)
    with guarded_streams():
        bar = ProgressBar()
        bar.tty = True
        bar(Progress(1, 1, 10, 10, f"x{OSC52}.png"))
        print(f"after {OSC52}", file=sys.stderr)
    written = sink.getvalue()
    assert written.startswith("\r[") and "\\x0d" not in written
    assert "after \\x1b]52;c;aGVsbG8=\\x07" in written and "\x1b]52" not in written
