"""Axes with their numbers outside the plot box: no graph can cross a number, and every
number is big enough to read at 480p."""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import Curve
from scenes.kit.layout import ZONES
from scenes.parts.plot2d.graph import graph_of
from scenes.parts.plot2d.plot_axes import PlotAxes, Scale, scale_for

MIN_DIGIT_HEIGHT = 14 / 60  # 14 px at 480p, where the 8-unit frame is 480 px tall


@pytest.fixture(autouse=True)
def own_text_cache():
    """Typeset into this worker's cache (two workers writing one SVG file can corrupt it)."""
    from manim import tempconfig

    from tests.golden import CACHED

    with tempconfig(CACHED):
        yield


@pytest.mark.parametrize(
    ("function", "x_range"),
    [("x**3/3 - x", (-2.5, 2.5)), ("100*x**2", (-2.5, 2.5)), ("0.001*x", (-2.5, 2.5)), ("1/(1 + exp(-x))", (-6.0, 6.0))],
)
def test_the_graph_stays_in_the_box_and_the_numbers_outside(function, x_range):
    curve = Curve(function)
    low, high = curve.feature_range(x_range)
    axes = PlotAxes(scale_for(*x_range, pad=0.0), scale_for(low, high), ZONES.plot)
    box = axes.box
    points = np.concatenate([piece.points for piece in graph_of(axes, curve, x_range, "#FFFFFF")])
    assert points[:, 0].min() >= box.left - 1e-6 and points[:, 0].max() <= box.right + 1e-6
    assert points[:, 1].min() >= box.bottom - 1e-6 and points[:, 1].max() <= box.top + 1e-6
    for number in axes.numbers:
        left, right = number.get_left()[0], number.get_right()[0]
        bottom, top = number.get_bottom()[1], number.get_top()[1]
        assert right <= box.left or top <= box.bottom, number.text  # left of or below the box
        assert left >= ZONES.plot.left - 1e-6 and bottom >= ZONES.plot.bottom - 1e-6
    digits = [n for n in axes.numbers if any(c.isdigit() for c in n.text)]
    assert min(n.height for n in digits if n.text.strip("-") not in ("0",)) >= MIN_DIGIT_HEIGHT * 0.99


def test_tick_numbers_are_written_for_people():
    axes = PlotAxes(Scale(-0.0025, 0.0025, 0.001), Scale(-1.0, 1.0, 0.5), ZONES.plot)
    texts = [n.text for n in axes.numbers]
    assert texts[:5] == ["-0.002", "-0.001", "0", "0.001", "0.002"]
    assert all("e" not in t for t in texts)


def test_a_scale_ticks_every_multiple_of_its_step_inside_it():
    assert Scale(-2.75, 2.75, 1.0).ticks == [-2.0, -1.0, 0.0, 1.0, 2.0]
    assert scale_for(3.0, 3.0).ticks == [2.0, 2.5, 3.0, 3.5, 4.0]  # a constant gets a unit each side
    assert Scale(0.0, 0.0625, 0.02).decimals == 2
