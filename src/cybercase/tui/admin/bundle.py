"""Administration: check a police bundle (format, completeness, hashes, signature, key)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import (
    Button,
    Input,
    Label,
    LoadingIndicator,
    Static,
)

from cybercase.core.errors import CybercaseError, UsageError
from cybercase.core.i18n import localize, t
from cybercase.core.termsafe import safe
from cybercase.export.bagit import Problem
from cybercase.export.bundlecheck import (
    BundleCheck,
    bundle_encrypted,
    check_bundle,
    normal_fingerprint,
)
from cybercase.tui.admin.section import BusySection
from cybercase.tui.paste import typed_path
from cybercase.tui.widgets.error_line import ErrorLine
from cybercase.tui.widgets.virtual_table import (
    Column,
    EmptySource,
    ListSource,
    Row,
    VirtualTable,
)

# what check_bundle checks (shown as passed when it found no problem); "key" only when
# an expected fingerprint was given
BUNDLE_CHECKS = ("format", "complete", "hashes", "lists", "signature", "key")


def bundle_rows(check: BundleCheck) -> list[Row]:
    if not check.problems:
        return [Row(name, (Text(t("admin.bundle.passed"), style="green"), Text(""),
                           Text(t(f"admin.bundle.check.{name}"))))
                for name in BUNDLE_CHECKS if name != "key" or check.key_matches]
    return [Row(p, (Text(p.kind.upper(), style="bold red"), Text(safe(p.path)),
                    Text(safe(localize(p.message)))))
            for p in check.problems]


def bundle_verdict(check: BundleCheck) -> Text:
    """The verdict, and the two values computed here (never read from the bundle)."""
    computed = t("admin.bundle.computed", sha=check.sha256,
                 fingerprint=check.fingerprint or "-")
    if check.problems:
        text = Text(t("admin.bundle.failed", n=len(check.problems)), style="bold red")
        text.append("\n" + computed)
        return text
    info = {k: safe(v) for k, v in check.info.items()}
    text = Text(t("admin.bundle.ok_key" if check.key_matches else "admin.bundle.ok",
                  ref=info.get("External-Identifier", "?"),
                  school=info.get("Source-Organization", "?"),
                  date=info.get("Bagging-Date", "?")), style="bold green")
    text.append("\n" + computed)
    return text


class BundleSection(BusySection):
    DEFAULT_CSS = """
    BundleSection .pair { height: auto; }
    BundleSection .pair > Vertical { width: 1fr; height: auto; margin: 0 1 0 0; }
    """
    GROUP = "admin-bundle"
    result: BundleCheck | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text(t("admin.bundle.hint")), classes="hint")
        yield Label(t("admin.bundle.field.path"))
        yield Input(id="bundle-path", placeholder=t("admin.bundle.path_placeholder"))
        with Horizontal(classes="pair"):
            with Vertical():
                yield Label(t("admin.bundle.field.passphrase"))
                yield Input(id="bundle-pass", password=True)
            with Vertical():
                yield Label(t("admin.bundle.field.expect"))
                yield Input(id="bundle-expect",
                            placeholder="XXXX XXXX XXXX XXXX XXXX XXXX XXXX XXXX")
        with Horizontal(classes="buttons"):
            yield Button(t("admin.bundle.run"), variant="primary", id="run-bundle")
        yield LoadingIndicator(id="busy")
        yield Static("", id="bundle-verdict", classes="verdict")
        yield VirtualTable([
            Column("result", t("admin.verify.col.result"), 18),
            Column("file", t("admin.bundle.col.file"), 28),
            Column("what", t("admin.verify.col.what")),
        ], id="bundle-table", zebra=False)
        yield Static("", id="bundle-detail", classes="detail")
        yield ErrorLine(id="problem")

    def focus_main(self) -> None:
        self.query_one("#bundle-path", Input).focus()

    @on(VirtualTable.Highlighted, "#bundle-table")
    def _highlighted(self, event: VirtualTable.Highlighted) -> None:
        key = event.key
        self.query_one("#bundle-detail", Static).update(
            Text(safe(f"{key.kind}: {key.path}: {localize(key.message)}"))
            if isinstance(key, Problem) else "")

    @on(Input.Submitted, "#bundle-path, #bundle-pass, #bundle-expect")
    @on(Button.Pressed, "#run-bundle")
    def action_check(self) -> None:
        if self.busy:
            return
        self._clear_result()
        passphrase = self.query_one("#bundle-pass", Input).value
        expect = self.query_one("#bundle-expect", Input).value.strip() or None
        try:
            path = self._path()
            if expect is not None:
                normal_fingerprint(expect)  # a typo: said here, before the work
            encrypted = bundle_encrypted(path)  # not a file, not a ZIP: said here
        except CybercaseError as exc:
            self.problem().show(exc.message)
            return
        if encrypted and not passphrase:
            self.problem().show(t("admin.bundle.need_pass"))
            self.query_one("#bundle-pass", Input).focus()
            return
        if self.start():
            self.query_one("#bundle-verdict", Static).update(Text(t("admin.bundle.running")))
            self._check(path, passphrase if encrypted else None, expect)

    def _path(self) -> Path:
        typed = typed_path(self.query_one("#bundle-path", Input).value)
        if not typed:
            raise UsageError(t("admin.bundle.no_path"))
        path = Path(typed).expanduser()
        if not path.is_absolute():
            raise UsageError(t("admin.backup.absolute"))
        return path

    def _clear_result(self) -> None:
        self.result = None
        self.query_one("#bundle-verdict", Static).update("")
        self.query_one("#bundle-detail", Static).update("")
        self.query_one(VirtualTable).set_source(EmptySource())

    @work(thread=True, exclusive=True, group="admin-bundle", exit_on_error=False)
    def _check(self, path: Path, passphrase: str | None, expect: str | None) -> BundleCheck:
        return check_bundle(path, passphrase, expect)

    def finished(self, result: Any) -> None:
        assert isinstance(result, BundleCheck)
        self.result = result
        self.query_one("#bundle-verdict", Static).update(bundle_verdict(result))
        table = self.query_one(VirtualTable)
        table.set_source(ListSource(bundle_rows(result), lambda row: row))
        table.focus()

    def failed(self) -> None:
        self.query_one("#bundle-verdict", Static).update("")
        self.focus_main()
