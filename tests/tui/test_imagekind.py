"""The preview's kind of image: over SSH half-blocks unless the terminal answered a
graphics-protocol query; a TERM_PROGRAM passed along proves nothing."""

from __future__ import annotations

import textual_image.widget

from cybercase.tui.imagekind import answered_graphics, image_class

SSH = {"SSH_CONNECTION": "192.0.2.7 51234 192.0.2.1 22", "TERM_PROGRAM": "iTerm.app",
       "TERM": "xterm-kitty"}


def test_over_ssh_half_blocks_unless_the_terminal_answered() -> None:
    assert image_class(SSH, answered=False) is textual_image.widget.HalfcellImage
    assert image_class({"SSH_CLIENT": "192.0.2.7 51234 22"}, answered=False) \
        is textual_image.widget.HalfcellImage
    assert image_class(SSH, answered=True) is textual_image.widget.Image


def test_locally_the_probe_decides_as_before() -> None:
    assert image_class({"TERM_PROGRAM": "iTerm.app"}, answered=False) \
        is textual_image.widget.Image
    assert answered_graphics() is False  # the test run has no graphics terminal
