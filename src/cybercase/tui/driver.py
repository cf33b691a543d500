"""The terminal driver for Linux and macOS: Textual's, plus an end to input.

Textual's input thread treats an empty read as "nothing this time" and selects again: when
the terminal has gone (an SSH client that went away, a closed pty) stdin stays readable and
every read is empty, so the thread spins at full CPU and the app outlives its user. A read
that fails with EIO (a hung-up pty) ends in a traceback. Here both mean the input has
ended: the app is told (:meth:`CybercaseApp.input_ended`) and the thread stops.
"""

from __future__ import annotations

import os
import selectors
from codecs import getincrementaldecoder

from textual._xterm_parser import XTermParser
from textual.drivers.linux_driver import LinuxDriver


class HangupDriver(LinuxDriver):
    def run_input_thread(self) -> None:
        selector = selectors.SelectSelector()
        selector.register(self.fileno, selectors.EVENT_READ)
        parser = XTermParser(self._debug)
        decode = getincrementaldecoder("utf-8")().decode
        try:
            while not self.exit_event.is_set():
                if selector.select(0.1):
                    try:
                        data = os.read(self.fileno, 4096)
                    except OSError:  # EIO: the terminal hung up
                        data = b""
                    if not data:
                        self._input_ended()
                        return
                    for event in parser.feed(decode(data)):
                        self.process_message(event)
                for event in parser.tick():
                    self.process_message(event)
        finally:
            selector.close()

    def _input_ended(self) -> None:
        ended = getattr(self._app, "input_ended", None)
        callback = ended if callable(ended) else self._app.exit
        self._loop.call_soon_threadsafe(callback)
