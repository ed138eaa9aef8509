"""The position-and-speed lesson's captions over a family of positions, without drawing;
then dry runs of the scene (beats, pace, claims, layout), the README's subclass included."""

from __future__ import annotations

import pytest

from mathcore import Curve
from scenes.lessons.speed import captions as words
from scenes.kit.claims import claim_problems
from scenes.kit.spoken import spoken_of, spoken_problems
from scenes.lessons.speed.scene import PositionToSpeed
from scenes.kit.storyboard import dry_run

#: Positions a teacher might type: turns twice, braking, a throw, a swing, uniform motion,
#: standing still, a corner, a pole, undefined at the start, a fast swing.
FAMILY = [
    ("t**3 - 6*t**2 + 9*t", (0.0, 4.0)),
    ("10*t - t**2", (0.0, 6.0)),
    ("4*t - t**2", (0.0, 4.0)),
    ("sin(t)", (0.0, 6.0)),
    ("2*t + 1", (0.0, 4.0)),
    ("3 + 0*t", (0.0, 4.0)),
    ("abs(t - 2)", (0.0, 4.0)),
    ("1/(t - 2)", (0.0, 4.0)),
    ("log(t - 1)", (1.01, 4.0)),
    ("sin(4*t)", (0.0, 6.0)),
    ("exp(-t)", (0.0, 5.0)),
]


def caption_of(leg) -> str:
    return words.move_caption(leg) if isinstance(leg, words.Move) else words.turn_caption(leg)


@pytest.mark.parametrize(("position", "t_range"), FAMILY)
def test_every_caption_of_the_run_is_backed_by_its_facts(position, t_range):
    curve = Curve(position, variable="t")
    turns = words.find_turns(curve, t_range)
    legs = words.time_plan(curve, t_range, turns, 3, 2)
    assert legs and legs[0].start == t_range[0] and legs[-1].end == t_range[1]
    for leg in legs:
        text = caption_of(leg)
        assert claim_problems(text, leg) == [], (position, text)
        assert spoken_problems(text, spoken_of(text)) == [], text  # said from the same values
        assert "e-" not in text and len(text) <= 84, text
        if isinstance(leg, words.Move) and leg.speed is not None and leg.speed != 0:
            # "moves right" only if x did go up over the move (and left only if it went down).
            x0, x1 = curve(leg.start), curve(leg.end)
            assert ("right" in text) == (leg.speed > 0)
            if leg.moved and abs(x1 - x0) < 1e6:
                assert (x1 > x0) == (leg.speed > 0) or "1/(t" in position
        if isinstance(leg, words.Turn) and not leg.sharp:
            assert abs(curve.derivative(leg.time)) < 1e-6


def test_a_still_object_is_never_said_to_move():
    curve = Curve("3 + 0*t", variable="t")
    (leg,) = words.time_plan(curve, (0.0, 4.0), (), 3, 2)
    assert not leg.moved and words.move_caption(leg) == "From t = 0 to 4.00 s, v = 0: the object stays put."


class Braking(PositionToSpeed):  # the README's subclass
    position = "10*t - t**2"
    t_range = (0.0, 6.0)


@pytest.fixture(scope="module")
def default_board():
    return dry_run(PositionToSpeed)


def test_the_default_has_no_problems_and_each_turn_caption_ends_before_time_runs_on(default_board):
    board = default_board
    assert board.problems() == []
    turns = [b for b in board.beats if isinstance(b.facts, words.Turn)]
    assert [b.facts.time for b in turns] == [1.0, 3.0]
    for beat in turns:
        following = board.beats[board.beats.index(beat) + 1]
        assert isinstance(following.facts, words.Move) and following.facts.start == beat.facts.time
    assert board.duration < 180


@pytest.mark.parametrize("scene", [Braking], ids=["braking"])
def test_the_readme_subclass_has_no_problems(scene):
    board = dry_run(scene)
    assert board.problems() == []
    assert "At t = 5.00 s, v = 0: the object stops for an instant at x = 25.00 m and turns." in board.captions


def test_a_position_with_no_turn_says_so_without_problems():
    board = dry_run(PositionToSpeed, position="2*t + sin(t)", t_range=(0.0, 8.0))
    assert board.problems() == []
    assert any("never turns around" in c for c in board.captions)
