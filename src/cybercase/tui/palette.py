"""The command palette's building blocks: a command (our name, our help, what it runs, user
text beside it), how a command is shown, and a provider that offers a list of them.

The app offers its own commands (``commands.py``, ``App.COMMANDS``); a screen offers its
own (``Screen.COMMANDS``, e.g. the case screen's actions in ``case/commands.py``). Textual
asks the app's providers and those of the screen the palette was opened on.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rich.text import Text
from textual.command import DiscoveryHit, Hit, Hits, Provider


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
