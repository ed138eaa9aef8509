"""The gradient captions, from facts, over a family of functions (no manim)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mathcore import ScalarField
from scenes.kit.claims import claim_problems
from scenes.kit.spoken import spoken_of, spoken_problems
from scenes.lessons.gradient.scene import turn_stops
from scenes.lessons.gradient.captions import (
    DirectionFacts,
    arrows_caption,
    field_facts,
    flip_caption,
    length_caption,
    partials_caption,
    pattern_caption,
    range_caption,
    stand_caption,
    stop_caption,
    sum_caption,
    way_down_caption,
    zero_gradient_caption,
)
from scenes.parts.hill3d.arrow_field import arrow_grid
from scenes.lessons.common.point_facts import point_facts

HIMMELBLAU = "(n**2 + e - 11)**2 + (n + e**2 - 7)**2"
SQUARE = ((-3.0, 3.0), (-3.0, 3.0))
WIDE = ((-5.0, 5.0), (-5.0, 5.0))

FAMILY = [
    ("0.3*(n**2 + 2*e**2)", (1.5, 1.0), SQUARE),
    (HIMMELBLAU, (1.0, 1.0), WIDE),
    ("n**2 - e**2", (1.5, 1.0), SQUARE),
    ("0.5*n + 0.2*e", (1.5, 1.0), SQUARE),
    ("100*(n**2 + e**2)", (1.5, 1.0), SQUARE),
    ("1e-4*(n**2 + e**2)", (1.5, 1.0), SQUARE),
    ("sin(n)*cos(e)", (1.5, 1.0), SQUARE),
    ("n**2", (1.0, 2.0), SQUARE),  # no slope along e: the gradient points along n alone
]


def _direction(field, facts, angle, kind):
    slope = field.directional_derivative(facts.point, (math.cos(angle), math.sin(angle)))
    return DirectionFacts(facts.shown(slope), facts.show(slope), kind)


@pytest.mark.parametrize(("function", "point", "ranges"), FAMILY, ids=lambda v: str(v))
def test_the_story_at_a_point_is_backed_by_its_facts(function, point, ranges):
    field = ScalarField(function, ("n", "e"))
    facts = point_facts(field, point, 2, *ranges)
    assert not facts.flat
    beats = [(stand_caption(facts, ("n", "e")), facts), (partials_caption(facts, ("n", "e")), facts),
             (sum_caption(facts, ("n", "e")), facts), (length_caption(facts), facts), (range_caption(facts), facts)]
    for angle, kind in turn_stops(facts.gradient):
        direction = _direction(field, facts, angle, kind)
        beats.append((stop_caption(direction), direction))
        if kind == "steepest":
            assert direction.shown == facts.show(facts.steepest)  # the largest slope is |∇f|
        else:
            assert direction.slope == 0 and direction.shown == "0"
    down = math.atan2(-facts.gradient[1], -facts.gradient[0])
    direction = _direction(field, facts, down, "down")
    assert direction.shown == facts.show(-facts.steepest)
    beats.append((way_down_caption(facts, direction), direction))
    for text, beat_facts in beats:
        assert claim_problems(text, beat_facts) == [], text
        assert spoken_problems(text, spoken_of(text)) == [], text  # said from the same values
        assert "e-0" not in text and "nan" not in text
    if facts.shown(facts.gradient[1]) == 0:
        assert "along n alone" in sum_caption(facts, ("n", "e"))


def test_a_flat_point_has_no_steepest_direction():
    facts = point_facts(ScalarField("n**2 - e**2", ("n", "e")), (0.0, 0.0), 2, *SQUARE)
    assert facts.flat and facts.kind == "saddle" and facts.steepest == 0
    assert "no direction is steepest" in zero_gradient_caption(facts)


@pytest.mark.parametrize(
    ("function", "ranges", "even"),
    [("0.3*(n**2 + 2*e**2)", SQUARE, False), ("0.5*n + 0.2*e", SQUARE, True), (HIMMELBLAU, WIDE, False),
     ("n**2 - e**2", SQUARE, False), ("sin(n)*cos(e)", SQUARE, False)],
)
def test_the_field_story_is_backed_by_its_facts(function, ranges, even):
    field = ScalarField(function, ("n", "e"))
    grid = arrow_grid(field, *ranges, 7)
    facts = field_facts(grid.magnitudes, grid.capped)
    assert facts.even == even and facts.count == len(grid.feet) > 0
    for text in (arrows_caption(facts), pattern_caption(facts), flip_caption(facts)):
        assert claim_problems(text, facts) == [], text
        assert spoken_problems(text, spoken_of(text)) == [], text  # said from the same values
    # Uphill along each arrow, downhill against it: that is what the facts assert.
    for foot, g in zip(grid.feet, grid.gradients):
        unit = g / np.linalg.norm(g)
        assert field.directional_derivative(foot, unit) > 0 > field.directional_derivative(foot, -unit)
    assert ("cut short" in arrows_caption(facts)) == facts.capped
