"""What every screen of the app shares: access to the app, its vault and error display."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar, cast

from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from cybercase.errors import UsageError
from cybercase.i18n import t
from cybercase.tui.bindings import localize_bindings
from cybercase.vault import Vault

if TYPE_CHECKING:
    from cybercase.tui.app import CybercaseApp

T = TypeVar("T")


class AppAccess:
    """Mixin for the app's screens: typed access to the running CybercaseApp, and key
    descriptions in the current language (class-level bindings are made at import time)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        localize_bindings(cast(DOMNode, self))

    @property
    def cyber(self) -> CybercaseApp:
        from cybercase.tui.app import CybercaseApp

        app = cast(Any, self).app
        assert isinstance(app, CybercaseApp)
        return app

    @property
    def vault(self) -> Vault:
        vault = self.cyber.vault
        if vault is None:
            raise UsageError(t("app.not_unlocked"))
        return vault


class VaultScreen(AppAccess, Screen[None]):
    """A full screen that shows decrypted data: removed when the vault locks."""


class VaultModal(AppAccess, ModalScreen[T]):
    """A dialog that shows or edits decrypted data: removed when the vault locks."""


class PlainModal(AppAccess, ModalScreen[T]):
    """A dialog without vault data (help, settings)."""
