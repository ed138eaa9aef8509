"""The words of the rolling lessons, written from their facts.

Every function here is pure: it takes the facts of :mod:`scenes.lessons.rolling.facts` (and how
numbers are shown, :class:`Digits`) and returns a :class:`Line`, the caption's text with the
facts that back it (the scene passes both to ``caption``; the tests check the claims of the
text against the facts for many functions without manim). A beat whose point the function
makes impossible returns the sentence that says what happens instead (a walk that never
moves, racers that coincide, a flat start, a minimum outside the picture).

Numbers go through :func:`scenes.kit.numbers.number` only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from scenes.kit import phrases
from scenes.kit.beats import NO_FACTS, Line
from scenes.kit.numbers import number
from scenes.kit.pacing import split_caption
from scenes.kit.spoken import count, eq, function_of, name, num, num_text, said
from scenes.lessons.rolling.digits import Digits, exact_number, value_decimals
from scenes.lessons.rolling.facts import RaceFacts, WalkFacts

__all__ = [
    "RACE_PARTS",
    "ROLL_PARTS",
    "Digits",
    "Line",
    "exact_number",
    "hill_lines",
    "outcome_label",
    "outcome_lines",
    "race_roll_line",
    "race_rule_lines",
    "race_start_lines",
    "race_subtitle",
    "race_summary",
    "roll_line",
    "rule_lines",
    "start_lines",
    "still_rolling_line",
    "summary_line",
    "title_facts",
    "title_for",
    "value_decimals",
]



def _seen(facts: Any, *names: str, still: bool = False) -> Any:
    """``facts`` for a caption that names ``names`` on screen (the ball, the map, the
    minimum it reached): ``visible`` lists those of them the facts say are drawn, and only
    those, since a beat's picture is checked for each name its facts list. ``still``: the
    caption is told after the roll, while nothing moves (``moved`` is about the beat)."""
    drawn = getattr(facts, "visible", frozenset())
    seen = replace(facts, visible=frozenset(n for n in names if n in drawn))
    return replace(seen, moved=False) if still and hasattr(facts, "moved") else seen


def _steps(n: int) -> str:
    return count(n, "step")


def _first_steps(subject: str) -> str:
    """``"Yellow's first step lands"``; ``"Both balls' first steps land"``."""
    if subject.endswith("s"):
        return said((f"{subject}' first steps land", f"{subject} first steps land"))
    return said(f"{subject}'s first step lands")


def _at(digits: Digits, point: Sequence[float], variables: Sequence[str]) -> str:
    """``"n = 2.50, e = 2.00"`` as :meth:`Digits.at` writes it, with its words."""
    return said(*[p for k, (v, x) in enumerate(zip(variables, point)) for p in ((", " if k else None), eq(v, num(x, digits.coords)))])


def _number(text: str) -> str:
    """A number as :class:`Digits` or the scene wrote it (``"0.005"``), with its words."""
    return text if hasattr(text, "spoken") else num_text(text)


def _article(kind: str) -> str:
    return ("an " if kind[:1] in "aeiou" else "a ") + kind


# -- the single ball -------------------------------------------------------------------------------
def title_for(walk: WalkFacts) -> Line:
    """A title that says what this walk does."""
    facts = walk.whole_walk()
    if walk.steps == 0:
        text = "A ball already at rest" if walk.kind == "minimum" else "A flat start: no way down"
    elif walk.shown_status == "left_map":
        text = "A first step out of the picture" if walk.shown == 0 else "A walk that leaves the picture"
        facts = walk.as_drawn()
    elif walk.status == "converged" and walk.kind == "minimum":
        text = "Rolling down into a valley"
    elif walk.status == "converged":
        text = "A walk that comes to rest"
    else:
        text = {
            "diverged": "A walk that diverges",
            "max_steps": "A walk that runs out of steps",
            "oscillating": "Bouncing across a valley",
            "left_domain": "Rolling to the edge of where f is defined",
        }.get(walk.status, "Gradient descent on a hillside")
    return Line(said(text), _seen(facts))


def hill_lines(variables: Sequence[str], height: str) -> list[Line]:
    """The hillside and the walk around it."""
    n, e = variables
    return [
        Line(said("The hillside ", eq(height, function_of("f", n, e)), ": its height above each point of the ", _plane(n, e), "."), NO_FACTS),
        Line(said("Walking around the hill shows where it is high and where it is low."), NO_FACTS),
    ]


def start_lines(walk: WalkFacts, digits: Digits) -> list[Line]:
    """Where the ball starts, and the map of the same hill."""
    return [
        Line(said("A ball starts at ", _at(digits, walk.start, walk.variables), ", where ", eq("f", _number(digits.value(walk.start_value))), "."), _seen(walk)),
        Line(said("Top right: the same hill seen from above, with its contour lines."), NO_FACTS),
    ]


def rule_lines(eta: str) -> list[Line]:
    """The update rule in words (``eta`` as written on screen)."""
    return [
        Line(said("Each step: ", _RULE, ", with ", eq("η", _number(eta)), "."), NO_FACTS),
        Line(said("The gradient points the steepest way up, so each step goes against it."), NO_FACTS),
    ]


def roll_line(walk: WalkFacts, digits: Digits) -> Line | None:
    """What the roll shows; None when there is no step to take (the outcome says why)."""
    if walk.steps == 0:
        return None
    if walk.shown == 0:
        where = said(" at ", _at(digits, walk.exit_point, walk.variables)) if walk.exit_point is not None else None
        text = said("The first step would land off the map", where, ": the ball stays put.")
        if len(split_caption(text)) > 1:  # one caption of two lines: never a point cut in two
            text = said("The first step would land off the map", where, ".")
        return Line(text, _seen(walk.as_drawn(), "ball", "map"))
    if walk.moved is not True:
        # Says how far the ball got, not whether that shows: the facts leave ``moved`` None for
        # a roll of a pixel or two (fuzz seed 114), False only for a ball that never left its start.
        return Line(
            said("The slope is only ", _number(digits.small(walk.slope)), ", so each step is tiny: after ", _steps(walk.shown),
                 " the ball is only ", _number(digits.small(walk.distance)), " from its start."),
            _seen(walk, "ball"),
        )
    if walk.fell:
        seen = _seen(walk.as_drawn(), "ball", "map")
        rolls = phrases.moves(seen, "the ball", "rolls")
        if walk.shown == 1 and walk.left_picture:
            return Line(said("In one step ", rolls, " downhill, then it leaves the picture."), seen)
        if walk.shown == 1:
            return Line(said("In one step ", rolls, " downhill, leaving a trail on the hill and the map."), seen)
        return Line(said("Step after step ", rolls, " downhill, leaving a trail on the hill and the map."), seen)
    if walk.rose:
        return Line(said("Each step overshoots: the ball jumps across the valley and f rises."), _seen(walk, "ball"))
    return Line(said("The ball jumps back and forth, leaving a trail on the hill and the map."), _seen(walk, "ball", "map"))


def outcome_lines(walk: WalkFacts, digits: Digits, subject: str = "The ball", first_step_told: bool = False) -> list[Line]:
    """How the walk ended, in one or two captions (past tense, so ``subject`` may be
    plural: "Both balls"). A walk that leaves the map is told up to there; steps after that
    are counted, never quoted by number (the step readout stops where the drawing does).
    ``first_step_told``: a caption already said the first step lands off the map."""
    facts = _seen(walk.whole_walk(), "ball", "map", walk.kind or "", still=True)
    drawn = _seen(walk.as_drawn(), "ball", "map", still=True)
    at = _at(digits, walk.end, walk.variables)
    if walk.steps == 0:
        zero = walk.end_slope == 0  # else only below the tolerance (a hill scaled by 1e-6)
        if walk.kind == "minimum":
            why = "with zero slope" if zero else "the slope there is below the tolerance, so"
            return [Line(said(subject, f" started at a minimum: {why} there is no step to take."), facts)]
        kind = f", which is {_article(walk.kind)}" if walk.kind and walk.in_range else ""
        if not zero:
            return [Line(said(f"At the start{kind}, the slope is already below the tolerance: descent takes no step."), facts)]
        return [Line(said(f"The slope is zero at the start{kind}: descent has no way to go."), facts)]
    lines = []
    if walk.shown_status == "left_map":
        rest = walk.steps - walk.shown
        more = count(rest, "more step", "more steps") if walk.shown else said("all ", _steps(rest))
        text = said("The rest of the walk, ", more, ", lies off the map and is not shown.")
        if walk.shown:
            lines.append(Line(said(subject, " left the map after ", _steps(walk.shown), "."), drawn))
        return lines + [Line(text, drawn)]
    if walk.left_picture and walk.shown > 0:
        lines.append(Line(said(subject, " left the map after ", _steps(walk.shown), "."), drawn))
    elif walk.left_picture and not first_step_told:
        lines.append(Line(said(_first_steps(subject), " off the map."), drawn))
    if walk.left_picture:  # what mathcore's walk did next is not drawn: say where it happens
        subject = "Beyond the map, the walk"
    status = walk.status
    if status == "converged":
        if walk.kind == "minimum" and walk.in_range:
            reached = phrases.reached_minimum(facts, subject=subject)
            text = said(reached, " after ", _steps(walk.steps), ", at ", at, ", where ", eq("f", _number(digits.value(walk.end_value))), ".")
        elif walk.kind == "minimum":
            text = said(subject, " converged after ", _steps(walk.steps), " to a minimum off the map: ", at, ".")
        elif walk.kind and walk.in_range:
            text = said(subject, " stopped after ", _steps(walk.steps), f" on {_article(walk.kind)} at ", at, ": flat, but not a minimum.")
        else:
            text = said(subject, " stopped after ", _steps(walk.steps), " at ", at, ", where the slope is zero.")
    elif status == "diverged" and walk.end_fell:
        text = said(phrases.diverged(facts, subject=subject), " after ", _steps(walk.steps), ": f kept falling that way, with no lowest point in reach.")
    elif status == "diverged":
        text = said(phrases.diverged(facts, subject=subject), " after ", _steps(walk.steps), ": each step overshot farther and f grew without bound.")
    elif status == "max_steps":
        used = said(" used all ", _steps(walk.steps)) if walk.steps > 1 else " used its one step"
        text = said(subject, used, "; at the end the slope is still ", _number(digits.small(walk.end_slope)), ".")
    elif status == "oscillating":
        text = said(subject, " kept bouncing back and forth across the valley, getting no closer.")
    else:  # left_domain
        text = said(subject, " cannot go on after ", _steps(walk.steps), ": the next step would land where f is undefined.")
    return lines + [Line(text, facts)]


def summary_line(walk: WalkFacts, digits: Digits) -> Line | None:
    """How f changed over the steps drawn; None when nothing was drawn."""
    if walk.shown == 0:
        return None
    steps = said("In ", _steps(walk.shown)) if not walk.left_picture else said("In the ", _steps(walk.shown), " drawn")
    a, b = _number(digits.value(walk.start_value)), _number(digits.value(walk.shown_value))
    if a == b:
        return Line(said(steps, " f stayed near ", a, "."), _seen(walk, still=True))
    return Line(said(steps, f" f {'fell' if walk.fell else 'rose'} from ", a, " to ", b, "."), _seen(walk, still=True))


def outcome_label(walk: WalkFacts, digits: Digits) -> str:
    """The short label shown on screen when the walk is over (in the status colour)."""
    where = digits.pair(walk.end)
    leaving = f"off the map after {_steps(walk.shown)}" if walk.shown else "first step off the map"
    off = f"; {leaving}" if walk.left_picture else ""
    if walk.steps == 0:
        flat = "the slope is zero" if walk.end_slope == 0 else "no step to take"
        return "at a minimum: no step to take" if walk.kind == "minimum" else f"flat start: {flat}"
    if walk.shown_status == "left_map":
        return leaving
    if walk.status == "converged":
        return f"converged after {_steps(walk.steps)} at {where}" + (", off the map" if not walk.in_range else "")
    return {
        "diverged": f"diverged after {_steps(walk.steps)}{off}",
        "max_steps": f"stopped: all {_steps(walk.steps)} used{off}",
        "oscillating": f"oscillating: stopped after {_steps(walk.steps)}{off}",
        "left_domain": f"stopped after {_steps(walk.steps)}: f undefined ahead{off}",
    }.get(walk.status, walk.status)


def title_facts(facts: Any) -> Any:
    """``facts`` for a title card, where nothing of the walk is drawn yet."""
    return _seen(facts)


# -- the race -----------------------------------------------------------------------------------------
def race_subtitle(race: RaceFacts, mu: str) -> str:
    """The subtitle of the race: what the two balls do."""
    if race.coincide:
        return said("With ", eq("μ", _number(mu)), " the two walks are one") if race.momentum == 0 else said("Two balls, one walk")
    return said("Plain steps against steps that remember")


def race_start_lines(race: RaceFacts, digits: Digits, names: tuple[str, str]) -> list[Line]:
    """The two balls at their common start, the map, and the ring that keeps both visible."""
    walk = race.plain
    return [
        Line(said("Two balls start together at ", _at(digits, walk.start, walk.variables), ". Top right: the hill seen from above."), _seen(race)),
        Line(said(names[1], " is drawn a little larger: where the balls meet, it shows as a ring."), _seen(race, "ball")),
    ]


def race_rule_lines(race: RaceFacts, names: tuple[str, str], eta: str, mu: str) -> list[Line]:
    """The two update rules in words, or what makes them the same walk."""
    plain, heavy = names
    first = Line(said(plain, " takes plain steps against the gradient, with ", eq("η", _number(eta)), "."), _seen(race))
    if race.plain.steps == 0 and race.heavy.steps == 0:
        return [first, Line(said("Neither ball has a step to take: the slope at the start is zero."), _seen(race))]
    if race.coincide and race.momentum == 0:
        return [first, Line(said("With ", eq("μ", num_text("0")), ", ", heavy, " keeps none of its last step: both take the same steps."), _seen(race))]
    second = Line(said(heavy, " keeps a share ", eq("μ", _number(mu)), " of its last step and adds the new one: momentum."), _seen(race))
    if race.coincide:
        return [first, second, Line(said("Here that makes no difference on the picture: both walks are the same."), _seen(race))]
    return [first, second]


def race_roll_line(race: RaceFacts) -> Line | None:
    """The pace of the race; None when neither ball is drawn taking a step."""
    if race.plain.shown == 0 and race.heavy.shown == 0:
        return None
    return Line(said("Both take step k at the same moment: fewer steps, sooner there."), _seen(race))


def race_summary(race: RaceFacts, mu: str) -> Line:
    """The step counts side by side."""
    plain, heavy = race.plain, race.heavy
    if plain.steps == heavy.steps == 0:
        return Line(said("Neither ball took a step."), _seen(race))
    if race.coincide and plain.steps == heavy.steps:
        reason = said("with ", eq("μ", _number(mu)), " momentum changes nothing here") if race.momentum == 0 else "momentum changes nothing here"
        return Line(said("Both walks took the same ", _steps(plain.steps), ": ", reason, "."), _seen(race))
    if race.both_converged_to_minima:
        text = said("Plain steps needed ", plain.steps, "; with momentum ", _number(mu), ", ", heavy.steps, ".")
        if 0 < heavy.steps < plain.steps:
            text = said(text, " That is ", num(plain.steps / heavy.steps, 1), " times fewer.")
        elif heavy.steps > plain.steps:
            text = said(text, " Here momentum needed more.")
        if race.ends_apart:
            text = said(text, " They ended at different minima.")
        return Line(text, _seen(race))
    off = ", off the map" if race.parted_at and race.parted_at > min(plain.shown, heavy.shown) else None
    apart = said(": the walks part after ", _steps(race.parted_at), off) if race.parted_at else None
    return Line(said("Plain descent ended after ", _steps(plain.steps), ", momentum after ", _steps(heavy.steps), apart, "."), _seen(race, "map"))


def still_rolling_line(name: str, race: RaceFacts) -> Line:
    """Said when the first racer is done and ``name`` is still taking steps."""
    return Line(said(name, " still has steps to take."), _seen(race))


_RULE = said(("new point = old point − η × gradient", "new point equals old point minus eta times the gradient"))


def _plane(n: str, e: str) -> str:
    """``"n-e plane"`` (hyphenated names), said "n e plane"."""
    return said((f"{n}-{e}", f"{name(n).spoken} {name(e).spoken}"), " plane")


# -- parts of the lessons (chapter names) -----------------------------------------------------------
#: The parts of BallRollsToMinimum in order: the hill and the ball's start, the update rule,
#: the roll, how the walk ended.
ROLL_PARTS = ("The hillside", "The update rule", "The roll", "Where the walk ends")
#: The parts of MomentumRace in order: the hill and the two balls, the two rules, the race,
#: the step counts side by side.
RACE_PARTS = ("The hillside", "Plain steps and momentum", "The race", "Counting the steps")
