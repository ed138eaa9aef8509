"""The words of the optimizer race, written from its facts.

Every function here is pure: it takes the facts of :mod:`scenes.lessons.optimizer_race.facts`
and returns :class:`~scenes.kit.beats.Line` records (text and the facts that back it). The
claims a race makes are built by phrase functions that need their fact and raise
:class:`~scenes.kit.phrases.ClaimError` otherwise: :func:`arrives_first` only for the racers
that arrive first, :func:`stalls` only for a racer that stalled on a plateau,
:func:`overshoots` only for one whose f rose on a step, :func:`take_one_walk` only for racers
whose walks coincide; "diverged" comes from :func:`scenes.kit.phrases.diverged`.

How a single walk ended is told with the rolling lessons' words
(:func:`scenes.lessons.rolling.captions.outcome_lines`). Numbers go through
:func:`scenes.kit.numbers.number` only. Nothing here imports manim.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from scenes.kit import phrases
from scenes.kit.beats import NO_FACTS, Line
from scenes.kit.pacing import LINE_WIDTH
from scenes.kit.phrases import ClaimError
from scenes.kit.spoken import Said, count, eq, integer_words, num, num_text, said, speak_text
from scenes.lessons.optimizer_race.facts import ArrivalFacts, RaceFacts, RacerFacts
from scenes.lessons.rolling.captions import Digits, exact_number, hill_lines, outcome_lines

__all__ = [
    "PARTS",
    "ClaimError",
    "RuleFacts",
    "arrives_first",
    "hill_lines",
    "outcome_label",
    "outcome_lines",
    "overshoots",
    "race_lines",
    "roll_line",
    "rule_line",
    "start_lines",
    "stalls",
    "subtitle_for",
    "summary_lines",
    "take_one_walk",
]

#: The lesson's parts in order (chapters): the hill and the racers' start, each racer's
#: rule, the race, and how the racers compare.
PARTS = ("The hillside", "The racers", "The race", "Who got there first")

_COUNTS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five"}


@dataclass(frozen=True)
class RuleFacts:
    """The settings a rule line quotes: the racer's name, optimizer key and learning rate,
    and the optimizer's other settings (``beta``, ``decay``, ``beta1``, ...)."""

    name: str
    key: str
    learning_rate: float
    settings: tuple[tuple[str, float], ...] = ()

    def setting(self, name: str) -> float | None:
        return dict(self.settings).get(name)


def _seen(facts: Any, *names: str) -> Any:
    """``facts`` naming only ``names`` (of those drawn) as seen in the caption."""
    drawn = getattr(facts, "visible", frozenset())
    return replace(facts, visible=frozenset(n for n in names if n in drawn))


def _steps(n: int) -> Said:
    return count(int(n), "step")


#: How a voice says each optimizer's name.
_SPOKEN_NAMES = {"SGD": "S G D", "RMSProp": "R M S prop", "AdaGrad": "ada grad"}
_NAME = re.compile(r"^(?P<base>[A-Za-z]+)(?: (?P<rate>\d+(?:\.\d+)?))?(?: \((?P<twin>\d)\))?$")


def _who(text: str) -> Said:
    """A racer's name with its spoken form ("SGD 0.1 (2)": "S G D zero point one, number two").

    >>> _who("RMSProp 0.05 (2)").spoken
    'R M S prop zero point zero five, number two'
    """
    match = _NAME.match(text)
    if match is None:
        return said(text)
    spoken = _SPOKEN_NAMES.get(match["base"], match["base"])
    if match["rate"]:
        spoken += " " + num_text(match["rate"]).spoken
    if match["twin"]:
        spoken += ", number " + integer_words(int(match["twin"]))
    return said((text, spoken))


def _and(names: Sequence[str]) -> Said:
    names = list(names)
    if len(names) == 1:
        return _who(names[0])
    pieces = [p for k, n in enumerate(names[:-1]) for p in ((", " if k else None), _who(n))]
    return said(*pieces, " and ", _who(names[-1]))


def _eta(value: float) -> Said:
    return eq("η", num_text(exact_number(value)[0]))


