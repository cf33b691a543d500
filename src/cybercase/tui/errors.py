"""How the app turns an exception into one line for the coordinator (one place)."""

from __future__ import annotations

from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import localize, t
from cybercase.vault.db import translate


def expected_error(error: BaseException) -> CybercaseError | None:
    """The user-facing form of an expected failure, or None for a bug."""
    if isinstance(error, CybercaseError):
        return error
    return translate(error)


def describe(error: BaseException) -> str:
    """One line: the core's message for expected failures, a plain notice for bugs."""
    expected = expected_error(error)
    if expected is not None:
        return localize(expected.message)
    return t("app.internal_error", name=type(error).__name__)
