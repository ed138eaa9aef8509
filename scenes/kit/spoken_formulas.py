"""A formula as typed, in words (pure; no manim; part of :mod:`scenes.kit.spoken`):
``x**3 - 3*x`` is "x cubed minus three x", for any expression the lesson parser accepts.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from scenes.kit.spoken_words import _RELATIONS, _digit_words, integer_words, name_words, speak_text, speakable

__all__ = ["expression_words", "formula_words"]

# -- formulas -----------------------------------------------------------------------------------------------
_FUNCTION_WORDS = {
    "sin": "sine of", "cos": "cosine of", "tan": "tangent of", "asin": "arcsine of", "acos": "arccosine of",
    "atan": "arctangent of", "sinh": "hyperbolic sine of", "cosh": "hyperbolic cosine of",
    "tanh": "hyperbolic tangent of", "log": "the natural log of", "Abs": "the absolute value of",
    "sigmoid": "sigmoid of", "relu": "relu of", "softplus": "softplus of", "sign": "the sign of",
    "exp": "e to the power", "asinh": "inverse hyperbolic sine of", "acosh": "inverse hyperbolic cosine of",
    "atanh": "inverse hyperbolic tangent of", "cot": "cotangent of", "sec": "secant of", "csc": "cosecant of",
}


def formula_words(text: str, variables: Iterable[str] = ("x",)) -> str:
    """A formula as typed (``text``, checked by the lesson parser), in words.

    >>> formula_words("0.5*x^2 - sin(x)/2")
    'zero point five x squared minus sine of x over two'
    >>> formula_words("0.3*(n**2 + 2*e**2)", ("n", "e"))
    'zero point three times the quantity n squared plus two e squared'
    """
    from mathcore.formula_text import display_expression

    return expression_words(display_expression(text, tuple(variables)))


def expression_words(expr: Any) -> str:
    """A sympy expression in words (terms in the order the tree holds them); any node this
    walker does not know is said by :func:`speak_text` of its printed form. Always speakable."""
    try:
        words = _Walker().words(expr)
    except (RecursionError, ValueError, TypeError, AttributeError):
        words = speak_text(str(expr))
    words = " ".join(words.split())
    return words if speakable(words) and words else speak_text(words) or "a formula"


class _Walker:
    def words(self, e: Any) -> str:
        import sympy

        if e.is_Symbol:
            return name_words(e.name)
        if e is sympy.S.Exp1:
            return "e"
        if e is sympy.S.Pi:
            return "pi"
        if e is sympy.S.ImaginaryUnit:
            return "i"
        if e in (sympy.S.Infinity, sympy.S.NegativeInfinity, sympy.S.ComplexInfinity):
            return {sympy.S.Infinity: "infinity", sympy.S.NegativeInfinity: "minus infinity"}.get(e, "complex infinity")
        if e is sympy.S.NaN:
            return "not a number"
        if e.is_Integer:
            return integer_words(int(e))
        if e.is_Rational:
            return f"{integer_words(int(e.p))} over {integer_words(int(e.q))}"
        if e.is_Float:
            return _float_words(e)
        if e.is_Add:
            return self.add(e)
        if e.is_Mul:
            return self.mul(e)
        if e.is_Pow:
            return self.power(e)
        if isinstance(e, sympy.Function) or getattr(e, "is_Function", False):
            return self.function(e)
        if getattr(e, "is_Relational", False):
            return f"{self.words(e.lhs)} {_RELATIONS.get(e.rel_op, 'compared with')} {self.words(e.rhs)}"
        return speak_text(str(e))

    def _negated(self, e: Any) -> Any | None:
        """``-e`` when ``e`` is written with a leading minus (a negative number, -1 * ...)."""
        import sympy

        if e.is_Number and e.is_negative:
            return -e
        if e.is_Mul and e.args and e.args[0].is_Number and e.args[0].is_negative:
            first = -e.args[0]
            rest = e.args[1:]
            if first == 1:
                return rest[0] if len(rest) == 1 else sympy.Mul(*rest, evaluate=False)
            return sympy.Mul(first, *rest, evaluate=False)
        return None

    def add(self, e: Any) -> str:
        out = []
        for k, term in enumerate(e.args):
            negated = self._negated(term)
            if negated is not None:
                out.append(("minus " if k else "minus ") + self.grouped(negated, add_ok=True))
            else:
                out.append(("plus " if k else "") + self.words(term))
        return " ".join(out)

    def grouped(self, e: Any, add_ok: bool = False) -> str:
        """``e`` as a factor: a sum inside a product or a power is "the quantity ..."."""
        if e.is_Add and not add_ok:
            return "the quantity " + self.words(e)
        return self.words(e)

    def mul(self, e: Any) -> str:
        import sympy

        negated = self._negated(e)
        if negated is not None:
            return "minus " + self.grouped(negated)
        top, bottom = [], []
        for factor in e.args:
            if factor.is_Pow and factor.exp.is_Number and factor.exp.is_negative:
                power = -factor.exp
                bottom.append(factor.base if power == 1 else sympy.Pow(factor.base, power, evaluate=False))
            elif factor.is_Rational and not factor.is_Integer and factor.p == 1:
                bottom.append(sympy.Integer(factor.q))
            else:
                top.append(factor)
        words = self.product(top) if top else "one"
        if bottom:
            under = self.product(bottom)
            words = f"{words} over {under}"
        return words

    def product(self, factors: list) -> str:
        out = ""
        previous = None
        for factor in factors:
            part = self.grouped(factor)
            if previous is None:
                out = part
            elif previous.is_Number and (factor.is_Symbol or (factor.is_Pow and factor.base.is_Symbol)):
                out += " " + part  # "three x", "zero point five x squared"
            else:
                out += " times " + part
            previous = factor
        return out

    def power(self, e: Any) -> str:
        import sympy

        base, exp = e.base, e.exp
        if base is sympy.S.Exp1:
            return f"e to the power {self.grouped(exp, add_ok=True)}"
        if exp == sympy.Rational(1, 2):
            return f"the square root of {self.grouped(base, add_ok=True)}"
        if exp == sympy.Rational(1, 3):
            return f"the cube root of {self.grouped(base, add_ok=True)}"
        if exp == -1:
            return f"one over {self.grouped(base)}"
        below = self.grouped(base) if not (base.is_Pow or base.is_Mul or (base.is_Number and base.is_negative)) else "the quantity " + self.words(base)
        if exp == 2:
            return f"{below} squared"
        if exp == 3:
            return f"{below} cubed"
        return f"{below} to the power {self.grouped(exp, add_ok=True)}"

    def function(self, e: Any) -> str:
        fname = type(e).__name__
        args = [self.words(a) for a in e.args]
        if fname == "exp":
            return f"e to the power {args[0]}"
        if fname == "log" and len(args) == 2:
            return f"the log to base {args[1]} of {args[0]}"
        lead = _FUNCTION_WORDS.get(fname) or f"{name_words(fname)} of"
        return f"{lead} {' and '.join(args)}"


def _float_words(value: Any) -> str:
    """A float of a formula at its shortest decimal form, in words (no exponent)."""
    text = format(Decimal(repr(float(value))), "f")
    sign = "minus " if text.startswith("-") else ""
    whole, _, frac = text.lstrip("-").partition(".")
    frac = frac.rstrip("0")
    words = sign + integer_words(int(whole))
    return words + (" point " + _digit_words(frac) if frac else "")
