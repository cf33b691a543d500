"""The demo banner: says this is the demo vault and shows its passphrase."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from cybercase.core.i18n import t
from cybercase.demo import DEMO_PASSPHRASE, DEMO_USER


class DemoBanner(Static):
    DEFAULT_CSS = """
    DemoBanner {
        background: $warning 30%;
        color: $text;
        padding: 0 1;
        height: 1;
    }
    """

    def __init__(self) -> None:
        super().__init__(self._text(), markup=False)

    @staticmethod
    def _text() -> Text:
        return Text(t("app.demo_banner", user=DEMO_USER, passphrase=DEMO_PASSPHRASE))
