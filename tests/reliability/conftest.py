"""Fixtures of the reliability suite."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.reliability.common import PROPERTY


@pytest.fixture
def report(
    record_property: Callable[[str, object], None], capsys: pytest.CaptureFixture[str]
) -> Callable[[str], None]:
    """Record a count line: shown in the terminal summary (also under xdist) and with -s."""

    def emit(line: str) -> None:
        record_property(PROPERTY, line)
        with capsys.disabled():
            print(f"\n[reliability] {line}")

    return emit
