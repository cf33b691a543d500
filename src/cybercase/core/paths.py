"""Where vaults, configuration and shipped assets live."""

from __future__ import annotations

import os
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

import platformdirs

APP_NAME = "cybercase"


def data_dir() -> Path:
    """The platform's per-user data directory for cybercase."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The platform's per-user configuration directory for cybercase."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_vault_dir() -> Path:
    """``CYBERCASE_VAULT`` if set, else ``<user data dir>/vault``."""
    env = os.environ.get("CYBERCASE_VAULT")
    if env:
        return Path(env).expanduser()
    return data_dir() / "vault"


def demo_vault_dir() -> Path:
    """Where ``cybercase demo`` keeps its demo vault."""
    return data_dir() / "demo-vault"


def assets() -> Traversable:
    """The assets shipped inside the package (protocol templates, demo data)."""
    return resources.files("cybercase.assets")
