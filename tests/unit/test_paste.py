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
