"""Captions may claim only what their facts establish."""

from dataclasses import dataclass

import pytest

from scenes.kit.claims import claim_problems


@dataclass(frozen=True)
class StepFacts:
    fell: bool
    rose: bool
    slope: float
    moved: bool = True


@dataclass(frozen=True)
class EndFacts:
    status: str
    kind: str | None
    in_range: bool


def test_a_true_caption_has_no_problems():
    facts = StepFacts(fell=True, rose=False, slope=-2.0)
    assert claim_problems("Step 1: the slope -2.00 is negative, so w moves right and f falls to 0.75.", facts) == []


@pytest.mark.parametrize(
    "caption, facts, word",
    [
        ("Each step moves w downhill.", StepFacts(fell=False, rose=True, slope=2.0), "f went down"),
        ("The step overshot and f rises to 9.00.", StepFacts(fell=True, rose=False, slope=2.0), "f went up"),
        ("The tangent is flat here.", StepFacts(fell=False, rose=False, slope=0.25), "flat"),
        ("The walk converged.", EndFacts("diverged", None, True), "converged"),
        ("It reached the minimum at e = 3.14.", EndFacts("converged", "minimum", False), "outside the range"),
        ("It reached the minimum.", EndFacts("converged", "saddle", True), "minimum"),
        ("Step after step the ball rolls downhill.", None, "no 'fell'"),
    ],
)
def test_a_false_or_unbacked_claim_is_found(caption, facts, word):
    problems = claim_problems(caption, facts)
    assert problems and any(word in p for p in problems), problems


def test_a_slope_that_starts_with_a_zero_is_not_a_flat_claim():
    facts = StepFacts(fell=False, rose=False, slope=0.54, moved=False)
    assert claim_problems("Here the slope 0.54 is positive.", facts) == []
    assert claim_problems("Here the slope 0 means no way is down.", facts)
