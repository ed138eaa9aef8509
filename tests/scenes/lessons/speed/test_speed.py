"""Tests of the PositionToSpeed lesson: its pure helpers against exact roots, and real renders."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy
from manim import tempconfig

from mathcore import Curve, ExpressionError
from scenes.lessons.speed import captions as words
from scenes.lessons.speed.scene import PositionToSpeed, find_turns
from scenes.kit.storyboard import with_settings


# -- find_turns ------------------------------------------------------------------------------
def exact_turning_times(text: str, t_range: tuple[float, float]) -> list[float]:
    """Roots of the exact derivative inside ``t_range`` where it changes sign (sympy)."""
    curve = Curve(text, variable="t")
    t = curve.symbols[0]
    speed = curve.derivative.expr
    roots = sympy.solveset(speed, t, sympy.Interval.open(*t_range))
    assert isinstance(roots, sympy.FiniteSet), roots
    times = []
    for root in sorted(float(r) for r in roots):
        before, after = (float(speed.subs(t, root + d)) for d in (-1e-6, 1e-6))
        if before * after < 0:
            times.append(root)
    return times


@pytest.mark.parametrize(
    "text, t_range",
    [
        ("t**3 - 6*t**2 + 9*t", (0, 4)),
        ("10*t - t**2", (0, 6)),
        ("2*sin(t)", (0, 10)),
        ("t**4 - 5*t**2 + 4", (-3, 3)),
        ("t**3/3 - 2*t**2 + 3*t + 1", (-1, 5)),
        ("(t - 1)**3 * (t - 4)", (0, 5)),  # a triple root at 1: no turn there, one at 13/4
    ],
)
def test_find_turns_matches_exact_roots(text, t_range):
    turns = find_turns(Curve(text, variable="t"), t_range)
    expected = exact_turning_times(text, t_range)
    assert [turn.time for turn in turns] == pytest.approx(expected, abs=1e-9)
    assert not any(turn.sharp for turn in turns)
    curve = Curve(text, variable="t")
    for turn in turns:
        assert turn.position == pytest.approx(curve(turn.time), abs=1e-9)


def test_find_turns_default_lesson_numbers():
    turns = find_turns(Curve(PositionToSpeed.position, variable="t"), PositionToSpeed.t_range)
    assert [(turn.time, turn.position, turn.kind) for turn in turns] == [(1.0, 4.0, "maximum"), (3.0, 0.0, "minimum")]


def test_find_turns_touching_zero_is_not_a_turn():
    # v = 3 t^2 is zero at 0 but never negative: the object pauses, it does not turn.
    assert find_turns(Curve("t**3", variable="t"), (-1, 1)) == ()


def test_find_turns_corner_is_a_sharp_turn():
    (turn,) = find_turns(Curve("abs(t - 2)", variable="t"), (0, 4))
    assert turn.sharp
    assert turn.time == pytest.approx(2.0, abs=1e-9)
    assert turn.position == pytest.approx(0.0, abs=1e-9)


@pytest.mark.parametrize("text", ["1/(t - 2)**2", "log(abs(t - 2))", "1/(t - 2)"])
def test_find_turns_sign_change_across_a_pole_is_not_a_turn(text):
    assert find_turns(Curve(text, variable="t"), (0, 4)) == ()


def test_find_turns_partly_undefined_position():
    (turn,) = find_turns(Curve("sqrt(t) * (3 - t)", variable="t"), (-2, 4))
    assert turn.time == pytest.approx(1.0, abs=1e-9)  # v = (3 - 3t) / (2 sqrt(t))
    assert turn.position == pytest.approx(2.0, abs=1e-9)


@pytest.mark.parametrize("t_range", [(1, 1), (2, 1), (0, math.inf), (math.nan, 1)])
def test_find_turns_rejects_bad_range(t_range):
    with pytest.raises(ValueError, match="t_range"):
        find_turns(Curve("t", variable="t"), t_range)


# -- configuration -----------------------------------------------------------------------------
def test_validate_accepts_the_default():
    PositionToSpeed.validate()


@pytest.mark.parametrize(
    "attributes, error",
    [
        ({"position": "x**2"}, ExpressionError),  # not a formula of t
        ({"position": "__import__('os')"}, ExpressionError),
        ({"position": "log(t)", "t_range": (-3, -1)}, ValueError),  # undefined everywhere
        ({"t_range": (3, 1)}, ValueError),
        ({"t_range": "soon"}, ValueError),
        ({"t_range": (0, 1e-300)}, ValueError),
        ({"t_range": (0, float("nan"))}, ValueError),
        ({"turn_samples": 10**12}, ValueError),
        ({"decimals": 400}, ValueError),
        ({"caption_width": 0}, ValueError),
        ({"sweep_run_time": float("nan")}, ValueError),
        ({"position": "sin(1000*t)"}, ValueError),  # 1,273 turns: refused, not 8 minutes of pauses
        ({"position": "1e9*t"}, ValueError),  # too large to read
    ],
)
def test_validate_rejects_bad_configuration(attributes, error):
    variant = with_settings(PositionToSpeed, **attributes)
    with pytest.raises(error) as caught:
        variant.validate()
    assert "\n" not in str(caught.value)


def test_a_fast_oscillation_is_refused_naming_the_setting_and_the_count():
    with pytest.raises(ValueError, match=r"PositionToSpeed.position = 'sin\(1000\*t\)': the object turns 12\d\d times"):
        with_settings(PositionToSpeed, position="sin(1000*t)").validate()


def built(scene_class):
    """A scene with its cast built (setup), not rendered."""
    with tempconfig({"dry_run": True, "verbosity": "WARNING", "pixel_width": 320, "pixel_height": 180}):
        scene = scene_class()
        scene.setup()
    return scene


def test_show_time_puts_every_live_part_at_mathcore_values():
    scene = built(PositionToSpeed)
    t = 2.4
    scene.show_time(t)
    x, v = scene.curve(t), scene.curve.derivative(t)
    t_readout, x_readout, v_readout = scene.cast.readouts
    assert t_readout.number.number == pytest.approx(2.40)
    assert x_readout.number.number == pytest.approx(round(x, 2))
    assert v_readout.number.number == pytest.approx(round(v, 2))
    np.testing.assert_allclose(scene.ball.get_center(), scene.track.n2p(x), atol=1e-9)
    np.testing.assert_allclose(scene.position_dot.get_center(), scene.position_axes.c2p(t, x), atol=1e-9)
    np.testing.assert_allclose(scene.speed_dot.get_center(), scene.speed_axes.c2p(t, v), atol=1e-9)
    # The tangent passes through (t, x) with the slope v, measured in graph coordinates.
    start, end = (scene.position_axes.p2c(p) for p in scene.tangent.get_start_and_end())
    assert (end[1] - start[1]) / (end[0] - start[0]) == pytest.approx(v, rel=1e-6)
    # The traced graphs end at the current time.
    assert scene.position_axes.p2c(scene.position_trace[0].get_end())[0] == pytest.approx(t, abs=1e-6)
    assert scene.speed_axes.p2c(scene.speed_trace[0].get_end())[0] == pytest.approx(t, abs=1e-6)


def test_show_time_hides_what_is_undefined():
    class Log(PositionToSpeed):
        position = "log(t - 1)"
        t_range = (0, 4)

    scene = built(Log)
    assert scene.first_defined_time() > 1.0
    scene.show_time(0.5)  # log of a negative number: no position, no speed
    assert scene.ball.get_fill_opacity() == 0
    assert scene.tangent.get_stroke_opacity() == 0
    assert scene.cast.readouts[1].number.get_fill_opacity() == 0
    assert scene.cast.readouts[1].unit.get_fill_opacity() == 0  # no "x = m" without a number
    scene.show_time(3.0)
    assert scene.ball.get_fill_opacity() == 1
    assert scene.cast.readouts[2].number.number == pytest.approx(0.5)
    assert scene.cast.readouts[1].unit.get_fill_opacity() == 1


def test_x_and_v_are_read_at_the_time_shown():
    scene = built(PositionToSpeed)
    scene.show_time(2.4037)  # the readout shows t = 2.40, so x and v are those at 2.40
    t_readout, x_readout, v_readout = scene.cast.readouts
    assert t_readout.shown_text == "2.40"
    assert x_readout.shown_text == f"{scene.curve(2.40):.2f}"
    assert v_readout.shown_text == f"{scene.speed(2.40):.2f}"
    scene.show_time(1.0)  # a turn: v = 0 exactly, written as 0
    assert v_readout.shown_text == "0"


def test_captions_for_a_corner_and_for_a_still_object():
    class Corner(PositionToSpeed):
        position = "abs(t - 2)"
        t_range = (0, 4)

    corner = built(Corner)
    (turn,) = corner.turns
    assert words.turn_caption(turn) == "At t = 2.00 s the object turns at x = 0 m without stopping: v jumps across zero."
    assert math.isnan(corner.speed_at(turn.time))  # no speed at the corner itself
    assert words.no_turn_caption(True) == "This object stays put: its speed is zero the whole time."


def plan(position: str, t_range, paused: int = 3):
    curve = Curve(position, variable="t")
    return words.time_plan(curve, t_range, find_turns(curve, t_range), paused, 2)


def test_braking_turns_once_and_each_move_names_its_direction():
    legs = plan("10*t - t**2", (0, 6))
    assert [words.move_caption(leg) if isinstance(leg, words.Move) else words.turn_caption(leg) for leg in legs] == [
        "From t = 0 to 5.00 s, v > 0: the object moves right, toward larger x.",
        "At t = 5.00 s, v = 0: the object stops for an instant at x = 25.00 m and turns.",
        "From t = 5.00 to 6.00 s, v < 0: the object moves left, toward smaller x.",
    ]


def test_a_periodic_motion_pauses_at_the_first_turns_and_counts_the_rest():
    legs = plan("sin(4*t)", (0, 6), paused=2)
    turns = [leg for leg in legs if isinstance(leg, words.Turn)]
    assert [round(turn.time, 2) for turn in turns] == [0.39, 1.18]
    assert legs[-1].turns == 6 and legs[-1].speed is None
    assert "6 more times" in words.move_caption(legs[-1])


@pytest.mark.parametrize(("position", "t_range"), [("2*t + sin(t)", (0, 8)), ("1/(t - 2)", (0, 4)), ("exp(t)", (0, 3))])
def test_without_a_turn_one_move_covers_the_run(position, t_range):
    (leg,) = plan(position, t_range)
    assert isinstance(leg, words.Move) and leg.turns == 0


# -- real renders --------------------------------------------------------------------------------
@pytest.fixture
def shared_tex():
    """The content-hashed LaTeX and text cache the other scene tests share (the renders
    would otherwise compile every label again in each test's temporary folder)."""
    from tests.golden import CACHED

    return CACHED


@pytest.mark.render
def test_render_default_lesson(render, shared_tex):
    result = render(PositionToSpeed, **shared_tex)
    assert result.movie.exists() and result.movie.stat().st_size > 0
    captions = result.subcaptions()
    expected_in_order = [
        "Position and speed",
        "An object on a line",
        "graph of x(t)",
        "v = dx/dt",
        "Let time run",
        "From t = 0 to 1.00 s, v > 0: the object moves right",
        "At t = 1.00 s, v = 0: the object stops for an instant at x = 4.00 m and turns.",
        "From t = 1.00 to 3.00 s, v < 0: the object moves left",
        "At t = 3.00 s, v = 0: the object stops for an instant at x = 0 m and turns.",
        "From t = 3.00 to 4.00 s, v > 0",
        "0 at a turn",
    ]
    for expected in expected_in_order:
        assert any(expected in caption for caption in captions), (expected, captions)
    assert 40 <= result.scene.time <= 90


def test_each_unit_sits_right_of_its_number_even_when_every_value_shows_as_0():
    from scenes.parts.panels.motion_panel import MotionCast

    with tempconfig({"dry_run": True, "verbosity": "WARNING"}):
        cast = MotionCast(2, ((0.0, 3.0), (-0.001, 0.0004), (-0.0009, 0.0008)))  # x and v all round to 0
    for readout in cast.readouts:
        assert readout.unit.get_left()[0] >= readout.number.get_right()[0] - 1e-6, readout.label
        assert readout.unit.get_left()[0] > readout.label.get_right()[0]
