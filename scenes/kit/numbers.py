"""Numbers for people: one formatter for everything a learner reads, on screen and in captions.

A number shown to a learner is rounded to a fixed count of decimals, never written in
scientific notation and never carries float noise: ``1.624e-08`` shows as ``0``,
``0.30000000000000004`` as ``0.30``, ``-0.001`` as ``0`` (no minus zero). Very large values
are written in words (``3.2 billion``) rather than as a row of digits or with an exponent.

Rounding is half away from zero on the exact value, as a learner rounds by hand:
``1.275`` -> ``1.28``, ``8.625`` -> ``8.63``, ``-0.125`` -> ``-0.13``. A float is taken at its
shortest decimal form (``repr(1.275) == '1.275'``), which is the number the learner was
shown or computes by hand, not at its binary value (1.27499999999999991118...), which
Python's ``round`` and ``format`` round and so give ``1.27``. The digits are then rounded
in decimal arithmetic. Callers that hold an exact value (an ``int``, a
:class:`~fractions.Fraction`, a :class:`~decimal.Decimal` or a sympy number) may pass it
as it is; it is rounded exactly.

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
    >>> number(1.275), number(8.625), number(-0.125)
    ('1.28', '8.63', '-0.13')
    >>> from fractions import Fraction
    >>> number(Fraction(1, 8), 2)
    '0.13'
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from decimal import ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from numbers import Rational
from typing import Any

import numpy as np

__all__ = ["approx_sign", "equation_digits", "exact_decimal", "number", "number_tex", "relation", "rounded", "shown"]

#: Magnitudes written in words, largest first.
_WORDS = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"))
_HUGE = Decimal(10) ** 15
#: Enough digits for any value below ``_HUGE`` with 6 decimals, and for exact fractions.
_CONTEXT = Context(prec=60)


def exact_decimal(value: Any) -> Decimal:
    """``value`` as the decimal number a learner means by it.

    A float (Python or numpy) is read at its shortest decimal form, the digits ``repr``
    prints (``1.275``, not the binary 1.27499999999999991...); a ``Decimal`` is kept; an
    integer, a :class:`~fractions.Fraction` or a sympy rational is exact (a fraction whose
    decimals do not end is cut at 60 significant digits, far past any digit shown); a sympy
    ``Float`` is read at the digits it prints (``Float(1.275)`` is ``1.27500000000000``);
    any other sympy number is evaluated to 60 digits. Raises ``ValueError`` for NaN, infinities
    and values with no real number, ``TypeError`` for what is not a number.

    >>> exact_decimal(1.275)
    Decimal('1.275')
    >>> exact_decimal(0.1 + 0.2)
    Decimal('0.30000000000000004')
    """
    if isinstance(value, bool):
        raise TypeError(f"cannot show {value!r} as a number")
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, float):  # (np.float64 too) repr is the shortest form
        result = Decimal(repr(float(value))) if math.isfinite(value) else None
    elif isinstance(value, np.floating):  # float32's shortest form, not its float64 value
        result = Decimal(np.format_float_positional(value, unique=True, trim="-")) if np.isfinite(value) else None
    elif isinstance(value, (int, np.integer)):
        result = Decimal(int(value))
    elif isinstance(value, Rational):
        result = _CONTEXT.divide(Decimal(value.numerator), Decimal(value.denominator))
    elif getattr(value, "is_Rational", False):  # sympy Integer / Rational, without importing sympy
        result = _CONTEXT.divide(Decimal(int(value.p)), Decimal(int(value.q)))
    elif getattr(value, "is_Float", False):  # a sympy Float: the digits it carries, as it prints them
        result = Decimal(str(value)) if value.is_finite else None
    elif getattr(value, "is_number", False) and hasattr(value, "evalf"):
        evaluated = value.evalf(60)
        if not getattr(evaluated, "is_real", False) or not getattr(evaluated, "is_finite", False):
            raise ValueError(f"cannot show {value!r} to a learner")
        result = Decimal(str(evaluated))
    else:
        try:
            return exact_decimal(float(value))
        except (TypeError, ValueError):
            raise TypeError(f"cannot show {value!r} as a number") from None
    if result is None or not result.is_finite():
        raise ValueError(f"cannot show {value!r} to a learner")
    return result


def rounded(value: Any, decimals: int = 2) -> Decimal:
    """``value`` rounded half away from zero to ``decimals`` places, on its exact value
    (:func:`exact_decimal`); a result of zero is ``+0`` (never minus zero).

    >>> rounded(4.275), rounded(-2.5, 0), rounded(-0.001)
    (Decimal('4.28'), Decimal('-3'), Decimal('0.00'))
    """
    exact = exact_decimal(value)
    # Enough precision for every digit of the result (a float can hold 309 whole digits).
    context = Context(prec=max(_CONTEXT.prec, exact.adjusted() + decimals + 2))
    result = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=context)
    return result.copy_abs() if result == 0 else result


def shown(value: Any, decimals: int = 2) -> float:
    """``value`` as a reader reads it back from :func:`number` (rounded, minus zero removed)."""
    return float(rounded(value, decimals)) + 0.0


def number(value: Any, decimals: int = 2) -> str:
    """``value`` written for a learner with ``decimals`` digits after the point.

    Rounded half away from zero on the exact value (see the module docstring). A value that
    rounds to zero is ``0``; values of a billion or more are written in words with one
    decimal (``3.2 billion``); from a thousand trillion on, ``more than a thousand
    trillion``. Never scientific notation. ``value`` may be a float or an exact number.
    """
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= 6:
        raise ValueError(f"decimals must be a whole number from 0 to 6, got {decimals!r}")
    exact = exact_decimal(value)
    if abs(exact) < _WORDS[-1][0]:
        value_shown = rounded(exact, decimals)
        if value_shown == 0:
            return "0"
        if abs(value_shown) < _WORDS[-1][0]:  # (999999999.996 rounds up to a billion)
            return f"{value_shown:f}"
    return _in_words(exact)


def _in_words(exact: Decimal) -> str:
    """A value of a billion or more (once rounded) in words, with one decimal."""
    size, sign = abs(exact), "-" if exact < 0 else ""
    if size >= _HUGE:
        return "more than a thousand trillion" if sign == "" else "less than minus a thousand trillion"
    for scale, word in reversed(_WORDS):  # billion, then trillion: 999.96 billion is 1.0 trillion
        tenths = rounded(size / scale, 1)
        if tenths < 1000 or word == _WORDS[0][1]:
            return f"{sign}{tenths:f} {word}"
    raise AssertionError("unreachable")


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
    compute: Callable[..., Any], inputs: Sequence[Any], result: Any, decimals: int, extra: int = 2
) -> tuple[int, str]:
    """The fewest decimals, from ``decimals`` up to ``decimals + extra``, at which
    ``compute(*rounded inputs)`` rounds to the rounded ``result``, and the relation to write.

    The inputs are rounded as shown (:func:`rounded`) and handed to ``compute`` as exact
    decimals, so the left side is the sum a learner does by hand (``-4.96 - 0.005`` is
    ``-4.965`` and rounds to ``-4.97``, with no float noise to tip the half); a ``compute``
    that needs floats gets floats.

    Returns ``(digits, "=")`` when the equation checks at ``digits``; otherwise
    ``(decimals, "≈")``: the equation is then shown at the scene's precision with the
    approximately-equal sign, which is true.

    >>> equation_digits(lambda a, b: a - b, (-4.96, 0.005), -4.965, 2)
    (2, '=')
    """
    for digits in range(decimals, decimals + extra + 1):
        exact = [rounded(x, digits) for x in inputs]
        try:
            left = compute(*exact)
        except TypeError:  # a compute that takes only floats
            left = compute(*(float(x) for x in exact))
        try:
            if rounded(left, digits) == rounded(result, digits):
                return digits, "="
        except ValueError:  # not finite
            continue
    return decimals, "≈"
