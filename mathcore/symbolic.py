"""A function of one or more real variables, held exactly (sympy) and evaluated fast (numpy).

:class:`SymbolicFunction` is the shared core of :class:`~mathcore.curves.Curve` (one
variable) and :class:`~mathcore.fields.ScalarField` (two variables). It parses the text
once, differentiates exactly, and compiles the value, the gradient and the Hessian with
:func:`sympy.lambdify` so that each evaluation is a few numpy operations.

Numeric evaluation never raises and never warns: wherever the function is undefined
(outside the domain of ``log`` or ``sqrt``, at a pole, on overflow) the value is NaN, for
the callers to treat as a gap.
"""

from __future__ import annotations

import cmath
import math
from collections.abc import Iterable
from functools import cached_property
from typing import Any

import numpy as np
import sympy

from .expressions import ExpressionError, check_variable_names, parse_expression
from .formula_text import formula_latex, latex
from .vocabulary import NUMPY_NAMESPACE

__all__ = ["SymbolicFunction"]

_MODULES = [NUMPY_NAMESPACE, "numpy"]


def _compile(symbols: tuple[sympy.Symbol, ...], exprs: Any):
    private = sympy.symbols(f"_v0:{len(symbols)}", real=True)
    renamed = _rename(exprs, dict(zip(symbols, private)))
    return sympy.lambdify(private, renamed, modules=_MODULES, cse=True)


def _rename(exprs: Any, mapping: dict) -> Any:
    if isinstance(exprs, (list, tuple)):
        return [_rename(e, mapping) for e in exprs]
    return exprs.xreplace(mapping)


def as_real_array(value: Any, shape: tuple[int, ...], keep_inf: bool = False) -> np.ndarray:
    """Broadcast a lambdified result to ``shape`` as floats; complex -> NaN, and infinite
    -> NaN too unless ``keep_inf``."""
    array = np.asarray(value)
    if np.iscomplexobj(array):
        array = np.where(np.abs(array.imag) > 1e-12 * (1 + np.abs(array.real)), np.nan, array.real)
    array = np.broadcast_to(array.astype(float, copy=False), shape).copy()
    array[np.isnan(array) if keep_inf else ~np.isfinite(array)] = np.nan
    return array


def _real_scalar(value: Any, keep_inf: bool = False) -> float:
    """One lambdified number as a float: complex -> NaN, infinite -> NaN unless ``keep_inf``."""
    if isinstance(value, complex) or np.iscomplexobj(value):
        value = complex(value)
        value = value.real if abs(value.imag) <= 1e-12 * (1 + abs(value.real)) else math.nan
    value = float(value)
    if math.isinf(value) and not keep_inf:
        return math.nan
    return value


class SymbolicFunction:
    """A real function of the declared variables.

    Parameters
    ----------
    expression : str or sympy.Expr
        The formula as the user typed it (parsed by :func:`parse_expression`), or an
        expression already built from the declared variables (e.g. a derivative).
    variables : iterable of str
        The variable names, in the order in which values are passed.
    """

    def __init__(self, expression: str | sympy.Expr, variables: Iterable[str]):
        names = check_variable_names(variables)
        self.variables: tuple[str, ...] = names
        self.symbols: tuple[sympy.Symbol, ...] = tuple(sympy.Symbol(n, real=True) for n in names)
        if isinstance(expression, str):
            self.text = expression.strip()
            self.expr: sympy.Expr = parse_expression(expression, names)
            self._typed = True
        elif isinstance(expression, sympy.Basic):
            stray = expression.free_symbols - set(self.symbols)
            if stray:
                raise ExpressionError(
                    str(expression), f"it uses undeclared symbols {sorted(map(str, stray))}"
                )
            self.text = str(expression)
            self.expr = expression
            self._typed = False
        else:
            raise TypeError(f"expression must be text or a sympy expression, not {type(expression).__name__}")
        self._value = _compile(self.symbols, self.expr)

    # -- exact ----------------------------------------------------------------------------
    @property
    def dimension(self) -> int:
        return len(self.symbols)

    @cached_property
    def latex(self) -> str:
        """The formula in LaTeX for a learner: as typed (terms in the typed order) when it was
        given as text, Euler's number upright (``\\mathrm{e}``) so an italic ``e`` is a
        variable. An expression built by mathcore (a derivative) prints its exact form."""
        if self._typed:
            return formula_latex(self.text, self.variables)
        return latex(self.expr)

    def symbol(self, name: str) -> sympy.Symbol:
        try:
            return self.symbols[self.variables.index(name)]
        except ValueError:
            raise ValueError(
                f"{name!r} is not a variable of {self.text!r} (variables: {', '.join(self.variables)})"
            ) from None

    @cached_property
    def gradient_exprs(self) -> tuple[sympy.Expr, ...]:
        """The exact partial derivatives, one per variable."""
        return tuple(sympy.diff(self.expr, s) for s in self.symbols)

    @cached_property
    def hessian_exprs(self) -> tuple[tuple[sympy.Expr, ...], ...]:
        """The exact second partial derivatives."""
        return tuple(tuple(sympy.diff(g, s) for s in self.symbols) for g in self.gradient_exprs)

    # -- numeric --------------------------------------------------------------------------
    @cached_property
    def _value_and_gradient(self):
        return _compile(self.symbols, [self.expr, *self.gradient_exprs])

    @cached_property
    def _hessian(self):
        return _compile(self.symbols, [list(row) for row in self.hessian_exprs])

    def evaluate(self, *coordinates: Any) -> np.ndarray:
        """Values at broadcast coordinates; NaN wherever the function is undefined."""
        arrays = [np.asarray(c, dtype=float) for c in coordinates]
        shape = np.broadcast_shapes(*(a.shape for a in arrays))
        with np.errstate(all="ignore"):
            return as_real_array(self._value(*arrays), shape)

    def value_and_gradient(self, point: Any, keep_inf: bool = False) -> tuple[float, np.ndarray]:
        """Value and gradient at one point (a sequence of ``dimension`` floats).

        Undefined numbers are NaN; overflowed ones are NaN too, or infinite if ``keep_inf``.
        """
        coords = self._point(point)
        try:
            with np.errstate(all="ignore"):
                raw = self._value_and_gradient(*coords)
        except (ZeroDivisionError, OverflowError):
            raw = None
        if raw is None or any(map(cmath.isinf, raw)):
            divided: list = []
            with np.errstate(all="ignore", divide="call", call=lambda *_: divided.append(True)):
                raw = self._value_and_gradient(*np.array(coords))
            keep_inf = keep_inf and not divided
        value = _real_scalar(raw[0], keep_inf)
        gradient = np.array([_real_scalar(g, keep_inf) for g in raw[1:]], dtype=float)
        return value, gradient

    def gradient_at(self, point: Any) -> np.ndarray:
        """The gradient vector at one point."""
        return self.value_and_gradient(point)[1]

    def hessian_at(self, point: Any) -> np.ndarray:
        """The matrix of second derivatives at one point."""
        coords = self._point(point)
        with np.errstate(all="ignore"):
            raw = self._hessian(*np.array(coords))
        return np.array([[as_real_array(v, ()) for v in row] for row in raw], dtype=float)

    def _point(self, point: Any) -> tuple[float, ...]:
        coords = np.atleast_1d(np.asarray(point, dtype=float)).ravel()
        if coords.size != self.dimension:
            raise ValueError(
                f"a point of {self.text!r} has {self.dimension} coordinate(s) "
                f"({', '.join(self.variables)}), got {coords.size}"
            )
        return tuple(float(c) for c in coords)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.text!r}, variables={self.variables!r})"
