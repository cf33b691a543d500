"""ruff and mypy (strict) are part of the suite, so the README's one test command checks them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "src", "tests", "benchmarks"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("platform", [None, "win32", "darwin"])
def test_mypy_strict_clean(platform: str | None) -> None:
    """Strict mypy here, and as if on Windows and on macOS: the type checker then knows
    which os/fcntl/msvcrt calls exist there, so a Linux-only call outside the OS seam's
    platform checks fails the suite (issue #16)."""
    extra = [] if platform is None else ["--platform", platform,
                                         "--cache-dir", str(ROOT / ".mypy_cache" / platform)]
    result = subprocess.run(
        [sys.executable, "-m", "mypy", *extra], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
