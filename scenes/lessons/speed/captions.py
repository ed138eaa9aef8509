"""What the position-and-speed lesson says, from what mathcore computed (pure: no manim).

Time runs over ``t_range`` in *legs* (:func:`time_plan`): a :class:`Move` between two turns
(the speed keeps one sign there, so one caption holds for the whole leg, and it ends when
the leg ends) and a :class:`Turn` where the object stops for an instant and turns round.
Each caption is a pure function of its facts, unit-tested for many positions.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from mathcore import Curve

from scenes.kit.beats import Facts
from scenes.lessons.derivative.captions import equals
from scenes.kit.numbers import number

__all__ = [
    "Move",
    "Turn",
    "find_turns",
    "move_caption",
    "no_turn_caption",
    "summary_caption",
    "time_plan",
    "turn_caption",
]


@dataclass(frozen=True)
class Turn(Facts):
    """An instant where the moving object turns around.

    ``sharp``: x(t) has a corner there (the speed jumps across zero and has no value at
    that instant), else the speed passes smoothly through zero (``slope`` = v = 0).
    ``kind``: mathcore's kind of the turning point of x(t) ("maximum": it was moving right
    and goes back left; "minimum": the other way round).
    """

    time: float
    position: float
    sharp: bool = False
    kind: str = ""
    decimals: int = 2

    @property
    def slope(self) -> float | None:
        return None if self.sharp else 0.0


@dataclass(frozen=True)
class Move(Facts):
    """Time running from ``start`` to ``end``: ``speed`` is v in the middle when v keeps one
    sign (where it has a value) all along, else None; ``turns`` counts the turns inside
    that the lesson does not stop at; ``moved`` is whether x changed."""

    start: float
    end: float
    speed: float | None
    moved: bool
    turns: int = 0
    decimals: int = 2


def find_turns(curve: Curve, t_range: tuple[float, float], num: int = 2001) -> tuple[Turn, ...]:
    """The instants inside ``t_range`` where the object turns round: mathcore's turning
    points of x(t) (a sign change of v across a pole or a jump of x is no turn).

    >>> [round(turn.time, 9) for turn in find_turns(Curve("4*t - t**2", variable="t"), (0, 4))]
    [2.0]
    """
    start, end = float(t_range[0]), float(t_range[1])
    if not (math.isfinite(start) and math.isfinite(end) and start < end):
        raise ValueError(f"t_range must be two finite numbers, start < end; got {t_range!r}")
    return tuple(Turn(p.x, p.value, p.sharp, p.kind) for p in curve.turning_points((start, end), num=int(num)))


def _move(curve: Curve, start: float, end: float, turns: int, decimals: int) -> Move:
    ts = np.linspace(start, end, 65)[1:-1]
    vs = np.asarray(curve.derivative.evaluate(ts), dtype=float)
    xs = np.asarray(curve.evaluate(np.array([start, end])), dtype=float)
    vs = vs[np.isfinite(vs)]
    moved = bool(np.all(np.isfinite(xs)) and number(xs[0], decimals) != number(xs[1], decimals))
    if turns or not vs.size or not (np.all(vs > 0) or np.all(vs < 0) or np.all(vs == 0)):
        return Move(start, end, None, moved, turns, decimals)
    return Move(start, end, float(np.median(vs)), moved, 0, decimals)


def time_plan(curve: Curve, times: tuple[float, float], turns: tuple[Turn, ...], paused: int, decimals: int) -> tuple[Move | Turn, ...]:
    """Legs from ``times[0]`` to ``times[1]``: a move, the first ``paused`` turns each
    followed by a move, and every later turn marked on the way (counted in its move)."""
    legs: list[Move | Turn] = []
    here = times[0]
    for index, turn in enumerate(turns):
        if index >= paused:
            break
        if turn.time > here:
            legs.append(_move(curve, here, turn.time, 0, decimals))
        legs.append(Turn(turn.time, turn.position, turn.sharp, turn.kind, decimals))
        here = turn.time
    later = sum(1 for turn in turns[paused:] if turn.time > here)
    if times[1] > here:
        legs.append(_move(curve, here, times[1], later, decimals))
    return tuple(legs)


def move_caption(facts: Move) -> str:
    """What a move shows, true for all of it."""
    d = facts.decimals
    where = f"From t = {number(facts.start, d)} to {number(facts.end, d)} s"
    if facts.turns:
        return f"{where} the object turns {facts.turns} more times: watch v cross zero."
    if facts.speed is None:
        return f"{where} v changes sign where x(t) breaks: watch the panel."
    if facts.speed == 0 or not facts.moved:
        return f"{where}, v = 0: the object stays put."
    way = "right, toward larger x" if facts.speed > 0 else "left, toward smaller x"
    sign = ">" if facts.speed > 0 else "<"
    return f"{where}, v {sign} 0: the object moves {way}."


def turn_caption(facts: Turn) -> str:
    """What to say while time stands still at a turn."""
    t, x = number(facts.time, facts.decimals), number(facts.position, facts.decimals)
    at = f"At t {equals(facts.time, facts.decimals)} {t} s"
    if facts.sharp:
        return f"{at} the object turns at x = {x} m without stopping: v jumps across zero."
    return f"{at}, v = 0: the object stops for an instant at x = {x} m and turns."


def no_turn_caption(still: bool) -> str:
    """After a run with no turn: the object never turned (or never left its place)."""
    if still:
        return "This object stays put: its speed is zero the whole time."
    return "Here the speed never passes through zero, so the object never turns around."


def summary_caption(turned: bool) -> str:
    """The closing caption (no claim about this x(t))."""
    if turned:
        return "v is the slope of x(t): positive going right, negative going left, 0 at a turn."
    return "At every instant the speed is the slope of x(t): steep means fast, flat means slow."
