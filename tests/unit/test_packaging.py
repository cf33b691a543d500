"""The wheel carries every package and the assets, so an installed cybercase finds them."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"][
        "packages"
    ])
    found = {
        ".".join(p.parent.relative_to(ROOT / "src").parts)
        for p in (ROOT / "src" / "cybercase").rglob("__init__.py")
    }
    assert found - listed == set(), "add these to [tool.setuptools] packages"


def test_wheel_contains_assets(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    wheel = next(tmp_path.glob("cybercase-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assets = [p for p in (ROOT / "assets").rglob("*") if p.is_file()]
    for asset in assets:
        assert f"cybercase/assets/{asset.relative_to(ROOT / 'assets').as_posix()}" in names
    assert "cybercase/py.typed" in names
    assert "cybercase/vault/migrations/m0001_core.py" in names
    for language in ("en", "nl"):  # the compiled message catalogues
        assert f"cybercase/locale/{language}/LC_MESSAGES/cybercase.mo" in names
