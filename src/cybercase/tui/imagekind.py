"""Which kind of image the evidence preview uses in this terminal.

``textual_image`` decides when it is imported (before the app starts): it asks the
terminal (a Sixel device-attributes query, a kitty graphics query) and uses a graphics
protocol only when the terminal really answered; otherwise coloured half-blocks (or plain
Unicode when there is no terminal at all). Over SSH (``SSH_CONNECTION`` set) the answer
comes back over the network and may miss the probe's short wait; nothing else, such as a
``TERM_PROGRAM`` passed along, is taken as proof of a graphics protocol, so there the
preview uses half-blocks unless the probe answered.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import textual_image.renderable
import textual_image.widget


def answered_graphics() -> bool:
    """Whether the terminal answered a graphics-protocol query at import."""
    chosen = textual_image.renderable.Image
    return chosen in (textual_image.renderable.SixelImage, textual_image.renderable.TGPImage)


def image_class(environ: Mapping[str, str] | None = None, *,
                answered: bool | None = None) -> Any:
    """The widget class for the preview."""
    env = os.environ if environ is None else environ
    over_ssh = bool(env.get("SSH_CONNECTION") or env.get("SSH_CLIENT"))
    graphics = answered_graphics() if answered is None else answered
    if over_ssh and not graphics:
        return textual_image.widget.HalfcellImage
    return textual_image.widget.Image
