"""The partial-derivative captions, from facts, over a family of functions (no manim).

For every function and point: each caption's claims are backed by its facts
(:mod:`scenes.kit.claims`), its numbers are mathcore's as shown on screen, the words for the
slope follow its sign as shown, and a flat point is named by mathcore's kind.
"""

from __future__ import annotations

import pytest

from mathcore import ScalarField
from scenes.kit.claims import claim_problems
from scenes.kit.spoken import spoken_of, spoken_problems
from scenes.kit.numbers import number
from scenes.kit.pacing import MAX_SECONDS, reading_time
from scenes.lessons.partials.captions import (
    FlatFacts,
    compass,
    flat_caption,
    intro_caption,
    point_caption,
    slice_caption,
    slice_facts,
    summary_caption,
    tangent_caption,
    walk_words,
)
from scenes.lessons.common.point_facts import digits_for, point_facts, typical_slope

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
SQUARE = ((-3.0, 3.0), (-3.0, 3.0))
WIDE = ((-5.0, 5.0), (-5.0, 5.0))

#: (function, point, ranges, variables): one and several minima, saddle, plane, steep, tiny,
#: flat points, a wavy surface, inputs named x and y.
FAMILY = [
    ("0.3*(n**2 + 2*e**2)", (1.5, 1.0), SQUARE, ("n", "e")),
    ("0.3*(n**2 + 2*e**2)", (0.0, 0.0), SQUARE, ("n", "e")),
    (HIMMELBLAU, (1.0, 1.0), WIDE, ("n", "e")),
    (HIMMELBLAU, (3.0, 2.0), WIDE, ("n", "e")),
    (HIMMELBLAU, (-0.270845, -0.923039), WIDE, ("n", "e")),
    ("n**2 - e**2", (1.5, 1.0), SQUARE, ("n", "e")),
    ("n**2 - e**2", (0.0, 0.0), SQUARE, ("n", "e")),
    ("0.5*n + 0.2*e", (1.5, 1.0), SQUARE, ("n", "e")),
    ("100*(n**2 + e**2)", (1.5, 1.0), SQUARE, ("n", "e")),
    ("1e-4*(n**2 + e**2)", (1.5, 1.0), SQUARE, ("n", "e")),
    ("sin(n)*cos(e)", (1.5, 1.0), SQUARE, ("n", "e")),
    ("sin(n)*cos(e)", (1.5707963267948966, 0.0), SQUARE, ("n", "e")),
    ("0.3*x**2 + 0.6*y**2", (1.0, -1.0), SQUARE, ("x", "y")),
    ("x**2 - x*y + 0.5*y**2", (1.0, 2.0), SQUARE, ("x", "y")),
    ("-(n**2 + e**2)", (0.0, 0.0), SQUARE, ("n", "e")),
]


def _story(function, point, ranges, variables):
    field = ScalarField(function, variables)
    facts = point_facts(field, point, 2, *ranges)
    y = next(v for v in ("y", "z") if v not in variables)
    slices = [slice_facts(facts, k, variables, y) for k in (0, 1)]
    beats = [(intro_caption(variables, y), None), (point_caption(facts, variables, y), facts)]
    for s in slices:
        beats += [(slice_caption(s), s), (tangent_caption(s), s)]
    if facts.flat:
        flat = FlatFacts(0.0, facts.kind)
        beats.append((flat_caption(flat), flat))
    beats.append((summary_caption(*slices), None))
    return field, facts, slices, beats


@pytest.mark.parametrize(("function", "point", "ranges", "variables"), FAMILY, ids=lambda v: str(v))
def test_captions_are_backed_by_their_facts(function, point, ranges, variables):
    field, facts, slices, beats = _story(function, point, ranges, variables)
    for text, beat_facts in beats:
        assert claim_problems(text, beat_facts) == [], text
        assert spoken_problems(text, spoken_of(text)) == [], text  # said from the same values
        assert "e-0" not in text and "e+0" not in text  # no scientific notation
        assert reading_time(text) <= 2 * MAX_SECONDS  # at most two captions' worth
    for k, s in enumerate(slices):
        exact = field.gradient(point)[k]
        assert s.shown == number(exact, facts.digits)
        words = tangent_caption(s)
        if s.slope > 0:
            assert "is positive" in words and "rises" in words
        elif s.slope < 0:
            assert "is negative" in words and "falls" in words
        else:
            assert "flat" in words and s.shown == "0"


@pytest.mark.parametrize(
    ("function", "point", "kind"),
    [("0.3*(n**2 + 2*e**2)", (0.0, 0.0), "minimum"), ("n**2 - e**2", (0.0, 0.0), "saddle"),
     ("-(n**2 + e**2)", (0.0, 0.0), "maximum"), (HIMMELBLAU, (3.0, 2.0), "minimum")],
)
def test_a_flat_point_is_named_by_its_kind(function, point, kind):
    ranges = WIDE if function == HIMMELBLAU else SQUARE
    facts = point_facts(ScalarField(function, ("n", "e")), point, 2, *ranges)
    assert facts.flat and facts.kind == kind and facts.gradient == (0.0, 0.0)
    text = flat_caption(FlatFacts(0.0, kind))
    assert ("saddle" in text) == (kind == "saddle")
    assert claim_problems(text, FlatFacts(0.0, kind)) == []
    assert claim_problems(flat_caption(FlatFacts(0.0, "saddle")), FlatFacts(0.0, "minimum"))  # the checker would catch a lie


def test_a_tiny_hill_gets_the_digits_its_slopes_need():
    facts = point_facts(ScalarField("1e-4*(n**2 + e**2)", ("n", "e")), (1.5, 1.0), 2, *SQUARE)
    assert not facts.flat and facts.digits == 5
    assert facts.show(facts.gradient[0]) == "0.00030"
    assert tangent_caption(slice_facts(facts, 0, ("n", "e"), "y")).count("0.00030") == 1


def test_a_steep_hill_reads_in_hundreds_and_a_plane_keeps_its_slopes():
    steep = point_facts(ScalarField("100*(n**2 + e**2)", ("n", "e")), (1.5, 1.0), 2, *SQUARE)
    assert steep.digits == 2 and steep.show(steep.gradient[0]) == "300.00"
    plane = point_facts(ScalarField("0.5*n + 0.2*e", ("n", "e")), (-2.0, 2.5), 2, *SQUARE)
    assert plane.gradient == pytest.approx((0.5, 0.2)) and not plane.flat


def test_digits_for_and_typical_slope():
    assert digits_for([0.9, 1.2], 2) == 2
    assert digits_for([0.038], 2) == 3
    assert digits_for([3e-9], 2) == 6  # never more than the formatter shows
    assert digits_for([0.0, 250.0], 0) == 0
    assert typical_slope(ScalarField("0.5*n", ("n", "e")), (-3, 3), (-3, 3)) == pytest.approx(0.5)
    assert typical_slope(ScalarField("0*n + 1", ("n", "e")), (-3, 3), (-3, 3)) == 1.0


def test_inputs_named_x_and_y_use_z_and_no_compass():
    _, _, slices, beats = _story("0.3*x**2 + 0.6*y**2", (1.0, -1.0), SQUARE, ("x", "y"))
    text = " ".join(t for t, _ in beats)
    assert "north" not in text and "east" not in text and "∂z/∂x" in text and "z = f(x, y)" in text
    assert compass("x", 0) is None and walk_words("y", 1) == "along y"
    assert compass("n", 0) == "north" and compass("e", 1) == "east" and compass("e", 0) is None
