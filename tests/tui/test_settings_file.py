"""The app's settings file (plain JSON, no personal data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cybercase.tui.settings import AppSettings, load_settings, save_settings


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "app.json"
    save_settings(AppSettings(language="nl", theme="light", auto_lock_minutes=7), path)
    assert load_settings(path) == AppSettings(language="nl", theme="light",
                                              auto_lock_minutes=7)
    assert not list(path.parent.glob("*.tmp"))


@pytest.mark.parametrize(
    "content",
    ["", "[]", "{not json", json.dumps({"language": "fr", "theme": "pink",
                                        "auto_lock_minutes": 0})],
)
def test_bad_files_fall_back_to_defaults(tmp_path: Path, content: str) -> None:
    path = tmp_path / "app.json"
    path.write_text(content)
    assert load_settings(path) == AppSettings.defaults()


def test_missing_file_gives_defaults_from_the_locale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LC_ALL", "nl_NL.UTF-8")
    settings = load_settings(tmp_path / "none.json")
    assert settings == AppSettings(language="nl", theme="dark", auto_lock_minutes=10)
