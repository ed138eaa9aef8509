"""Tests of scenes/descent.py and scenes/parts/descent_steps.py: the pure helpers against
mathcore's DescentPath, errors at build time, and real renders of both scenes."""

from __future__ import annotations

import re
import textwrap

import numpy as np
import pytest
from manim import tempconfig

from mathcore import Curve, DomainError, ExpressionError, gradient_descent
from scenes.descent import GradientDescent1D, LearningRates, _view, caption_parts, step_caption
from scenes.parts.descent_steps import (
    STATUS_WORDS,
    exit_point,
    format_number,
    format_rate,
    plain_number,
    short_outcome,
    update_equation,
    visible_count,
)

from tests.golden import CACHED  # noqa: E402  (the shared, per-worker LaTeX/text cache)
#: Run construct() with every animation but draw small, few frames and write nothing.
DRY = {"dry_run": True, "disable_caching": True, "pixel_width": 160, "pixel_height": 90, "frame_rate": 4,
       "verbosity": "ERROR", "progress_bar": "none"}


# -- variants rendered below (short timings keep the suite fast) -----------------------------
class QuickDescent(GradientDescent1D):
    title = ""
    move_time = 0.3
    read_time = 0.2


class DoubleWell(QuickDescent):
    function = "w**4 - 3*w**2 + w"
    w_range = (-2.0, 2.0)
    starts = (-1.8, 1.9)
    learning_rate = 0.05
    steps = 2


class PoleDescent(QuickDescent):
    function = "w**2/4 + 1/w"
    w_range = (-3.0, 4.0)
    starts = (0.5,)
    learning_rate = 0.3
    steps = 1


class SqrtRates(LearningRates):
    title = ""
    function = "sqrt(w)"
    w_range = (0.0, 4.0)
    start = 3.0
    learning_rates = (0.5, 2.0, 5.0)
    walk_time = 0.5
    read_time = 0.2


def paths_of(scene_class, starts=None, rates=None):
    curve = Curve(scene_class.function, variable=scene_class.variable)
    if rates is not None:
        return [gradient_descent(curve, scene_class.start, lr, max_steps=scene_class.max_steps,
                                 tolerance=scene_class.tolerance) for lr in rates]
    return [gradient_descent(curve, s, scene_class.learning_rate, max_steps=scene_class.max_steps,
                             tolerance=scene_class.tolerance) for s in starts]


# -- number formatting -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "text"),
    [
        (3.0, "3.00"),
        (-4.0, "-4.00"),
        (0.125, "0.12"),  # as Python rounds it (0.125 is exact, half to even)
        (-0.001, r"-1.00 \times 10^{-3}"),
        (-1e-12, r"-1.00 \times 10^{-12}"),
        (0.0, "0.00"),
        (-0.0, "0.00"),
        (-0.004999, r"-5.00 \times 10^{-3}"),
        (12345.678, r"1.23 \times 10^{4}"),
        (99999.0, r"1.00 \times 10^{5}"),
        (9999.0, "9999.00"),
    ],
)
def test_format_number_cases(value, text):
    assert format_number(value) == text


def test_format_number_never_shows_minus_zero():
    assert format_number(-0.0001, decimals=2) != "-0.00"
    assert plain_number(-0.0) == "0.00"


def test_format_number_rejects_non_finite():
    with pytest.raises(ValueError):
        format_number(float("nan"))


def test_format_rate_exact():
    assert [format_rate(x) for x in (0.25, 0.1, 1.0, 2, 1e-5)] == ["0.25", "0.1", "1", "2", r"1 \times 10^{-5}"]


# -- the update equation ----------------------------------------------------------------------
def _number(tex: str) -> float:
    tex = tex.strip("()").replace(r"\left(", "").replace(r"\right)", "")
    match = re.fullmatch(r"(-?[\d.]+) \\times 10\^\{(-?\d+)\}", tex)
    return float(match.group(1)) * 10 ** int(match.group(2)) if match else float(tex)


