"""What the position-and-speed lesson says: pure functions from facts to text (no manim).

Each caption is a function of the record it claims from (:mod:`scenes.lessons.speed.facts`);
a line that claims nothing about this x(t) is returned with :data:`~scenes.kit.beats.NO_FACTS`
by :func:`intro_captions`. Numbers go through :mod:`scenes.kit.numbers`. The fact records and
their functions are re-exported here, so ``from scenes.speed_beats import Move`` still works.
"""

from __future__ import annotations

from scenes.kit.beats import NO_FACTS, Facts
from scenes.kit.phrases import moves, stays_put
from scenes.kit.spoken import count, derivative, eq, function_of, num, num_text, said
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
        (said("An object on a line: where it is, x metres, depends on the time t in seconds."), NO_FACTS),
        (said("Plot each position against its time and you get the graph of ", _X_OF_T, "."), NO_FACTS),
        (said("Its speed ", _V_IS_DX_DT, " is how fast x changes: the slope of the tangent to that graph."), NO_FACTS),
        (said("Let time run: the tangent's slope is read out as v and traced on the right."), NO_FACTS),
    )


_X_OF_T = function_of("x", "t")
#: "v = dx/dt" inside a sentence, said "v, which is d x by d t,".
_V_IS_DX_DT = said((str(eq("v", derivative("x", "t"))), f"v, which is {derivative('x', 't').spoken},"))
_ZERO = num_text("0")


def _times(times, decimals: int) -> str:
    return said(*[p for k, t in enumerate(times) for p in ((", " if k else None), num(t, decimals))])


def _v(sign: str) -> str:
    """``v > 0``, ``v ≤ 0`` ...: "v is greater than zero", "v is at most zero"."""
    return eq("v", _ZERO, sign)


def move_caption(facts: Move) -> str:
    """What a move shows, true for all of it."""
    d = facts.decimals
    where = said("From ", eq("t", num(facts.start, d)), " to ", num(facts.end, d), (" s", " seconds"))
    if facts.turns:
        return said(where, " the object turns ", count(facts.turns, "more time"), ": watch v change sign.")
    if facts.speed is None:
        if facts.breaks and len(set(facts.signs)) > 1:
            first, last = (_v(">" if s > 0 else "<" if s < 0 else "=") for s in (facts.signs[0], facts.signs[-1]))
            return said(where, ", ", first, " before ", _X_OF_T, " breaks at ", eq("t", _times(facts.breaks, d)), " and ", last, " after.")
        return said(where, " ", _X_OF_T, " has no speed to show.")
    if facts.speed == 0:
        return said(where, ", ", _v("="), ": ", stays_put(facts, "the object"), ".")
    right = facts.speed > 0
    sign = (">" if right else "<") if not facts.touches else ("≥" if right else "≤")
    if facts.breaks:
        return said(where, ", ", _v(sign), " wherever ", _X_OF_T, " has a value: ", moves(facts, "the object", "moves right" if right else "moves left"), ".")
    if not facts.moved:
        return said(where, ", ", _v(sign), ", yet x changes by less than ", num(10.0**-d, d), (" m", " metres"), ".")
    way = "right, toward larger x" if right else "left, toward smaller x"
    return said(where, ", ", _v(sign), ": ", moves(facts, "the object", f"moves {way}"), ".")


def turn_caption(facts: Turn) -> str:
    """What to say while time stands still at a turn."""
    t, x = num(facts.time, facts.decimals), num(facts.position, facts.decimals)
    at = said("At ", eq("t", t, equals(facts.time, facts.decimals)), (" s", " seconds"))
    if facts.sharp:
        return said(at, " the object turns at ", eq("x", x), (" m", " metres"), " without stopping: v jumps across zero.")
    return said(at, ", ", _v("="), ": the object stops for an instant at ", eq("x", x), (" m", " metres"), " and turns.")


def touch_caption(facts: Touch) -> str:
    """What to say while time stands still where v touches zero without changing sign."""
    at = said("At ", eq("t", num(facts.time, facts.decimals), equals(facts.time, facts.decimals)), (" s", " seconds"))
    return said(at, ", ", _v("="), ": the object stops for an instant, then goes on the same way.")


def no_turn_caption(facts: NoTurn | bool) -> str:
    """After a run with no turn: the object never turned (or never left its place)."""
    if isinstance(facts, bool):  # the old call, no_turn_caption(still)
        facts = NoTurn(facts)
    if facts.still:
        return said(stays_put(facts, "This object"), ": its speed is zero the whole time.")
    if facts.touches:
        return said("v reached zero but never changed sign, so the object never turned around.")
    return said("Here the speed never passes through zero, so the object never turns around.")


def summary_caption(turned: bool, smooth: bool = True) -> str:
    """The closing caption (no claim about this x(t) beyond whether it turned, and whether
    smoothly: at a corner v is not 0, it has no value)."""
    if turned and not smooth:
        return said("v is the slope of ", _X_OF_T, ": positive going right, negative going left.")
    if turned:
        return said("v is the slope of ", _X_OF_T, ": positive going right, negative going left, ", _ZERO, " at a turn.")
    return said("At every instant the speed is the slope of ", _X_OF_T, ": steep means fast, flat means slow.")
