"""A case's overview: what the case file holds today (grows with the core)."""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cybercase.cases.cases import Case, case_protocol
from cybercase.core.dutchdates import app_moment
from cybercase.core.errors import CybercaseError
from cybercase.core.i18n import get_language, t
from cybercase.protocol.schema import Named
from cybercase.vault import Vault
from cybercase.views.activity import case_last_activity


def shown(moment: str) -> str:
    """A stored moment or day as the app shows it ("3 december 2026, 08:43")."""
    return app_moment(moment, get_language())


def phase_text(vault: Vault, case: Case, number: int | None = None) -> str:
    """``Fase 2: Pesten vastgesteld``: the number and its name in the case's protocol
    (the case's phase, or phase ``number``)."""
    number = case.phase if number is None else number
    try:
        phase = case_protocol(vault, case).phase(number)
    except CybercaseError:
        return t("newcase.phase_option", phase=number, name="").rstrip(": ")
    name = phase.name_nl if get_language() == "nl" else phase.name_en
    return t("newcase.phase_option", phase=number, name=name)


def protocol_names(vault: Vault, case: Case) -> tuple[dict[str, str], dict[str, str]]:
    """Reporting channels and triage outcomes by key, named in the app's language (the
    case stores the protocol's keys)."""
    try:
        protocol = case_protocol(vault, case)
    except CybercaseError:
        return {}, {}
    dutch = get_language() == "nl"

    def named(entries: Sequence[Named]) -> dict[str, str]:
        return {e.key: e.name_nl if dutch else e.name_en for e in entries}

    return named(protocol.channels), named(protocol.triage_outcomes)


def overview_table(vault: Vault, case: Case) -> Table:
    phase = phase_text(vault, case)
    channels, outcomes = protocol_names(vault, case)
    none = t("case.none")
    rows: list[tuple[str, str]] = [
        (t("case.ref"), case.ref),
        (t("case.case_title"), case.title),
        (t("case.group"), case.group or none),
        (t("case.phase"), phase),
        (t("case.status"), t(f"status.{case.status}")),
        (t("case.created"), t("case.opened_by", when=shown(case.created_at),
                              who=case.created_by)),
        (t("case.updated"), shown(case_last_activity(vault, case.ref) or case.updated_at)),
    ]
    for label, value in (
        ("case.summary", case.summary),
        ("case.reported_by", case.reported_by),
        ("case.channel", channels.get(case.channel or "", case.channel)),
        ("case.reported_on", shown(case.reported_on) if case.reported_on else None),
        ("case.triage", outcomes.get(case.triage or "", case.triage)),
    ):
        if value:
            rows.append((t(label), value))
    if case.closed_at:
        rows.append((t("case.closed"), shown(case.closed_at)))
    if case.reopened_at:
        rows.append((t("case.reopened"), t("case.reopened_why", when=shown(case.reopened_at),
                                           reason=case.reopen_reason or "")))
    if case.voided_at:
        rows.append((t("case.voided"), t("case.voided_why", when=shown(case.voided_at),
                                         who=case.voided_by or "",
                                         reason=case.void_reason or "")))
    if case.outcome:
        rows.append((t("case.outcome"), case.outcome))
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for label, value in rows:
        table.add_row(Text(label), Text(value))
    return table


class CaseOverview(Static):
    DEFAULT_CSS = """
    CaseOverview { padding: 1 2; height: auto; }
    """

    def __init__(self, vault: Vault, case: Case, *, id: str | None = None) -> None:
        super().__init__(overview_table(vault, case), id=id, markup=False)
        self.case = case
