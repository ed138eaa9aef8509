"""What the position-and-speed lesson says: pure functions from facts to text (no manim).

Each caption is a function of the record it claims from (:mod:`scenes.lessons.speed.facts`);
a line that claims nothing about this x(t) is returned with :data:`~scenes.kit.beats.NO_FACTS`
by :func:`intro_captions`. Numbers go through :mod:`scenes.kit.numbers`. The fact records and
their functions are re-exported here, so ``from scenes.speed_beats import Move`` still works.
"""

from __future__ import annotations

from scenes.kit.beats import NO_FACTS, Facts
from scenes.kit.numbers import number
from scenes.kit.phrases import moves, stays_put
from scenes.lessons.derivative.captions import equals
from scenes.lessons.speed.facts import Move, NoTurn, Touch, Turn, find_touches, find_turns, time_plan

__all__ = [
    "Move",
    "NoTurn",
    "Touch",
    "Turn",
    "find_touches",
    "find_turns",
    "intro_captions",
    "move_caption",
    "no_turn_caption",
    "summary_caption",
    "time_plan",
    "touch_caption",
    "turn_caption",
]


#: The parts of the lesson (its chapters), in order: the moving object and its two graphs,
#: then time running while the slope of x(t) is read out as v.
PARTS = ("Position and its graph", "Letting time run")


def intro_captions() -> tuple[tuple[str, Facts], ...]:
    """The four introductory lines, in order, each with its (empty) facts: they say what
    the pictures are, nothing about this x(t)."""
    return (
        ("An object on a line: where it is, x metres, depends on the time t in seconds.", NO_FACTS),
        ("Plot each position against its time and you get the graph of x(t).", NO_FACTS),
        ("Its speed v = dx/dt is how fast x changes: the slope of the tangent to that graph.", NO_FACTS),
        ("Let time run: the tangent's slope is read out as v and traced on the right.", NO_FACTS),
    )


def _times(times, decimals: int) -> str:
    return ", ".join(number(t, decimals) for t in times)


def move_caption(facts: Move) -> str:
    """What a move shows, true for all of it."""
    d = facts.decimals
    where = f"From t = {number(facts.start, d)} to {number(facts.end, d)} s"
    if facts.turns:
        return f"{where} the object turns {facts.turns} more times: watch v change sign."
    if facts.speed is None:
        if facts.breaks and len(set(facts.signs)) > 1:
            first, last = ("v > 0" if s > 0 else "v < 0" if s < 0 else "v = 0" for s in (facts.signs[0], facts.signs[-1]))
            return f"{where}, {first} before x(t) breaks at t = {_times(facts.breaks, d)} and {last} after."
        return f"{where} x(t) has no speed to show."
    if facts.speed == 0:
        return f"{where}, v = 0: {stays_put(facts, 'the object')}."
    right = facts.speed > 0
    sign = (">" if right else "<") if not facts.touches else ("≥" if right else "≤")
    if facts.breaks:
        return f"{where}, v {sign} 0 wherever x(t) has a value: {moves(facts, 'the object', 'moves right' if right else 'moves left')}."
    if not facts.moved:
        return f"{where}, v {sign} 0, yet x changes by less than {number(10.0**-d, d)} m."
    way = "right, toward larger x" if right else "left, toward smaller x"
    return f"{where}, v {sign} 0: {moves(facts, 'the object', f'moves {way}')}."


def turn_caption(facts: Turn) -> str:
    """What to say while time stands still at a turn."""
    t, x = number(facts.time, facts.decimals), number(facts.position, facts.decimals)
    at = f"At t {equals(facts.time, facts.decimals)} {t} s"
    if facts.sharp:
        return f"{at} the object turns at x = {x} m without stopping: v jumps across zero."
    return f"{at}, v = 0: the object stops for an instant at x = {x} m and turns."


def touch_caption(facts: Touch) -> str:
    """What to say while time stands still where v touches zero without changing sign."""
    at = f"At t {equals(facts.time, facts.decimals)} {number(facts.time, facts.decimals)} s"
    return f"{at}, v = 0: the object stops for an instant, then goes on the same way."


def no_turn_caption(facts: NoTurn | bool) -> str:
    """After a run with no turn: the object never turned (or never left its place)."""
    if isinstance(facts, bool):  # the old call, no_turn_caption(still)
        facts = NoTurn(facts)
    if facts.still:
        return f"{stays_put(facts, 'This object')}: its speed is zero the whole time."
    if facts.touches:
        return "v reached zero but never changed sign, so the object never turned around."
    return "Here the speed never passes through zero, so the object never turns around."


def summary_caption(turned: bool, smooth: bool = True) -> str:
    """The closing caption (no claim about this x(t) beyond whether it turned, and whether
    smoothly: at a corner v is not 0, it has no value)."""
    if turned and not smooth:
        return "v is the slope of x(t): positive going right, negative going left."
    if turned:
        return "v is the slope of x(t): positive going right, negative going left, 0 at a turn."
    return "At every instant the speed is the slope of x(t): steep means fast, flat means slow."
