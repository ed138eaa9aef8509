"""Pure helpers for drawing a gradient-descent walk: update equations and the visible part.

Nothing here imports manim or computes calculus: every number comes from a
:class:`mathcore.DescentPath`, and these functions only write it for a learner (through
:mod:`scenes.kit.numbers`, never in scientific notation) or decide how much of it fits in a
view. A shown update equation checks at the precision it is shown with, or is written with
the approximately-equal sign.

Examples
--------
>>> update_numbers(-1.2, 0.05, 0.26, -1.213, 2).relation
'='
>>> format_rate(0.0001)
'0.0001'
>>> visible_count([[3.0], [-1.4], [3.9], [-2.5]], [4.5, 6.3, 8.8, 12.6], (-2.0, 4.0), (0.0, 10.0))
3
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from scenes.kit.numbers import approx_sign, exact_decimal, number, number_tex, rounded, shown

__all__ = [
    "MAX_DIGITS",
    "STATUS_WORDS",
    "UpdateNumbers",
    "exit_point",
    "format_rate",
    "readable_digits",
    "distinct_digits",
    "update_equation",
    "update_numbers",
    "visible_count",
]

#: How each status of :func:`mathcore.gradient_descent` is written on screen.
STATUS_WORDS = {
    "converged": "converged",
    "max_steps": "max steps",
    "oscillating": "oscillating",
    "diverged": "diverged",
    "left_domain": "left domain",
    "flat_start": "flat start",
}

#: The most digits after the point any number is shown with.
MAX_DIGITS = 6


def format_rate(learning_rate: float) -> str:
    """The learning rate as given, in its shortest decimal form (never an exponent).

    >>> [format_rate(x) for x in (0.25, 1.0, 2, 1e-5)]
    ['0.25', '1', '2', '0.00001']
    """
    value = float(learning_rate)
    if not math.isfinite(value):
        raise ValueError(f"cannot show the learning rate {learning_rate!r}")
    return np.format_float_positional(value, precision=12, unique=True, trim="-")


def readable_digits(value: float, decimals: int) -> int:
    """The digits after the point that show ``value`` with two significant digits, from
    ``decimals`` up to :data:`MAX_DIGITS` (a small non-zero slope should not read as 0)."""
    value = float(value)
    if value == 0 or not math.isfinite(value):
        return decimals
    wanted = 1 - math.floor(math.log10(abs(value)))
    return max(decimals, min(wanted, MAX_DIGITS))


def distinct_digits(a: float, b: float, decimals: int) -> int:
    """The fewest digits, from ``decimals`` up to :data:`MAX_DIGITS`, at which ``a`` and
    ``b`` read differently (when they differ at all)."""
    if a == b:
        return decimals
    for digits in range(decimals, MAX_DIGITS + 1):
        if shown(a, digits) != shown(b, digits):
            return digits
    return max(decimals, MAX_DIGITS)


@dataclass(frozen=True)
class UpdateNumbers:
    """The numbers of ``w_new = w_old - eta * slope`` as shown, and ``"="`` or ``"≈"``."""

    w_old: str
    slope: str
    w_new: str
    relation: str
    digits: int  # after the point, of both values of w
    slope_digits: int


def update_numbers(w_old: float, learning_rate: float, slope: float, w_new: float, decimals: int) -> UpdateNumbers:
    """Write one update for a learner so that it checks at the precision shown.

    The slope gets the digits it needs not to read as 0; ``w`` gets the fewest digits
    (from ``decimals``) at which the equation, computed from the numbers as shown, rounds
    to the result as shown and, when ``w`` moved, old and new read differently. If no
    precision up to :data:`MAX_DIGITS` does that, the relation is ``"≈"``.
    """
    slope_digits = readable_digits(slope, decimals)
    shown_slope = rounded(slope, slope_digits)  # exact decimals: the sum as a learner does it by hand
    first = distinct_digits(w_old, w_new, decimals)
    relation, digits = "≈", first
    for d in range(first, MAX_DIGITS + 1):
        left = rounded(w_old, d) - exact_decimal(learning_rate) * shown_slope
        if abs(left) < 10**15 and rounded(left, d) == rounded(w_new, d):
            relation, digits = "=", d
            break
    if any(c.isalpha() for c in number(w_old, digits) + number(w_new, digits) + number(slope, slope_digits)):
        relation = "≈"  # a number written in words is rounded: the sum cannot check exactly
    return UpdateNumbers(
        number_tex(w_old, digits), number_tex(slope, slope_digits), number_tex(w_new, digits), relation, digits, slope_digits
    )


def update_equation(path, step: int, variable_tex: str = "w", decimals: int = 2) -> list[str]:
    """The pieces of ``w_{k+1} = w_k - \\eta f'(w_k) = <w_k> - <eta> \\cdot (<slope>) = <w_{k+1}>``
    for update number ``step`` (1 for the first) of the one-variable ``path``.

    The lesson numbers its points from 1, so update ``k`` goes from ``points[k-1]`` to
    ``points[k]``. The last relation is ``\\approx`` when the shown numbers do not add up
    exactly (see :func:`update_numbers`). The pieces are meant for ``MathTex(*pieces)`` so
    that each part can be coloured: 5 and 11 are slopes, 13 is the new point.
    """
    if not 1 <= step <= path.steps:
        raise ValueError(f"step must be from 1 to {path.steps}, got {step}")
    old = rf"{{{variable_tex}}}_{{{step}}}"
    new = rf"{{{variable_tex}}}_{{{step + 1}}}"
    numbers = update_numbers(
        float(path.points[step - 1, 0]), path.learning_rate, float(path.gradients[step - 1, 0]),
        float(path.points[step, 0]), decimals,
    )
    return [
        new, "=", old, "-", r"\eta\,", f"f'({old})",
        "=", numbers.w_old, "-", format_rate(path.learning_rate), r"\cdot", f"({numbers.slope})",
        approx_sign(numbers.relation), numbers.w_new,
    ]


def visible_count(points, values, x_range: Sequence[float], y_range: Sequence[float]) -> int:
    """How many points, from the first, lie inside the view ``x_range`` x ``y_range``.

    A walk is drawn up to (not past) its first point outside the view: once it has left,
    nothing after it is shown even if it comes back.
    """
    xs = np.asarray(points, dtype=float).reshape(len(values), -1)[:, 0]
    ys = np.asarray(values, dtype=float)
    inside = (
        np.isfinite(xs) & np.isfinite(ys)
        & (xs >= x_range[0]) & (xs <= x_range[1])
        & (ys >= y_range[0]) & (ys <= y_range[1])
    )
    outside = np.flatnonzero(~inside)
    return int(outside[0]) if outside.size else int(inside.size)


def exit_point(inside: Sequence[float], outside: Sequence[float], x_range: Sequence[float], y_range: Sequence[float]) -> tuple[float, float]:
    """Where the straight segment from the point ``inside`` the view to the point
    ``outside`` it crosses the view's border."""
    (x0, y0), (x1, y1) = (float(v) for v in inside), (float(v) for v in outside)
    t = 1.0
    for start, end, low, high in ((x0, x1, *x_range), (y0, y1, *y_range)):
        if end > high:
            t = min(t, (high - start) / (end - start))
        elif end < low:
            t = min(t, (low - start) / (end - start))
    t = max(t, 0.0)
    return x0 + t * (x1 - x0), y0 + t * (y1 - y0)
