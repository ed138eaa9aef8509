"""Nothing drawn in the 1-D lessons' plots crosses a tick number or an axis label: the
graph, the tangent, the secant with its rise/run triangle and labels, the moving points and
the turn rings, at every moment of the secant's shrinking and of the slide, over a family of
functions (two wells, a kink, a pole, a steep cubic, tiny and huge values, a wave)."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.lessons.derivative.scene import TangentSlope
from scenes.lessons.speed.scene import PositionToSpeed
from tests.scenes.plot_geometry import boxes, built, crossings, labels_of, own_text_cache, stroke_points  # noqa: F401 (fixture)


def text_overlaps(mobject, texts, what: str) -> list[str]:
    if mobject.get_fill_opacity() == 0 and mobject.get_stroke_opacity() == 0:
        return []
    (l1, r1, b1, t1), = boxes([mobject], pad=0.0)
    return [f"{what} overlaps a tick number" for (l2, r2, b2, t2) in texts if l1 < r2 and l2 < r1 and b1 < t2 and b2 < t1]


DERIVATIVE_FAMILY = [
    {},
    {"function": "x*sin(x)", "x_range": (-6.0, 6.0)},
    {"function": "abs(x - 1)"},
    {"function": "1/x", "x_range": (-3.0, 3.0)},
    {"function": "x**3"},
    {"function": "0.1*x**4 - x**2", "x_range": (-4.0, 4.0)},
    {"function": "0.001*x**2", "x0": -2.4},
    {"function": "1000*x**2", "x0": 2.4, "h_start": -1.0},
    {"function": "exp(x)", "x0": -2.5},
    {"function": "-x**2", "x0": 2.5, "h_start": -1.0},
    {"function": "x**2", "x_range": (-2.0, 2.0), "x0": 0.0},  # the run leg on the plot's floor
    {"function": "-x**2", "x_range": (-2.0, 2.0), "x0": 0.0},  # the run leg on its ceiling
    {"function": "x**3 - x", "x_range": (-2.0, 2.0), "x0": -2.0},  # the rise leg on its left wall
    {"function": "x**3 - x", "x_range": (-2.0, 2.0), "x0": 2.0, "h_start": -1.0},
    {"function": "1 - exp(-x)", "x_range": (0.0, 5.0), "x0": 0.0},  # the Δx label below the floor
]


def outside(mobject, box) -> bool:
    """True if the visible ``mobject`` reaches out of the plotting ``box`` (over its frame)."""
    if mobject.get_fill_opacity() == 0:
        return False
    return bool(
        mobject.get_left()[0] < box.left or mobject.get_right()[0] > box.right
        or mobject.get_bottom()[1] < box.bottom or mobject.get_top()[1] > box.top
    )


@pytest.mark.parametrize("settings", DERIVATIVE_FAMILY, ids=lambda s: s.get("function", "default"))
def test_tangent_slope_never_crosses_a_tick_number(settings):
    scene = built(TangentSlope, **settings)
    texts = labels_of(scene.axes)
    problems = crossings(stroke_points(scene.graph), texts, "the graph")
    for progress in np.linspace(0.0, 1.0, 25):
        scene.set_step(float(progress))
        problems += crossings(stroke_points(scene.secant.line), texts, f"the secant at {progress:.2f}")
        problems += crossings(np.concatenate([scene.secant.run_leg.points, scene.secant.rise_leg.points]), texts, "the triangle")
        for label in (scene.secant.run_label, scene.secant.rise_label):
            problems += text_overlaps(label, texts, f"{label.tex_string} at {progress:.2f}")
            if outside(label, scene.axes.box):
                problems.append(f"{label.tex_string} at {progress:.2f} leaves the plot, over its frame")
        problems += text_overlaps(scene.secant.point, texts, "the second point")
    for a, b in scene.segments:
        for x in np.linspace(a, b, 40):
            scene.set_position(float(x))
            problems += crossings(scene.tangent.points, texts, f"the tangent at {x:.2f}")
            problems += text_overlaps(scene.point, texts, f"the point at {x:.2f}")
    assert problems == []


SPEED_FAMILY = [
    {},
    {"position": "(t - 2)**3 + 1", "t_range": (0.0, 4.0)},
    {"position": "10*t - t**2", "t_range": (0.0, 6.0)},
    {"position": "abs(t - 2)", "t_range": (0.0, 4.0)},
    {"position": "0.001*t**2", "t_range": (0.0, 4.0)},
    {"position": "1000*sin(t)", "t_range": (0.0, 6.0)},
    {"position": "exp(t)", "t_range": (0.0, 5.0)},
]


@pytest.mark.parametrize("settings", SPEED_FAMILY, ids=lambda s: s.get("position", "default"))
def test_position_to_speed_never_crosses_a_tick_number(settings):
    scene = built(PositionToSpeed, **settings)
    problems = []
    for axes, graph in ((scene.position_axes, scene.position_trace.full), (scene.speed_axes, scene.speed_trace.full)):
        problems += crossings(stroke_points(graph), labels_of(axes), "a graph")
    texts = labels_of(scene.position_axes) + labels_of(scene.speed_axes)
    for t in np.linspace(*scene.times, 60):
        scene.show_time(float(t))
        problems += crossings(scene.tangent.points, texts, f"the tangent at t = {t:.2f}")
        for dot in (scene.position_dot, scene.speed_dot):
            problems += text_overlaps(dot, texts, f"a dot at t = {t:.2f}")
    for stop in (*scene.turns, *scene.touches):
        for axes, y in ((scene.position_axes, stop.position), (scene.speed_axes, 0.0)):
            ring = scene.make_turn_mark().move_to(axes.c2p(stop.time, y))
            problems += crossings(ring.points, texts, f"the ring at t = {stop.time:.2f}")
    assert problems == []
