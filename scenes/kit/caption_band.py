"""The caption as drawn: wrapped text on a backing plate in the caption band, and its fades.

The plate (the background colour, nearly opaque) keeps white caption text readable over
anything that might pass behind it, a light hillside included. A caption change fades the
old caption out and then the new one in, so two captions never overprint each other.
"""

from __future__ import annotations

from manim import Animation, Mobject, Rectangle, Text, VGroup

from scenes.kit import style
from scenes.kit.layout import ZONES
from scenes.kit.pacing import LINE_WIDTH, wrap_caption

__all__ = ["CaptionFade", "caption_swap", "make_caption_group", "set_caption_opacity"]

PLATE_OPACITY = 0.88


def make_caption_group(text: str, width: int = LINE_WIDTH) -> VGroup:
    """``text`` wrapped to lines of ``width`` characters on a plate, bottom centre."""
    band = ZONES.caption
    words = Text(
        "\n".join(wrap_caption(text, width)),
        font=style.FONT,
        font_size=style.CAPTION_SIZE,
        color=style.INK,
        line_spacing=0.85,
    )
    room_w, room_h = band.width - 0.5, band.height - 0.3
    if words.width > room_w:
        words.scale_to_fit_width(room_w)
    if words.height > room_h:
        words.scale_to_fit_height(room_h)
    plate = Rectangle(
        width=words.width + 0.4,
        height=words.height + 0.24,
        stroke_width=0,
        fill_color=style.BACKGROUND,
        fill_opacity=PLATE_OPACITY,
    )
    group = VGroup(plate, words)
    words.move_to(plate)
    group.move_to([0.0, (band.bottom + band.top) / 2, 0.0])
    group.words = words  # the text, for tests and the layout check
    group.plate_opacity = PLATE_OPACITY
    return group


def _set_caption_opacity(group: Mobject, level: float) -> None:
    """Opacity ``level`` (0..1) of a caption group: text at ``level``, plate at its share."""
    plate_opacity = getattr(group, "plate_opacity", 1.0)
    for index, part in enumerate(group.submobjects):
        target = plate_opacity if index == 0 and hasattr(group, "words") else 1.0
        part.set_fill(opacity=target * level, family=True)


class CaptionFade(Animation):
    """Fade a caption group in (``start`` 0, ``end`` 1) or out, in place (no copies)."""

    def __init__(self, mobject: Mobject, start: float, end: float, **kwargs):
        self.start, self.end = start, end
        super().__init__(mobject, **kwargs)

    def create_starting_mobject(self) -> Mobject:
        return Mobject()  # nothing to interpolate from: opacity is set directly

    def interpolate_mobject(self, alpha: float) -> None:
        t = self.rate_func(alpha)
        _set_caption_opacity(self.mobject, self.start + (self.end - self.start) * t)


def caption_swap(old: Mobject | None, new: Mobject) -> list[Animation]:
    """The animations of a caption change: the old caption fades out over the first half,
    then the new one fades in (never both at once)."""
    if old is None:
        return [CaptionFade(new, 0.0, 1.0)]
    return [
        CaptionFade(old, 1.0, 0.0, rate_func=lambda t: min(1.0, 2.0 * t), remover=True),
        CaptionFade(new, 0.0, 1.0, rate_func=lambda t: max(0.0, 2.0 * t - 1.0)),
    ]


def set_caption_opacity(group: Mobject, level: float) -> None:
    """Public form of the opacity rule, for scenes that show a caption at once."""
    _set_caption_opacity(group, level)
