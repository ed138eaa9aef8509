"""TracedGraph shows a graph up to a value of its variable, in place."""

from __future__ import annotations

import numpy as np
import pytest
from manim import Axes

from mathcore import Curve
from scenes.parts.plot2d.graph import graph_of
from scenes.parts.plot2d.trace import TracedGraph


@pytest.fixture
def axes():
    return Axes(x_range=[0, 4, 1], y_range=[-3, 3, 1], x_length=6, y_length=4)


def test_traced_graph_reveals_up_to_the_value(axes):
    curve = Curve("sin(x)")
    trace = TracedGraph(axes, graph_of(axes, curve, (0, 4), "#56B4E9"))
    assert trace[0].points.size == 0  # nothing before the start
    for x in (0.7, 2.0, 3.3):
        trace.reveal_to(x)
        end = axes.p2c(trace[0].get_end())
        assert end[0] == pytest.approx(x, abs=1e-9)
        assert end[1] == pytest.approx(np.sin(x), abs=1e-3)  # on the drawn polyline
        np.testing.assert_allclose(trace[0].get_start(), trace.full[0].get_start())
    trace.reveal_to(np.inf)
    np.testing.assert_array_equal(trace[0].points, trace.full[0].points)


def test_traced_graph_reveals_pieces_in_turn(axes):
    curve = Curve("1/(x - 2)")  # two pieces, clipped to the axes
    trace = TracedGraph(axes, graph_of(axes, curve, (0, 4), "#56B4E9"))
    assert len(trace) == len(trace.full) == 2
    trace.reveal_to(1.0)
    assert trace[0].points.size > 0 and trace[1].points.size == 0
    trace.reveal_to(3.0)
    np.testing.assert_array_equal(trace[0].points, trace.full[0].points)
    assert axes.p2c(trace[1].get_end())[0] == pytest.approx(3.0, abs=1e-9)
