"""The full-screen app (Textual). The only package that imports textual.

The layout, by feature (each module at most 400 lines; no import circle, checked by
tests/unit/test_tui_structure.py):

- ``app.py``: the router (which screen shows, locking, settings, the one place that shows
  errors); ``commands.py``: the app's commands in the palette; ``palette.py``: its parts.
- ``case/``: the case screen (``screen.py``), one module per tab with its dialogs beside it
  (``people.py``, ``evidence.py`` + ``evidence_dialogs.py``, ``accounts.py`` +
  ``accounts_dialogs.py``, ...), and the case's palette commands (``commands.py``,
  ``CaseScreen.COMMANDS``).
- ``admin/``: the administration screen (F3), one module per section, listed in
  ``admin/screen.py``.
- ``dashboard/``: the dashboard and what opens from it (new case, agenda, figures, privacy).
- ``screens/``: the screens around the vault (unlock, create, restore, help, settings).
- ``widgets/``: shared widgets and the screen and dialog bases (``base.py``, ``forms.py``).

Screens reach the app through the :class:`~cybercase.tui.widgets.base.CaseApp` protocol and
messages, never by importing it; the core does the reading and writing (no SQL here). The
app never blocks on the vault: long work runs in thread workers on a connection of their
own (``Vault.sibling``), and a dialog that would wait for the write lock saves in a worker
with a bounded wait (``widgets/forms.py``).
"""
