"""Nothing drawn in the descent lessons' plots crosses a tick number or an axis label: the
graph, the walks (chords, trail dots, step arrows), the ball, its drop line and the tangent
at every point of every shown step, in GradientDescent1D and in every LearningRates panel,
over a family of functions (two minima, a kink, a wave, a pole, steep, a plateau, a walk
that diverges at once, tiny and huge values)."""

from __future__ import annotations

import numpy as np
import pytest

from scenes.lessons.descent.scene import GradientDescent1D, LearningRates
from tests.scenes.plot_geometry import built, crossings, labels_of, own_text_cache, stroke_points  # noqa: F401 (fixture)


def ring(centre, radius: float) -> np.ndarray:
    angles = np.linspace(0, 2 * np.pi, 24)
    return np.stack([centre[0] + radius * np.cos(angles), centre[1] + radius * np.sin(angles), 0 * angles], axis=1)


FAMILY = [
    {},
    {"function": "w**4 - 3*w**2 + w", "w_range": (-2.0, 2.0), "starts": (-1.8, 1.9), "learning_rate": 0.05},
    {"function": "abs(w - 1)"},
    {"function": "w**2 + 3*sin(3*w)"},
    {"function": "1/w + w", "w_range": (-3.0, 4.0), "starts": (0.5, 3.0), "learning_rate": 0.1},
    {"function": "1/(1 + exp(-w))", "w_range": (-8.0, 8.0), "starts": (-7.0, 2.0), "learning_rate": 1.0},
    {"function": "1e-6*w**2", "starts": (3.0,), "learning_rate": 50.0},
    {"function": "1e6*(w - 1)**2", "starts": (3.0,), "learning_rate": 1e-6},
]
IDS = [s.get("function", "default") + (f" eta {s['learning_rate']}" if "learning_rate" in s else "") for s in FAMILY]


@pytest.mark.parametrize("settings", FAMILY, ids=IDS)
def test_gradient_descent_never_crosses_a_tick_number(settings):
    scene = built(GradientDescent1D, **settings)
    texts = labels_of(scene.axes)
    rider = scene.rider
    problems = crossings(stroke_points(scene.graph), texts, "the graph")
    for run, path in enumerate(scene.paths):
        rider.rest_at(path, 0)
        problems += crossings(stroke_points(rider.tangent), texts, f"the tangent at the start of walk {run}")
        problems += crossings(ring(rider.ball.get_center(), rider.ball.width / 2), texts, "the ball")
        for step in range(1, scene.shown[run] + 1):
            rider.route(path, step)
            rider.attach()
            for alpha in np.linspace(0, 1, 9):
                rider.alpha.set_value(alpha)
                for m in rider.riders()[:3]:
                    m.update()
                what = f"walk {run} step {step} at {alpha:.2f}"
                problems += crossings(stroke_points(rider.tangent), texts, f"the tangent, {what}")
                problems += crossings(stroke_points(rider.drop), texts, f"the drop line, {what}")
                problems += crossings(ring(rider.ball.get_center(), rider.ball.width / 2), texts, f"the ball, {what}")
            rider.detach()
            arrow = scene.make_step_arrow(path, step)
            if arrow is not None:
                problems += crossings(stroke_points(arrow), texts, f"the arrow of {what}")
            dot = scene.make_trail_dot(path, step)
            problems += crossings(ring(dot.get_center(), dot.width / 2), texts, f"the trail dot of {what}")
    assert problems == []


RATES_FAMILY = [
    {},
    {"function": "softplus(-2*w) + 0.1*w**2", "w_range": (-3.0, 4.0), "start": -2.5, "learning_rates": (0.05, 1.0, 9.0, 12.0)},
    {"function": "w**4 - 3*w**2 + w", "w_range": (-2.0, 2.0), "start": 1.9, "learning_rates": (0.05, 0.2)},
    {"function": "1e6*(w - 1)**2", "start": 3.0, "learning_rates": (1e-6, 1.05e-6)},
]


@pytest.mark.parametrize("settings", RATES_FAMILY, ids=lambda s: s.get("function", "default"))
def test_learning_rate_panels_never_cross_a_tick_number(settings):
    scene = built(LearningRates, **settings)
    problems = []
    for index, panel in enumerate(scene.panels):
        texts = labels_of(panel.axes)
        problems += crossings(stroke_points(panel.graph), texts, f"panel {index}'s graph")
        if panel.shown:
            zigzag, dots = panel.walk()
            problems += crossings(stroke_points(zigzag), texts, f"panel {index}'s walk")
            for dot in dots:
                problems += crossings(ring(dot.get_center(), dot.width / 2), texts, f"panel {index}'s trail dot")
        problems += crossings(ring(panel.ball.get_center(), panel.ball.width / 2), texts, f"panel {index}'s ball")
        arrow = panel.exit_arrow()
        if arrow is not None:
            problems += crossings(stroke_points(arrow), texts, f"panel {index}'s exit arrow")
        for other in scene.panels:  # nor does a panel's text run into another panel's plot
            if other is not panel:
                problems += crossings(stroke_points(other.graph), texts, f"panel {index}'s numbers under another graph")
    assert problems == []