def _at(digits: Digits, point: Sequence[float], variables: Sequence[str]) -> Said:
    """``"n = 2.50, e = 2.00"`` with its spoken form (as :meth:`Digits.at` writes it)."""
    return said(*[p for k, (v, x) in enumerate(zip(variables, point)) for p in ((", " if k else None), eq(v, num(x, digits.coords)))])


# -- phrases: the race's claims, each only with its fact ----------------------------------------
def arrives_first(arrival: ArrivalFacts | None) -> str:
    """``"Adam arrives first"`` (``"SGD and Adam arrive together"`` on a tie), only when
    the facts name the racers that arrive first.

    >>> arrives_first(ArrivalFacts(names=("Adam",), step=40))
    'Adam arrives first'
    >>> arrives_first(None)
    Traceback (most recent call last):
    ...
    scenes.kit.phrases.ClaimError: 'arrives first' needs a racer that arrives; none does
    """
    if arrival is None or not arrival.names:
        raise ClaimError("'arrives first' needs a racer that arrives; none does")
    if len(arrival.names) > 1:
        return said(_and(arrival.names), " arrive together")
    if arrival.alone:
        return said(_who(arrival.names[0]), " arrives")
    return said(_who(arrival.names[0]), " arrives first")


def stalls(racer: RacerFacts) -> str:
    """``"After 300 steps SGD stalls where the hill is almost flat"``, only when the racer
    stalled (see the facts module: all its steps used, its slope below a hundredth of the
    hill's typical one, its last stride under a pixel). The step count is part of the claim:
    a walk with more steps may still get down.

    >>> from scenes.lessons.rolling.facts import WalkFacts
    >>> stalls(RacerFacts(name="SGD", stalled=True, walk=WalkFacts(steps=300)))
    'After 300 steps SGD stalls where the hill is almost flat'
    """
    if not racer.stalled:
        raise ClaimError(f"'{racer.name} stalls' needs stalled = True, but stalled = False")
    return said("After ", _steps(racer.walk.steps), " ", _who(racer.name), " stalls where the hill is almost flat")


def overshoots(racer: RacerFacts) -> str:
    """``"Momentum overshoots"``, only when f rose on one of its drawn steps.

    >>> overshoots(RacerFacts(name="Momentum", rises=3))
    'Momentum overshoots'
    """
    if not racer.overshoots:
        raise ClaimError(f"'{racer.name} overshoots' needs a step on which f rose, but rises = 0")
    return said(_who(racer.name), " overshoots")


def take_one_walk(race: RaceFacts, group: Sequence[int]) -> str:
    """``"SGD and Momentum take the same walk"``, only when ``group`` is one of the race's
    groups of coinciding racers."""
    if tuple(group) not in race.groups:
        raise ClaimError(f"racers {tuple(group)} do not take the same walk (groups: {race.groups})")
    return said(_and([race.racers[i].name for i in group]), " take the same walk")


# -- the lines -----------------------------------------------------------------------------
def subtitle_for(race: RaceFacts) -> Said:
    """The subtitle: who races (claims nothing), with its spoken form.

    >>> from scenes.lessons.optimizer_race.facts import RacerFacts as R
    >>> subtitle_for(RaceFacts(racers=(R(name="SGD"), R(name="Adam")))).spoken
    'S G D and Adam from one start'
    """
    if len(race.racers) == 1:
        return said(_who(race.names[0]), " on the hill")
    text = said(_and(race.names), " from one start")
    # a title card of one caption (two lines): the names when they fit, else how many race
    return text if len(text) <= 56 else said(f"{_COUNTS[len(race.racers)]} racers from one start")


def start_lines(race: RaceFacts, digits: Digits, colours: Sequence[str] = ()) -> list[Line]:
    """The racers at their common start, the map, and the rings that keep each visible;
    ``colours`` are the words for the racers' colours as drawn in the scene's theme
    (:func:`scenes.kit.theme.colour_word`), said when they fit one caption."""
    walk = race.racers[0].walk
    number = len(race.racers)
    who = "One racer starts" if number == 1 else f"{_COUNTS[number]} racers start together"
    lines = [Line(said(who, " at ", _at(digits, walk.start, walk.variables), "."), _seen(race)),
             Line(said("Top right: the same hill seen from above, as a map."), _seen(race, "map"))]
    if number > 1:
        lines.append(Line(said("Each has its own colour; a later ball is drawn larger, so shared spots show rings."), _seen(race)))
        if len(colours) == number:
            pieces = [p for k, (name, colour) in enumerate(zip(race.names, colours))
                      for p in ((" and " if k == number - 1 else ", ") if k else None, _who(name), " is " if k == 0 else " ", colour)]
            named = said(*pieces, ".")
            if len(named) <= 2 * LINE_WIDTH:
                lines.append(Line(named, _seen(race)))
    return lines


