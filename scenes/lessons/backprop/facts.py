"""The facts of the backpropagation lesson, from :class:`mathcore.NeuronGraph` (pure; no manim).

One input ``x`` with label ``y`` goes through the neuron: the forward pass fills the nodes
(z, s, L), each edge carries its local slope, and the backward pass multiplies them edge by
edge into dL/dw and dL/db, which are then held against the gradient of the loss surface over
(w, b) that mathcore builds on its own (the gradient descent steps against). The step
``w <- w - eta * dL/dw`` closes the lesson. Every number is written by
:mod:`scenes.lessons.backprop.digits` (three figures; products checked as shown).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np

from mathcore import NeuronGraph, ScalarField
from scenes.kit.beats import Facts
from scenes.kit.numbers import exact_decimal
from scenes.parts.walk.descent_steps import format_rate
from scenes.lessons.backprop.digits import Product, Shown, product, relation_of, show

__all__ = [
    "BackwardFacts",
    "ClosingFacts",
    "EdgeFacts",
    "ForwardFacts",
    "GradientFacts",
    "LessonFacts",
    "StepFacts",
    "lesson_facts",
    "loss_gradient",
]

#: The sigmoid counts as saturated where its slope s(1 - s) is below this (|z| above about 6.9).
SATURATED = 0.001


@dataclass(frozen=True)
class ForwardFacts(Facts):
    """A node filled by the forward pass: its ``value`` as shown and how it was got
    (``relation`` ``=`` if the shown value is exact, else ``≈``)."""

    node: str
    value: Shown
    relation: str
    label: int
    inputs: tuple[Shown, ...] = ()  # z: w, x, b as shown
    visible: tuple[str, ...] = ()


@dataclass(frozen=True)
class EdgeFacts(Facts):
    """The local slopes on the edges: (source, target, shown value) each; ``saturated`` when
    the sigmoid's slope is below :data:`SATURATED`."""

    slopes: tuple[tuple[str, str, Shown], ...]
    label: int
    saturated: bool
    visible: tuple[str, ...] = ()


@dataclass(frozen=True)
class BackwardFacts(Facts):
    """One backward step: dL/d``node`` = dL/d``via`` times the local slope of the edge
    ``node`` -> ``via``, as shown (:class:`~scenes.lessons.backprop.digits.Product`)."""

    node: str
    via: str
    local: Shown
    upstream: Shown
    result: Product


@dataclass(frozen=True)
class GradientFacts(Facts):
    """dL/dw and dL/db from the graph, and whether they are the gradient of the loss surface
    (``matches``: within a millionth, relative, of mathcore's gradient of the loss over (w, b))."""

    dw: Shown
    db: Shown
    matches: bool


@dataclass(frozen=True)
class StepFacts(Facts):
    """The update ``w <- w - eta * dL/dw`` (and b): old and new values as shown, ``moved`` when
    the shown w or b changed (``changed``), ``fell``/``rose`` what the loss of this input did."""

    rate: Shown
    w_old: Shown
    w_new: Shown
    w_product: Product
    b_old: Shown
    b_new: Shown
    b_product: Product
    loss_old: Shown
    loss_new: Shown
    changed: bool
    fell: bool
    rose: bool


@dataclass(frozen=True)
class ClosingFacts(Facts):
    """How the lesson ends: ``saturated`` sigmoid; ``tiny`` when dL/dz is below 0.001 (w and
    b barely change), ``cancel`` when a saturated sigmoid still passes back a dL/dz of at
    least 0.5 (the huge dL/ds and the tiny ds/dz cancel: a confident wrong guess)."""

    saturated: bool
    tiny: bool
    cancel: bool


@dataclass(frozen=True)
class LessonFacts:
    """Everything the lesson says, in order."""

    graph: NeuronGraph
    after: NeuronGraph
    forward: tuple[ForwardFacts, ...]  # z, s, L
    edges: EdgeFacts
    backward: tuple[BackwardFacts, ...]  # s, z, w, b
    gradient: GradientFacts
    step: StepFacts
    closing: ClosingFacts
    shown: dict  # node name -> (forward Shown, backward Shown)


