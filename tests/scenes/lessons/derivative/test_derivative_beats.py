"""The derivative lesson's facts and captions over a family of functions, without drawing;
then a few dry runs of the scene (beats, pace, claims, layout) and its settings checks."""

from __future__ import annotations

import math

import pytest

from mathcore import Curve
from scenes.lessons.derivative import captions as words
from scenes.kit.claims import claim_problems
from scenes.kit.spoken import spoken_of, spoken_problems
from scenes.lessons.derivative.scene import TangentSlope
from scenes.parts.plot2d.curve_spots import sweep_segments
from scenes.kit.storyboard import dry_run, with_settings
from scenes.kit.numbers import number
from scenes.lessons.derivative.facts import Stretch

#: (function, x_range) for the family: one and two minima, inflection, sigmoid tails, a pole,
#: steep and gentle bowls, exp, a near-plateau, a corner, a constant, a fast sine.
FAMILY = [
    ("x**3/3 - x", (-2.5, 2.5)),
    ("x**2", (-2.5, 2.5)),
    ("x**3 - 3*x", (-2.5, 2.5)),
    ("0.1*x**4 - x**2", (-4.0, 4.0)),
    ("x**4 - 3*x**2", (-2.5, 2.5)),
    ("x**3", (-2.0, 2.0)),
    ("1/(1 + exp(-x))", (-6.0, 6.0)),
    ("1/x", (-2.5, 2.5)),
    ("100*x**2", (-2.5, 2.5)),
    ("0.01*x**2", (-2.5, 2.5)),
    ("exp(x)", (-2.5, 2.5)),
    ("0.001*x", (-2.5, 2.5)),
    ("abs(x)", (-2.0, 2.0)),
    ("3 + 0*x", (-2.0, 2.0)),
    ("sin(5*x)", (-2.5, 2.5)),
    ("1/x**2", (-2.0, 2.0)),
]


def plan(function: str, x_range, max_stops: int = 3):
    curve = Curve(function)
    low, high = with_settings(TangentSlope, x_range=x_range).y_scale(curve).as_range()[:2]
    margin = 0.04 * (high - low)
    segments = sweep_segments(curve, x_range, (low + margin, high - margin))
    return curve, words.sweep_plan(curve, segments, 2, max_stops)


def caption_of(leg) -> str:
    if isinstance(leg, words.Stretch):
        return words.stretch_caption(leg)
    if isinstance(leg, words.Stop):
        return words.stop_caption(leg)
    return words.gap_caption(leg)


@pytest.mark.parametrize(("function", "x_range"), FAMILY)
def test_every_caption_of_the_slide_is_backed_by_its_facts(function, x_range):
    curve, legs = plan(function, x_range)
    assert legs, function
    for leg in legs:
        text = caption_of(leg)
        assert claim_problems(text, leg) == [], (function, text)
        assert spoken_problems(text, spoken_of(text)) == [], text  # said from the same values
        assert "e-" not in text and len(text) <= 84, text
        if isinstance(leg, words.Stretch) and leg.slope is not None:
            # The sign named holds at both ends of the stretch as well as the middle.
            for x in (leg.start + 1e-3 * (leg.end - leg.start), leg.end - 1e-3 * (leg.end - leg.start)):
                assert math.copysign(1, curve.slope(x)) == math.copysign(1, leg.slope) or leg.slope == 0, (function, leg)
        if isinstance(leg, words.Stop):
            assert abs(curve.slope(leg.x)) < 1e-6


def test_the_legs_run_in_order_without_holes():
    _, legs = plan("0.1*x**4 - x**2", (-4.0, 4.0))
    stretches = [leg for leg in legs if isinstance(leg, words.Stretch)]
    for a, b in zip(stretches, stretches[1:]):
        assert a.end == pytest.approx(b.start)
    kinds = [leg.kind for leg in legs if isinstance(leg, words.Stop)]
    assert kinds == ["minimum", "maximum", "minimum"]  # both wells and the hump between


