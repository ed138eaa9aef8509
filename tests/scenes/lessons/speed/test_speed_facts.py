"""The speed lesson's facts come from mathcore's exact sign runs of v, not from samples:
a touching zero is a stop without a turn, a corner or a cusp is a sharp turn, a pole or a
gap breaks x(t) without a turn, and no caption mentions a panel the lesson does not show."""

from __future__ import annotations

import pytest

from mathcore import Curve
from scenes.kit.claims import claim_problems
from scenes.lessons.speed import captions as words
from scenes.lessons.speed import facts

#: Positions with each feature v can have: turns, a touching zero, a corner, a cusp, a pole
#: with and without a sign change, a plateau, a stretch with no value, two touching zeros.
FAMILY = [
    ("t**3 - 6*t**2 + 9*t", (0.0, 4.0)),
    ("(t - 2)**3 + 1", (0.0, 4.0)),
    ("10*t - t**2", (0.0, 6.0)),
    ("abs(t - 2)", (0.0, 4.0)),
    ("sqrt(abs(t - 2))", (0.0, 4.0)),
    ("1/(t - 2)", (0.0, 4.0)),
    ("1/(t - 2)**2", (0.0, 4.0)),
    ("relu(t - 2)", (0.0, 4.0)),
    ("log(t - 1)", (1.01, 4.0)),
    ("(t - 1)**3*(t - 3)**3/10 + t", (0.0, 4.0)),
    ("-(t - 1)**3", (0.0, 3.0)),
    ("sin(4*t)", (0.0, 6.0)),
]


def caption_of(leg) -> str:
    if isinstance(leg, facts.Move):
        return words.move_caption(leg)
    return words.turn_caption(leg) if isinstance(leg, facts.Turn) else words.touch_caption(leg)


def test_a_touching_zero_of_v_is_a_stop_not_a_sign_change():
    curve = Curve("(t - 2)**3 + 1", variable="t")
    assert facts.find_turns(curve, (0, 4)) == ()
    legs = facts.time_plan(curve, (0.0, 4.0), (), 3, 2)
    assert [type(leg).__name__ for leg in legs] == ["Move", "Touch", "Move"]
    texts = [caption_of(leg) for leg in legs]
    assert texts == [
        "From t = 0 to 2.00 s, v > 0: the object moves right, toward larger x.",
        "At t = 2.00 s, v = 0: the object stops for an instant, then goes on the same way.",
        "From t = 2.00 to 4.00 s, v > 0: the object moves right, toward larger x.",
    ]
    never = facts.NoTurn(False, 1)
    assert "never changed sign" in words.no_turn_caption(never)


def test_a_cusp_is_a_sharp_turn_and_a_pole_no_turn():
    (cusp,) = facts.find_turns(Curve("sqrt(abs(t - 2))", variable="t"), (0, 4))
    assert cusp.sharp and cusp.time == pytest.approx(2.0) and cusp.kind == "minimum"
    (leg,) = facts.time_plan(Curve("1/(t - 2)**2", variable="t"), (0.0, 4.0), (), 3, 2)
    assert leg.speed is None and leg.breaks == pytest.approx((2.0,)) and leg.signs == (1, -1)
    assert words.move_caption(leg) == "From t = 0 to 4.00 s, v > 0 before x(t) breaks at t = 2.00 and v < 0 after."


@pytest.mark.parametrize(("position", "t_range"), FAMILY)
def test_every_leg_is_true_and_never_points_at_a_missing_panel(position, t_range):
    curve = Curve(position, variable="t")
    turns = facts.find_turns(curve, t_range)
    legs = facts.time_plan(curve, t_range, turns, 3, 2)
    assert legs[0].start == t_range[0] and legs[-1].end == t_range[1]
    for leg in legs:
        text = caption_of(leg)
        assert "panel" not in text and "e-" not in text and len(text) <= 84, text
        assert claim_problems(text, leg) == [], (position, text)
        if isinstance(leg, facts.Move) and leg.speed is not None and leg.speed != 0:
            runs = [r for r in curve.sign_runs((leg.start, leg.end)) if r.length > 1e-9 * (leg.end - leg.start)]
            assert {run.sign for run in runs} == {1 if leg.speed > 0 else -1}  # one way all along
        if isinstance(leg, (facts.Turn, facts.Touch)) and not getattr(leg, "sharp", False):
            assert abs(curve.derivative(leg.time)) < 1e-9


@pytest.mark.parametrize(("position", "way"), [("abs(t - 2)", "left"), ("2 - abs(t - 2)", "right"), ("sqrt(abs(t - 2))", "left")])
def test_a_move_that_ends_at_a_corner_has_one_direction(position, way):
    curve = Curve(position, variable="t")
    legs = facts.time_plan(curve, (0.0, 4.0), facts.find_turns(curve, (0.0, 4.0)), 3, 2)
    assert [type(leg).__name__ for leg in legs] == ["Move", "Turn", "Move"]
    first, turn, last = legs
    assert turn.sharp and first.speed is not None and last.speed is not None
    assert f"moves {way}" in words.move_caption(first)
    assert "speed to show" not in words.move_caption(first) + words.move_caption(last)


def test_the_summary_says_0_at_a_turn_only_when_a_turn_is_smooth():
    assert "0 at a turn" in words.summary_caption(True, True)
    assert "0 at a turn" not in words.summary_caption(True, False)  # abs(t - 2): v has no value there
