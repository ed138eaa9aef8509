"""What the tick-number tests of the 1-D lessons share: a scene built without drawing, the
screen boxes of texts, the points of what is drawn, and where the two meet."""

from __future__ import annotations

import numpy as np
import pytest
from manim import tempconfig

from scenes.kit.storyboard import with_settings


@pytest.fixture(autouse=True)
def own_text_cache():
    """Typeset into the tests' shared (process-safe) cache."""
    from tests.golden import CACHED

    with tempconfig(CACHED):
        yield


def built(scene_class, **settings):
    """``scene_class`` with ``settings``, validated and set up (its cast built), not drawn."""
    scene_class = with_settings(scene_class, **settings)
    scene_class.validate()
    with tempconfig({"dry_run": True, "verbosity": "WARNING", "pixel_width": 320, "pixel_height": 180}):
        scene = scene_class()
        scene.setup()
    return scene


def boxes(mobjects, pad: float = 0.02):
    """Screen boxes (left, right, bottom, top) of the texts, a little grown."""
    out = []
    for m in mobjects:
        if m.width == 0 and m.height == 0:
            continue
        out.append((m.get_left()[0] - pad, m.get_right()[0] + pad, m.get_bottom()[1] - pad, m.get_top()[1] + pad))
    return out


def labels_of(axes):
    """The boxes of an axes' tick numbers and axis labels."""
    return boxes([*axes.numbers, *axes.axis_labels])


def stroke_points(mobject) -> np.ndarray:
    """Points along every drawn stroke or fill of ``mobject`` (its own and its submobjects')."""
    parts = [m.points for m in mobject.family_members_with_points() if m.get_stroke_opacity() > 0 or m.get_fill_opacity() > 0]
    return np.concatenate(parts) if parts else np.zeros((0, 3))


def crossings(points: np.ndarray, texts, what: str) -> list[str]:
    """A sentence for each text box that one of ``points`` falls inside."""
    found = []
    for left, right, bottom, top in texts:
        inside = (points[:, 0] > left) & (points[:, 0] < right) & (points[:, 1] > bottom) & (points[:, 1] < top)
        if inside.any():
            found.append(f"{what} crosses the text at x {left:.2f}..{right:.2f}, y {bottom:.2f}..{top:.2f}")
    return found