def test_the_caption_about_a_flat_point_names_its_kind_and_ends_with_it():
    _, legs = plan("x**3/3 - x", (-2.5, 2.5))
    texts = [caption_of(leg) for leg in legs]
    assert texts == [
        "From x = -2.50 to -1.00, f' > 0: f rises to 0.67.",
        "At x = -1.00 the tangent is flat, f' = 0: a hilltop of f.",
        "From x = -1.00 to 1.00, f' < 0: f falls to -0.67.",
        "At x = 1.00 the tangent is flat, f' = 0: a valley floor of f.",
        "From x = 1.00 to 2.50, f' > 0: f rises to 2.71.",
    ]


def test_an_inflection_a_corner_and_a_pole_are_told_apart():
    _, legs = plan("x**3", (-2.0, 2.0))
    assert [leg.kind for leg in legs if isinstance(leg, words.Stop)] == ["inflection"]
    assert "goes on the same way" in caption_of(legs[1])
    _, legs = plan("abs(x)", (-2.0, 2.0))
    gap = next(leg for leg in legs if isinstance(leg, words.Gap))
    assert gap.corner == pytest.approx(0.0, abs=1e-6) and "corner" in caption_of(gap)
    _, legs = plan("1/x", (-2.5, 2.5))
    gap = next(leg for leg in legs if isinstance(leg, words.Gap))
    assert gap.corner is None and "breaks" in caption_of(gap)
    assert not any(isinstance(leg, words.Stop) for leg in legs)


def test_beyond_the_last_stop_a_stretch_counts_its_turns_and_claims_no_sign():
    _, legs = plan("sin(5*x)", (-2.5, 2.5), max_stops=2)
    assert sum(isinstance(leg, words.Stop) for leg in legs) == 2
    last = legs[-1]
    assert last.slope is None and last.turns >= 3
    assert "changes" in caption_of(last) and "rises" not in caption_of(last)


def test_a_constant_is_flat_all_along_and_never_said_to_rise():
    _, legs = plan("3 + 0*x", (-2.0, 2.0))
    assert [caption_of(leg) for leg in legs] == ["From x = -2.00 to 2.00, f' = 0: the tangent is flat and f stays level."]


@pytest.mark.parametrize(("function", "decimals"), [("x**2", 2), ("0.01*x**2", 3), ("0.001*x", 4), ("100*x**2", 2)])
def test_slopes_get_digits_enough_not_to_round_to_zero(function, decimals):
    assert words.slope_decimals(Curve(function), (-2.5, 2.5), 2) == decimals


def test_the_secant_and_tangent_captions_show_the_numbers_a_learner_reads():
    facts = words.SecantFacts("x", 1.5, 2.5, 37 / 12, 2)
    assert words.secant_caption(facts) == (
        "Join two points, at x = 1.5 and x = 2.5: the line is a secant.",
        "Its slope is rise over run: Δy / Δx = 3.08.",
    )
    assert words.tangent_caption(words.TangentFacts("t", -0.0001, -1e-9, 2)).endswith("f'(0) = 0.")
    assert words.point_text(1.25) == "1.25" and words.point_text(-2.0) == "-2"
    assert words.secant_caption(words.SecantFacts("y", 1.0, 2.0, 3.0, 2))[1] == "Its slope is rise over run: Δf / Δy = 3.00."


def test_a_formula_in_another_name_is_a_formula_of_that_name():
    scene = with_settings(TangentSlope, function="0.1*w**4 - w**2", x_range=(-4.0, 4.0))
    scene.validate()
    assert scene.formula_variable == "w"
    with pytest.raises(ValueError, match=r"TangentSlope.function"):
        with_settings(TangentSlope, function="x*y").validate()


# -- the scene, dry-run ------------------------------------------------------------------------
class CubicTangent(TangentSlope):  # the README's subclass
    function = "x**3 - 3*x"
    x_range = (-2.5, 2.5)
    x0 = -1.5


@pytest.fixture(scope="module")
def default_board():
    return dry_run(TangentSlope)


@pytest.mark.parametrize(
    "settings",
    [{"function": "0.1*x**4 - x**2", "x_range": (-4.0, 4.0)}, {"function": "1/x"}],
    ids=["double-well", "pole"],
)
def test_dry_run_has_no_problems(settings):
    board = dry_run(TangentSlope, **settings)
    assert board.problems() == []
    assert board.duration < 180


