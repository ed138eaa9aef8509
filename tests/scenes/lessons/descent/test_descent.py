"""GradientDescent1D and LearningRates: settings refused before rendering, dry runs over
a few functions (claims, pace, layout), the pure helpers, and real renders."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathcore import Curve, gradient_descent
from scenes.lessons.descent.scene import GradientDescent1D, LearningRates
from scenes.lessons.common.descent_lesson import descent_view
from scenes.parts.walk.descent_steps import exit_point, format_rate, update_equation, visible_count
from scenes.kit.storyboard import dry_run, with_settings
from tests.golden import CACHED


# -- settings: refused with one line naming the class and the setting ------------------------
@pytest.mark.parametrize(
    ("scene", "settings", "words"),
    [
        (GradientDescent1D, {"learning_rate": -1}, "GradientDescent1D.learning_rate = -1"),
        (GradientDescent1D, {"starts": ()}, "GradientDescent1D.starts = ()"),
        (GradientDescent1D, {"starts": (1.0, math.nan)}, "finite"),
        (GradientDescent1D, {"caption_width": 0}, "caption_width = 0"),
        (GradientDescent1D, {"decimals": 400}, "decimals = 400"),
        (GradientDescent1D, {"steps": 10**12}, "steps"),
        (GradientDescent1D, {"w_range": (0.0, 1e-300)}, "w_range"),
        (GradientDescent1D, {"function": "sqrt(w)", "starts": (2.0, -1.0)}, "GradientDescent1D.starts[1] = -1.0"),
        (GradientDescent1D, {"function": "w +* 2"}, "GradientDescent1D.function"),
        (GradientDescent1D, {"function": "log(w)", "w_range": (-3.0, -1.0), "starts": (-2.0,)}, "GradientDescent1D"),
        (LearningRates, {"learning_rates": ()}, "LearningRates.learning_rates = ()"),
        (LearningRates, {"learning_rates": (0.1, 0.2, 0.3, 0.4, 0.5)}, "learning_rates"),
        (LearningRates, {"learning_rates": (0.1, -1.0)}, "LearningRates.learning_rates"),
        (LearningRates, {"start": math.inf}, "LearningRates.start"),
        (LearningRates, {"function": "log(w)", "start": 0.0}, "LearningRates.start = 0.0"),
        (LearningRates, {"walk_time": math.nan}, "walk_time"),
    ],
)
def test_bad_settings_are_refused_in_one_line(scene, settings, words):
    with pytest.raises(ValueError) as error:
        with_settings(scene, **settings).validate()
    assert words in str(error.value)
    assert "\n" not in str(error.value)


def test_a_formula_in_another_single_name_uses_that_name():
    pytest.importorskip("mathcore.formula_text")  # mathcore's choose_variable

    class DoubleWell(GradientDescent1D):
        function = "0.1*x**4 - x**2"
        w_range = (-4.0, 4.0)
        starts = (-3.5, 0.5)

    DoubleWell.validate()
    assert DoubleWell.make_curve().variable == "x"
    with pytest.raises(ValueError) as error:
        with_settings(GradientDescent1D, function="x*y").validate()
    assert "GradientDescent1D.variable" in str(error.value) and "\n" not in str(error.value)


# -- pure helpers ------------------------------------------------------------------------------
def test_format_rate_is_the_rate_as_given_without_exponent():
    assert [format_rate(x) for x in (0.25, 0.1, 1.0, 2, 1e-5, 1e-7)] == ["0.25", "0.1", "1", "2", "0.00001", "0.0000001"]


def test_update_equation_default_first_step_reads_as_the_lesson():
    path = gradient_descent(Curve("(w - 1)**2 + 0.5", variable="w"), -1.0, 0.25, max_steps=5)
    assert " ".join(update_equation(path, 1)) == r"{w}_{2} = {w}_{1} - \eta\, f'({w}_{1}) = -1.00 - 0.25 \cdot (-4.00) = 0"
    with pytest.raises(ValueError):
        update_equation(path, 0)


def test_visible_count_stops_at_the_first_point_outside():
    path = gradient_descent(Curve("(w - 1)**2 + 0.5", variable="w"), 3.0, 1.1, max_steps=60)
    assert visible_count(path.points, path.values, (-3.0, 5.0), (0.0, 20.0)) == 4
    assert visible_count([[0.0], [9.0], [0.0]], [0.0, 0.0, 0.0], (-1, 1), (-1, 1)) == 1


def test_exit_point_lies_on_the_border_along_the_segment():
    assert exit_point((0.0, 0.0), (4.0, 1.0), (-1.0, 2.0), (-1.0, 1.0)) == pytest.approx((2.0, 0.5))
    assert exit_point((0.0, 0.0), (1.0, 10.0), (-1.0, 2.0), (-1.0, 1.0)) == pytest.approx((0.1, 1.0))


def test_view_shows_both_wells_of_a_double_well():
    curve = Curve("w**4 - 3*w**2", variable="w")
    _, (low, high, _) = descent_view(curve, (-2.5, 2.5), [-2.2])
    assert low <= -2.25 and high < 40  # both wells (f = -2.25) fill the plot, not a 250-high axis
    assert high >= curve(-2.2)
    _, (low, high, _) = descent_view(Curve("(w - 1)**2 + 100", variable="w"), (-2.0, 4.0), [3.0])
    assert low >= 90  # a bowl far above zero keeps its shape


# -- dry runs: every caption backed, paced, laid out ---------------------------------------------
class LogisticLoss(LearningRates):
    function = "softplus(-2*w) + 0.1*w**2"
    w_range = (-3.0, 4.0)
    start = -2.5
    learning_rates = (0.05, 1.0, 9.0, 12.0)


@pytest.mark.parametrize(
    ("scene", "settings"),
    [
        (GradientDescent1D, {}),
        (GradientDescent1D, {"function": "w**4 - 3*w**2 + w", "w_range": (-2.0, 2.0), "starts": (-1.8, 1.9), "learning_rate": 0.05, "steps": 1}),
        (GradientDescent1D, {"function": "100*w**2", "starts": (3.0,)}),
        # the longest clip the settings allow: three starts, four steps each, the most stillness
        (GradientDescent1D, {"function": "0.1*x**4 - x**2", "w_range": (-4.0, 4.0), "starts": (-3.5, 0.5, 3.9),
                             "learning_rate": 0.05, "steps": 4, "read_time": 1.5, "move_time": 2.0}),
        (GradientDescent1D, {"function": "w**3", "w_range": (-1.5, 1.5), "starts": (0.0,)}),
        (LogisticLoss, {"steps": 20}),
    ],
    ids=["default", "double-well", "steep", "longest", "flat-start", "logistic"],
)
def test_dry_run_has_no_problems(scene, settings):
    board = dry_run(scene, title="", **settings)
    assert board.problems() == []
    assert board.duration < 180


# -- real renders --------------------------------------------------------------------------------
@pytest.mark.render
def test_gradient_descent_renders_its_captions(render):
    class Quick(GradientDescent1D):
        title = ""
        starts = (3.0,)
        steps = 1
        move_time = 0.3

    r = render(Quick, **CACHED)
    assert r.movie.exists()
    subs = " ".join(r.subcaptions())
    assert "Step 1: the slope is 4.00, positive, so w moves left, to 2.00. f falls to 1.50." in subs
    assert "it reaches the minimum at w = 1.00 after 29 steps" in subs
    for mobject in r.scene.mobjects:
        for part in mobject.family_members_with_points():
            assert np.all(np.isfinite(part.points))


@pytest.mark.render
def test_learning_rates_render_cuts_a_walk_that_leaves_the_view(render):
    class Quick(LearningRates):
        title = ""
        learning_rates = (0.3, 1.1)
        walk_time = 0.5

    r = render(Quick, **CACHED)
    assert r.movie.exists()
    diverged = r.scene.panels[1]
    assert diverged.path.status == "diverged" and diverged.shown_points < len(diverged.path.points)
    points = np.concatenate([m.points for m in diverged.trail.family_members_with_points()])
    axes = diverged.axes
    (left, bottom, _), (right, top, _) = (axes.coords_to_point(axes.x_range[0], axes.y_range[0]),
                                          axes.coords_to_point(axes.x_range[1], axes.y_range[1]))
    assert points[:, 0].min() >= left - 0.1 and points[:, 0].max() <= right + 0.1
    assert points[:, 1].min() >= bottom - 0.1 and points[:, 1].max() <= top + 0.1
