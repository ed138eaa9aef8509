"""Optimizers as pure update rules with explicit state (the optax way: ``init``, ``update``).

An :class:`Optimizer` is a frozen dataclass holding its name and settings; it keeps no
state of its own. The walk (:func:`mathcore.descend`) owns the state and threads it
through the updates::

    state = optimizer.init(x)
    x, state = optimizer.update(state, x, gradient, gradient_at)   # once per step

``gradient`` is the exact gradient at ``x`` (the walk has it already), and ``gradient_at``
a callable point -> gradient that only Nesterov's look-ahead needs. Nothing is mutated: each
update returns a new point and a new :class:`OptimizerState`.

The rules, with g the gradient at x, every state starting at zero and t counting the
updates from 1:

========  ===============================================================================
sgd       x <- x - lr*g
momentum  v <- beta*v - lr*g;  x <- x + v   (the heavy ball of ``gradient_descent``)
nesterov  v <- beta*v - lr*grad(x + beta*v);  x <- x + v
adagrad   s <- s + g^2;  x <- x - lr*g/(sqrt(s) + eps)
rmsprop   s <- decay*s + (1-decay)*g^2;  x <- x - lr*g/(sqrt(s) + eps)
adam      m <- b1*m + (1-b1)*g;  v <- b2*v + (1-b2)*g^2;
          x <- x - lr*(m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps)
========  ===============================================================================

Examples
--------
>>> opt = adam(0.1)
>>> state = opt.init([3.0])
>>> x, state = opt.update(state, [3.0], [6.0])
>>> round(float(x[0]), 6), state.step
(2.9, 1)
>>> make_optimizer("momentum", 0.1)
Momentum(learning_rate=0.1, beta=0.9)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from types import MappingProxyType
from dataclasses import dataclass, fields
from typing import Any, ClassVar

import numpy as np

__all__ = [
    "OPTIMIZERS",
    "AdaGrad",
    "Adam",
    "Momentum",
    "Nesterov",
    "Optimizer",
    "OptimizerState",
    "RMSProp",
    "SGD",
    "adagrad",
    "adam",
    "make_optimizer",
    "momentum",
    "nesterov",
    "rmsprop",
    "sgd",
]

GradientAt = Callable[[np.ndarray], np.ndarray]


@dataclass(frozen=True)
class OptimizerState:
    """What an optimizer carries from one update to the next.

    Attributes
    ----------
    step : int
        How many updates have been made (the next update is number ``step + 1``).
    slots : mapping of str to ndarray
        The optimizer's running quantities by name (a read-only mapping of read-only
        arrays, each the shape of x):
        ``velocity`` (momentum, nesterov), ``squares`` (adagrad, rmsprop: the sum or the
        running mean of g^2), ``m`` and ``v`` (adam). Empty for sgd.
    """

    step: int
    slots: Mapping[str, np.ndarray]

    def __getitem__(self, name: str) -> np.ndarray:
        return self.slots[name]


def _real(value: Any) -> bool:
    return isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))


def _frozen(array: np.ndarray) -> np.ndarray:
    array.setflags(write=False)
    return array


@dataclass(frozen=True)
class Optimizer:
    """An update rule and its settings; subclasses add their own settings and rule.

    Settings are checked when the optimizer is made: ``learning_rate`` and ``eps`` finite
    and positive, ``beta``, ``beta1``, ``beta2`` and ``decay`` in [0, 1). A bad one is a
    ValueError naming the optimizer, the setting and the value.
    """

    learning_rate: float
    name: ClassVar[str] = "optimizer"
    slot_names: ClassVar[tuple[str, ...]] = ()
    _fractions: ClassVar[tuple[str, ...]] = ("beta", "beta1", "beta2", "decay")

    def __post_init__(self):
        for spec in fields(self):
            value = getattr(self, spec.name)
            if spec.name in self._fractions:
                if not (_real(value) and 0 <= value < 1):
                    raise ValueError(f"{self.name}: {spec.name} must be a number in [0, 1), got {value!r}")
            elif not (_real(value) and math.isfinite(value) and value > 0):
                raise ValueError(f"{self.name}: {spec.name} must be a positive finite number, got {value!r}")
            object.__setattr__(self, spec.name, float(value))

    @property
    def settings(self) -> dict[str, float]:
        """Every setting by name, the learning rate first."""
        return {spec.name: getattr(self, spec.name) for spec in fields(self)}

    def init(self, x: Any) -> OptimizerState:
        """The state before the first update: step 0 and every slot zero, shaped like ``x``."""
        shape = np.shape(np.asarray(x, dtype=float))
        return OptimizerState(0, MappingProxyType({name: _frozen(np.zeros(shape)) for name in self.slot_names}))

    def update(
        self, state: OptimizerState, x: Any, gradient: Any, gradient_at: GradientAt | None = None
    ) -> tuple[np.ndarray, OptimizerState]:
        """One step: ``(x_new, new_state)`` from the point ``x``, the gradient there and
        (for Nesterov's look-ahead only) ``gradient_at``, a callable point -> gradient."""
        x = np.asarray(x, dtype=float)
        g = np.asarray(gradient, dtype=float)
        if g.shape != x.shape:
            raise ValueError(f"{self.name}: the gradient has shape {g.shape}, the point {x.shape}")
        x_new, slots = self._rule(state.step + 1, state.slots, x, g, gradient_at)
        for array in slots.values():
            array.flags.writeable = False
        return x_new, OptimizerState(state.step + 1, MappingProxyType(slots))

    def _rule(self, t, slots, x, g, gradient_at):  # pragma: no cover - every subclass defines it
        raise NotImplementedError

    def __str__(self) -> str:
        return f"{self.name} (" + ", ".join(f"{k.replace('_', ' ')} {v:g}" for k, v in self.settings.items()) + ")"


@dataclass(frozen=True)
class SGD(Optimizer):
    """Plain gradient descent: x <- x - lr*g."""

    name: ClassVar[str] = "sgd"

    def _rule(self, t, slots, x, g, gradient_at):
        return x - self.learning_rate * g, {}


@dataclass(frozen=True)
class Momentum(Optimizer):
    """The heavy ball: v <- beta*v - lr*g; x <- x + v."""

    beta: float = 0.9
    name: ClassVar[str] = "momentum"
    slot_names: ClassVar[tuple[str, ...]] = ("velocity",)

    def _rule(self, t, slots, x, g, gradient_at):
        velocity = self.beta * slots["velocity"] - self.learning_rate * g
        return x + velocity, {"velocity": velocity}


@dataclass(frozen=True)
class Nesterov(Optimizer):
    """Momentum that looks ahead: v <- beta*v - lr*grad(x + beta*v); x <- x + v.

    The gradient at the look-ahead point comes from ``gradient_at``; while ``beta*v`` is
    zero (the first step) the look-ahead point is x and the given gradient is used."""

    beta: float = 0.9
    name: ClassVar[str] = "nesterov"
    slot_names: ClassVar[tuple[str, ...]] = ("velocity",)

    def _rule(self, t, slots, x, g, gradient_at):
        carried = self.beta * slots["velocity"]
        if np.any(carried != 0):
            if gradient_at is None:
                raise ValueError("nesterov: update needs gradient_at for its look-ahead gradient")
            g = np.asarray(gradient_at(x + carried), dtype=float).reshape(x.shape)
        velocity = carried - self.learning_rate * g
        return x + velocity, {"velocity": velocity}


@dataclass(frozen=True)
class AdaGrad(Optimizer):
    """Steps shrink where the slope has been steep: s <- s + g^2; x <- x - lr*g/(sqrt(s) + eps)."""

    eps: float = 1e-8
    name: ClassVar[str] = "adagrad"
    slot_names: ClassVar[tuple[str, ...]] = ("squares",)

    def _rule(self, t, slots, x, g, gradient_at):
        squares = slots["squares"] + g * g
        return x - self.learning_rate * g / (np.sqrt(squares) + self.eps), {"squares": squares}


@dataclass(frozen=True)
class RMSProp(Optimizer):
    """AdaGrad with a fading memory: s <- decay*s + (1-decay)*g^2; x <- x - lr*g/(sqrt(s) + eps)."""

    decay: float = 0.9
    eps: float = 1e-8
    name: ClassVar[str] = "rmsprop"
    slot_names: ClassVar[tuple[str, ...]] = ("squares",)

    def _rule(self, t, slots, x, g, gradient_at):
        squares = self.decay * slots["squares"] + (1 - self.decay) * (g * g)
        return x - self.learning_rate * g / (np.sqrt(squares) + self.eps), {"squares": squares}


@dataclass(frozen=True)
class Adam(Optimizer):
    """Momentum and RMSProp together, bias-corrected:
    m <- b1*m + (1-b1)*g; v <- b2*v + (1-b2)*g^2;
    x <- x - lr*(m/(1-b1^t)) / (sqrt(v/(1-b2^t)) + eps)."""

    beta1: float = 0.9
    beta2: float = 0.999
    eps: float = 1e-8
    name: ClassVar[str] = "adam"
    slot_names: ClassVar[tuple[str, ...]] = ("m", "v")

    def _rule(self, t, slots, x, g, gradient_at):
        m = self.beta1 * slots["m"] + (1 - self.beta1) * g
        v = self.beta2 * slots["v"] + (1 - self.beta2) * (g * g)
        m_hat = m / (1 - self.beta1**t)
        v_hat = v / (1 - self.beta2**t)
        return x - self.learning_rate * m_hat / (np.sqrt(v_hat) + self.eps), {"m": m, "v": v}


def sgd(learning_rate: float) -> SGD:
    """Plain gradient descent, x <- x - lr*g.

    >>> sgd(0.1).update(sgd(0.1).init([1.0]), [1.0], [2.0])[0]
    array([0.8])
    """
    return SGD(learning_rate)


def momentum(learning_rate: float, beta: float = 0.9) -> Momentum:
    """The heavy ball, v <- beta*v - lr*g; x <- x + v (the path of
    ``gradient_descent(..., momentum=beta)``)."""
    return Momentum(learning_rate, beta)


def nesterov(learning_rate: float, beta: float = 0.9) -> Nesterov:
    """Nesterov's momentum, v <- beta*v - lr*grad(x + beta*v); x <- x + v."""
    return Nesterov(learning_rate, beta)


def adagrad(learning_rate: float, eps: float = 1e-8) -> AdaGrad:
    """AdaGrad, s <- s + g^2; x <- x - lr*g/(sqrt(s) + eps)."""
    return AdaGrad(learning_rate, eps)


def rmsprop(learning_rate: float, decay: float = 0.9, eps: float = 1e-8) -> RMSProp:
    """RMSProp, s <- decay*s + (1-decay)*g^2; x <- x - lr*g/(sqrt(s) + eps)."""
    return RMSProp(learning_rate, decay, eps)


def adam(learning_rate: float, beta1: float = 0.9, beta2: float = 0.999, eps: float = 1e-8) -> Adam:
    """Adam, bias-corrected first and second moments of g.

    >>> adam(0.1, beta1=1.0)
    Traceback (most recent call last):
    ...
    ValueError: adam: beta1 must be a number in [0, 1), got 1.0
    """
    return Adam(learning_rate, beta1, beta2, eps)


#: Every optimizer by name, in the order lessons introduce them: name -> constructor.
OPTIMIZERS: dict[str, Callable[..., Optimizer]] = {
    "sgd": sgd,
    "momentum": momentum,
    "nesterov": nesterov,
    "adagrad": adagrad,
    "rmsprop": rmsprop,
    "adam": adam,
}


def make_optimizer(name: str, learning_rate: float, **settings: float) -> Optimizer:
    """The optimizer called ``name`` with this learning rate (other settings at their
    defaults unless given by keyword).

    >>> make_optimizer("adam", 0.05).settings
    {'learning_rate': 0.05, 'beta1': 0.9, 'beta2': 0.999, 'eps': 1e-08}
    >>> make_optimizer("adamw", 0.05)
    Traceback (most recent call last):
    ...
    ValueError: unknown optimizer 'adamw'; choose one of: sgd, momentum, nesterov, adagrad, rmsprop, adam
    """
    constructor = OPTIMIZERS.get(name) if isinstance(name, str) else None
    if constructor is None:
        raise ValueError(f"unknown optimizer {name!r}; choose one of: {', '.join(OPTIMIZERS)}")
    try:
        return constructor(learning_rate, **settings)
    except TypeError:
        known = [spec.name for spec in fields(constructor(1.0))][1:]
        unknown = sorted(set(settings) - set(known))
        raise ValueError(
            f"{name} has no setting {', '.join(map(repr, unknown))}; its settings: learning_rate"
            + "".join(f", {k}" for k in known)
        ) from None
