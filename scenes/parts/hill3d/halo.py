"""Halos: a dark outline under anything drawn on the hillside, so it reads on every shade.

The hill is painted in shades of the function's sky blue, from a deep valley tone to a pale
summit tone. A line in a light colour (the ball's yellow, the slope's orange) vanishes on the
pale parts, a dark one on the deep parts. :func:`with_halo` draws each stroked piece of a
mobject over a wider stroke in :data:`scenes.kit.style.HALO` (manim's background stroke) when
its colour needs one (:func:`scenes.kit.style.needs_halo`), and :func:`halo_ball` gives a
:class:`~scenes.parts.hill3d.ball3d.ShadedBall` a dark rim. Every 3-D lesson uses these for curves,
tangents, arrows, trails and balls on the hill.
"""

from __future__ import annotations

from manim import Mobject, VMobject

from scenes.kit import style

__all__ = ["halo_ball", "with_halo"]


def with_halo(mobject: Mobject, extra: float = style.HALO_EXTRA_WIDTH, always: bool = False) -> Mobject:
    """Give every stroked piece of ``mobject`` (and filled arrow tips) a halo: a background
    stroke in ``style.HALO``, ``extra`` wider than the stroke, when its colour falls below 3:1
    contrast on some shade of the hill (or ``always``). Returns ``mobject``."""
    for part in mobject.get_family():
        if not isinstance(part, VMobject) or not len(part.points):
            continue
        width = float(part.get_stroke_width())
        filled = float(part.get_fill_opacity()) > 0
        color = part.get_stroke_color() if width > 0 else part.get_fill_color()
        if width <= 0 and not filled:
            continue
        if always or style.needs_halo(color):
            part.set_stroke(color=style.halo_for(color), width=width + extra if width > 0 else extra, opacity=1.0, background=True)
    return mobject


def halo_ball(ball: Mobject, ring: float = 0.25) -> Mobject:
    """Give a :class:`~scenes.parts.hill3d.ball3d.ShadedBall` a dark ring ``ring`` radii wide
    (its ``halo``), so that the yellow ball reads on the pale summit tones. Returns ``ball``."""
    ball.halo = max(float(getattr(ball, "halo", 0.0)), ring)
    return ball
