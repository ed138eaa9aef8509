"""Hypothesis strategies shared by the mathcore tests: formulas as text, built by hand too.

:func:`formulas` draws a well-formed formula from a small grammar and returns the pair
``(text, expected)``: the text a user would type and the sympy expression the parser must
build from it, assembled here node by node with sympy's own operators. Every sub-formula
contains a variable, so no constant part can be refused (no ``exp(exp(exp(3)))``), and
``sqrt``/``log``/division only ever see safe arguments like ``(...)**2 + 1``.
"""

from __future__ import annotations

import numpy as np
import sympy
from hypothesis import strategies as st

from mathcore.vocabulary import sigmoid, softplus

NUMBERS = {
    "0.25": sympy.Float("0.25"),
    "0.5": sympy.Float("0.5"),
    "1": sympy.Integer(1),
    "1.5": sympy.Float("1.5"),
    "2": sympy.Integer(2),
    "3": sympy.Integer(3),
}

SMOOTH = {
    "sin": sympy.sin,
    "cos": sympy.cos,
    "exp": sympy.exp,
    "tanh": sympy.tanh,
    "sigmoid": sigmoid,
    "softplus": softplus,
}


def symbol(name: str) -> sympy.Symbol:
    """The symbol the parser makes for a declared variable (real)."""
    return sympy.Symbol(name, real=True)


def formulas(variables: tuple[str, ...] = ("x",), max_leaves: int = 5):
    """Pairs ``(text, sympy expression)`` of random well-formed formulas in ``variables``."""
    number = st.sampled_from(sorted(NUMBERS))
    name = st.sampled_from(variables)
    leaf = name.map(lambda v: (v, symbol(v)))
    linear = st.tuples(number, name, number).map(
        lambda t: (f"({t[0]}*{t[1]} + {t[2]})", NUMBERS[t[0]] * symbol(t[1]) + NUMBERS[t[2]])
    )

    def extend(children):
        return st.one_of(
            st.tuples(children, st.sampled_from("+-*"), children).map(_binary),
            st.tuples(children, children).map(_safe_division),
            st.tuples(st.sampled_from(sorted(SMOOTH)), children).map(_smooth),
            st.tuples(st.sampled_from(["sqrt", "log"]), children).map(_safe_root_or_log),
            st.tuples(children, st.sampled_from([2, 3]), st.booleans()).map(_power),
            st.tuples(number, children).map(lambda t: (f"{t[0]}*({t[1][0]})", NUMBERS[t[0]] * t[1][1])),
            children.map(lambda c: (f"-({c[0]})", -c[1])),
        )

    return st.recursive(leaf | linear, extend, max_leaves=max_leaves).filter(lambda pair: len(pair[0]) <= 400)


def _binary(t):
    (lt, le), op, (rt, re) = t
    expr = {"+": le + re, "-": le - re, "*": le * re}[op]
    return f"({lt}) {op} ({rt})", expr


def _safe_division(t):
    (lt, le), (rt, re) = t
    return f"({lt})/(({rt})**2 + 1)", le / (re**2 + 1)


def _smooth(t):
    name, (text, expr) = t
    return f"{name}({text})", SMOOTH[name](expr)


def _safe_root_or_log(t):
    name, (text, expr) = t
    inner = expr**2 + 1
    return f"{name}(({text})**2 + 1)", sympy.sqrt(inner) if name == "sqrt" else sympy.log(inner)


def _power(t):
    (text, expr), k, caret = t
    return f"({text}){'^' if caret else '**'}{k}", expr**k


def central_difference(f, x: float, h: float) -> float:
    """(f(x + h) - f(x - h)) / 2h."""
    return (f(x + h) - f(x - h)) / (2 * h)


def trustworthy_difference(f, x: float) -> tuple[float, float] | None:
    """A central difference of ``f`` at ``x`` and its error bound, or None where the
    difference cannot be trusted (undefined values nearby, or two step sizes disagree)."""
    h = 1e-5 * (1 + abs(x))
    coarse, fine = central_difference(f, x, h), central_difference(f, x, h / 2)
    if not (np.isfinite(coarse) and np.isfinite(fine)):
        return None
    if abs(coarse - fine) > 1e-3 * (1 + abs(fine)):
        return None
    # Truncation error of the finer step (about a third of the two steps' gap) and rounding.
    rounding = 1e-13 * (1 + abs(f(x))) / h
    return fine, abs(coarse - fine) + rounding + 1e-7 * (1 + abs(fine))
