"""The command palette's building blocks: a command (our name, our help, what it runs, user
text beside it), how a command is shown, and a provider that offers a list of them.

The app offers its own commands (``commands.py``, ``App.COMMANDS``); a screen offers its
own (``Screen.COMMANDS``, e.g. the case screen's actions in ``case/commands.py``). Textual
asks the app's providers and those of the screen the palette was opened on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rich.align import Align
from rich.text import Text
from textual.command import CommandList as OptionsShown
from textual.command import CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from cybercase.core.i18n import t


@dataclass(frozen=True)
class Command:
    name: str  # ours (may hold a case reference)
    help: str  # ours; the palette parses help as markup, so never user text here
    run: Callable[[], object]
    detail: str = ""  # user text (a case title): shown as plain text, never markup


def display(command: Command, offsets: Iterable[int] = ()) -> Text:
    """The palette line as rich Text (the palette does not parse Text as markup)."""
    text = Text(command.name)
    if command.detail:
        text.append("  ")
        text.append(command.detail, style="dim")
    for offset in offsets:
        if offset < len(text.plain) and not text.plain[offset].isspace():
            text.stylize("bold underline", offset, offset + 1)
    return text


class CommandList(Provider):
    """A provider of a list of :class:`Command` (the subclass says which)."""

    def commands(self) -> Iterator[Command]:
        raise NotImplementedError

    async def discover(self) -> Hits:
        for command in self.commands():
            yield DiscoveryHit(display(command), command.run, text=command.name,
                               help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self.commands():
            plain = display(command).plain
            score, offsets = matcher.fuzzy_search.match(query, plain)
            if score > 0:
                yield Hit(score, display(command, offsets), command.run, text=plain,
                          help=command.help)


class Palette(CommandPalette):
    """Textual's command palette with its own texts in the app's language (its placeholder
    and "No matches found" are English constants in Textual)."""

    def __init__(self) -> None:
        super().__init__(placeholder=t("palette.placeholder"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own countdown, with our text (it has no parameter for it)
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(OptionsShown).add_option(Option(
                    Align.center(Text(t("palette.no_matches"), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)
