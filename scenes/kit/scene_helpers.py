"""Small helpers lesson scenes share: fitting a mobject to a width or a band, caption parts,
a sentence's first letter, and the home module a scene is rendered from."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from manim import LEFT, Mobject

from scenes.kit.home import render_here
from scenes.kit.pacing import LINE_WIDTH, split_caption

__all__ = ["caption_parts", "fit_in_band", "fit_width", "lower_first", "rendered_from"]


def caption_parts(text: str, width: int = LINE_WIDTH, lines: int = 2) -> list[str]:
    """``text`` split into captions of at most ``lines`` lines (see :func:`scenes.kit.pacing.split_caption`)."""
    return split_caption(text, width, lines)


def fit_width(mobject: Mobject, width: float) -> Mobject:
    """Shrink ``mobject`` to ``width`` if it is wider (never enlarge it)."""
    if mobject.width > width:
        mobject.scale_to_fit_width(width)
    return mobject


def fit_in_band(mobject: Mobject, band: Any) -> Mobject:
    """``mobject`` (a formula) shrunk to fit the ``band`` (a :class:`~scenes.kit.layout.Box`,
    e.g. the title band) and put at its left, centred in its height."""
    fit_width(mobject, band.width - 0.4)
    if mobject.height > band.height - 0.1:
        mobject.scale_to_fit_height(band.height - 0.1)
    return mobject.move_to([band.left + 0.2, (band.top + band.bottom) / 2, 0], aligned_edge=LEFT)


def lower_first(text: str) -> str:
    """``text`` with its first letter in lower case, to continue a sentence.

    >>> lower_first("The ball rolls.")
    'the ball rolls.'
    """
    return text[:1].lower() + text[1:]


def rendered_from(module: str) -> Callable[[type], type]:
    """Class decorator: the scene is rendered from, and imported from, ``module``.

    A lesson is written in ``scenes/lessons/<topic>/scene.py`` and rendered with
    ``manim scenes/<topic>.py Scene``; manim (and the course) take only the scene classes
    whose ``__module__`` is the file they load, so the class names that file as its home
    (as numpy names ``numpy`` as the home of its functions).
    """

    def mark(cls: type) -> type:
        render_here(module, cls)  # __module__ stays the module it was written in (getsource, pickle)
        return cls

    return mark
