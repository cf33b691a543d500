"""What every screen of the app shares: access to the app, its vault and error display."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen

from cybercase.core.errors import UsageError
from cybercase.core.i18n import t
from cybercase.tui.bindings import localize_bindings
from cybercase.vault import Vault

if TYPE_CHECKING:
    from cybercase.tui.settings import AppSettings
    from cybercase.tui.viewer.ocr_background import OcrBackground
    from cybercase.vault.sessions import OpenSession

T = TypeVar("T")


class CaseApp(Protocol):
    """What the screens ask of the app (the app implements it; the screens do not import
    the app): the open vault, the one place that shows errors, and the navigation."""

    vault: Vault | None
    session: OpenSession | None
    demo: bool
    settings: AppSettings
    ocr: OcrBackground

    def show_error(self, error: BaseException | str) -> None: ...

    def open_case(self, ref: str, tab: str | None = None) -> None: ...

    def action_stats(self) -> None: ...

    async def action_privacy(self) -> None: ...

    def action_settings(self) -> None: ...

    def action_admin(self, section: str = "") -> None: ...

    def action_find_account(self, value: str = "") -> None: ...


class AppAccess:
    """Mixin for the app's screens: typed access to the running app (as :class:`CaseApp`), and key
    descriptions in the current language (class-level bindings are made at import time)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        localize_bindings(cast(DOMNode, self))

    @property
    def cyber(self) -> CaseApp:
        return cast(CaseApp, cast(Any, self).app)

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
