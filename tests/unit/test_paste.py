"""Pasted or dropped file paths, as different terminals send them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cybercase.tui.paste import pasted_paths


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    a = tmp_path / "screen shot 1.png"
    b = tmp_path / "it's.jpg"
    a.write_bytes(b"x")
    b.write_bytes(b"y")
    return a, b


def test_quoted_escaped_and_uri_forms(files: tuple[Path, Path]) -> None:
    a, b = files
    quoted = f"'{a}' \"{b}\""
    escaped = str(a).replace(" ", "\\ ") + " " + str(b).replace("'", "\\'")
    uri = "file://" + str(a).replace(" ", "%20") + "\n" + "file://localhost" + str(b)
    for pasted in (quoted, escaped, uri, f"{a}\n{b}\n"):
        assert pasted_paths(pasted) == [str(a), str(b)], pasted


def test_unquoted_path_with_spaces_on_its_own_line(files: tuple[Path, Path]) -> None:
    a, _ = files
    assert pasted_paths(f"{a}\r\n") == [str(a)]


def test_home_is_expanded() -> None:
    assert pasted_paths("~/x.png") == [os.path.expanduser("~/x.png")]


@pytest.mark.parametrize("text", [
    "", "  ", "hello world", "you [/] idiot", "relative/path.png", "/a/b 'unbalanced",
    "file://otherhost/etc/passwd", "/tmp/x.png and some words",
])
def test_ordinary_text_is_not_paths(text: str) -> None:
    assert pasted_paths(text) == []


# --- Windows forms, parsed on every system (issue #16) ------------------------------------


@pytest.mark.parametrize(("pasted", "expected"), [
    (r"C:\Users\anna\Downloads\chat.png", [r"C:\Users\anna\Downloads\chat.png"]),
    (r'"C:\Users\anna\My Pictures\chat 1.png"', [r"C:\Users\anna\My Pictures\chat 1.png"]),
    (r'"C:\a b\one.png" D:\two.jpg', [r"C:\a b\one.png", r"D:\two.jpg"]),
    (r"C:\Users\anna\chat 1.png", [r"C:\Users\anna\chat 1.png"]),  # spaces, no quotes
    (r"\\server\share\klas 7b\x.png", [r"\\server\share\klas 7b\x.png"]),
    (r'"\\server\share\a.png" "\\server\share\b.png"',
     [r"\\server\share\a.png", r"\\server\share\b.png"]),
    ("file:///C:/Users/anna/chat%201.png", [r"C:\Users\anna\chat 1.png"]),
    ("C:/Users/anna/chat.png", [r"C:\Users\anna\chat.png"]),
    ("C:\\Users\\anna\\a.png\r\nC:\\Users\\anna\\b.png\r\n",
     [r"C:\Users\anna\a.png", r"C:\Users\anna\b.png"]),
])
def test_windows_forms(pasted: str, expected: list[str]) -> None:
    assert pasted_paths(pasted) == expected


@pytest.mark.parametrize("text", [
    r'"C:\Users\anna\chat.png', r'C:\x.png "half', "C: drive is full", r"C:relative\x.png",
    r'"C:\a.png" and words',
])
def test_windows_like_text_is_not_paths(text: str) -> None:
    assert pasted_paths(text) == []


def test_posix_double_slash_stays_posix() -> None:
    assert pasted_paths("//srv/x.png") == ["//srv/x.png"]


def test_typed_path_one_quoting_rule_for_every_path_field() -> None:
    from cybercase.tui.paste import typed_path

    assert typed_path('  "/tmp/my chat.png"  ') == "/tmp/my chat.png"
    assert typed_path("'/tmp/my chat.png'") == "/tmp/my chat.png"
    assert typed_path('"C:\\Users\\anna\\rapport.pdf"') == "C:\\Users\\anna\\rapport.pdf"
    assert typed_path("/tmp/plain.pdf") == "/tmp/plain.pdf"
    assert typed_path("file:///tmp/a%20b.pdf") == "/tmp/a b.pdf"
    assert typed_path("~/x.pdf") == os.path.expanduser("~/x.pdf")
    assert typed_path("\"/tmp/half.pdf") == "\"/tmp/half.pdf"  # unmatched: left as typed
    assert typed_path("  ") == ""