def test_the_readme_subclass_and_a_sigmoid_sweep_their_whole_range():
    board = dry_run(CubicTangent)
    assert board.problems() == []
    assert any("At x = -1.00 the tangent is flat" in c for c in board.captions)
    sigmoid = with_settings(TangentSlope, function="1/(1 + exp(-x))", x_range=(-6.0, 6.0), x0=0.5)
    board = dry_run(sigmoid)
    assert board.problems() == []
    assert "From x = -6.00 to 6.00, f' > 0: f rises to 1.00." in board.captions  # the sweep follows x_range


def test_the_default_has_no_problems_and_a_flat_caption_ends_before_the_tangent_moves_on(default_board):
    board = default_board
    assert board.problems() == []
    stops = [b for b in board.beats if isinstance(b.facts, words.Stop)]
    assert len(stops) == 2
    for beat in stops:
        following = board.beats[board.beats.index(beat) + 1]
        assert isinstance(following.facts, words.Stretch) and following.facts.start == beat.facts.x
        assert beat.end <= following.start


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"x_range": (0.0, 1e-300)}, "x_range"),
        ({"x_range": (float("nan"), 1.0)}, "x_range"),
        ({"x0": 9.0}, "x0"),
        ({"decimals": 400}, "decimals"),
        ({"caption_width": 0}, "caption_width"),
        ({"h_start": 0.0}, "h_start"),
        ({"h_end": 2.0}, "h_end"),
        ({"sweep_time": float("nan")}, "sweep_time"),
        ({"sweep": (5.0, 6.0)}, "sweep"),
        ({"function": "sin(1000*x)"}, "turns"),
        ({"function": "1e9*x**2"}, "too large"),
        ({"function": "1e-12*x"}, "too little"),
        ({"function": "log(x)", "x_range": (-3.0, -1.0), "x0": -2.0}, "no"),
    ],
)
def test_bad_settings_are_refused_in_one_line(settings, message):
    with pytest.raises(ValueError) as caught:
        with_settings(TangentSlope, **settings).validate()
    text = str(caught.value)
    assert message in text and "\n" not in text and "TangentSlope" in text or "f(x)" in text


class _Watched(TangentSlope):
    """TangentSlope noting, whenever it holds a caption, whether the tangent is on screen."""

    function = "abs(x - 1)"
    seen: list = []

    def hold(self, extra: float = 0.0) -> None:
        text = self.beats[-1].text if self.beats else ""
        shown = self.tangent in self.get_mobject_family_members() and self.tangent.get_stroke_opacity() > 0
        type(self).seen.append((text, shown))
        super().hold(extra)


def test_no_tangent_is_drawn_while_the_caption_says_there_is_none():
    _Watched.seen = []
    board = dry_run(_Watched)
    assert board.problems() == []
    corner = [shown for text, shown in _Watched.seen if "corner: no tangent" in text]
    assert corner and not any(corner)
    assert "From x = -2.50 to 1.00, f' < 0: f falls to 0." in board.captions


@pytest.mark.parametrize(
    ("function", "x_range"), [("0.001*x", (-2.5, 2.5)), ("1000*x**2", (-2.5, 2.5)), ("exp(-x)", (0.0, 20.0)), ("exp(-x**2)", (-2.5, 2.5))]
)
def test_a_stretch_names_where_f_goes_with_digits_that_show_the_change(function, x_range):
    curve, legs = plan(function, x_range)
    for leg in legs:
        if isinstance(leg, Stretch) and (leg.rose or leg.fell):
            text = caption_of(leg)
            value = text.rsplit(" to ", 1)[1].rstrip(".")
            assert value != number(curve.value(leg.start), leg.value_decimals), text  # the change shows
            assert value != "0" or curve.value(leg.end) == 0, text  # f = 0.0019 does not "fall to 0"
            assert value != "almost 0" or 0 < abs(curve.value(leg.end)) < 1e-6, text
            assert claim_problems(text, leg) == []