def rule_line(rule: RuleFacts) -> Line:
    """One racer's update rule in words, with its settings as mathcore made them."""
    who, eta, key = _who(rule.name), _eta(rule.learning_rate), rule.key
    beta = num_text(exact_number(rule.setting("beta") or 0.0)[0])
    if key == "sgd":
        text = said(who, " steps straight against the gradient: ", eta, " times the slope.")
    elif key == "momentum":
        text = said(who, " keeps ", beta, " of its last step and adds a new one, with ", eta, ".")
    elif key == "nesterov":
        text = said(who, " is momentum (", beta, ") that reads the slope where it will land, ", eta, ".")
    elif key == "adagrad":
        text = said(who, " divides each step by the root of all its past squared slopes, with ", eta, ".")
    elif key == "rmsprop":
        text = said(who, " divides each step by the root of recent squared slopes, with ", eta, ".")
    elif key == "adam":
        text = said(who, " adds momentum to that scaling: even gentle slopes give long steps, ", eta, ".")
    else:
        text = said(who, " takes its own steps, with ", eta, ".")
    return Line(text, NO_FACTS)


def roll_line(race: RaceFacts) -> Line | None:
    """The pace of the race; None when no racer is drawn taking a step."""
    if all(r.walk.shown == 0 for r in race.racers):
        return None
    if len(race.racers) == 1:
        return Line(said("Step after step, the ball leaves a trail on the hill and the map."), _seen(race, "ball", "map"))
    return Line(said("Every racer takes step ", ("k", "k"), " at the same moment: fewer steps, sooner there."), _seen(race))


def outcome_label(racer: RacerFacts) -> str:
    """The short word shown beside a racer's readout when its walk is over (in the colour
    of its status; "arrived" in the colour of converging)."""
    walk = racer.walk
    if walk.shown_status == "left_map":
        return "off map"
    if racer.arrived:
        return "arrived"
    if racer.stalled:
        return "stalled"
    return {
        "converged": "at rest",
        "diverged": "diverged",
        "oscillating": "bouncing",
        "max_steps": "unfinished",
        "left_domain": "stopped",
        "flat_start": "flat start",
    }.get(walk.status, walk.status)


def race_lines(racer: RacerFacts, digits: Digits, named: bool = True, subject: str | None = None) -> list[Line]:
    """How one racer's walk ended (the rolling lessons' words, with the racer's name); for
    a racer that arrives, where it arrived (told at its arrival step); for one that ends by
    a saddle or a peak, which. ``named``: its ball is named by that kind in the picture
    (``"minimum"``, ``"saddle"``: a caption about the point needs it shown).
    ``subject``: who is told of, when several racers take this one walk ("SGD (1) and SGD (2)")."""
    plural = subject is not None and " and " in subject
    who = _and(subject.split(" and ")) if plural else _who(subject or racer.name)
    walk = racer.walk
    if walk.status == "flat_start":  # below the tolerance, which for a gently scaled hill is not zero
        facts = replace(walk.as_drawn(), moved=False)
        return [Line(said(who, " take" if plural else " takes", " no step: the slope at the start is already below the tolerance."), facts)]
    if not racer.arrived and walk.status == "max_steps" and racer.near not in (None, "minimum", "degenerate"):
        facts = replace(walk.whole_walk(), kind=racer.near, moved=False, visible=frozenset({racer.near}) if named else frozenset())
        text = said(who, " used all ", _steps(walk.steps), "; it ends within a pixel of a ", racer.near, ", not a minimum.")
        return [Line(text, facts)]
    if not racer.arrived:
        first: list[Line] = []
        if plural and walk.left_picture and walk.shown == 0:  # "X and Y's first step" reads wrong
            drawn = replace(walk.as_drawn(), moved=False, visible=frozenset({"map"} & walk.visible))
            first = [Line(said("The first steps of ", who, " land off the map."), drawn)]
        lines = outcome_lines(walk, digits, subject=who, first_step_told=bool(first))
        return first + [_spoken_names(line, str(who), who.spoken) for line in lines]
    facts = _arrival(racer, named)
    where = _at(digits, racer.walk.end, racer.walk.variables)
    text = said(who, " get" if plural else " gets", " within a pixel of the bottom after ", _steps(racer.arrival), ", at ", where, ".")
    if racer.walk.status == "converged" and racer.walk.steps > racer.arrival:
        text = said(text, " The last ", _steps(racer.walk.steps - racer.arrival), " are too small to see.")
    elif racer.walk.status != "converged":
        text = said(text, " Later steps, to ", racer.walk.steps, ", are too small to see.")
    return [Line(text, facts)]


