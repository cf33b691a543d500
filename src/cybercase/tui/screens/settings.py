"""Settings: language, theme, auto-lock minutes. Returns the new AppSettings or None."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select

from cybercase.core.i18n import LANGUAGES, t
from cybercase.tui.settings import MAX_AUTO_LOCK_MINUTES, THEMES, AppSettings
from cybercase.tui.widgets.base import PlainModal
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.frame import FormKeys, foot, save_label


class SettingsModal(FormKeys, PlainModal[AppSettings | None]):
    BINDINGS: ClassVar[list[BindingType]] = FormKeys.FORM_BINDINGS

    def __init__(self, current: AppSettings) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="settings", can_focus=False):
            yield Label(t("settings.title"), classes="form-title")
            yield Label(t("settings.language"))
            yield Select([(Text(name), code) for code, name in LANGUAGES.items()],
                         value=self.current.language, allow_blank=False, id="language")
            yield Label(t("settings.theme"))
            yield Select([(Text(t(f"settings.theme.{name}")), name) for name in THEMES],
                         value=self.current.theme, allow_blank=False, id="theme")
            yield Label(t("settings.autolock"))
            yield Input(str(self.current.auto_lock_minutes), id="autolock", type="integer")
            with foot():
                yield ErrorLine(id="error")
                with Horizontal(classes="buttons"):
                    yield Button(save_label("settings.save"), variant="primary", id="save")
                    yield Button(t("settings.cancel"), id="cancel")

    def on_mount(self) -> None:
        self.query_one("#language", Select).focus()
        self.call_after_refresh(self.remember_values)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        self.enter_in(event.input)

    def save_form(self) -> None:
        self.save()

    @on(Button.Pressed, "#save")
    def save(self) -> None:
        language = self.query_one("#language", Select).value
        theme = self.query_one("#theme", Select).value
        text = self.query_one("#autolock", Input).value.strip()
        minutes = int(text) if text.isdigit() else 0
        if not 1 <= minutes <= MAX_AUTO_LOCK_MINUTES:
            self.query_one(ErrorLine).show(t("settings.autolock.bad"))
            return
        assert isinstance(language, str) and isinstance(theme, str)
        self.dismiss(AppSettings(language=language, theme=theme, auto_lock_minutes=minutes))

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.close_form()
