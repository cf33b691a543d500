"""evidence.stated.captured_by: the core builds the stored "who captured it" text (the app
passes the kind chosen and the person typed)."""

from __future__ import annotations

import pytest

from cybercase.core.errors import UsageError
from cybercase.evidence.stated import Stated, captured_by


def test_captured_by_kind_and_person() -> None:
    assert captured_by(None) is None
    assert captured_by(None, "mother of Tim") is None
    assert captured_by("parent") == "parent"
    assert captured_by("parent", "   ") == "parent"
    assert captured_by("parent", " mother of Tim ") == "parent: mother of Tim"


def test_captured_by_passes_the_core_check() -> None:
    stated = Stated(captured_by=captured_by("staff", "juf Anouk")).checked()
    assert stated.captured_by == "staff: juf Anouk"
    with pytest.raises(UsageError):
        Stated(captured_by=captured_by("neighbour", "x")).checked()
