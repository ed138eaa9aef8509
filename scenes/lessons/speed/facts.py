"""What is true of a position x(t) over the lesson's times, from mathcore (pure: no manim).

Time runs over ``t_range`` in *legs* (:func:`time_plan`): a :class:`Move` between two
moments the lesson stops at, a :class:`Turn` where the object stops for an instant and turns
round (or turns at a corner without stopping), and a :class:`Touch` where it stops for an
instant and goes on the same way (v = 3(t - 2)² at t = 2). Everything is decided by
:meth:`mathcore.Curve.sign_runs` (exact zeros and multiplicities for polynomials, the
bracketing solver otherwise), never by sampling v: a touching zero of v is not a turn, and
a pole, a jump or a stretch where x has no value splits the runs without being a turn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from mathcore import Curve, DomainError
from mathcore.critical import SignRun

from scenes.kit.beats import Facts
from scenes.kit.numbers import number

__all__ = ["Move", "NoTurn", "Touch", "Turn", "find_touches", "find_turns", "sign_runs_of", "time_plan"]

#: Why a run ends where the object turns round (a smooth turn or a corner).
TURNING = ("root", "corner")
#: Why a run ends where x(t) breaks (no turn: the object leaves the line or jumps).
BREAKING = ("pole", "jump", "gap")


@dataclass(frozen=True)
class Turn(Facts):
    """An instant where the moving object turns around.

    ``sharp``: x(t) has a corner there (the speed jumps across zero and has no value at
    that instant), else the speed passes smoothly through zero (``slope`` = v = 0).
    ``kind``: the kind of the turning point of x(t) ("maximum": it was moving right and goes
    back left; "minimum": the other way round).
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
class Touch(Facts):
    """An instant where v touches zero without changing sign: the object stops for that
    instant and goes on the way it was going (``way``: +1 right, -1 left)."""

    time: float
    position: float
    way: int
    decimals: int = 2
    slope: float = 0.0


@dataclass(frozen=True)
class Move(Facts):
    """Time running from ``start`` to ``end``.

    ``speed`` is v in the middle of the longest run when v keeps one sign (where it has a
    value) all along, else None; ``turns`` counts the turns inside that the lesson does not
    stop at; ``moved`` is whether x changed (as shown). ``breaks`` are the times inside where
    x(t) breaks (a pole, a jump, no value); ``signs`` the sign of v on each run in order;
    ``touches`` counts the instants inside where v touches zero without changing sign.
    """

    start: float
    end: float
    speed: float | None
    moved: bool
    turns: int = 0
    decimals: int = 2
    breaks: tuple[float, ...] = ()
    signs: tuple[int, ...] = ()
    touches: int = 0


@dataclass(frozen=True)
class NoTurn(Facts):
    """The whole run had no turn: ``still`` (x never changed), ``touches`` instants where v
    was zero without changing sign."""

    still: bool
    touches: int = 0

    @property
    def moved(self) -> bool:
        return not self.still


def _check(t_range: tuple[float, float]) -> tuple[float, float]:
    start, end = float(t_range[0]), float(t_range[1])
    if not (math.isfinite(start) and math.isfinite(end) and start < end):
        raise ValueError(f"t_range must be two finite numbers, start < end; got {t_range!r}")
    return start, end


def sign_runs_of(curve: Curve, t_range: tuple[float, float], num: int = 801) -> tuple[SignRun, ...]:
    """mathcore's runs of one sign of v = x'(t) over ``t_range`` (see
    :meth:`mathcore.Curve.sign_runs`)."""
    return curve.sign_runs(_check(t_range), num=max(int(num), 3))


def _value(curve: Curve, t: float) -> float:
    try:
        return float(curve.value(t))
    except DomainError:
        return float(curve(t))


def find_turns(curve: Curve, t_range: tuple[float, float], num: int = 801) -> tuple[Turn, ...]:
    """The instants inside ``t_range`` where the object turns round: v changes sign there
    while x(t) goes on unbroken (a sign change of v across a pole or a jump of x is no
    turn; a touching zero of v is none either).

    >>> [(turn.time, turn.kind) for turn in find_turns(Curve("4*t - t**2", variable="t"), (0, 4))]
    [(2.0, 'maximum')]
    >>> find_turns(Curve("(t - 2)**3 + 1", variable="t"), (0, 4))
    ()
    """
    runs = sign_runs_of(curve, t_range, num)
    turns = []
    for before, after in zip(runs, runs[1:]):
        if before.closes in TURNING and before.end == after.start and before.sign * after.sign == -1:
            t = before.end
            kind = "maximum" if before.sign > 0 else "minimum"
            turns.append(Turn(t, _value(curve, t), before.closes == "corner", kind))
    return tuple(turns)


