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


# --- The checker as a net: a table of sentences, facts and the right verdict ----------------

from types import SimpleNamespace as F  # noqa: E402

DIVERGED = F(status="diverged", kind=None, in_range=False)
CONVERGED = F(status="converged", kind="minimum", in_range=True)
MAX_STEPS = F(status="max_steps", kind=None, in_range=True)
OSCILLATING = F(status="oscillating", kind=None, in_range=True)
SADDLE = F(status="converged", kind="saddle", in_range=True)
FELL = F(fell=True, rose=False, slope=-1.5, moved=True)
ROSE = F(fell=False, rose=True, slope=2.0, moved=True)
STILL = F(fell=False, rose=False, slope=0.0, moved=False)
LEVEL = F(slope=0.0)
STEEP = F(slope=0.3)
DOWN = F(slope=-0.3)
SHOWN = F(visible=frozenset({"ball", "yellow ball", "trail", "map", "panel"}))
BARE = F(visible=frozenset({"ball"}))

OK, WRONG = True, False

TABLE = [
    # the sentences quoted in issue 13
    ("The walk is converging to the minimum.", DIVERGED, WRONG),
    ("It keeps diverging.", CONVERGED, WRONG),
    ("f drops at every step.", STILL, WRONG),
    ("The ball stops at a minimum.", SADDLE, WRONG),
    ("The tangent is level here.", STEEP, WRONG),
    ("It never converges.", DIVERGED, OK),
    ("The walk has not settled after 60 steps.", MAX_STEPS, OK),
    ("Seen from the top view.", CONVERGED, OK),
    # the false clips of issue 13, with the facts of what was drawn
    ("From t = 0 to 4.00 s v changes sign where x(t) breaks: watch the panel.", F(visible=frozenset({"curve"})), WRONG),
    (
        "The ball reached a minimum after 196 steps, at n = 1.00, e = 3.00, where f = 0.",
        F(kind="minimum", in_range=True, moved=False, visible=frozenset({"ball", "map", "panel"})),
        WRONG,
    ),
    (
        "The first step would land off the map: the ball stays at its start.",
        F(kind=None, in_range=False, moved=False, visible=frozenset({"ball", "map", "panel"})),
        OK,
    ),
    (
        "The first step would land off the map: the ball stays at its start.",
        F(kind=None, in_range=False, moved=True, visible=frozenset({"ball", "map", "panel"})),
        WRONG,
    ),
    # negation, in its own clause
    ("It never converges.", CONVERGED, WRONG),
    ("It does not reach a minimum.", SADDLE, OK),
    ("It does not reach a minimum.", CONVERGED, WRONG),
    ("There is no minimum here.", SADDLE, OK),
    ("There is no minimum here.", CONVERGED, WRONG),
    ("The tangent isn't flat.", STEEP, OK),
    ("The tangent isn't flat.", LEVEL, WRONG),
    ("The walk has not settled after 60 steps.", CONVERGED, WRONG),
    ("It didn't converge, it diverged.", DIVERGED, OK),
    ("It didn't diverge, it converged.", DIVERGED, WRONG),
    ("It never converges and keeps bouncing.", OSCILLATING, OK),
    ("It never converges and keeps bouncing.", DIVERGED, WRONG),
    ("It does not settle: it bounces back and forth.", OSCILLATING, OK),
    ("f does not go down.", ROSE, OK),
    ("f does not go down.", FELL, WRONG),
    ("No step goes up.", FELL, OK),
    ("No step goes up.", ROSE, WRONG),
    ("0 of the steps go up.", FELL, OK),
    ("5 of the steps go down, 0 overshoot and go up.", FELL, OK),
    ("5 of the steps go down, 1 overshoots and goes up.", FELL, WRONG),
    ("f neither rises nor falls.", STILL, OK),
    ("f neither rises nor falls.", FELL, WRONG),
    ("The slope is not negative.", STEEP, OK),
    ("The slope is not negative.", DOWN, WRONG),
    ("It fails to converge.", MAX_STEPS, OK),
    ("Without converging, it stops after 60 steps.", MAX_STEPS, OK),
    ("The walk no longer moves.", STILL, OK),
    ("The walk no longer moves.", FELL, WRONG),
    # inflection and synonyms
    ("The walk converged.", CONVERGED, OK),
    ("It settles at the minimum.", CONVERGED, OK),
    ("It settled.", MAX_STEPS, WRONG),
    ("The walk comes to rest.", DIVERGED, WRONG),
    ("The walk comes to rest at a minimum.", CONVERGED, OK),
    ("It ends at a minimum.", SADDLE, WRONG),
    ("The walk reached the minimum.", CONVERGED, OK),
    ("The walk is reaching a minimum.", OSCILLATING, WRONG),
    ("It diverges.", DIVERGED, OK),
    ("The walk heads off to infinity.", CONVERGED, WRONG),
    ("The walk escapes.", CONVERGED, WRONG),
    ("Each step runs away further.", DIVERGED, OK),
    ("The values blow up.", MAX_STEPS, WRONG),
    ("It oscillates.", OSCILLATING, OK),
    ("It is oscillating.", CONVERGED, WRONG),
    ("f decreases.", FELL, OK),
    ("f decreases.", ROSE, WRONG),
    ("The walk descends.", ROSE, WRONG),
    ("f ends lower.", FELL, OK),
    ("f climbs.", ROSE, OK),
    ("f climbs.", FELL, WRONG),
    ("f increases.", FELL, WRONG),
    ("f goes up.", FELL, WRONG),
    ("The tangent is horizontal here.", STEEP, WRONG),
    ("The tangent is horizontal here.", LEVEL, OK),
    ("It has zero slope.", STEEP, WRONG),
    ("It has a level tangent.", LEVEL, OK),
    ("None of these rates gets to a flat point within 60 steps.", F(status=None), OK),
    ("None of these rates gets to a flat point within 60 steps.", F(status="converged"), WRONG),
    ("At a flat point, no way is steepest.", F(), OK),
    ("After 60 steps at w = 1.02, not yet flat.", STEEP, OK),
    ("After 60 steps at w = 1.02, not yet flat.", LEVEL, WRONG),
    ("Walking north, the ground rises.", F(slope=0.5), OK),
    ("Walking north, the ground rises.", F(slope=-0.5), WRONG),
    ("Walking north, the ground falls.", F(slope=-0.5), OK),
    ("The ball rolls.", F(moved=False, visible=True), WRONG),
    ("The ball stays put.", F(moved=False, visible=True), OK),
    ("The ball stays put.", F(moved=True, visible=True), WRONG),
    ("The ball does not move.", F(moved=False, visible=True), OK),
    ("The ball does not move.", F(moved=True, visible=True), WRONG),
    ("Slide the tangent along the curve.", F(), OK),
    # off the map
    ("The walk leaves the map.", F(in_range=False, visible=True), OK),
    ("The walk leaves the map.", F(in_range=True, visible=True), WRONG),
    ("The very first step lands outside the picture.", F(left_view=True), OK),
    ("The very first step lands outside the picture.", F(left_view=False), WRONG),
    # maxima and saddles
    ("It reached a maximum.", SADDLE, WRONG),
    ("It stops at a saddle.", SADDLE, OK),
    ("This is not a saddle.", SADDLE, WRONG),
    ("Up one way, down another: a saddle.", SADDLE, OK),
    # a minimum outside the range shown, or not shown
    ("The ball reached a minimum.", F(kind="minimum", in_range=False, visible=True), WRONG),
    ("It reached a minimum.", F(kind="minimum", in_range=True, visible=frozenset({"ball"})), WRONG),
    ("It reached a minimum.", F(kind="minimum", in_range=True, visible=frozenset({"ball", "minimum"})), OK),
    # visible
    ("Watch the panel.", F(), WRONG),
    ("Watch the panel.", BARE, WRONG),
    ("Watch the panel.", SHOWN, OK),
    ("The yellow ball leads.", BARE, WRONG),
    ("The yellow ball leads.", SHOWN, OK),
    ("The ball is on the map.", BARE, WRONG),
    ("The ball is on the map.", SHOWN, OK),
    ("The trail shows every step.", F(visible=False), WRONG),
    ("The trail shows every step.", F(visible=True), OK),
    ("Think of a ball on a hill.", F(), OK),
    ("The ball does not move.", F(moved=False, visible=frozenset()), WRONG),
    # numbers and words that only look like claims
    ("Here the slope 0.54 is positive.", STEEP, OK),
    ("Here the slope 0.54 is positive.", DOWN, WRONG),
    ("Step 1: the slope -2.00 is negative, so w moves right.", STEEP, WRONG),
    ("Start at w = -1.00. The slope is 2.00, positive: f falls toward smaller w.", F(slope=2.0, fell=True), OK),
    ("Start at w = -1.00. The slope is 2.00, positive: f falls toward smaller w.", F(slope=-2.0, fell=True), WRONG),
    ("Step 1: the slope is -4.50, negative, so w moves right, to -0.38.", F(slope=2.0, moved=True), WRONG),
    ("Each step overshot farther and f grew without bound.", CONVERGED, WRONG),
    ("At step 0 the ball rolls.", F(moved=True, visible=True), OK),
    ("Gradient descent takes steps.", F(), OK),
    ("The arrows point uphill.", F(), OK),
    ("Rise over run gives the slope.", F(), OK),
]


@pytest.mark.parametrize("text, facts, right", TABLE, ids=[f"{i}:{t}" for i, (t, _, _) in enumerate(TABLE)])
def test_the_checker_judges_each_sentence_right(text, facts, right):
    problems = claim_problems(text, facts)
    assert (problems == []) is right, problems


def test_a_negation_flips_only_its_own_clause():
    facts = F(status="diverged", fell=True)
    assert claim_problems("It never converges, but f falls.", facts) == []
    assert claim_problems("It never converges, but f does not fall.", facts)


def test_the_checker_and_the_phrases_never_import_manim():
    import subprocess
    import sys

    code = "import sys, scenes.kit.claims, scenes.kit.claim_reading, scenes.kit.phrases; print('manim' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
