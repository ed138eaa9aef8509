"""Functions of two variables: the hillside y = f(n, e) and its slopes.

Examples
--------
>>> s = ScalarField("0.3*(n**2 + 2*e**2)", variables=("n", "e"))
>>> s.partial("e").expr
1.2*e
>>> s.gradient((1.0, 1.0))
array([0.6, 1.2])
>>> s.classify((0.0, 0.0))
'minimum'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import sympy

from . import level_sets
from .level_sets import FieldSample
from .sampling import DomainError, robust_range
from .symbolic import SymbolicFunction

__all__ = ["FieldSample", "ScalarField", "classify_hessian"]


def classify_hessian(hessian: np.ndarray, tolerance: float = 1e-9) -> str:
    """``"minimum"``, ``"maximum"``, ``"saddle"`` or ``"degenerate"`` from the second
    derivatives at a critical point (eigenvalues within ``tolerance`` of 0 count as 0)."""
    if not np.all(np.isfinite(hessian)):
        return "degenerate"
    eigenvalues = np.linalg.eigvalsh(np.asarray(hessian, dtype=float))
    scale = tolerance * max(1.0, float(np.max(np.abs(eigenvalues))))
    if np.any(eigenvalues > scale) and np.any(eigenvalues < -scale):
        return "saddle"
    if np.any(np.abs(eigenvalues) <= scale):
        return "degenerate"
    return "minimum" if eigenvalues[0] > 0 else "maximum"


class ScalarField(SymbolicFunction):
    """A real function of two variables, y = f(a, b), such as elevation over north and east.

    Parameters
    ----------
    expression : str or sympy.Expr
        The formula, e.g. ``"0.3*(n**2 + 2*e**2)"``.
    variables : (str, str)
        The two variable names, ``("x", "y")`` unless given. In ``("n", "e")`` the name
        ``e`` is East, not Euler's number.
    """

    def __init__(self, expression: str | sympy.Expr, variables: Iterable[str] = ("x", "y")):
        names = tuple(variables) if not isinstance(variables, str) else (variables,)
        if len(names) != 2:
            raise ValueError(f"a ScalarField has two variables, got {names!r}")
        super().__init__(expression, names)

    def __call__(self, a: Any, b: Any) -> Any:
        """f(a, b) for numbers or broadcast arrays; NaN where f is undefined."""
        values = self.evaluate(a, b)
        return float(values) if values.ndim == 0 else values

    def grid(
        self, a_range: Sequence[float], b_range: Sequence[float], resolution: int | tuple[int, int] = 50
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Values on a regular grid: ``(A, B, Z)`` with ``Z[i, j] = f(A[i, j], B[i, j])``.

        ``A`` varies along axis 1 and ``B`` along axis 0 (``numpy.meshgrid`` order).
        """
        na, nb = (resolution, resolution) if isinstance(resolution, int) else resolution
        a = np.linspace(float(a_range[0]), float(a_range[1]), int(na))
        b = np.linspace(float(b_range[0]), float(b_range[1]), int(nb))
        grid_a, grid_b = np.meshgrid(a, b)
        return grid_a, grid_b, self.evaluate(grid_a, grid_b)

    def sample(
        self, a_range: Sequence[float], b_range: Sequence[float], resolution: int | tuple[int, int] = 50
    ) -> FieldSample:
        """f on a regular grid of ``resolution`` samples each way (or ``(na, nb)``), NaN
        wherever f is undefined: ``values[i, j] = f(a[j], b[i])``.

        Raises ``ValueError`` naming ``a_range``/``b_range``/``resolution`` when one is bad.
        """
        return level_sets.sample_field(self, a_range, b_range, resolution)

    def value_range(
        self, a_range: Sequence[float], b_range: Sequence[float], resolution: int = 81
    ) -> tuple[float, float]:
        """The span of f over the rectangle, ignoring the runaway tails near a pole
        (:func:`mathcore.sampling.robust_range` of a ``resolution`` x ``resolution`` grid).

        Raises :class:`~mathcore.DomainError` when f has no finite value there.
        """
        values = self.sample(a_range, b_range, resolution).values
        try:
            return robust_range(values)
        except DomainError:
            a, b = self.variables
            raise DomainError(
                f"{self.text!r} has no real value for {a} in {tuple(a_range)!r} and {b} in {tuple(b_range)!r}"
            ) from None

    def level_set(
        self,
        level: float,
        a_range: Sequence[float],
        b_range: Sequence[float],
        resolution: int | tuple[int, int] = 97,
        refine: int = level_sets.REFINE_STEPS,
    ) -> tuple[np.ndarray, ...]:
        """The lines where f = ``level`` in the rectangle, as polylines of (a, b) points
        (marching squares on ``resolution`` samples each way; see
        :func:`mathcore.level_sets.trace_level`). Empty if f never takes the level there."""
        return level_sets.trace_level(self, self.sample(a_range, b_range, resolution), level, refine)

    def levels(
        self,
        count: int,
        a_range: Sequence[float],
        b_range: Sequence[float],
        resolution: int = 97,
        spacing: float = 2.0,
    ) -> np.ndarray:
        """``count`` well spread levels for a contour map of the rectangle (see
        :func:`mathcore.level_sets.spread_levels`)."""
        return level_sets.spread_levels(self.sample(a_range, b_range, resolution).values, count, spacing)

    def partial(self, name: str) -> ScalarField:
        """The exact partial derivative with respect to the variable ``name``, as a field."""
        derivative = sympy.diff(self.expr, self.symbol(name))
        return ScalarField(derivative, variables=self.variables)

    def gradient(self, point: Sequence[float]) -> np.ndarray:
        """The gradient (the vector of both partial derivatives) at ``point``."""
        return self.gradient_at(point)

    def hessian(self, point: Sequence[float]) -> np.ndarray:
        """The 2x2 matrix of second partial derivatives at ``point``."""
        return self.hessian_at(point)

    def directional_derivative(self, point: Sequence[float], direction: Sequence[float]) -> float:
        """The slope at ``point`` when walking along ``direction`` (normalised first)."""
        u = np.asarray(direction, dtype=float).ravel()
        norm = float(np.linalg.norm(u))
        if u.size != 2 or not np.isfinite(norm) or norm == 0:
            raise ValueError(f"direction must be a non-zero 2-vector, got {direction!r}")
        return float(np.dot(self.gradient(point), u / norm))

    def steepest_slope(self, point: Sequence[float]) -> float:
        """The largest slope over all directions at ``point``: the gradient's length."""
        return float(np.linalg.norm(self.gradient(point)))

    def classify(
        self,
        point: Sequence[float],
        tolerance: float = 1e-4,
        scale: float | None = None,
        gradient_tolerance: float = 1e-6,
    ) -> str:
        """What kind of flat point ``point`` is: minimum, maximum, saddle or degenerate.

        Closeness is judged relative to the function's own scale, not by the gradient's
        size: the Newton step ``H^-1 g`` from ``point`` to the critical point nearby must be
        at most ``tolerance * scale`` long (``scale`` defaults to max(1, |point|)). So
        Himmelblau's maximum given to six digits counts (|gradient| 2e-5 where the values
        are near 181), while a tiny bowl ``1e-9*(x**2 + y**2)`` at (1, 1) does not. Along a
        direction where the Hessian is zero the Newton step has no length; there the
        gradient itself must be at most ``gradient_tolerance``.

        Raises ``ValueError`` if ``point`` is not a critical point by this test (or f is
        undefined there): only a point where the surface is flat can be classified.
        """
        coords = tuple(float(c) for c in np.asarray(point, dtype=float).ravel())
        gradient, hessian = self.gradient(coords), self.hessian(coords)
        if scale is None:
            scale = max(1.0, float(np.max(np.abs(coords))))
        step, rest = _newton_step(gradient, hessian)
        if not (np.linalg.norm(step) <= tolerance * scale and np.linalg.norm(rest) <= gradient_tolerance):
            raise ValueError(
                f"{coords} is not a critical point of {self.text!r}: "
                f"the steepest slope there is {np.linalg.norm(gradient):.3g}"
                + (
                    f", and a flat point would be about {np.linalg.norm(step):.3g} away"
                    if np.linalg.norm(rest) <= gradient_tolerance
                    else ""
                )
            )
        return classify_hessian(hessian)


def _newton_step(gradient: np.ndarray, hessian: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The Newton step ``H^-1 g`` along the directions where the Hessian is not (nearly)
    zero, and the part of ``g`` along the others. NaN if either is undefined."""
    if not (np.all(np.isfinite(gradient)) and np.all(np.isfinite(hessian))):
        nan = np.full(2, np.nan)
        return nan, nan
    eigenvalues, vectors = np.linalg.eigh(hessian)
    along = vectors.T @ gradient
    curved = np.abs(eigenvalues) > 1e-9 * max(float(np.max(np.abs(eigenvalues))), 1e-300)
    step = np.where(curved, along / np.where(curved, eigenvalues, 1.0), 0.0)
    rest = np.where(curved, 0.0, along)
    return step, rest
