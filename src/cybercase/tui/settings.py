"""The app's own preferences (language, theme, auto-lock): a small JSON file.

They hold no personal data and live in the platform's config directory, outside the vault,
so they apply before unlocking. A damaged or hand-edited file falls back to the defaults.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from cybercase.core.i18n import CATALOGUES, language_from_locale
from cybercase.core.paths import config_dir

THEMES = {"dark": "textual-dark", "light": "textual-light"}
DEFAULT_AUTO_LOCK_MINUTES = 10
MAX_AUTO_LOCK_MINUTES = 240


@dataclass
class AppSettings:
    language: str
    theme: str = "dark"
    auto_lock_minutes: int = DEFAULT_AUTO_LOCK_MINUTES

    @classmethod
    def defaults(cls) -> AppSettings:
        return cls(language=language_from_locale())

    @classmethod
    def from_json(cls, data: Any) -> AppSettings:
        settings = cls.defaults()
        if not isinstance(data, dict):
            return settings
        if data.get("language") in CATALOGUES:
            settings.language = data["language"]
        if data.get("theme") in THEMES:
            settings.theme = data["theme"]
        minutes = data.get("auto_lock_minutes")
        if isinstance(minutes, int) and 1 <= minutes <= MAX_AUTO_LOCK_MINUTES:
            settings.auto_lock_minutes = minutes
        return settings


def settings_path() -> Path:
    return config_dir() / "app.json"


def load_settings(path: Path | None = None) -> AppSettings:
    path = path or settings_path()
    try:
        return AppSettings.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return AppSettings.defaults()


def save_settings(settings: AppSettings, path: Path | None = None) -> None:
    """Write atomically (temp file + rename) so a crash never leaves half a file."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(settings), indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)
