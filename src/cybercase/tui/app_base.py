"""The app's side towards the terminal: the one place for errors (a one-line notice for an
expected failure, never a traceback with local variables, which may hold passphrases or
case data), the hang-up signals, and the keys: one at a time, in line (``typeahead.py``),
stray letters after typing in a field dropped (``keyguard.py``)."""

from __future__ import annotations

import os
import signal
from contextlib import suppress
from typing import Any

from rich.text import Text
from textual import events

from cybercase.core.i18n import localize, t
from cybercase.tui.errors import describe, expected_error
from cybercase.tui.keyguard import KeyGuard
from cybercase.tui.termsafe import TerminalSafeApp
from cybercase.tui.typeahead import TypeAhead


class TerminalApp(TerminalSafeApp):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.keys = KeyGuard(self)
        self.typeahead = TypeAhead(self, self._handle_key)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key) and not event.is_forwarded:
            await self.typeahead.key(event)  # after the key before it has been handled
            return
        await super().on_event(event)

    async def _handle_key(self, event: events.Key) -> None:
        if self.keys.stray(event):
            event.stop()
            event.prevent_default()
            return
        await super().on_event(event)

    def _catch_hangups(self) -> None:
        """SIGHUP (the terminal or SSH connection went away) and SIGTERM: close the vault
        and stop, instead of dying with it open or running on without a user."""
        import asyncio

        loop = asyncio.get_running_loop()
        for name in ("SIGHUP", "SIGTERM"):
            number = getattr(signal, name, None)
            if number is not None:
                with suppress(NotImplementedError, RuntimeError):  # Windows' event loop
                    loop.add_signal_handler(number, self.input_ended)

    def input_ended(self) -> None:
        raise NotImplementedError

    def show_error(self, error: BaseException | str) -> None:
        message = localize(error) if isinstance(error, str) else describe(error)
        self.notify(message, title=t("app.error"), severity="error", markup=False)

    def _handle_exception(self, error: Exception) -> None:
        # An expected failure (a CybercaseError, a database error) that escaped a handler:
        # one line on screen, and the app goes on.
        if expected_error(error) is not None and self.is_running:
            self.show_error(error)
            return
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        # Textual's default prints a traceback with local variables, which may hold
        # passphrases or decrypted case data; print one line unless debugging.
        if os.environ.get("CYBERCASE_DEBUG"):
            super()._fatal_error()
            return
        self.bell()
        error = self._exception
        name = type(error).__name__ if error is not None else "error"
        self._exit_renderables.append(Text(
            "cybercase: " + t("app.internal_error", name=name)
            + " (CYBERCASE_DEBUG=1 shows the details)"
        ))
        self._close_messages_no_wait()

