"""Zones of the frame, and the geometric check that nothing collides.

Every lesson frame has the same zones (in manim units, frame 14.2 x 8):

* the **title band** at the top, for the formula and short headers;
* the **caption band** at the bottom, where the caption sits on its backing plate;
* the **stage** between them: the plot (and, in a 3-D scene, the hillside), with an optional
  **side panel** on the right for readouts.

:func:`layout_problems` looks at a scene as it is at one moment (the tests call it at every
beat boundary of a dry run) and lists what breaks the rules: text leaving the frame, two
texts overlapping, the caption outside its band, anything else entering the caption band.
Boxes of 3-D mobjects are projected through the scene's camera; pinned ones are taken as
they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from manim import DecimalNumber, MarkupText, Mobject, SingleStringMathTex, Text, config

__all__ = ["Box", "TEXT_TYPES", "ZONES", "Zones", "box_of", "layout_problems", "text_units"]

#: What counts as one piece of text for the collision check (not looked into further).
TEXT_TYPES = (Text, MarkupText, SingleStringMathTex, DecimalNumber)


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in frame coordinates."""

    left: float
    right: float
    bottom: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    def overlaps(self, other: Box, tolerance: float = 0.02) -> bool:
        """True if the two boxes share more than a ``tolerance``-wide strip."""
        return (
            min(self.right, other.right) - max(self.left, other.left) > tolerance
            and min(self.top, other.top) - max(self.bottom, other.bottom) > tolerance
        )

    def inside(self, other: Box, tolerance: float = 0.02) -> bool:
        """True if this box lies within ``other`` (give or take ``tolerance``)."""
        return (
            self.left >= other.left - tolerance
            and self.right <= other.right + tolerance
            and self.bottom >= other.bottom - tolerance
            and self.top <= other.top + tolerance
        )

    def __str__(self) -> str:
        return f"[{self.left:.2f}, {self.right:.2f}] x [{self.bottom:.2f}, {self.top:.2f}]"


@dataclass(frozen=True)
class Zones:
    """The zones of a frame (see the module docstring)."""

    frame: Box
    title: Box
    stage: Box
    side: Box
    caption: Box

    @classmethod
    def standard(cls, width: float | None = None, height: float | None = None) -> Zones:
        """The zones of a frame of ``width`` x ``height`` units (manim's frame by default)."""
        w = (width or config.frame_width) / 2
        h = (height or config.frame_height) / 2
        caption_top = -h + 1.25
        title_bottom = h - 1.0
        margin = 0.15
        return cls(
            frame=Box(-w, w, -h, h),
            title=Box(-w + margin, w - margin, title_bottom, h - margin),
            stage=Box(-w + margin, w - margin, caption_top + 0.05, title_bottom),
            side=Box(w - 4.6, w - margin, caption_top + 0.05, title_bottom),
            caption=Box(-w + margin, w - margin, -h + 0.08, caption_top),
        )

    @property
    def plot(self) -> Box:
        """The stage left of the side panel."""
        return Box(self.stage.left, self.side.left - 0.2, self.stage.bottom, self.stage.top)


ZONES = Zones.standard()


def _points_of(mobject: Mobject) -> np.ndarray:
    points = [m.points for m in mobject.get_family() if len(m.points) and _visible(m)]
    return np.concatenate(points) if points else np.zeros((0, 3))


def _visible(mobject: Mobject) -> bool:
    fill = getattr(mobject, "get_fill_opacity", None)
    stroke = getattr(mobject, "get_stroke_opacity", None)
    opacities = []
    for getter in (fill, stroke):
        try:
            opacities.append(float(getter()) if getter else 0.0)
        except Exception:  # noqa: BLE001 - mobjects without colour data
            opacities.append(0.0)
    if fill is None and stroke is None:
        opacities.append(float(getattr(mobject, "opacity", 1.0)))
    return max(opacities) > 0.05


def box_of(mobject: Mobject, camera=None) -> Box | None:
    """The frame box of ``mobject``'s visible points; through ``camera`` when it is a 3-D
    camera and the mobject is not pinned to the screen. None if nothing is visible."""
    points = _points_of(mobject)
    if not len(points):
        return None
    fixed = getattr(camera, "fixed_in_frame_mobjects", None)
    if camera is not None and hasattr(camera, "project_points") and fixed is not None and mobject not in fixed:
        points = camera.project_points(points)
    return Box(float(points[:, 0].min()), float(points[:, 0].max()), float(points[:, 1].min()), float(points[:, 1].max()))


def text_units(mobjects: Iterable[Mobject]) -> list[Mobject]:
    """The pieces of text among ``mobjects`` and their families (each counted once)."""
    found: list[Mobject] = []

    def walk(m: Mobject) -> None:
        if isinstance(m, TEXT_TYPES):
            found.append(m)
            return
        for sub in m.submobjects:
            walk(sub)

    for mobject in mobjects:
        walk(mobject)
    return found


def _name(mobject: Mobject) -> str:
    text = getattr(mobject, "text", None) or getattr(mobject, "tex_string", None)
    if text is None and isinstance(mobject, DecimalNumber):
        text = f"{mobject.get_value():g}"
    return f"{type(mobject).__name__} {str(text)[:30]!r}"


def layout_problems(scene, caption: Mobject | None = None, zones: Zones = ZONES, exempt: Iterable[Mobject] = ()) -> list[str]:
    """What breaks the layout rules in ``scene`` now (an empty list when all is well).

    ``caption`` is the caption group (text and plate); ``exempt`` lists mobjects allowed in
    the caption band (e.g. a full-frame fade).
    """
    camera = getattr(scene, "camera", None)
    exempt_ids = {id(m) for m in exempt}
    problems: list[str] = []
    caption_family = {id(m) for m in caption.get_family()} if caption is not None else set()
    units = [(m, box_of(m, camera)) for m in text_units(scene.mobjects)]
    units = [(m, b) for m, b in units if b is not None]
    for m, box in units:
        if not box.inside(zones.frame):
            problems.append(f"{_name(m)} leaves the frame: {box}")
        in_caption = id(m) in caption_family
        if in_caption and not box.inside(zones.caption):
            problems.append(f"caption {_name(m)} is outside the caption band: {box}")
    for i, (a, box_a) in enumerate(units):
        for b, box_b in units[i + 1 :]:
            if box_a.overlaps(box_b):
                problems.append(f"{_name(a)} overlaps {_name(b)}: {box_a} and {box_b}")
    for m in scene.mobjects:
        if id(m) in caption_family or id(m) in exempt_ids:
            continue
        box = box_of(m, camera)
        if box is not None and box.overlaps(zones.caption, tolerance=0.05):
            problems.append(f"{type(m).__name__} enters the caption band: {box}")
    return problems
