"""Administration: the school and its contact person, printed on every document (the
handover sheet, the agreement form, the access-export PDF, the police report's cover).

The fields are the core's (``vault.settings``); the core checks them, allows the change
to a coordinator only and logs it. A refusal shows as its one line, in place.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Button, Input, Label, Static

from cybercase.core.i18n import t
from cybercase.tui.admin.section import AdminSection
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.vault.settings import FIELDS, get_settings, set_settings


class SchoolSection(AdminSection):
    DEFAULT_CSS = """
    SchoolSection .field { height: auto; }
    SchoolSection .field Label { width: 22; margin: 1 1 0 0; }
    SchoolSection .field Input { width: 1fr; max-width: 70; }
    """

    def compose(self) -> ComposeResult:
        yield Label(t("admin.school.title"), classes="section-title")
        yield Static(Text(t("admin.school.hint")), classes="hint")
        for name in FIELDS:
            with Horizontal(classes="field"):
                yield Label(t(f"admin.school.{name}"))
                yield Input(id=f"school-{name}", max_length=200)
        with Horizontal(classes="buttons"):
            yield Button(t("admin.school.save"), variant="primary", id="school-save")
        yield Static("", id="school-result", classes="verdict")
        yield ErrorLine(id="problem")

    def reload(self) -> None:
        settings = get_settings(self.vault)
        for name in FIELDS:
            self.query_one(f"#school-{name}", Input).value = getattr(settings, name)

    def focus_main(self) -> None:
        self.query_one(f"#school-{FIELDS[0]}", Input).focus()

    @on(Input.Submitted)
    @on(Button.Pressed, "#school-save")
    def action_save(self) -> None:
        self.problem().clear()
        result = self.query_one("#school-result", Static)
        result.update("")
        values = {name: self.query_one(f"#school-{name}", Input).value for name in FIELDS}
        before = get_settings(self.vault)
        changes = {name: value for name, value in values.items()
                   if value != getattr(before, name)}
        if not changes:
            result.update(Text(t("admin.school.unchanged")))
            return
        try:
            set_settings(self.vault, **changes)
        except Exception as exc:  # the core's one line, in place
            self.show_failure(exc)
            return
        self.reload()
        result.update(Text(t("admin.school.saved"), style="green"))