def find_touches(curve: Curve, t_range: tuple[float, float], num: int = 801) -> tuple[Touch, ...]:
    """The instants inside ``t_range`` where v touches zero and keeps its sign.

    >>> [(touch.time, touch.way) for touch in find_touches(Curve("(t - 2)**3 + 1", variable="t"), (0, 4))]
    [(2.0, 1)]
    """
    return tuple(
        Touch(t, _value(curve, t), run.sign) for run in sign_runs_of(curve, t_range, num) if run.sign for t in run.touching
    )


def _middle_speed(curve: Curve, run: SignRun) -> float:
    """v in the middle of ``run``, with the run's sign (the exact sign wins over rounding)."""
    try:
        v = float(curve.slope(0.5 * (run.start + run.end)))
    except DomainError:
        v = math.nan
    if run.sign == 0:
        return 0.0
    return v if math.isfinite(v) and v * run.sign > 0 else float(run.sign)


def _move(curve: Curve, start: float, end: float, turns: int, decimals: int) -> Move:
    """The facts of the move from ``start`` to ``end`` (``turns`` turns inside, not stopped at)."""
    runs = sign_runs_of(curve, (start, end))
    # A run of no width is an end point read as a run (sign(0) = 0 at the corner that ends
    # the move, for abs(t - 2) on (0, 2)): it is no part of the move.
    runs = tuple(r for r in runs if r.length > 1e-9 * (end - start)) or runs
    breaks = tuple(r.end for r in runs[:-1] if r.closes in BREAKING)
    if runs and runs[0].opens in BREAKING and runs[0].start > start:
        breaks = (runs[0].start, *breaks)
    signs = tuple(r.sign for r in runs)
    touches = sum(len(r.touching) for r in runs)
    ends = [_value(curve, t) for t in (start, end)]
    moved = all(math.isfinite(x) for x in ends) and number(ends[0], decimals) != number(ends[1], decimals)
    if not runs:
        return Move(start, end, None, moved, turns, decimals, breaks, signs, touches)
    if any(math.isfinite(x) for x in ends) and not all(math.isfinite(x) for x in ends):
        moved = True  # x has a value at one end only: it did not stay put
    if turns or len(set(signs)) != 1:
        return Move(start, end, None, moved, turns, decimals, breaks, signs, touches)
    longest = max(runs, key=lambda r: r.length)
    if not signs[0]:
        moved = False
    elif breaks:
        moved = True  # it moves wherever x(t) has a value, whatever x is at the two ends
    return Move(start, end, _middle_speed(curve, longest), moved, 0, decimals, breaks, signs, touches)


def time_plan(
    curve: Curve,
    times: tuple[float, float],
    turns: tuple[Turn, ...],
    paused: int,
    decimals: int,
    touches: tuple[Touch, ...] | None = None,
) -> tuple[Move | Turn | Touch, ...]:
    """Legs from ``times[0]`` to ``times[1]``: a move, the first ``paused`` stops (turns and
    touches, in time order) each followed by a move, and every later turn counted in the
    move it falls in. ``touches`` default to those mathcore finds in ``times``.

    >>> legs = time_plan(Curve("(t - 2)**3 + 1", variable="t"), (0, 4), (), 3, 2)
    >>> [type(leg).__name__ for leg in legs]
    ['Move', 'Touch', 'Move']
    """
    start, end = _check(times)
    if touches is None:
        touches = find_touches(curve, (start, end))
    stops = sorted((stop for stop in (*turns, *touches) if start < stop.time < end), key=lambda stop: stop.time)
    legs: list[Move | Turn | Touch] = []
    here = start
    for index, stop in enumerate(stops):
        if index >= paused:
            break
        if stop.time > here:
            legs.append(_move(curve, here, stop.time, 0, decimals))
        if isinstance(stop, Turn):
            legs.append(Turn(stop.time, stop.position, stop.sharp, stop.kind, decimals))
        else:
            legs.append(Touch(stop.time, stop.position, stop.way, decimals))
        here = stop.time
    later = sum(1 for turn in turns if here < turn.time < end)
    if end > here:
        legs.append(_move(curve, here, end, later, decimals))
    return tuple(legs)
