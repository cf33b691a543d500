"""One exception root for every expected failure.

The core raises these with a message a coordinator understands (what is wrong, what to do).
The faces (CLI, app) decide how to show them; the CLI maps ``exit_code`` to its exit status.
"""

from __future__ import annotations


class CybercaseError(Exception):
    """An expected failure with a one-line message for the user."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class PartialFailure(CybercaseError):
    """Done in part, or a verification found problems (exit 1)."""

    exit_code = 1


class UsageError(CybercaseError):
    """Bad usage or bad input: unknown case, missing file, invalid value (exit 2)."""

    exit_code = 2


class NotFound(UsageError):
    """Something named by the user does not exist (exit 2)."""


class VaultMissing(UsageError):
    """There is no vault at the given place (exit 2)."""


class UnlockError(CybercaseError):
    """Unknown user or wrong passphrase (exit 3)."""

    exit_code = 3


class VaultBusy(CybercaseError):
    """The vault is in use or locked by another process (exit 4)."""

    exit_code = 4


class PermissionDenied(CybercaseError):
    """Not allowed for this user's role (exit 5)."""

    exit_code = 5


class VaultCorrupt(CybercaseError):
    """The key file or the database is damaged or was tampered with (exit 1)."""

    exit_code = 1