def test_update_equation_default_first_step_reads_as_the_lesson():
    left, right = paths_of(GradientDescent1D, starts=GradientDescent1D.starts)
    assert " ".join(update_equation(left, 1)) == (
        r"{w}_{2} = {w}_{1} - \eta\, f'({w}_{1}) = -1.00 - 0.25 \cdot (-4.00) = 0.00"
    )
    assert " ".join(update_equation(right, 1)) == (
        r"{w}_{2} = {w}_{1} - \eta\, f'({w}_{1}) = 3.00 - 0.25 \cdot (4.00) = 2.00"
    )


@pytest.mark.parametrize(
    ("function", "start", "rate"),
    [("(w - 1)**2 + 0.5", -1.0, 0.25), ("w**4 - 3*w**2 + w", 1.9, 0.05), ("w**2/4 + 1/w", 0.5, 0.3), ("sqrt(w)", 3.0, 2.0)],
)
def test_update_equation_numbers_are_the_paths(function, start, rate):
    path = gradient_descent(Curve(function, variable="w"), start, rate, max_steps=10)
    for k in range(1, path.steps + 1):
        pieces = update_equation(path, k)
        assert pieces[0] == f"{{w}}_{{{k + 1}}}" and pieces[2] == f"{{w}}_{{{k}}}"
        assert pieces[7] == format_number(path.points[k - 1, 0])
        assert pieces[9] == format_rate(rate)
        assert pieces[11] == f"({format_number(path.gradients[k - 1, 0])})"
        assert pieces[13] == format_number(path.points[k, 0])
        # Each shown number is the path's, rounded to two places.
        for tex, exact in ((pieces[7], path.points[k - 1, 0]), (pieces[11], path.gradients[k - 1, 0]), (pieces[13], path.points[k, 0])):
            assert abs(_number(tex) - exact) <= 0.005 * max(1.0, abs(exact)) + 1e-12


def test_update_equation_rejects_steps_the_path_did_not_make():
    path = gradient_descent(Curve("w**2", variable="w"), 1.0, 0.25, max_steps=2)
    with pytest.raises(ValueError):
        update_equation(path, 0)
    with pytest.raises(ValueError):
        update_equation(path, path.steps + 1)


def test_step_caption_says_direction_and_numbers():
    left, right = paths_of(GradientDescent1D, starts=GradientDescent1D.starts)
    assert step_caption(left, 1) == "Step 1: the slope -4.00 is negative, so w moves right to 0.00 and f falls to 1.50."
    assert step_caption(right, 1) == "Step 1: the slope 4.00 is positive, so w moves left to 2.00 and f falls to 1.50."
    bouncing = gradient_descent(Curve("w**2", variable="w"), 1.0, 1.5, max_steps=5)
    assert "overshot" in step_caption(bouncing, 1)


# -- the visible part of a walk ---------------------------------------------------------------
def test_visible_count_stops_at_the_first_point_outside():
    path = gradient_descent(Curve("(w - 1)**2 + 0.5", variable="w"), 3.0, 1.1, max_steps=60)
    assert path.status == "diverged"
    count = visible_count(path.points, path.values, (-3.0, 5.0), (0.0, 20.0))
    xs = path.points[:, 0]
    assert count == 4  # 3, -1.4, 3.88, -2.456; then 5.15 is past the right edge
    assert np.all((xs[:count] >= -3) & (xs[:count] <= 5)) and not -3 <= xs[count] <= 5
    # Coming back into view later does not count.
    assert visible_count([[0.0], [9.0], [0.0]], [0.0, 0.0, 0.0], (-1, 1), (-1, 1)) == 1
    assert visible_count([[0.0], [0.5]], [0.0, 0.1], (-1, 1), (-1, 1)) == 2


def test_exit_point_lies_on_the_border_along_the_segment():
    x, y = exit_point((0.0, 0.0), (4.0, 1.0), (-1.0, 2.0), (-1.0, 1.0))
    assert (x, y) == pytest.approx((2.0, 0.5))
    x, y = exit_point((0.0, 0.0), (1.0, 10.0), (-1.0, 2.0), (-1.0, 1.0))
    assert (x, y) == pytest.approx((0.1, 1.0))


