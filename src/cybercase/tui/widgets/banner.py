"""The demo banner: says this is the demo vault and shows its passphrase.

The passphrase is text to type, so it is the same in every language (it is English:
"demo vault, not for real cases"); the words around it follow the app's language, and it
is set in bold so that a Dutch reader sees it is the thing to type, not an English remark.
"""

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
        super().__init__(banner_text(), markup=False)


def banner_text() -> Text:
    """The banner's line in the app's language, the passphrase in bold."""
    marker = "@@passphrase@@"  # where it goes: styled, not passed through t()
    before, _, after = t("app.demo_banner", user=DEMO_USER, passphrase=marker).partition(
        marker)
    return Text.assemble(before, (DEMO_PASSPHRASE, "bold"), after)
