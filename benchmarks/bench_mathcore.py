"""How much faster mathcore's compiled numpy path is than evaluating sympy expressions.

Two workloads, each run both ways in this one process and printed side by side:

1. 10,000 gradient-descent steps on a two-variable field (Rosenbrock's valley, slow enough
   that it does not converge early), with ``mathcore.gradient_descent`` against a plain loop
   that evaluates f and both partial derivatives by ``subs``/``evalf``.
2. f on a 500 x 500 grid with ``ScalarField.grid`` against ``subs``/``evalf`` point by point.

Then the optimizers: the same 10,000 steps with ``mathcore.descend`` and each rule of
``mathcore.optimizers``, as a ratio to ``gradient_descent`` (``descend(sgd)`` walks the very
same path, so its ratio is the cost of the general machinery, about 1), and a stochastic
walk on a 200-point line loss with mini-batches of 10 (a batch loss per step, no sympy).

sympy's side of the grid is timed on a sub-grid and scaled to the full grid (the full one
would take minutes); the printout says which figures are measured and which are scaled.

Run: ``make bench`` or ``.venv/bin/python benchmarks/bench_mathcore.py`` (``--optimizers``: only
the optimizers, without the slow sympy side).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mathcore import ScalarField, descend, gradient_descent, line_loss, make_optimizer, minibatches, sgd  # noqa: E402
from mathcore.optimizers import OPTIMIZERS  # noqa: E402

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
    if "--optimizers" in sys.argv[1:]:
        optimizers(field)
        return
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
    print("\nresults agree: the descent end points and the grid values match sympy's\n")
    optimizers(field)


def timed_pair(first, second, repeat: int = 5) -> tuple[float, float]:
    """Best wall times of two workloads timed in turn (so that a busy machine slows both alike)."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for k, work in enumerate((first, second)):
            start = time.perf_counter()
            work()
            best[k] = min(best[k], time.perf_counter() - start)
    return best[0], best[1]


def optimizers(field: ScalarField) -> None:
    """Each optimizer's 10,000 steps against gradient_descent's, and a stochastic walk."""
    print(f"optimizers, {STEPS:,} steps each with descend, timed in turn with gradient_descent's {STEPS:,}:")
    same = descend(field, START, sgd(LEARNING_RATE), max_steps=STEPS, tolerance=1e-300)
    plain = gradient_descent(field, START, learning_rate=LEARNING_RATE, max_steps=STEPS, tolerance=1e-300)
    np.testing.assert_array_equal(same.points, plain.points)  # descend(sgd) is the same walk

    def front_door():
        return gradient_descent(field, START, learning_rate=LEARNING_RATE, max_steps=STEPS, tolerance=1e-300)

    for name in OPTIMIZERS:
        rule = make_optimizer(name, LEARNING_RATE)
        path = descend(field, START, rule, max_steps=STEPS, tolerance=1e-300)
        t_plain, t = timed_pair(front_door, lambda: descend(field, START, rule, max_steps=STEPS, tolerance=1e-300))
        print(f"  {name:9s} {t:7.3f} s   gradient_descent {t_plain:7.3f} s   ratio {t / t_plain:5.2f}   "
              f"({path.steps} steps, {path.status})")

    rng = np.random.default_rng(0)
    x = rng.uniform(-3, 3, 200)
    data = list(zip(x, 1.5 * x - 0.5 + rng.normal(0, 0.5, 200)))
    loss = line_loss(data)
    steps = 2000

    def stochastic():
        return descend(loss, (0.0, 0.0), sgd(0.05), max_steps=steps, batches=minibatches(data, 10, seed=1))

    path = stochastic()
    assert path.steps == steps, path.message
    t_full, t_batch = timed_pair(
        lambda: descend(loss, (0.0, 0.0), sgd(0.05), max_steps=steps, tolerance=1e-300), stochastic, repeat=3
    )
    print(f"  {steps:,} steps on a 200-point line loss: whole loss {t_full:6.3f} s, mini-batches of 10 "
          f"{t_batch:6.3f} s ({t_batch / steps * 1e6:.0f} us a stochastic step, a new batch loss each)")


if __name__ == "__main__":
    main()
