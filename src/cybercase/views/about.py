"""What this installation runs on (``cybercase about``): versions, system, detectors."""

from __future__ import annotations

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
        "file locks": oslayer.lock_kind(),
        "portability test mode": "on" if oslayer.portability_test() else "off",
    }
