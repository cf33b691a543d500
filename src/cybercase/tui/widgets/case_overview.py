"""A case's overview: what the case file holds today (grows with the core)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from cybercase.cases.cases import Case, case_protocol
from cybercase.errors import CybercaseError
from cybercase.i18n import get_language, t
from cybercase.timeutil import local_display
from cybercase.vault import Vault


def phase_text(vault: Vault, case: Case) -> str:
    """``2 · Bullying established``: the number and its name in the case's protocol."""
    try:
        phase = case_protocol(vault, case).phase(case.phase)
    except CybercaseError:
        return str(case.phase)
    name = phase.name_nl if get_language() == "nl" else phase.name_en
    return f"{case.phase} · {name}"


def overview_table(case: Case, phase: str) -> Table:
    none = t("case.none")
    rows: list[tuple[str, str]] = [
        (t("case.ref"), case.ref),
        (t("case.case_title"), case.title),
        (t("case.group"), case.group or none),
        (t("case.phase"), phase),
        (t("case.status"), t(f"status.{case.status}")),
        (t("case.created"), t("case.opened_by", when=local_display(case.created_at),
                              who=case.created_by)),
        (t("case.updated"), local_display(case.updated_at)),
    ]
    for label, value in (
        ("case.summary", case.summary),
        ("case.reported_by", case.reported_by),
        ("case.channel", case.channel),
        ("case.reported_on", case.reported_on),
        ("case.triage", case.triage),
    ):
        if value:
            rows.append((t(label), value))
    if case.closed_at:
        rows.append((t("case.closed"), local_display(case.closed_at)))
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
        super().__init__(overview_table(case, phase_text(vault, case)), id=id, markup=False)
        self.case = case