def test_short_outcome_names_each_status():
    curve = Curve("(w - 1)**2 + 0.5", variable="w")
    rates = LearningRates.learning_rates
    paths = [gradient_descent(curve, 3.0, lr, max_steps=60) for lr in rates]
    texts = [short_outcome(p, len(p.points)) for p in paths]
    assert texts[0] == "still moving after 60 steps (w = 1.17)"
    assert texts[1] == "settled at w = 1.00 after 22 steps"
    assert texts[2] == "bounces between w = -1.00 and 3.00"
    assert short_outcome(paths[3], 4) == "overshoots more and more; leaves the view at step 4"
    sqrt = gradient_descent(Curve("sqrt(w)", variable="w"), 3.0, 2.0, max_steps=60)
    assert sqrt.status == "left_domain" and "undefined" in short_outcome(sqrt, len(sqrt.points))
    flat = gradient_descent(Curve("w**3", variable="w"), 0.0, 0.1)
    assert flat.status == "flat_start" and "slope zero" in short_outcome(flat, 1)
    assert set(STATUS_WORDS) == {"converged", "max_steps", "oscillating", "diverged", "left_domain", "flat_start"}


# -- defaults do what the lesson says ---------------------------------------------------------
def test_default_starts_lie_on_both_sides_and_converge():
    left, right = paths_of(GradientDescent1D, starts=GradientDescent1D.starts)
    assert left.gradients[0, 0] < 0 < right.gradients[0, 0]
    assert left.points[1, 0] > left.points[0, 0] and right.points[1, 0] < right.points[0, 0]
    assert left.status == right.status == "converged"


def test_default_learning_rates_crawl_settle_bounce_and_diverge():
    paths = paths_of(LearningRates, rates=LearningRates.learning_rates)
    assert [p.status for p in paths] == ["max_steps", "converged", "oscillating", "diverged"]


def test_view_contains_the_graph_and_the_starts():
    curve = Curve("(w - 1)**2 + 0.5", variable="w")
    assert _view(curve, (-2.0, 4.0), [-1.0, 3.0]) == ((-2.0, 4.0, 1.0), (0.0, 10.0, 2.0))
    x_range, y_range = _view(curve, (-1.0, 1.0), [6.0])
    assert x_range[1] >= 6.0 and y_range[1] >= curve(6.0)


def test_caption_parts_keep_each_part_to_two_lines():
    message = paths_of(LearningRates, rates=(1.1,))[0].message
    parts = caption_parts(message, 64)
    assert " ".join(parts) == message
    assert all(len(textwrap.wrap(p, 64)) <= 2 for p in parts)


# -- bad configuration fails at build time, naming the attribute ---------------------------
def _build(scene_class):
    with tempconfig(DRY):
        scene_class().setup()


def test_start_where_f_is_undefined_names_the_attribute():
    class Outside(GradientDescent1D):
        function = "sqrt(w)"
        starts = (2.0, -1.0)

    with pytest.raises(DomainError, match=r"Outside\.starts\[1\] = -1\.0"):
        _build(Outside)

    class OutsideRates(LearningRates):
        function = "log(w)"
        start = 0.0

    with pytest.raises(DomainError, match=r"OutsideRates\.start = 0\.0"):
        _build(OutsideRates)


def test_bad_function_names_the_attribute():
    class Typo(LearningRates):
        function = "w +* 2"

    with pytest.raises(ExpressionError, match=r"Typo\.function"):
        _build(Typo)


def test_bad_counts_are_rejected():
    class TooMany(LearningRates):
        learning_rates = (0.1, 0.2, 0.3, 0.4, 0.5)

    class Negative(GradientDescent1D):
        steps = -1

    with pytest.raises(ValueError, match="one to four"):
        _build(TooMany)
    with pytest.raises(ValueError, match="steps"):
        _build(Negative)


# -- real renders -------------------------------------------------------------------------------
@pytest.mark.render
def test_gradient_descent_renders_with_captions_in_order(render):
    r = render(GradientDescent1D, **CACHED)
    assert r.movie.exists() and r.movie.stat().st_size > 0
    subs = r.subcaptions()
    assert subs[0] == "Gradient descent: Step against the slope, from either side"
    left, right = r.scene.paths
    expected = [
        "Start at w = -1.00. The tangent falls",
        step_caption(left, 1), step_caption(left, 2), step_caption(left, 3),
        "Start on the other side at w = 3.00. The tangent rises",
        step_caption(right, 1), step_caption(right, 3),
        "Slope negative: w grows. Slope positive: w shrinks.",
        "left to run: reached the minimum at w = 1 after 29 steps",
    ]
    positions = [next(i for i, s in enumerate(subs) if e in s) for e in expected]
    assert positions == sorted(positions)
    assert left.status == right.status == "converged" and left.message == right.message
    assert sum("left to run: r" + left.message[1:] in s for s in subs) == 2


