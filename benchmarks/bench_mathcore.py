"""How much faster mathcore's compiled numpy path is than evaluating sympy expressions.

Two workloads, each run both ways in this one process and printed side by side:

1. 10,000 gradient-descent steps on a two-variable field (Rosenbrock's valley, slow enough
   that it does not converge early), with ``mathcore.gradient_descent`` against a plain loop
   that evaluates f and both partial derivatives by ``subs``/``evalf``.
2. f on a 500 x 500 grid with ``ScalarField.grid`` against ``subs``/``evalf`` point by point.

sympy's side of the grid is timed on a sub-grid and scaled to the full grid (the full one
would take minutes); the printout says which figures are measured and which are scaled.

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_mathcore.py``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mathcore import ScalarField, gradient_descent  # noqa: E402

FIELD = "(1 - x)**2 + 100*(y - x**2)**2"
START = (-1.2, 1.0)
LEARNING_RATE = 0.0005
STEPS = 10_000
GRID = 500
SYMPY_GRID = 40  # measured sub-grid for sympy


def timed(work, repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def sympy_descent(field: ScalarField, steps: int) -> np.ndarray:
    x, y = field.symbols
    fx, fy = field.gradient_exprs
    point = np.array(START, dtype=float)
    for _ in range(steps):
        values = {x: point[0], y: point[1]}
        float(field.expr.subs(values).evalf())  # the value, as the descent records it
        gradient = np.array([float(fx.subs(values).evalf()), float(fy.subs(values).evalf())])
        point = point - LEARNING_RATE * gradient
    return point


def sympy_grid(field: ScalarField, n: int) -> np.ndarray:
    x, y = field.symbols
    axis = np.linspace(-2.0, 2.0, n)
    return np.array([[float(field.expr.subs({x: a, y: b}).evalf()) for a in axis] for b in axis])


def main() -> None:
    field = ScalarField(FIELD)
    print(f"field f(x, y) = {FIELD}; start {START}; learning rate {LEARNING_RATE}\n")

    path = gradient_descent(field, START, learning_rate=LEARNING_RATE, max_steps=STEPS, tolerance=1e-300)
    assert path.steps == STEPS, path.message
    t_fast = timed(lambda: gradient_descent(field, START, learning_rate=LEARNING_RATE, max_steps=STEPS, tolerance=1e-300))
    t_slow = timed(lambda: sympy_descent(field, STEPS), repeat=1)
    end = sympy_descent(field, 50)
    np.testing.assert_allclose(end, gradient_descent(field, START, learning_rate=LEARNING_RATE, max_steps=50, tolerance=1e-300).points[-1], rtol=1e-9)
    print(f"{STEPS:,} descent steps   mathcore {t_fast:8.3f} s   sympy subs/evalf {t_slow:8.3f} s   "
          f"ratio sympy/mathcore {t_slow / t_fast:8.0f}x   (both measured)")

    t_grid = timed(lambda: field.grid((-2, 2), (-2, 2), GRID))
    t_sub = timed(lambda: sympy_grid(field, SYMPY_GRID), repeat=1)
    t_scaled = t_sub * (GRID * GRID) / (SYMPY_GRID * SYMPY_GRID)
    print(f"{GRID}x{GRID} grid          mathcore {t_grid:8.3f} s   sympy subs/evalf {t_scaled:8.1f} s   "
          f"ratio sympy/mathcore {t_scaled / t_grid:8.0f}x   (sympy measured on {SYMPY_GRID}x{SYMPY_GRID}, scaled)")
    _, _, z = field.grid((-2, 2), (-2, 2), SYMPY_GRID)
    np.testing.assert_allclose(z, sympy_grid(field, SYMPY_GRID), rtol=1e-12)
    print("\nresults agree: the descent end points and the grid values match sympy's")


if __name__ == "__main__":
    main()