def loss_gradient(w: float, b: float, x: float, y: int) -> np.ndarray:
    """The gradient over (w, b) of the loss of the one point (x, y), from mathcore's loss
    surface: :func:`mathcore.learning.neuron_loss` when it is there, else a
    :class:`~mathcore.ScalarField` of the same cross-entropy."""
    try:
        from mathcore.learning import neuron_loss
    except ImportError:
        neuron_loss = None
    if neuron_loss is not None:
        try:
            field = neuron_loss([(x, y)])
        except ValueError:  # a data set of at least two points: the same point twice, the same mean
            field = neuron_loss([(x, y), (x, y)])
    else:
        z = f"(({x!r})*w + b)"
        text = f"-log(sigmoid({z}))" if y == 1 else f"-log(1 - sigmoid({z}))"
        field = ScalarField(text, ("w", "b"))
    return np.asarray(field.gradient((float(w), float(b))), dtype=float)


def _within(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-12)


def lesson_facts(w: float, b: float, x: float, y: int, learning_rate: float) -> LessonFacts:
    """The facts of every beat for this input and these parameters."""
    g = NeuronGraph(w, b, x, y)
    after = g.step(learning_rate)
    value = {n.name: show(n.exact) for n in g.nodes}
    grad = {n.name: show(n.grad_exact) for n in g.nodes}
    label = int(g.y)
    inputs = (value["w"], value["x"], value["b"])
    z_rel = _as_shown(value["w"].exact * value["x"].exact + value["b"].exact, value["z"])
    forward = (
        ForwardFacts("z", value["z"], z_rel, label, inputs, ("z",)),
        ForwardFacts("s", value["s"], relation_of(value["s"], g.node("s").exact), label, (), ("s",)),
        ForwardFacts("L", value["L"], relation_of(value["L"], g.node("L").exact), label, (), ("L",)),
    )
    edge_shown = tuple((e.source, e.target, show(e.exact)) for e in g.edges)
    edges = EdgeFacts(edge_shown, label, g.edge("z", "s").value < SATURATED, ("edges",))
    local = {(e.source, e.target): show(e.exact) for e in g.edges}
    backward = []
    for node, via in (("s", "L"), ("z", "s"), ("w", "z"), ("b", "z")):
        upstream, slope = grad[via], local[(node, via)]
        backward.append(BackwardFacts(node, via, slope, upstream, product((upstream, slope), g.node(node).grad_exact)))
    dw, db = g.gradient
    surface = loss_gradient(w, b, x, y)
    gradient = GradientFacts(grad["w"], grad["b"], _within(dw, float(surface[0])) and _within(db, float(surface[1])))
    rate = Shown(format_rate(learning_rate), format_rate(learning_rate), Fraction(exact_decimal(learning_rate)))
    w_new, b_new = show(after.node("w").exact), show(after.node("b").exact)
    old_loss, new_loss = g.node("L").value, after.node("L").value
    step = StepFacts(
        rate,
        value["w"], w_new, _update(value["w"], rate, grad["w"], after.node("w").exact),
        value["b"], b_new, _update(value["b"], rate, grad["b"], after.node("b").exact),
        value["L"], show(after.node("L").exact),
        changed=w_new.text != value["w"].text or b_new.text != value["b"].text,
        fell=new_loss < old_loss,
        rose=new_loss > old_loss,
    )
    shown = {n.name: (value[n.name], grad[n.name]) for n in g.nodes}
    dz = abs(g.node("z").grad)
    closing = ClosingFacts(edges.saturated, edges.saturated and dz < SATURATED, edges.saturated and dz >= 0.5)
    return LessonFacts(g, after, forward, edges, tuple(backward), gradient, step, closing, shown)


def _update(old: Shown, rate: Shown, slope: Shown, new_exact) -> Product:
    """``old - rate * slope`` as shown, against the exact new value (a :class:`Product`
    whose factors are old, rate and slope)."""
    result = show(new_exact)
    return Product((old, rate, slope), result, _as_shown(old.exact - rate.exact * slope.exact, result))


def _as_shown(made: Fraction, result: Shown) -> str:
    """``"="`` when ``made`` (computed from shown numbers) is written as ``result`` is, else ``"≈"``."""
    text = show(Decimal(made.numerator) / Decimal(made.denominator)).text if made else "0"
    return "=" if text == result.text else "≈"
