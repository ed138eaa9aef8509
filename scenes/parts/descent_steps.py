"""Pure helpers for drawing a gradient-descent walk: numbers, update equations, visible parts.

Nothing here imports manim or computes calculus: every number comes from a
:class:`mathcore.DescentPath`, and these functions only format it or decide how much of it
fits in a view. That keeps them easy to test against the path itself.

Examples
--------
>>> format_number(-4.0)
'-4.00'
>>> format_number(-0.001)
'-1.00 \\\\times 10^{-3}'
>>> visible_count([[3.0], [-1.4], [3.9], [-2.5]], [4.5, 6.3, 8.8, 12.6], (-2.0, 4.0), (0.0, 10.0))
3
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

__all__ = [
    "format_number",
    "format_rate",
    "plain_number",
    "update_equation",
    "visible_count",
    "exit_point",
    "short_outcome",
    "STATUS_WORDS",
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

_BIG = 1e4


def _mantissa_exponent(value: float, decimals: int) -> tuple[str, int]:
    exponent = int(math.floor(math.log10(abs(value))))
    mantissa = f"{value / 10**exponent:.{decimals}f}"
    if mantissa.lstrip("-").startswith("10"):  # 9.996 rounds up to 10.00
        exponent += 1
        mantissa = f"{value / 10**exponent:.{decimals}f}"
    return mantissa, exponent


def _needs_exponent(value: float, decimals: int) -> bool:
    return value != 0 and (abs(value) >= _BIG or abs(value) < 0.5 * 10**-decimals)


def format_number(value: float, decimals: int = 2) -> str:
    """``value`` as LaTeX with ``decimals`` places; ``a \\times 10^{b}`` when it is huge
    (10^4 or more) or too small to show (it would round to zero). Never ``-0.00``."""
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"cannot show the non-finite number {value!r}")
    if _needs_exponent(value, decimals):
        mantissa, exponent = _mantissa_exponent(value, decimals)
        return rf"{mantissa} \times 10^{{{exponent}}}"
    text = f"{value:.{decimals}f}"
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def plain_number(value: float, decimals: int = 2) -> str:
    """The same number as :func:`format_number`, written for a caption (``1.23e+05``)."""
    value = float(value)
    if _needs_exponent(value, decimals):
        mantissa, exponent = _mantissa_exponent(value, decimals)
        return f"{mantissa}e{exponent:+03d}"
    return format_number(value, decimals)


def format_rate(learning_rate: float) -> str:
    """The learning rate exactly as given (shortest form), as LaTeX."""
    text = f"{float(learning_rate):.6g}"
    if "e" in text:
        mantissa, exponent = text.split("e")
        return rf"{mantissa} \times 10^{{{int(exponent)}}}"
    return text


def _paren(tex: str) -> str:
    return rf"\left({tex}\right)" if r"\times" in tex else f"({tex})"


def update_equation(path, step: int, variable_tex: str = "w", decimals: int = 2) -> list[str]:
    """The pieces of ``w_{k+1} = w_k - \\eta f'(w_k) = <w_k> - <eta> \\cdot (<slope>) = <w_{k+1}>``
    for update number ``step`` (1 for the first) of the one-variable ``path``.

    The lesson numbers its points from 1, so update ``k`` goes from ``points[k-1]`` to
    ``points[k]``. The slope is always in parentheses; the pieces are meant for
    ``MathTex(*pieces)`` so that each part can be coloured.
    """
    if not 1 <= step <= path.steps:
        raise ValueError(f"step must be from 1 to {path.steps}, got {step}")
    old = rf"{{{variable_tex}}}_{{{step}}}"
    new = rf"{{{variable_tex}}}_{{{step + 1}}}"
    w_old = format_number(path.points[step - 1, 0], decimals)
    slope = format_number(path.gradients[step - 1, 0], decimals)
    w_new = format_number(path.points[step, 0], decimals)
    return [
        new, "=", old, "-", r"\eta\,", f"f'({old})",
        "=", w_old, "-", format_rate(path.learning_rate), r"\cdot", _paren(slope),
        "=", w_new,
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


def short_outcome(path, shown: int, decimals: int = 2) -> str:
    """A few plain words on how the walk ended, for a small label; ``shown`` is how many of
    its points are drawn (see :func:`visible_count`)."""
    name = path.variables[0]
    last = plain_number(path.points[-1, 0], decimals)
    steps = path.steps
    if path.status == "converged":
        text = f"settled at {name} = {last} after {steps} steps" if steps else f"starts flat at {name} = {last}"
    elif path.status == "max_steps":
        text = f"still moving after {steps} steps ({name} = {last})"
    elif path.status == "oscillating":
        a, b = (plain_number(v, decimals) for v in path.points[-2:, 0])
        text = f"bounces between {name} = {a} and {b}"
    elif path.status == "diverged":
        text = "falls without end" if path.values[-1] < path.values[0] else "overshoots more and more"
    elif path.status == "left_domain":
        text = f"stuck at {name} = {last}: next step is undefined"
    else:
        text = "slope zero at the start: no way to go"
    if shown < len(path.points):
        text += f"; leaves the view at step {shown}"
    return text
