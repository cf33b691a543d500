"""What this installation runs on (``cybercase about``): versions, system, detectors."""

from __future__ import annotations

import importlib.metadata
import platform
import sys

from cybercase import __version__
from cybercase.core import oslayer


def facts() -> dict[str, str]:
    """Name -> value, in display order."""
    from cybercase.evidence import sniff
    from cybercase.vault import db

    return {
        "cybercase": __version__,
        "python": f"{platform.python_version()} ({platform.python_implementation()})",
        "platform": f"{platform.platform()} ({sys.platform}, {platform.machine()})",
        "sqlcipher": db.sqlcipher_version(),
        "file types": sniff.detector(),
        "iPhone photos (HEIC)": _package("pillow-heif"),
        "videos (MP4, MOV, 3GP)": _package("av", "PyAV"),
        "file locks": oslayer.lock_kind(),
        "portability test mode": "on" if oslayer.portability_test() else "off",
    }


def _package(name: str, shown: str | None = None) -> str:
    """A reader's name and version, or that it is missing (the files are then stored and
    flagged or noted, never refused)."""
    try:
        return f"{shown or name} {importlib.metadata.version(name)}"
    except importlib.metadata.PackageNotFoundError:
        return "not installed: stored without reading"