def _spoken_names(line: Line, name: str, spoken: str) -> Line:
    """``line`` with a spoken form where the rolling lessons' words lost it (a phrase that
    returns plain text around a racer's name with digits, "SGD 0.9"): the kit's converter on
    the text with the name said as the race says it."""
    if line.spoken is not None or name not in line.text:
        return line
    marker = "Racername"
    words = speak_text(line.text.replace(name, marker)).replace(marker, spoken)
    return Line(line.text, line.facts, spoken=words)


def _arrival(racer: RacerFacts, named: bool) -> ArrivalFacts:
    return ArrivalFacts(names=(racer.name,), step=int(racer.arrival), visible=frozenset({"minimum"} if named else ()))


def summary_lines(race: RaceFacts, digits: Digits) -> list[Line]:
    """How the racers compare: who arrives first, who stalls, who overshoots, who
    diverges, who coincide; the step counts when nothing else can be said."""
    lines: list[Line] = []
    arrival = race.arrival_facts()
    if arrival is not None:
        text = said(arrives_first(arrival), " after ", _steps(arrival.step), ".")
        if arrival.others:
            later = [p for k, (n, step) in enumerate(arrival.others) for p in ((", " if k else None), _who(n), " after ", step)]
            text = said(text, " Then ", *later, ".")
        elif len(race.racers) > len(arrival.names):
            text = said(text, " No other racer gets there.")
        lines.append(Line(text, _seen(arrival, "minimum")))
    for i in race.stalled:
        racer = race.racers[i]
        slope, stride = digits.small(racer.walk.end_slope), digits.small(racer.last_step)
        if slope == "0" or stride == "0":
            text = said(stalls(racer), ": there its slope rounds to ", num_text("0"), ", and so do its strides.")
        else:
            text = said(stalls(racer), ": its slope is only ", num_text(slope), ", its last stride ", num_text(stride), " long.")
        lines.append(Line(text, racer))
    for i in [i for i in race.overshooting if race.racers[i].walk.status != "diverged"]:
        racer = race.racers[i]
        text = said(overshoots(racer), ": on ", racer.rises, " of its ", _steps(racer.walk.shown), " drawn, f goes up.")
        lines.append(Line(text, _rose(racer)))
    for i in race.of("diverged"):
        racer = race.racers[i]
        walk = replace(_seen(racer.walk), moved=False)  # told after the race, while nothing moves
        phrases.diverged(walk, subject=racer.name)  # the claim needs its fact
        lines.append(Line(said(_who(racer.name), " diverged: its ", _eta(racer.learning_rate), " is too large here."), walk))
    for group in race.groups:
        lines.append(Line(said(take_one_walk(race, group), ": on the picture they are one."), NO_FACTS))
    if not lines:
        # "RMSProp 1.8 took 300", never "RMSProp 1.8 300": a racer's name may end in its rate
        counts = [p for k, r in enumerate(race.racers) for p in ((", " if k else None), _who(r.name), " took ", _steps(r.walk.steps) if not k else r.walk.steps)]
        lines.append(Line(said(*counts, "."), NO_FACTS))
    return lines


@dataclass(frozen=True)
class _Rose:
    """The fact an overshoot line claims: f rose (on some drawn steps)."""

    rose: bool
    visible: frozenset[str] = frozenset()


def _rose(racer: RacerFacts) -> _Rose:
    return _Rose(rose=racer.overshoots)
