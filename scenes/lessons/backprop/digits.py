"""How the backpropagation lesson writes its numbers: three significant figures, never
scientific notation, and products that add up as shown (pure; no manim).

The slopes of a saturated sigmoid are tiny (about 0.0000000000000936 at z = 30) and the slope
of the loss of a confident wrong guess is huge (about 10.7 trillion), so one count of
decimals cannot show them all. :func:`show` writes a value with three significant figures:

* from 0.001 to 1000 as a decimal (``2.00``, ``0.250``, ``0.00123``, ``30.0``, ``693``),
  from :func:`scenes.kit.numbers.number`;
* from 1000 on as a whole number, and from a million on in words (``10.7 trillion``);
* below 0.001 as one over a large number (``1/10.7 trillion``, ``-1/4540``), which a learner
  can read and multiply, where ``0.00`` would break every product it enters.

:func:`product` multiplies the numbers *as shown* (exactly, as fractions) and says whether
the shown result is what they give (``=``) or only close to it (``≈``, "about").

>>> show(0.25).text, show(-2).text, show(1 / 3).text, show(9.357622968838423e-14).text
('0.250', '-2.00', '0.333', '1/10.7 trillion')
>>> show(1.0686474581525463e13).text, show(-0.0002203).text, show(0).text, show(0.99996).text, show(30).text
('10.7 trillion', '-1/4539', '0', '1.00', '30.0')
>>> p = product([show(-2.0), show(0.25)], -0.5)
>>> p.relation, p.result.text
('=', '-0.500')
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Sequence

from scenes.kit.numbers import exact_decimal, number, rounded

__all__ = ["Product", "Shown", "product", "relation_of", "show"]

#: Significant figures every number of the lesson is shown with.
FIGURES = 3

_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
#: The largest magnitude the lesson writes (its settings keep |z| at most 30: e^30 is 10.7 trillion).
_LARGEST = Decimal(10) ** 15


@dataclass(frozen=True)
class Shown:
    """A number as the learner reads it: ``text`` (captions), ``tex`` (MathTex) and
    ``exact``, the value of what is written (``1/10.7 trillion`` is 1/10700000000000)."""

    text: str
    tex: str
    exact: Fraction
    plain: bool = True  # not a reciprocal: read as it is, by a learner and by the picture check

    def same_as(self, value: Any) -> bool:
        """Whether ``value`` is exactly the number written."""
        return Fraction(exact_decimal(value)) == self.exact


def _big(size: Decimal) -> tuple[str, str, Fraction]:
    """A magnitude of 1000 or more: a whole number, or in words from a million on."""
    if size >= _LARGEST:
        raise ValueError(f"{size:.3g} is too large to show")
    for scale, word in _SCALES:
        if size >= scale * Decimal("0.9995"):
            digits = max(0, FIGURES - 1 - int(math.floor(math.log10(float(size / scale)))))
            value = rounded(size / scale, digits)
            if value >= 1000:  # 999.96 million is 1.00 billion
                continue
            return f"{value:f} {word}", rf"{value:f}\text{{ {word}}}", Fraction(value) * Fraction(scale)
    value = rounded(size, 0)
    return f"{value:f}", f"{value:f}", Fraction(value)


def show(value: Any) -> Shown:
    """``value`` with three significant figures, as described in the module docstring."""
    exact = exact_decimal(value)
    if exact == 0:
        return Shown("0", "0", Fraction(0))
    sign = "-" if exact < 0 else ""
    size = abs(exact)
    if size >= 1000:
        text, tex, amount = _big(size)
        return Shown(sign + text, sign + tex, -amount if sign else amount)
    if size >= Decimal("0.001"):
        digits = _decimals(size)
        if abs(rounded(exact, digits)) > size:  # 0.9996 rounds up to 1.000: shown as 1.00
            digits = _decimals(abs(rounded(exact, digits)))
        if abs(rounded(exact, digits)) >= 1000:  # 999.6 rounds to 1000
            return show(rounded(exact, digits))
        text = number(exact, digits)
        return Shown(text, text, Fraction(rounded(exact, digits)))
    text, tex, amount = _big(1 / size)
    return Shown(f"{sign}1/{text}", rf"{sign}\frac{{1}}{{{tex}}}", (-1 if sign else 1) / amount, plain=False)


def _decimals(size: Decimal) -> int:
    """Decimals that give :data:`FIGURES` significant figures to a magnitude from 0.001 to 1000."""
    return min(6, max(0, FIGURES - 1 - int(math.floor(math.log10(float(size))))))


def relation_of(written: Shown, value: Any) -> str:
    """``"="`` when ``written`` is exactly ``value``, else ``"≈"``."""
    return "=" if written.same_as(value) else "≈"


@dataclass(frozen=True)
class Product:
    """A product as the lesson shows it: the factors, the result and the relation
    between them (``=`` when the shown factors multiply to the shown result)."""

    factors: tuple[Shown, ...]
    result: Shown
    relation: str

    @property
    def about(self) -> str:
        """``"about "`` when the shown numbers only nearly give the result, else ``""``."""
        return "" if self.relation == "=" else "about "


def product(factors: Sequence[Shown], result: Any) -> Product:
    """The product of the shown ``factors`` against the true ``result``: the result is shown
    as :func:`show` writes it, with ``=`` if the shown factors multiply to exactly the
    number written for the result once shown the same way, else ``≈``."""
    made = math.prod((f.exact for f in factors), start=Fraction(1))
    shown_result = show(result)
    same = show(Decimal(made.numerator) / Decimal(made.denominator)).text == shown_result.text if made else shown_result.exact == 0
    return Product(tuple(factors), shown_result, "=" if same else "≈")