@pytest.mark.render
def test_learning_rates_render_each_status_message(render):
    r = render(LearningRates, **CACHED)
    assert r.movie.exists()
    subs = " ".join(r.subcaptions())
    paths = r.scene.paths
    assert [p.status for p in paths] == ["max_steps", "converged", "oscillating", "diverged"]
    spots = [subs.index(p.message.split(":")[0]) for p in paths]
    assert spots == sorted(spots)
    # The diverging walk is cut where it leaves the view, inside its panel.
    diverged = r.scene.panels[3]
    assert diverged.shown_points < len(diverged.path.points)
    assert _inside(diverged.trail, diverged.axes)


def _inside(group, axes, slack=0.1):
    points = np.concatenate([m.points for m in group.family_members_with_points()])
    (left, bottom, _), (right, top, _) = axes.coords_to_point(axes.x_range[0], axes.y_range[0]), axes.coords_to_point(axes.x_range[1], axes.y_range[1])
    return bool(np.all(np.isfinite(points)) and points[:, 0].min() >= left - slack and points[:, 0].max() <= right + slack
                and points[:, 1].min() >= bottom - slack and points[:, 1].max() <= top + slack)


@pytest.mark.render
@pytest.mark.parametrize("scene_class", [DoubleWell, PoleDescent])
def test_other_functions_render(render, scene_class):
    r = render(scene_class, **CACHED)
    assert r.movie.exists()
    subs = r.subcaptions()
    assert any(f"Step {scene_class.steps}:" in s for s in subs)
    for path in r.scene.paths:
        assert path.status == "converged"
        assert any(path.message[1:30] in s for s in subs)


@pytest.mark.render
def test_left_domain_renders(render):
    r = render(SqrtRates, **CACHED)
    assert r.movie.exists()
    assert [p.status for p in r.scene.paths] == ["left_domain"] * 3
    subs = " ".join(r.subcaptions())
    assert subs.count("where sqrt(w) is undefined") == 3
    for panel in r.scene.panels:
        assert _inside(panel.trail, panel.axes)


# -- edge cases run through construct (dry run: every animation, no frames) ---------------------
class LandsOnTheMinimum(QuickDescent):
    function = "w**2"  # 2 - 0.5 * 4 = 0 exactly: the ball lands on the axis, the drop line has length 0
    w_range = (-2.0, 2.5)
    starts = (2.0,)
    learning_rate = 0.5


class FlatStart(QuickDescent):
    function = "w**3"
    starts = (0.0, 1.0)
    w_range = (-1.5, 1.5)
    learning_rate = 0.1


class SqrtDescent(QuickDescent):
    function = "sqrt(w)"
    w_range = (-1.0, 4.0)
    starts = (3.0,)
    learning_rate = 2.0
    steps = 6


class FarTooLarge(QuickDescent):
    starts = (3.0,)
    learning_rate = 1.5


@pytest.mark.parametrize("scene_class", [LandsOnTheMinimum, FlatStart, SqrtDescent, FarTooLarge])
def test_edge_cases_run_without_nan(scene_class):
    with tempconfig({**DRY, **CACHED}):
        scene = scene_class()
        scene.render()
    for mobject in scene.mobjects:
        for part in mobject.family_members_with_points():
            assert np.all(np.isfinite(part.points)), part
    statuses = [p.status for p in scene.paths]
    if scene_class is FlatStart:
        assert statuses == ["flat_start", "max_steps"] and scene.shown[0] == 0  # w**3 creeps toward its inflection point
    if scene_class is SqrtDescent:
        assert statuses == ["left_domain"] and scene.shown == [4]  # all of its 4 steps, not 6
    if scene_class is FarTooLarge:
        # 3 -> -3 leaves the view (-2 .. 4) at once: no step is shown, the caption says so.
        assert statuses == ["diverged"] and scene.shown == [0]
