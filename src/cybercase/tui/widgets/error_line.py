"""An in-place message line for forms: plain text, never markup."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from cybercase.core.i18n import localize
from cybercase.core.termsafe import safe


class ErrorLine(Static):
    DEFAULT_CSS = """
    ErrorLine {
        color: $error;
        height: auto;
        margin: 1 0 0 0;
        display: none;
    }
    ErrorLine.-shown { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def show(self, message: str) -> None:
        """Show ``message`` (a core Msg in the app's language) as plain text."""
        self.update(Text(safe(localize(message), multiline=True)))
        self.set_class(bool(message), "-shown")

    def clear(self) -> None:
        self.show("")

    @property
    def message(self) -> str:
        return str(self.render())
