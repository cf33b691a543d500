"""Keys typed ahead of a dialog reach the dialog (issue 20).

Textual hands a key to the widget that has the focus *when the key is read*, and the
widget handles it later, from its own queue. Someone who presses ``a`` (add a person)
and types the name at once therefore sends the name's letters to the list under the
dialog: they were handed out before ``a`` had opened anything, and a letter there is a
shortcut ("e" opened the roles of the person under the cursor).

:class:`TypeAhead` puts the keys in a line: a key is handed out only when the one before
it has been handled all the way (by the focused widget, its parents, the screen and the
app's bindings) and, when that key opened or closed a screen, when the new top screen is
mounted, has put the focus on a field and has had its first refresh (a dialog may move
the focus from the first field to another then). Keys that arrive meanwhile wait, in
order, and then go where the focus is: the name typed after ``a`` lands in the dialog's
name field, nothing is lost and nothing reaches the screen below. The wait is bounded
(:data:`LIMIT`): a screen that never takes the focus does not swallow the keyboard.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from textual import events
from textual.dom import DOMNode

LIMIT = 1.5  # seconds a key may wait for the one before it (and a new screen)
POLL = 0.02  # seconds between looks at a screen that is still mounting

Deliver = Callable[[events.Key], Awaitable[None]]


def _chain(node: DOMNode | None) -> list[DOMNode]:
    """The nodes a key handed to ``node`` passes through, up to (not including) the app."""
    nodes: list[DOMNode] = []
    while node is not None and node.parent is not None:  # the app has no parent
        nodes.append(node)
        node = node.parent
    return nodes


def ready(screen: Any) -> bool:
    """A screen takes keys once it is mounted and its focus is placed (if it has a place
    for it)."""
    if not screen.is_mounted:
        return False
    return screen.focused is not None or not screen.focus_chain


class TypeAhead:
    """One key at a time: the app hands each key out through :meth:`key`."""

    def __init__(self, app: Any, deliver: Deliver) -> None:
        self.app = app
        self.deliver = deliver  # hands a key out (the app's own event handling)
        self.waiting: deque[events.Key] = deque()
        self.busy_since: float | None = None  # a key is being handled since then
        self._screen: object = None  # the top screen when that key was handed out
        self._turn = 0  # which key the callbacks in flight belong to
        self._settled = False  # the new screen has had its first refresh

    @property
    def busy(self) -> bool:
        if self.busy_since is None:
            return False
        return time.monotonic() - self.busy_since < LIMIT

    async def key(self, event: events.Key) -> None:
        """A key read from the terminal: handed out now, or after the ones before it."""
        if self.busy:
            self.waiting.append(event)
            return
        # (a key that waited too long for the one before it: the ones before it go first)
        while self.waiting:
            await self.deliver(self.waiting.popleft())
        await self._send(event)

    async def _send(self, event: events.Key) -> None:
        self._turn += 1
        turn = self._turn
        self.busy_since = time.monotonic()
        self._screen = self.app.screen
        self._settled = False
        nodes = _chain(self.app.focused or self.app.screen)
        await self.deliver(event)
        self._follow(nodes, turn)

    def _follow(self, nodes: list[DOMNode], turn: int) -> None:
        """Wait for the key to pass each node: a callback queued behind it on each, in turn
        (a key that goes on to the parent is queued there before the callback on the
        child runs), and last on the app, where the bindings run."""
        while nodes:
            node = nodes.pop(0)
            if node.call_later(self._follow, nodes, turn):
                return
        self.app.call_later(self._handled, turn)

    async def _handled(self, turn: int) -> None:
        if turn != self._turn:  # a key given up on (LIMIT): a later one has the line
            return
        screen = self.app.screen
        if screen is not self._screen and self.busy:
            if not ready(screen):
                self.app.set_timer(POLL, partial(self._handled, turn))
                return
            if not self._settled:
                # mounted and focused, but a dialog may move the focus on from the first
                # field Textual chose (to its date, say), through the app's queue after
                # its first refresh: a key handed out before that goes to the wrong field
                self._settled = True
                screen.call_after_refresh(partial(self.app.call_later, self._handled, turn))
                return
        self.busy_since = None
        if self.waiting:
            await self._send(self.waiting.popleft())


__all__ = ["LIMIT", "TypeAhead", "ready"]
