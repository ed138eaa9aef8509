"""Numbers for people: one formatter for everything a learner reads, on screen and in captions.

A number shown to a learner is rounded to a fixed count of decimals, never written in
scientific notation and never carries float noise: ``1.624e-08`` shows as ``0``,
``0.30000000000000004`` as ``0.30``, ``-0.001`` as ``0`` (no minus zero). Very large values
are written in words (``3.2 billion``) rather than as a row of digits or with an exponent.

An equation shown with rounded numbers must still check at the precision shown.
:func:`equation_digits` finds the fewest decimals at which it does, and :func:`relation`
says whether to write ``=`` or the approximately-equal sign.

    >>> number(1.624e-08)
    '0'
    >>> number(-1.2, 2)
    '-1.20'
    >>> number(1025.0, 2)
    '1025.00'
    >>> number(3.2e9)
    '3.2 billion'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

__all__ = ["approx_sign", "equation_digits", "number", "number_tex", "relation", "shown"]

#: Magnitudes written in words, largest first.
_WORDS = ((1e12, "trillion"), (1e9, "billion"))
_HUGE = 1e15


def shown(value: float, decimals: int = 2) -> float:
    """``value`` as a reader reads it back from :func:`number` (rounded, minus zero removed)."""
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"cannot show {value!r} to a learner")
    rounded = round(value, decimals)
    return 0.0 if rounded == 0 else rounded


def number(value: float, decimals: int = 2) -> str:
    """``value`` written for a learner with ``decimals`` digits after the point.

    A value that rounds to zero is ``0``; values of a billion or more are written in words
    with one decimal (``3.2 billion``); beyond a thousand trillion, ``more than a thousand
    trillion``. Never scientific notation.
    """
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 6:
        raise ValueError(f"decimals must be a whole number from 0 to 6, got {decimals!r}")
    value = shown(value, decimals)
    if value == 0:
        return "0"
    size = abs(value)
    sign = "-" if value < 0 else ""
    if size >= _HUGE:
        return f"{sign}more than a thousand trillion" if sign == "" else "less than minus a thousand trillion"
    for scale, word in _WORDS:
        if size >= scale:
            return f"{sign}{size / scale:.1f} {word}"
    return f"{value:.{decimals}f}"


def number_tex(value: float, decimals: int = 2) -> str:
    """:func:`number` for LaTeX: words become ``\\text{...}``."""
    text = number(value, decimals)
    if any(c.isalpha() for c in text):
        return rf"\text{{{text}}}"
    return text


def relation(exact_from_shown: float, shown_result: float, decimals: int) -> str:
    """``"="`` if an equation whose left side, computed from the shown numbers, is
    ``exact_from_shown`` checks against the shown result at ``decimals``; else ``"≈"``."""
    return "=" if shown(exact_from_shown, decimals) == shown(shown_result, decimals) else "≈"


def approx_sign(rel: str) -> str:
    """The LaTeX for a :func:`relation`."""
    return "=" if rel == "=" else r"\approx"


def equation_digits(
    compute: Callable[..., float], inputs: Sequence[float], result: float, decimals: int, extra: int = 2
) -> tuple[int, str]:
    """The fewest decimals, from ``decimals`` up to ``decimals + extra``, at which
    ``compute(*rounded inputs)`` rounds to the rounded ``result``, and the relation to write.

    Returns ``(digits, "=")`` when the equation checks at ``digits``; otherwise
    ``(decimals, "≈")``: the equation is then shown at the scene's precision with the
    approximately-equal sign, which is true.
    """
    for digits in range(decimals, decimals + extra + 1):
        left = compute(*(shown(x, digits) for x in inputs))
        if math.isfinite(left) and shown(left, digits) == shown(result, digits):
            return digits, "="
    return decimals, "≈"
