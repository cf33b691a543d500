"""Labels and pickers shared by the case's dialogs (accounts, referrals, police,
agreements, the access export): people, evidence and accounts as plain text, and the
evidence picker.

Names and other user text are shown as plain text, never markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import (
    Input,
    SelectionList,
    Static,
)

from cybercase.cases.people import PARENT_ROLES, Person
from cybercase.core.errors import UsageError
from cybercase.core.i18n import t
from cybercase.cyber import accounts as accounts_core
from cybercase.evidence.items import Item, count_items, page_items, parse_id
from cybercase.protocol.schema import Protocol
from cybercase.tui.widgets.base import VaultModal
from cybercase.tui.widgets.forms import named, options
from cybercase.vault import Vault

RECENT_EVIDENCE = 200  # the newest items offered for linking; older ones are typed by number


# --- labels shared by the panes and the dialogs -------------------------------------------


def person_label(person: Person) -> str:
    """``Tim (pupil, 7b, 11)``: enough to tell two people with one name apart."""
    bits = [t(f"people.kind.{person.kind}")]
    if person.group:
        bits.append(person.group)
    age = person.age()
    if age is not None:
        bits.append(t("cyber.age", age=age))
    return f"{person.name} ({', '.join(bits)})"


def people_options(people: Iterable[Person],
                   pupils_only: bool = False) -> list[tuple[Text, object]]:
    """Pupils first, then parents and staff (unless ``pupils_only``)."""
    chosen = [p for p in people if p.kind == "pupil" or not pupils_only]
    chosen.sort(key=lambda p: (p.kind != "pupil", p.id))
    return options([(person_label(p), p.id) for p in chosen])


def role_options(protocol: Protocol, kind: str) -> list[tuple[str, object]]:
    """The roles a person of ``kind`` can have (pupil and staff roles from the protocol)."""
    if kind == "pupil":
        return [(named(r), r.key) for r in protocol.case_roles]
    if kind == "staff":
        return [(named(r), r.key) for r in protocol.staff_roles]
    return [(t(f"people.parent_role.{r}"), r) for r in PARENT_ROLES]


def evidence_label(item: Item) -> Text:
    text = Text(f"#{item.id} ", style="bold")
    text.append(item.original_name)
    description = str(item.stated.get("description") or "").replace("\n", " ")
    if description:
        text.append(" · " + description, style="dim")
    if item.withdrawn:
        text.append(" (" + t("evidence.state.withdrawn") + ")", style="dim")
    return text


def account_label(acc: accounts_core.Account) -> str:
    return t("accounts.label", handle=acc.handle, platform=acc.platform)


def size_dialog(screen: VaultModal[Any], width: int | str,
                height: int | str | None = None) -> None:
    """Size the dialog box (the app's stylesheet sets .dialog and wins over DEFAULT_CSS)."""
    box = screen.query_one(".dialog")
    box.styles.width = width
    if height is not None:
        box.styles.height = height


def choose(message_key: str) -> UsageError:
    """A form's own one-line error (nothing chosen), shown in place like the core's."""
    return UsageError(t(message_key))


def choose_value(message_key: str, value: str) -> UsageError:
    return UsageError(t(message_key, value=value))


# --- evidence of the case, to link -------------------------------------------------------


class EvidencePicker(Vertical):
    """The case's newest evidence items to tick; with more items, a field for the numbers
    of older ones (a case may hold 50,000 items: they are never all listed)."""

    DEFAULT_CSS = """
    EvidencePicker { height: auto; }
    EvidencePicker SelectionList { height: auto; max-height: 8; }
    EvidencePicker .hint { margin: 0; }
    """

    def __init__(self, vault: Vault, ref: str, exclude: Iterable[int] = (), *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        skip = set(exclude)
        total = count_items(vault, ref)
        start = max(0, total - RECENT_EVIDENCE)
        newest = page_items(vault, ref, start, RECENT_EVIDENCE)
        self.items = [i for i in reversed(newest) if i.id not in skip]
        self.more = start > 0
        self.total = total

    def compose(self) -> ComposeResult:
        if not self.items and not self.more:
            key = "cyber.evidence.all_linked" if self.total else "cyber.evidence.none"
            yield Static(Text(t(key)), classes="hint")
            return
        if self.items:
            yield SelectionList[int](*((evidence_label(i), i.id) for i in self.items),
                                     classes="evidence-list")
        if self.more:
            yield Input(classes="evidence-ids", placeholder=t("cyber.evidence.more"))

    def selected(self) -> list[int]:
        """The ticked items, then the numbers typed (a typed number that is not a number is
        a one-line error; one of another case is refused by the core)."""
        chosen: list[int] = []
        for found in self.query(SelectionList):
            chosen += [int(v) for v in found.selected]
        for field in self.query(Input):
            for word in re.split(r"[\s,;]+", field.value.strip()):
                if word:
                    try:
                        number = parse_id(word.lstrip("#"))
                    except UsageError:
                        raise choose_value("cyber.evidence.bad_number", word) from None
                    if number not in chosen:
                        chosen.append(number)
        return chosen

def account_selection(vault: Vault, ref: str, chosen: Iterable[int] = ()) -> ComposeResult:
    """The case's accounts to tick (nothing when the case has none)."""
    found = accounts_core.list_accounts(vault, ref)
    if not found:
        return
    ticked = set(chosen)
    yield SelectionList[int](*((Text(account_label(a)), a.id, a.id in ticked) for a in found),
                             id="accounts", classes="account-list")
