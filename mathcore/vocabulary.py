"""The words an expression may use: functions, activation functions and constants.

Besides the usual elementary functions, three activation functions of deep learning are
defined as sympy functions of their own, so that they print as themselves (``\\sigma(x)``,
``\\operatorname{relu}(x)``), differentiate to the textbook results
(``sigmoid' = sigmoid * (1 - sigmoid)``, ``relu' = step``, ``softplus' = sigmoid``) and
evaluate in numpy without overflow.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import sympy

__all__ = ["ALLOWED_FUNCTIONS", "CONSTANTS", "NUMPY_NAMESPACE", "relu", "sigmoid", "softplus"]


class sigmoid(sympy.Function):  # noqa: N801 - named as users type it
    """The logistic function 1 / (1 + exp(-x))."""

    nargs = 1

    @classmethod
    def eval(cls, arg):
        if arg.is_Number:
            return 1 / (1 + sympy.exp(-arg))
        return None

    def fdiff(self, argindex=1):
        return self * (1 - self)

    def _eval_rewrite_as_exp(self, arg, **kwargs):
        return 1 / (1 + sympy.exp(-arg))

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        inner = rf"\sigma\left({printer._print(self.args[0])}\right)"
        return inner if exp is None else rf"{inner}^{{{exp}}}"


class relu(sympy.Function):  # noqa: N801
    """The rectified linear unit max(0, x)."""

    nargs = 1

    @classmethod
    def eval(cls, arg):
        if arg.is_Number:
            return sympy.Max(0, arg)
        return None

    def fdiff(self, argindex=1):
        return sympy.Heaviside(self.args[0])

    def _eval_rewrite_as_Max(self, arg, **kwargs):
        return sympy.Max(0, arg)

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        inner = rf"\operatorname{{relu}}\left({printer._print(self.args[0])}\right)"
        return inner if exp is None else rf"{inner}^{{{exp}}}"


class softplus(sympy.Function):  # noqa: N801
    """The smooth ramp log(1 + exp(x))."""

    nargs = 1

    @classmethod
    def eval(cls, arg):
        if arg.is_Number:
            return sympy.log(1 + sympy.exp(arg))
        return None

    def fdiff(self, argindex=1):
        return sigmoid(self.args[0])

    def _eval_rewrite_as_log(self, arg, **kwargs):
        return sympy.log(1 + sympy.exp(arg))

    def _eval_is_real(self):
        return self.args[0].is_real

    def _latex(self, printer, exp=None):
        inner = rf"\operatorname{{softplus}}\left({printer._print(self.args[0])}\right)"
        return inner if exp is None else rf"{inner}^{{{exp}}}"


def _np_sigmoid(x):
    x = np.asarray(x, dtype=float)
    # exp of a negative number never overflows: pick the form that uses one.
    z = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + z), z / (1.0 + z))


def _np_relu(x):
    return np.maximum(np.asarray(x, dtype=float), 0.0)


def _np_softplus(x):
    return np.logaddexp(0.0, np.asarray(x, dtype=float))


def _np_dirac(x, *args):
    # The derivative of a step is zero everywhere it is defined as a number.
    return np.zeros_like(np.asarray(x, dtype=float))


def _exact_integers_as_floats(function: Callable) -> Callable:
    """numpy's ``function``, taking a Python integer as a float first: sympy prints an exact
    integer as it is (``log(10000000000000000000000)``), and numpy has no integer type for
    one beyond 2**64, so it would fail with a TypeError instead of computing a number."""

    def wrapper(x, *args, **kwargs):
        if isinstance(x, int):
            try:
                x = float(x)
            except OverflowError:
                x = math.copysign(math.inf, x)
        return function(x, *args, **kwargs)

    wrapper.__name__ = wrapper.__qualname__ = function.__name__
    wrapper.__doc__ = function.__doc__
    return wrapper


#: Extra names for :func:`sympy.lambdify`, placed before numpy's own.
NUMPY_NAMESPACE: dict[str, Callable] = {
    "sigmoid": _np_sigmoid,
    "relu": _np_relu,
    "softplus": _np_softplus,
    "DiracDelta": _np_dirac,
    **{
        name: _exact_integers_as_floats(getattr(np, name))
        for name in (
            "sin", "cos", "tan", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh",
            "exp", "log", "sqrt", "sign",
        )
    },
}


def _float_sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x >= 0 else math.exp(x) / (1.0 + math.exp(x))


def _float_softplus(x: float) -> float:
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


@dataclass(frozen=True)
class AllowedFunction:
    """A function name users may call: its sympy builder, float evaluator and arities."""

    name: str
    build: Callable[..., sympy.Expr]
    evaluate: Callable[..., float]
    arities: tuple[int, ...] = (1,)


def _log(x, base=None):
    return sympy.log(x) if base is None else sympy.log(x, base)


def _float_log(x, base=None):
    return math.log(x) if base is None else math.log(x, base)


_TABLE = [
    AllowedFunction("sin", sympy.sin, math.sin),
    AllowedFunction("cos", sympy.cos, math.cos),
    AllowedFunction("tan", sympy.tan, math.tan),
    AllowedFunction("asin", sympy.asin, math.asin),
    AllowedFunction("acos", sympy.acos, math.acos),
    AllowedFunction("atan", sympy.atan, math.atan),
    AllowedFunction("sinh", sympy.sinh, math.sinh),
    AllowedFunction("cosh", sympy.cosh, math.cosh),
    AllowedFunction("tanh", sympy.tanh, math.tanh),
    AllowedFunction("exp", sympy.exp, math.exp),
    AllowedFunction("log", _log, _float_log, (1, 2)),
    AllowedFunction("ln", sympy.log, math.log),
    AllowedFunction("sqrt", sympy.sqrt, math.sqrt),
    AllowedFunction("abs", sympy.Abs, abs),
    AllowedFunction("sigmoid", sigmoid, _float_sigmoid),
    AllowedFunction("relu", relu, lambda x: max(x, 0.0)),
    AllowedFunction("softplus", softplus, _float_softplus),
]

#: Every function name an expression may call.
ALLOWED_FUNCTIONS: dict[str, AllowedFunction] = {f.name: f for f in _TABLE}

#: Named constants: name -> (sympy value, float value). ``e`` yields to a declared variable.
CONSTANTS: dict[str, tuple[sympy.Expr, float]] = {
    "pi": (sympy.pi, math.pi),
    "E": (sympy.E, math.e),
    "e": (sympy.E, math.e),
}
