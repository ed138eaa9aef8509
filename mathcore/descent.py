"""Gradient descent, plain, with momentum or with any optimizer, that reports how and why it stopped.

The update is the lesson's rule ``w2 = w1 - learning_rate * f'(w1)``, with the gradient in
place of f' for several variables. With ``momentum`` it is the heavy ball, a ball that
rolls and keeps some of its speed::

    velocity = momentum * velocity - learning_rate * gradient
    point    = point + velocity

:func:`gradient_descent` never returns NaN or infinity: when a step would leave the domain
of the function or overflow, the walk stops before it and the :class:`DescentPath` says so
in ``status`` and ``message``.

:func:`descend` is the same walk with any update rule of :mod:`mathcore.optimizers`
(Nesterov, AdaGrad, RMSProp, Adam, ...), optionally following the gradient of one
mini-batch loss per step; :func:`gradient_descent` is its simple front door.

Examples
--------
>>> from mathcore import Curve
>>> path = gradient_descent(Curve("x**2"), start=3.0, learning_rate=1.0, max_steps=50)
>>> path.status, path.points[:3, 0].tolist()
('oscillating', [3.0, -3.0, 3.0])
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .numeric import CREEP_SHARE, RESOLUTION, is_flat, significant_change, typical_slope
from .optimizers import Momentum, Nesterov, Optimizer, momentum as _momentum, sgd
from .sampling import DomainError
from .symbolic import SymbolicFunction

__all__ = [
    "DescentPath", "descend", "gradient_descent", "STATUSES", "creeping_toward", "on_falling_tail", "point_kind", "walk_box",
]

STATUSES = ("converged", "max_steps", "oscillating", "diverged", "left_domain", "flat_start")

_GROWTH_LIMIT = 1e6  # |f| or |point| this many times its start (plus one) means divergence
_BOUNCE_WINDOW = 20  # steps of alternating direction with no progress means oscillation
_NOISE_SHARE = 1e-6  # bouncing steps this much shorter than the walk's longest are float noise
_PROGRESS_SHARE = 1e-6  # a bounce whose f fell by more than this share of the walk's span is still descending


@dataclass(frozen=True)
class DescentPath:
    """The walk of gradient descent, start included.

    Attributes
    ----------
    points : ndarray, shape (steps + 1, d)
        Every position, the start first.
    values : ndarray, shape (steps + 1,)
        f at each position.
    gradients : ndarray, shape (steps + 1, d)
        The gradient (for one variable, the slope) at each position.
    status : str
        One of :data:`STATUSES`.
    message : str
        One plain sentence saying how the walk ended, fit for a caption.
    learning_rate, momentum : float
        The learning rate the walk used, and the momentum (beta) for ``momentum`` and
        ``nesterov`` (0 for the other optimizers).
    variables : tuple of str
        The names of the coordinates.
    optimizer : str
        The name of the update rule (a key of :data:`mathcore.optimizers.OPTIMIZERS`).
    rule : Optimizer or None
        The update rule itself, with all its settings.
    batched : bool
        Whether each step followed the gradient of a mini-batch loss (then ``gradients``
        are still those of the full function, and the walk is judged by them).
    """

    points: np.ndarray
    values: np.ndarray
    gradients: np.ndarray
    status: str
    message: str
    learning_rate: float
    momentum: float
    variables: tuple[str, ...]
    optimizer: str = "sgd"
    rule: Optimizer | None = None
    batched: bool = False

    def __post_init__(self):
        for array in (self.points, self.values, self.gradients):
            array.setflags(write=False)

    @property
    def steps(self) -> int:
        """How many updates were made (``len(points) - 1``)."""
        return len(self.points) - 1

    @property
    def final_point(self) -> np.ndarray:
        return self.points[-1]

    @property
    def final_value(self) -> float:
        return float(self.values[-1])

    def step_changes(self, scale: float, resolution: float | None = None) -> tuple[int, ...]:
        """For each step, did f go up (+1), down (-1) or neither (0)? A change of f below
        float resolution relative to ``scale`` (the size of f's values on the range shown,
        :func:`mathcore.numeric.value_scale`) is neither
        (:func:`mathcore.numeric.significant_change`).

        >>> from mathcore import Curve
        >>> gradient_descent(Curve("x**2"), 1.0, learning_rate=1.0, max_steps=2).step_changes(1.0)
        (0, 0)
        """

        limit = RESOLUTION if resolution is None else float(resolution)
        return tuple(
            significant_change(self.values[i], self.values[i + 1], scale, limit) for i in range(self.steps)
        )


def gradient_descent(
    function: SymbolicFunction,
    start: Any,
    learning_rate: float = 0.1,
    momentum: float = 0.0,
    max_steps: int = 500,
    tolerance: float = 1e-8,
) -> DescentPath:
    """Walk downhill from ``start`` until the slope vanishes or something goes wrong.

    The simple front door of :func:`descend`: the same walk with the rule
    :func:`~mathcore.optimizers.sgd` (``momentum`` 0) or
    :func:`~mathcore.optimizers.momentum` (the heavy ball with ``beta = momentum``).

    Parameters
    ----------
    function : Curve or ScalarField
        What to minimise.
    start : float or sequence of float
        The first point (a number for a Curve, a pair for a ScalarField).
    learning_rate : float
        The step size eta in ``w2 = w1 - eta * f'(w1)``; positive.
    momentum : float
        How much of the previous step a rolling ball keeps, in ``[0, 1)``; 0 is plain descent.
    max_steps : int
        The most updates to make.
    tolerance : float
        The walk has converged once the gradient is no longer than this.

    Returns
    -------
    DescentPath

    Raises
    ------
    ValueError
        For settings out of range; :class:`~mathcore.DomainError` (a ValueError) if f or
        its slope is undefined at the start.
    """
    _check_settings(learning_rate, momentum, max_steps, tolerance)
    rule = sgd(learning_rate) if momentum == 0 else _momentum(learning_rate, momentum)
    return descend(function, start, rule, max_steps=max_steps, tolerance=tolerance)


def descend(
    function: SymbolicFunction,
    start: Any,
    optimizer: Optimizer,
    max_steps: int = 500,
    tolerance: float = 1e-8,
    *,
    batches: Iterable[SymbolicFunction] | None = None,
) -> DescentPath:
    """Walk downhill from ``start`` with any update rule of :mod:`mathcore.optimizers`.

    The walk, its stopping tests, statuses and messages are those of
    :func:`gradient_descent` (which is this walk with ``sgd`` or ``momentum``): it records
    every point with f and the exact gradient there, never NaN or infinity, and stops when
    the gradient is no longer than ``tolerance`` (``"converged"``), when a step would leave
    the domain (``"left_domain"``) or run away (``"diverged"``), when it bounces in place
    (``"oscillating"``), or after ``max_steps`` updates.

    Parameters
    ----------
    function : Curve or ScalarField
        What to minimise; the path records its points, values and gradients.
    start : float or sequence of float
        The first point.
    optimizer : Optimizer
        The update rule, e.g. ``adam(0.1)`` or ``make_optimizer("rmsprop", 0.05)``.
    max_steps : int
        The most updates to make.
    tolerance : float
        The walk has converged once the gradient of ``function`` is no longer than this.
    batches : iterable of Curve or ScalarField, optional
        Stochastic descent: update k follows the gradient of the k-th batch loss (e.g. from
        :func:`mathcore.learning.minibatches`) instead of that of ``function``. The path
        still records ``function``'s values and gradients, and convergence is judged on
        ``function``'s exact gradient, never on the noisy batch gradient; a noisy walk is
        never called ``"oscillating"`` (its jitter is the batches', not the learning
        rate's). If the batches run out first, the walk ends as ``"max_steps"``.

    Returns
    -------
    DescentPath

    Raises
    ------
    TypeError
        If ``function``, ``optimizer`` or a batch is of the wrong kind.
    ValueError
        For settings out of range or a batch over other variables;
        :class:`~mathcore.DomainError` (a ValueError) if f or its slope is undefined at
        the start.

    Examples
    --------
    >>> from mathcore import ScalarField
    >>> from mathcore.optimizers import adam
    >>> path = descend(ScalarField("(x - 1)**2 + (y - 3)**2"), (0.0, 0.0), adam(0.1), max_steps=2000)
    >>> path.status, path.optimizer, [round(c, 4) for c in path.final_point.tolist()]
    ('converged', 'adam', [1.0, 3.0])
    """
    if not isinstance(optimizer, Optimizer):
        raise TypeError(
            f"optimizer must be an Optimizer such as sgd(0.1) or make_optimizer('adam', 0.1), "
            f"not {type(optimizer).__name__}"
        )
    _check_settings(optimizer.learning_rate, 0.0, max_steps, tolerance)
    if not isinstance(function, SymbolicFunction):
        raise TypeError(f"function must be a Curve or a ScalarField, not {type(function).__name__}")
    x = np.asarray(start, dtype=float).ravel()
    if x.size != function.dimension or not np.all(np.isfinite(x)):
        raise ValueError(
            f"start must be {function.dimension} finite number(s) "
            f"({', '.join(function.variables)}), got {start!r}"
        )
    value, gradient = function.value_and_gradient(x)
    if not np.isfinite(value) or not np.all(np.isfinite(gradient)):
        raise DomainError(
            f"{function.text} or its slope is undefined at the start {_fmt(x, function)}"
        )
    if batches is not None and not isinstance(batches, Iterable):
        raise TypeError(f"batches must be an iterable of batch losses, not {type(batches).__name__}")
    walk = _Walk(function, optimizer, tolerance, batches)
    walk.record(x, value, gradient)
    with np.errstate(all="ignore"):
        status, message = walk.run(max_steps)
    return DescentPath(
        points=np.array(walk.points),
        values=np.array(walk.values),
        gradients=np.array(walk.gradients),
        status=status,
        message=message,
        learning_rate=optimizer.learning_rate,
        momentum=optimizer.beta if isinstance(optimizer, (Momentum, Nesterov)) else 0.0,
        variables=function.variables,
        optimizer=optimizer.name,
        rule=optimizer,
        batched=batches is not None,
    )


def _is_real(value) -> bool:
    """A plain real number: ``True`` and ``False`` are not learning rates."""
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _check_settings(learning_rate, momentum, max_steps, tolerance) -> None:
    if not (_is_real(learning_rate) and np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(f"learning_rate must be a positive number, got {learning_rate!r}")
    if not (_is_real(momentum) and 0 <= momentum < 1):
        raise ValueError(f"momentum must be in [0, 1), got {momentum!r}")
    if isinstance(max_steps, bool) or not isinstance(max_steps, (int, np.integer)) or not 0 <= max_steps <= 10**7:
        raise ValueError(f"max_steps must be a whole number from 0 to 10**7, got {max_steps!r}")
    if not (_is_real(tolerance) and np.isfinite(tolerance) and tolerance > 0):
        raise ValueError(f"tolerance must be a positive number, got {tolerance!r}")


class _Walk:
    """The state of one descent: the update rule, the batches and the stopping tests."""

    def __init__(self, function: SymbolicFunction, optimizer: Optimizer, tolerance, batches=None):
        self.f = function
        self.optimizer = optimizer
        self.learning_rate = optimizer.learning_rate
        self.tolerance = float(tolerance)
        self.batches = None if batches is None else iter(batches)
        self.points: list[np.ndarray] = []
        self.values: list[float] = []
        self.gradients: list[np.ndarray] = []
        self._bound: float | None = None
        self._longest = 0.0  # the longest step so far

    def record(self, x, value, gradient) -> None:
        if self.points:
            step = x - self.points[-1]
            self._longest = max(self._longest, math.sqrt(float(np.dot(step, step))))
        self.points.append(x)
        self.values.append(value)
        self.gradients.append(gradient)

    def run(self, max_steps: int) -> tuple[str, str]:
        x, g = self.points[0], self.gradients[0]
        if np.linalg.norm(g) <= self.tolerance:
            return self._flat_start()
        optimizer, state = self.optimizer, self.optimizer.init(x)
        undefined: list = []
        gradient_at = self._gradient_at(self.f, undefined)
        for step in range(1, max_steps + 1):
            if self.batches is not None:
                loss = self._next_batch()
                if loss is None:
                    return "max_steps", self._max_steps_message(ran_out=True)
                batch_value, g = loss.value_and_gradient(x, keep_inf=True)
                stop = self._undefined(step, x, batch_value, g, x, "the mini-batch loss")
                if stop:
                    return stop
                gradient_at = self._gradient_at(loss, undefined)
            x_new, state = optimizer.update(state, x, g, gradient_at)
            if undefined:
                at, value, slope = undefined[0]
                stop = self._undefined(step, at, value, slope, x, "f", look_ahead=True)
                if stop:
                    return stop
                undefined.clear()
            if self._too_far(x_new):
                return "diverged", self._diverged_message(step)
            value, g_new = self.f.value_and_gradient(x_new, keep_inf=True)
            stop = self._undefined(step, x_new, value, g_new, x, self.f.text)
            if stop:
                return stop
            x, g = x_new, g_new
            self.record(x, value, g)
            if math.sqrt(float(np.dot(g, g))) <= self.tolerance:
                return "converged", self._converged_message()
            if abs(value) > _GROWTH_LIMIT * (1 + abs(self.values[0])):
                return "diverged", self._diverged_message(step)
            if self.batches is None and self._oscillating():
                return "oscillating", (
                    f"After {step} {_plural(step, 'step')} the walk keeps jumping back and forth across the "
                    f"valley without getting lower: the learning rate "
                    f"{self.learning_rate:g} is too large."
                )
        return "max_steps", self._max_steps_message()

    def _next_batch(self) -> SymbolicFunction | None:
        batch = next(self.batches, None)
        if batch is None:
            return None
        if not isinstance(batch, SymbolicFunction):
            raise TypeError(f"each batch must be a Curve or a ScalarField (a batch loss), not {type(batch).__name__}")
        if batch.variables != self.f.variables:
            raise ValueError(
                f"a batch loss over {', '.join(batch.variables)} cannot steer a walk over {', '.join(self.f.variables)}"
            )
        return batch

    @staticmethod
    def _gradient_at(loss: SymbolicFunction, undefined: list):
        """point -> gradient of ``loss`` for a look-ahead; notes a point where it is not finite."""

        def gradient_at(point):
            value, gradient = loss.value_and_gradient(point, keep_inf=True)
            if not np.all(np.isfinite(gradient)):
                undefined.append((np.asarray(point, dtype=float), value, gradient))
            return gradient

        return gradient_at

    def _undefined(self, step, at, value, gradient, x, what, look_ahead=False) -> tuple[str, str] | None:
        """The stop for a point ``at`` where ``what`` or its slope is infinite or
        undefined (None if both are finite); the walk stays at ``x``."""
        if math.isfinite(value) and np.isfinite(gradient).all():
            return None
        if np.isinf(value) or np.any(np.isinf(gradient)):
            return "diverged", self._diverged_message(step)
        if look_ahead:
            return "left_domain", (
                f"Step {step} looks ahead to {_fmt(at, self.f)}, where the slope is undefined, so the walk "
                f"stops at {_fmt(x, self.f)}."
            )
        if at is x:
            return "left_domain", (
                f"At {_fmt(x, self.f)} the slope of {what} for step {step} is undefined, so the walk stops there."
            )
        return "left_domain", (
            f"Step {step} would land on {_fmt(at, self.f)}, where {what} "
            f"{'or its slope ' if not np.isnan(value) else ''}is undefined, so the walk "
            f"stops at {_fmt(x, self.f)}."
        )

    # -- stopping tests -------------------------------------------------------------------
    def _too_far(self, x_new: np.ndarray) -> bool:
        if self._bound is None:
            self._bound = _GROWTH_LIMIT * (1 + float(np.linalg.norm(self.points[0])))
        if not np.isfinite(x_new).all():
            return True
        return math.sqrt(float(np.dot(x_new, x_new))) > self._bound

    def _oscillating(self) -> bool:
        pts = self.points
        k = len(pts) - 1
        if k < 4 or float(np.dot(pts[-1] - pts[-2], pts[-2] - pts[-3])) >= 0:
            return False  # a bounce reverses direction; a steady walk cannot be oscillating
        if float(np.linalg.norm(pts[-1] - pts[-2])) < _NOISE_SHARE * self._longest:
            # A spiral closed in to a millionth of the walk's longest step is float noise
            # around the point it converges to (momentum, nesterov), not a bounce.
            return False
        scale = 1e-9 * (1 + float(np.linalg.norm(pts[-1])))
        for period in (2, 3, 4):
            if k >= 2 * period and np.linalg.norm(pts[-1] - pts[-2]) > scale:
                if all(np.linalg.norm(pts[-1 - i] - pts[-1 - i - period]) <= scale for i in range(period)):
                    return True
        if k < _BOUNCE_WINDOW:
            return False
        steps = np.diff(np.array(pts[-_BOUNCE_WINDOW - 1 :]), axis=0)
        alternating = np.all(np.sum(steps[1:] * steps[:-1], axis=1) < 0)
        # Bouncing with steps that do not shrink (a decaying bounce still converges), and
        # that settle to a steady size (steps growing ever faster are divergence).
        lengths = np.linalg.norm(steps, axis=1)
        now, middle, before = lengths[-1], lengths[len(lengths) // 2], lengths[0]
        not_shrinking = now >= (1 - 1e-6) * before
        settling = abs(now - middle) <= 0.5 * abs(middle - before) + 1e-12 * (1 + now)
        if not (alternating and not_shrinking and settling):
            return False
        # Still getting lower: an adaptive rule (rmsprop, adam) zigzags across a valley in
        # steps of a steady size while it makes its way along it; that is not a bounce in
        # place. Lower means f fell over the window by more than a millionth of all the
        # walk has fallen (or risen) so far.
        values = self.values
        span = max(values) - min(values)
        return not values[-_BOUNCE_WINDOW - 1] - values[-1] > _PROGRESS_SHARE * span

    # -- messages -------------------------------------------------------------------------
    def _flat_start(self) -> tuple[str, str]:
        x = self.points[0]
        kind = point_kind(self.f, x, self.gradients[0])
        where = _fmt(x, self.f)
        if kind == "minimum":
            return "converged", f"The start {where} is already a minimum: the slope there is zero."
        return "flat_start", (
            f"The slope is zero at the start {where}, which is {_article(kind)}, not a "
            f"minimum, so descent has no direction to follow."
        )

    def _converged_message(self) -> str:
        x, kind = self.points[-1], point_kind(self.f, self.points[-1], self.gradients[-1])
        steps = len(self.points) - 1
        where, value = _fmt(x, self.f), _num(self.values[-1])
        if kind == "minimum":
            return f"Reached the minimum at {where} after {steps} {_plural(steps, 'step')}, where f = {value}."
        g = self.gradients[-1]
        if kind == "plateau" and on_falling_tail(self.f, x, g):
            return (
                f"Stopped after {steps} {_plural(steps, 'step')} at {where}, where the slope is only "
                f"{_num(float(np.linalg.norm(g)))}: f keeps falling slowly that way, with no lowest point in reach."
            )
        return (
            f"Stopped after {steps} {_plural(steps, 'step')} on {_article(kind)} at {where}: the slope is zero "
            f"there, but it is not a minimum."
        )

    def _diverged_message(self, step: int) -> str:
        falling = self.values[-1] < self.values[0]
        if falling:
            return (
                f"Diverged at step {step}: the values fall without bound, so this function "
                f"has no lowest point that way."
            )
        return (
            f"Diverged at step {step}: each step overshoots more than the last and the values "
            f"grow without bound; the learning rate {self.learning_rate:g} is far too large."
        )

    def _max_steps_message(self, ran_out: bool = False) -> str:
        x, g = self.points[-1], self.gradients[-1]
        steps, slope = len(self.points) - 1, float(np.linalg.norm(g))
        if self.batches is not None:
            used = f"all {steps} mini-{_plural(steps, 'batch').replace('batchs', 'batches')}" if ran_out else (
                f"all {steps} {_plural(steps, 'step')}"
            )
            return (
                f"Used {used}, each step following the slope of one mini-batch, and stopped at "
                f"{_fmt(x, self.f)}, where the slope of the whole loss is {_num(slope)}."
            )
        if _creeping(self.f, np.array(self.points), g):
            ahead = _flat_ahead(self.f, x, g)
            if ahead is None or (ahead[1] == "plateau" and on_falling_tail(self.f, x, g)):
                return (
                    f"Used all {steps} {_plural(steps, 'step')} sliding down a long, nearly flat "
                    f"slope: at {_fmt(x, self.f)} the slope is only {_num(slope)} and f keeps "
                    f"falling slowly that way, with no lowest point in reach."
                )
            where, kind = ahead
            if kind != "minimum":
                return (
                    f"Used all {steps} {_plural(steps, 'step')} creeping toward "
                    f"{_article(kind)} near {_fmt(where, self.f)}, which is flat but not a minimum."
                )
        return (
            f"Used all {steps} {_plural(steps, 'step')} without settling: at "
            f"{_fmt(x, self.f)} the slope is still {_num(slope)}."
        )


def walk_box(points: np.ndarray) -> list[tuple[float, float]]:
    """The box around a walk's points, widened on each side by 1 + the largest |coordinate|:
    the stretch of the function whose typical slope a walk's slope is judged against."""
    points = np.atleast_2d(np.asarray(points, dtype=float))
    points = points[np.all(np.isfinite(points), axis=1)]
    pad = 1.0 + float(np.max(np.abs(points)))
    return [(float(points[:, k].min()) - pad, float(points[:, k].max()) + pad) for k in range(points.shape[1])]


def _creeping(function: SymbolicFunction, points: np.ndarray, gradient: np.ndarray) -> bool:
    """Is the walk's last slope below :data:`mathcore.numeric.CREEP_SHARE` of the typical
    slope of f around the walk (or of its first slope, if larger)? Relative to f's own scale: a walk in a tiny bowl
    (1e-6*(n**2 + e**2)) is slow, not creeping toward a flat point."""

    try:
        typical = typical_slope(function, *walk_box(points), num=41)
    except (DomainError, ValueError):
        return False
    first = float(np.linalg.norm(function.gradient_at(points[0])))
    return is_flat(gradient, max(typical, first if np.isfinite(first) else 0.0), CREEP_SHARE)


def creeping_toward(function: SymbolicFunction, path: DescentPath, ranges=None) -> tuple[np.ndarray, str] | None:
    """The flat point that a walk which used all its steps creeps toward, as
    ``(point, kind)``, or None: None unless the status is ``"max_steps"`` and the last
    slope is below :data:`mathcore.numeric.CREEP_SHARE` of f's typical slope (over
    ``ranges``, one (low, high) per variable, else the box around the walk :func:`walk_box`)
    or of the first slope if larger; None too when
    the slope keeps shrinking downhill with no flat point ahead (the tail of exp(-x)).

    For a curve the point is the nearest critical point downhill (mathcore's solver) and
    the kind one of ``"minimum"``, ``"maximum"``, ``"inflection point"``, ``"plateau"``;
    for a field, the walk's last point and :func:`point_kind` there.

    >>> from mathcore import Curve
    >>> path = gradient_descent(Curve("x**3"), 1.0, learning_rate=0.1, max_steps=500)
    >>> point, kind = creeping_toward(Curve("x**3"), path)
    >>> float(point[0]), kind
    (0.0, 'inflection point')
    """
    if path.status != "max_steps" or path.steps == 0:
        return None
    x, g = np.asarray(path.points[-1], dtype=float), np.asarray(path.gradients[-1], dtype=float)
    if ranges is None:
        if not _creeping(function, np.asarray(path.points), g):
            return None
    else:

        first = float(np.linalg.norm(path.gradients[0]))
        if not is_flat(g, max(typical_slope(function, *ranges), first), CREEP_SHARE):
            return None
    return _flat_ahead(function, x, g)


def _flat_ahead(function: SymbolicFunction, x: np.ndarray, gradient: np.ndarray) -> tuple[np.ndarray, str] | None:
    """(where, kind) of the flat point downhill of ``x``, or None (no flat point ahead)."""
    if not _flat_point_ahead(function, x, gradient):
        return None
    if function.dimension == 1 and float(np.linalg.norm(gradient)) > 0:
        from .critical import critical_points

        w, reach = float(x[0]), 10 * (1 + float(np.linalg.norm(x)))
        downhill = -np.sign(float(gradient[0]))
        span = (w, w + reach) if downhill > 0 else (w - reach, w)
        ahead = [p for p in critical_points(function, span) if (p.x - w) * downhill >= 0]
        if ahead:
            point = min(ahead, key=lambda p: abs(p.x - w))
            kind = "inflection point" if point.kind == "inflection" else point.kind
            # A touching zero is located to about 1e-8 (golden-section search): below a
            # billionth of the walk's size, its place is 0 (x**3's flat point, not -8e-24).
            where = 0.0 if abs(point.x) <= 1e-9 * (1 + abs(w)) else point.x
            return np.array([where]), kind
    return np.array(x, dtype=float), point_kind(function, x, gradient)


def _flat_point_ahead(function: SymbolicFunction, x: np.ndarray, gradient: np.ndarray) -> bool:
    """Does the slope, followed downhill from ``x``, reach its smallest size at a finite
    distance (a flat point ahead), rather than keep shrinking like the tail of exp(-x)?"""
    size = 1 + float(np.linalg.norm(x))
    downhill = -gradient / float(np.linalg.norm(gradient))
    slopes = []
    for distance in np.linspace(0.0, 10 * size, 65):
        value, g = function.value_and_gradient(x + distance * downhill)
        slopes.append(float(np.linalg.norm(g)) if np.isfinite(value) and np.all(np.isfinite(g)) else np.inf)
    # A slope that shrinks to nothing (it underflows to 0 on the way: the tail of a
    # sigmoid) is smallest at the far end too: no flat point ahead.
    return int(np.argmin(slopes)) < len(slopes) - 1 and slopes[-1] > min(slopes)


def point_kind(function: SymbolicFunction, x: np.ndarray, gradient: np.ndarray) -> str:
    """Name the nearly flat point ``x``: ``"minimum"``, ``"maximum"``, ``"saddle"``,
    ``"inflection point"`` (one variable) or ``"plateau"``.

    The solvers decide first where they can: for a curve, the kind of the critical point
    nearest ``x`` within the ring's radius (the sign of f' across it); for a field,
    :meth:`~mathcore.ScalarField.classify` by the Hessian when ``x`` is a critical point
    and the Hessian is not degenerate. Otherwise f is compared with its values on a ring
    around ``x``. The ring reaches past the flat
    point that the gradient and the curvature predict nearby, so a slow approach to the
    inflection point of x**3 is not mistaken for a minimum, and it is wider where the
    second derivatives vanish (x**4 at 0 is still a minimum). For two variables, a point
    where f falls one way and rises the others is a saddle (x**3 + y**2 at 0, where the
    slope vanishes and grows again further on) unless f keeps falling that way ever more
    gently, with no flat point ahead: then it is a ``"plateau"`` (the far tail of a
    neuron's loss on separable data, :func:`on_falling_tail`).
    """
    x = np.asarray(x, dtype=float)
    radius = _ring_radius(function, x, gradient)
    solved = _solved_kind(function, x, radius)
    if solved is not None:
        return solved
    lower, higher, crossings, lowest = _probe(function, x, radius)
    if lower and higher:
        if function.dimension == 1:
            return "inflection point"
        if crossings < 4 and _falls_away(function, x, lowest):
            return "plateau"
        return "saddle"
    if lower:
        return "maximum"
    if higher:
        return "minimum"
    return "plateau"


def _ring_radius(function: SymbolicFunction, x: np.ndarray, gradient: np.ndarray) -> float:
    """How far from ``x`` :func:`point_kind` looks (see there)."""
    size = 1 + float(np.linalg.norm(x))
    hessian = function.hessian_at(x)
    curvature = float(np.min(np.abs(np.linalg.eigvalsh(hessian)))) if np.all(np.isfinite(hessian)) else 0.0
    floor = (1e-3 if curvature > 1e-9 else 1e-2) * size
    reach = 20 * float(np.linalg.norm(gradient)) / max(curvature, 1e-12)
    return min(max(floor, reach), size)


def _falls_away(function: SymbolicFunction, x: np.ndarray, direction: np.ndarray | None) -> bool:
    """Does f keep falling from ``x`` along ``direction`` with a slope that only shrinks,
    with no flat point on the way (the tail of a separable neuron's loss as w grows)?"""
    if direction is None:
        return False
    size = 1 + float(np.linalg.norm(x))
    slopes, values = [], []
    for distance in np.linspace(0.0, 10 * size, 65):
        value, g = function.value_and_gradient(x + distance * direction)
        if not (np.isfinite(value) and np.all(np.isfinite(g))):
            return False
        slopes.append(float(np.linalg.norm(g)))
        values.append(value)
    return values[-1] < values[0] and slopes[-1] <= min(slopes)


def on_falling_tail(function: SymbolicFunction, x: Any, gradient: Any) -> bool:
    """Is the nearly flat point ``x`` of a field on a long tail down which f keeps falling,
    ever more gently, with no flat point ahead (:func:`point_kind` calls it a plateau)?

    >>> from mathcore import neuron_loss
    >>> loss = neuron_loss([(-1.0, 0), (1.0, 1)])
    >>> on_falling_tail(loss, [40.0, 0.0], loss.gradient((40.0, 0.0)))
    True
    >>> from mathcore import line_fit, line_loss
    >>> data = [(0.0, 1.0), (1.0, 2.0), (2.0, 2.5)]
    >>> on_falling_tail(line_loss(data), line_fit(data), line_loss(data).gradient(line_fit(data)))
    False
    """
    x = np.asarray(x, dtype=float)
    gradient = np.asarray(gradient, dtype=float)
    if function.dimension == 1 or point_kind(function, x, gradient) != "plateau":
        return False
    lowest = _probe(function, x, _ring_radius(function, x, gradient))[3]
    return _falls_away(function, x, lowest)


def _solved_kind(function: SymbolicFunction, x: np.ndarray, radius: float) -> str | None:
    """The kind from mathcore's solvers where they decide it: for a curve, the critical
    point nearest ``x`` within ``radius`` (sign of f' across it, :mod:`mathcore.critical`);
    for a field, :meth:`ScalarField.classify` by the Hessian when ``x`` is a critical point
    and the Hessian is not degenerate. None where they do not (the ring probe decides)."""
    if function.dimension == 1:
        from .critical import nearest_critical_point

        try:
            point = nearest_critical_point(function, float(x[0]), float(radius))
        except (DomainError, ValueError):
            return None
        if point is None:
            return None
        return "inflection point" if point.kind == "inflection" else point.kind
    classify = getattr(function, "classify", None)
    if classify is None:
        return None
    try:
        kind = classify(tuple(float(c) for c in x))
    except (DomainError, ValueError):
        return None
    return None if kind == "degenerate" else kind


def _probe(function: SymbolicFunction, x: np.ndarray, radius: float) -> tuple[bool, bool, int, np.ndarray | None]:
    """Is f lower, and is it higher, somewhere on a ring of ``radius`` around ``x``; how
    many times does f cross f(x) once round the ring (two variables: 2 where the ring
    tilts one way, 4 or more round a saddle); and the direction of the lowest value on it."""
    if function.dimension == 1:
        directions = np.array([[1.0], [-1.0]])
    else:
        angles = np.linspace(0, 2 * np.pi, 16, endpoint=False)
        directions = np.stack([np.cos(angles), np.sin(angles)], axis=1)
    probes = x + radius * directions
    around = function.evaluate(*probes.T)
    centre = float(function.evaluate(*x))
    slack = 1e-15 * (1 + abs(centre))
    finite = np.isfinite(around)
    lowest = directions[finite][int(np.argmin(around[finite]))] if np.any(finite) else None
    around = around[finite]
    signs = np.where(around < centre - slack, -1, np.where(around > centre + slack, 1, 0))
    signs = signs[signs != 0]
    crossings = int(np.count_nonzero(signs != np.roll(signs, 1))) if signs.size > 1 else 0
    return bool(np.any(signs < 0)), bool(np.any(signs > 0)), crossings, lowest


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def _article(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _num(value: float) -> str:
    text = f"{value:.4g}"
    return "0" if text in ("-0", "0") else text


def _fmt(x: np.ndarray, function: SymbolicFunction) -> str:
    coords = np.atleast_1d(np.asarray(x, dtype=float))
    # A coordinate below a billionth of the point's size is float noise (y = 3.5e-49 on the
    # way to a saddle at y = 0): it reads as 0.
    size = 1.0 + float(np.max(np.abs(coords[np.isfinite(coords)]), initial=0.0))
    coords = np.where(np.abs(coords) <= 1e-9 * size, 0.0, coords)
    if coords.size == 1:
        return f"{function.variables[0]} = {_num(coords[0])}"
    return "(" + ", ".join(f"{name} = {_num(c)}" for name, c in zip(function.variables, coords)) + ")"
