"""Functions of one variable: values, the derivative, tangent lines and secants.

Examples
--------
>>> c = Curve("x**3 - 2*x")
>>> c.derivative.expr
3*x**2 - 2
>>> c.slope(1.0)
1.0
>>> t = c.tangent(1.0)
>>> (t.slope, t.intercept)
(1.0, -2.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import sympy

from . import critical
from .critical import CriticalPoint, SignRun
from .sampling import DomainError, Pieces, robust_range, sample_pieces
from .symbolic import SymbolicFunction

__all__ = ["CriticalPoint", "Curve", "SignRun", "Tangent"]


@dataclass(frozen=True)
class Tangent:
    """The tangent line ``y = slope * x + intercept`` touching the curve at ``point``."""

    point: tuple[float, float]
    slope: float

    @property
    def intercept(self) -> float:
        x0, y0 = self.point
        return y0 - self.slope * x0

    def __call__(self, x: Any) -> Any:
        x0, y0 = self.point
        return y0 + self.slope * (np.asarray(x, dtype=float) - x0)

    @property
    def direction(self) -> str:
        """``"rising"``, ``"falling"`` or ``"flat"`` (|slope| below 1e-9)."""
        if abs(self.slope) < 1e-9:
            return "flat"
        return "rising" if self.slope > 0 else "falling"


def _one_side(step: sympy.Expr, x: sympy.Symbol, at: float) -> sympy.Expr:
    side = sympy.sign(step.args[0].subs(x, at))
    return side if isinstance(step, sympy.sign) else (side + 1) / 2


class Curve(SymbolicFunction):
    """The graph y = f(x) of a formula in one variable.

    Parameters
    ----------
    expression : str or sympy.Expr
        The formula, e.g. ``"x**3 - 2*x"`` or, for a position over time,
        ``Curve("4*t - t**2", variable="t")``.
    variable : str
        The name of the variable, ``"x"`` unless given.
    """

    def __init__(self, expression: str | sympy.Expr, variable: str = "x"):
        super().__init__(expression, (variable,))
        self.variable = self.variables[0]

    def __call__(self, x: Any) -> Any:
        """f at ``x`` (a number or an array); NaN where f is undefined."""
        values = self.evaluate(x)
        return float(values) if values.ndim == 0 else values

    @cached_property
    def derivative(self) -> Curve:
        """The exact derivative f' as a Curve of the same variable."""
        return Curve(self.gradient_exprs[0], variable=self.variable)

    def value(self, x: float) -> float:
        """f(x) as a float, or :class:`DomainError` if f is undefined there."""
        y = self(float(x))
        if not np.isfinite(y):
            raise DomainError(f"f({self.variable}) = {self.text} is undefined at {self.variable} = {x:g}")
        return y

    def slope(self, x0: float) -> float:
        """f'(x0): the slope of the tangent at ``x0``.

        Raises :class:`DomainError` where f or f' is undefined (a pole, a corner of
        ``abs``, outside the domain).
        """
        self.value(x0)
        m = self.derivative(float(x0))
        if not np.isfinite(m) or self._is_corner(float(x0)):
            raise DomainError(f"the slope of {self.text} is undefined at {self.variable} = {x0:g}")
        return m

    @cached_property
    def _steps(self) -> tuple[sympy.Expr, ...]:
        return tuple(self.derivative.expr.atoms(sympy.sign, sympy.Heaviside))

    def _is_corner(self, x0: float) -> bool:
        """Do the slopes just left and just right of ``x0`` differ (abs at 0, relu at 0)?"""
        if not self._steps:
            return False
        x, slope = self.symbols[0], self.derivative.expr
        h = 1e-12 * (1 + abs(x0))
        steps = [s for s in self._steps if abs(complex(s.args[0].subs(x, x0))) <= h]
        if not steps:
            return False
        left, right = (
            float(slope.xreplace({s: _one_side(s, x, x0 + side) for s in steps}).subs(x, x0))
            for side in (-h, h)
        )
        return not np.isclose(left, right)

    def tangent(self, x0: float) -> Tangent:
        """The tangent line at ``x0``."""
        return Tangent(point=(float(x0), self.value(x0)), slope=self.slope(x0))

    def secant_slope(self, x0: float, h: float) -> float:
        """(f(x0 + h) - f(x0)) / h: the slope of the line through two points of the graph."""
        if h == 0 or not np.isfinite(h):
            raise ValueError(f"h must be a finite non-zero step, got {h!r}")
        return (self.value(x0 + h) - self.value(x0)) / h

    def sample(
        self,
        x_range: tuple[float, float],
        num: int = 400,
        y_limits: tuple[float, float] | None = None,
    ) -> Pieces:
        """The finite, continuous pieces of the graph over ``x_range`` (see
        :func:`mathcore.sampling.sample_pieces`)."""
        return sample_pieces(self.evaluate, x_range, num, y_limits, name=f"f({self.variable}) = {self.text}")

    def value_range(self, x_range: tuple[float, float], num: int = 4000) -> tuple[float, float]:
        """The span of f over ``x_range``, ignoring the runaway tails near a pole."""
        xs = np.linspace(float(x_range[0]), float(x_range[1]), num)
        try:
            return robust_range(self.evaluate(xs))
        except DomainError:
            raise DomainError(
                f"f({self.variable}) = {self.text} has no finite values on "
                f"[{x_range[0]:g}, {x_range[1]:g}]"
            ) from None

    # -- the shape: critical points and the range that shows them ---------------------------
    def critical_points(self, x_range: tuple[float, float], num: int = 801) -> tuple[CriticalPoint, ...]:
        """The minima, maxima, flat inflections, plateaus and corners inside ``x_range``
        (see :func:`mathcore.critical.critical_points`)."""
        return critical.critical_points(self, x_range, num)

    def turning_points(self, x_range: tuple[float, float], num: int = 801) -> tuple[CriticalPoint, ...]:
        """The critical points where f turns round (minima and maxima, corners included):
        for a position over time, the instants where the object turns."""
        return tuple(p for p in self.critical_points(x_range, num) if p.turning)

    def sign_runs(
        self, interval: tuple[float, float], num: int = 801, margin: float = 1e-9
    ) -> tuple[SignRun, ...]:
        """The maximal runs of ``interval`` where the slope f' keeps one sign (+1, -1, or 0
        where f' is identically zero), split only at real sign changes, poles, jumps and
        undefined stretches; a touching zero of f' is listed in its run, not split at (see
        :func:`mathcore.critical.sign_runs`). For a position x(t), the runs where the
        object moves one way.

        >>> [(r.sign, r.touching) for r in Curve("(t - 2)**3 + 1", variable="t").sign_runs((0, 4))]
        [(1, (2.0,))]
        """
        return critical.sign_runs(self, interval, num, margin)

    def classify(self, x0: float, radius: float | None = None) -> str:
        """The kind of the critical point at ``x0`` (one of :data:`mathcore.critical.KINDS`).

        ``radius`` (default 1e-4 of max(1, |x0|), as :meth:`ScalarField.classify` judges
        closeness) is how far from ``x0`` the critical point may lie, so a point given to six
        digits is classified. Raises ``ValueError`` if there is none within it.
        """
        x0 = float(x0)
        if radius is None:
            radius = 1e-4 * max(1.0, abs(x0))
        point = critical.nearest_critical_point(self, x0, float(radius))
        if point is None:
            raise ValueError(
                f"{self.variable} = {x0:g} is not a critical point of {self.text!r} "
                f"(none within {radius:.3g})"
            )
        return point.kind

    def feature_range(self, x_range: tuple[float, float]) -> tuple[float, float]:
        """A y span that shows the shape of the curve on ``x_range``: every critical point,
        the flat tails, the steep ends cut (see :func:`mathcore.critical.feature_range`)."""
        return critical.feature_range(self, x_range)
