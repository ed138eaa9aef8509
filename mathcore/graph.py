"""The chain rule as a computation graph: one sigmoid neuron, cross-entropy loss, one input.

For one input ``x`` with label ``y`` (0 or 1) and the neuron's parameters ``w`` and ``b``, the
forward pass computes, node by node::

    z = w*x + b                               (the neuron's sum)
    s = sigmoid(z) = 1 / (1 + exp(-z))        (its output: the chance that y is 1)
    L = -(y*log(s) + (1 - y)*log(1 - s))      (the cross-entropy loss)

Each edge carries its *local* derivative, the slope of its target with respect to its source
alone (dz/dw = x, dz/db = 1, dz/dx = w, ds/dz = s*(1 - s), dL/ds = -y/s + (1 - y)/(1 - s)).
The backward pass starts at dL/dL = 1 and multiplies local derivatives edge by edge: the
backward value of a node is the backward value of the node it feeds times the edge's local
derivative (the chain rule). dL/dw and dL/db are the gradient of the loss of this one point.

Every value is exact (a sympy number built from the inputs, which are read at their
shortest decimal form: 0.1 is 1/10) and a float of it, evaluated at 50 digits, so a
saturated sigmoid (z = 30: 1 - s is about 9.4e-14) keeps its digits: 1 - s is written
1/(1 + exp(z)), never computed as a difference.

>>> g = NeuronGraph(w=0.5, b=-1, x=2, y=1)
>>> [n.name for n in g.nodes]
['w', 'x', 'b', 'z', 's', 'L']
>>> g.node("z").value, g.node("s").value
(0.0, 0.5)
>>> round(g.node("L").value, 6)
0.693147
>>> [(e.source, e.target, e.value) for e in g.edges]
[('w', 'z', 2.0), ('x', 'z', 0.5), ('b', 'z', 1.0), ('z', 's', 0.25), ('s', 'L', -2.0)]
>>> g.node("z").grad, g.gradient
(-0.5, (-1.0, -0.5))
>>> g.chain("w")
('w', 'z', 's', 'L')
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from numbers import Real
from typing import Any

import sympy

__all__ = ["GraphEdge", "GraphNode", "NeuronGraph", "neuron_point_loss"]

#: Digits at which exact values are evaluated to floats.
_DIGITS = 50

#: The largest |z| a graph accepts: beyond it exp(|z|) (dL/ds of a confident wrong guess)
#: does not fit a float.
MAX_Z = 700

_W, _B, _X, _Y, _Z, _S = sympy.symbols("w b x y z s", real=True)

#: The symbol of each node (the loss is written L).
SYMBOLS = {"w": _W, "b": _B, "x": _X, "y": _Y, "z": _Z, "s": _S}


def neuron_point_loss(x: Any, y: Any) -> sympy.Expr:
    """The loss of the one point (x, y) as a sympy expression in the symbols ``w`` and ``b``,
    written as the lesson writes it (sigmoid as 1 / (1 + exp(-z))).

    >>> neuron_point_loss(2, 1)
    -log(1/(exp(-b - 2*w) + 1))
    """
    xe, ye = _exact(x, "x"), _label(y)
    s = 1 / (1 + sympy.exp(-(_W * xe + _B)))
    return -(ye * sympy.log(s) + (1 - ye) * sympy.log(1 - s))


@dataclass(frozen=True)
class GraphNode:
    """One node: its forward value and its backward value dL/d(node).

    ``role`` is ``"parameter"`` (w, b: what learning changes), ``"input"`` (x), ``"inner"``
    (z, s) or ``"loss"`` (L). ``exact`` and ``grad_exact`` are sympy numbers; ``value`` and
    ``grad`` their floats.
    """

    name: str
    role: str
    exact: sympy.Expr
    value: float
    grad_exact: sympy.Expr
    grad: float

    @property
    def symbol(self) -> sympy.Symbol:
        """The node's symbol (``L`` for the loss)."""
        return SYMBOLS.get(self.name, sympy.Symbol(self.name, real=True))


@dataclass(frozen=True)
class GraphEdge:
    """An edge from ``source`` to ``target`` and its local derivative d(target)/d(source).

    ``formula`` is the local derivative in the graph's symbols (``x``; ``s*(1 - s)``;
    ``-1/s`` for label 1), ``exact`` its value at this input, ``value`` the float.
    """

    source: str
    target: str
    formula: sympy.Expr
    exact: sympy.Expr
    value: float

    @property
    def latex(self) -> str:
        """The local derivative's formula in LaTeX (``s \\left(1 - s\\right)``)."""
        return sympy.latex(self.formula)


class NeuronGraph:
    """The computation graph of one sigmoid neuron's cross-entropy loss on one input.

    Parameters
    ----------
    w, b : real numbers
        The neuron's weight and bias.
    x : real number
        The input.
    y : 0 or 1
        The label.

    Raises ``TypeError`` for a value that is not a real number and ``ValueError`` for one
    that is not finite, a label other than 0 or 1, or |w*x + b| over :data:`MAX_Z` (the
    slopes would not fit a float).
    """

    def __init__(self, w: Any, b: Any, x: Any, y: Any):
        self.w, self.b, self.x = _exact(w, "w"), _exact(b, "b"), _exact(x, "x")
        self.y = _label(y)
        z = self.w * self.x + self.b
        if abs(float(z)) > MAX_Z:
            raise ValueError(f"w*x + b = {float(z):g} is too large: |z| must be at most {MAX_Z} for the slopes to fit a float")
        y_ = self.y
        s = 1 / (1 + sympy.exp(-z))
        s_bar = 1 / (1 + sympy.exp(z))  # 1 - s, with no cancellation
        loss = y_ * sympy.log(1 + sympy.exp(-z)) + (1 - y_) * sympy.log(1 + sympy.exp(z))
        forward = {"w": self.w, "x": self.x, "b": self.b, "z": z, "s": s, "L": loss}
        # Local derivatives: (source, target, formula in the symbols, exact value).
        dl_ds = -y_ / _S + (1 - y_) / (1 - _S)
        locals_ = [
            ("w", "z", _X, self.x),
            ("x", "z", _W, self.w),
            ("b", "z", sympy.Integer(1), sympy.Integer(1)),
            ("z", "s", _S * (1 - _S), s * s_bar),
            ("s", "L", dl_ds, -y_ * (1 + sympy.exp(-z)) + (1 - y_) * (1 + sympy.exp(z))),
        ]
        self.edges = tuple(GraphEdge(a, t, f, e, _float(e, f"d{t}/d{a}")) for a, t, f, e in locals_)
        # Backward: from L towards the inputs, each node's dL/d(node) = dL/d(target) * local.
        backward: dict[str, sympy.Expr] = {"L": sympy.Integer(1)}
        for edge in reversed(self.edges):
            backward[edge.source] = backward[edge.target] * edge.exact
        roles = {"w": "parameter", "b": "parameter", "x": "input", "z": "inner", "s": "inner", "L": "loss"}
        self.nodes = tuple(
            GraphNode(name, roles[name], forward[name], _float(forward[name], name), backward[name], _float(backward[name], f"dL/d{name}"))
            for name in ("w", "x", "b", "z", "s", "L")
        )

    def __repr__(self) -> str:
        return f"NeuronGraph(w={self.node('w').value!r}, b={self.node('b').value!r}, x={self.node('x').value!r}, y={int(self.y)})"

    def node(self, name: str) -> GraphNode:
        """The node called ``name`` (``"w"``, ``"x"``, ``"b"``, ``"z"``, ``"s"``, ``"L"``)."""
        for node in self.nodes:
            if node.name == name:
                return node
        raise ValueError(f"no node {name!r} in the graph; the nodes are {', '.join(n.name for n in self.nodes)}")

    def edge(self, source: str, target: str) -> GraphEdge:
        """The edge from ``source`` to ``target``."""
        for edge in self.edges:
            if (edge.source, edge.target) == (source, target):
                return edge
        raise ValueError(f"no edge {source!r} -> {target!r} in the graph")

    def chain(self, name: str) -> tuple[str, ...]:
        """The nodes from ``name`` to the loss, in order (``('w', 'z', 's', 'L')``)."""
        self.node(name)
        path = [name]
        while path[-1] != "L":
            path.append(next(e.target for e in self.edges if e.source == path[-1]))
        return tuple(path)

    def chain_edges(self, name: str) -> tuple[GraphEdge, ...]:
        """The edges from ``name`` to the loss, in order: dL/d(name) is the product of their
        local derivatives."""
        path = self.chain(name)
        return tuple(self.edge(a, t) for a, t in zip(path, path[1:]))

    @property
    def gradient(self) -> tuple[float, float]:
        """(dL/dw, dL/db) as floats: the gradient of the loss of this point over (w, b)."""
        return self.node("w").grad, self.node("b").grad

    @property
    def exact_gradient(self) -> tuple[sympy.Expr, sympy.Expr]:
        """(dL/dw, dL/db), exact."""
        return self.node("w").grad_exact, self.node("b").grad_exact

    def step(self, learning_rate: Any) -> NeuronGraph:
        """The graph after one step of gradient descent on this point:
        w <- w - learning_rate * dL/dw, b <- b - learning_rate * dL/db (exact).

        >>> NeuronGraph(0.5, -1, 2, 1).step(0.5)
        NeuronGraph(w=1.0, b=-0.75, x=2.0, y=1)
        """
        rate = _exact(learning_rate, "learning_rate")
        if not rate > 0:
            raise ValueError(f"learning_rate must be positive, got {learning_rate!r}")
        dw, db = self.exact_gradient
        return NeuronGraph(self.w - rate * dw, self.b - rate * db, self.x, self.y)


def _exact(value: Any, name: str) -> sympy.Expr:
    """``value`` as an exact sympy number: a float at its shortest decimal form."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be a number, not {value!r}")
    if isinstance(value, sympy.Basic):
        if not (value.is_number and value.is_real and value.is_finite):
            raise ValueError(f"{name} = {value} is not a finite real number")
        return value
    if not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, not {type(value).__name__}")
    if isinstance(value, int) or hasattr(value, "numerator") and not isinstance(value, float):
        return sympy.Rational(value.numerator, value.denominator) if not isinstance(value, int) else sympy.Integer(value)
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{name} = {value!r} is not a finite number")
    return sympy.Rational(repr(number))


def _label(y: Any) -> sympy.Integer:
    if isinstance(y, bool) or not isinstance(y, (Real, sympy.Basic)) or y not in (0, 1):
        raise ValueError(f"the label y must be 0 or 1, got {y!r}")
    return sympy.Integer(int(y))


def _float(value: sympy.Expr, name: str) -> float:
    number = float(sympy.N(value, _DIGITS))
    if not math.isfinite(number):  # pragma: no cover - MAX_Z keeps every value finite
        raise ValueError(f"{name} is too large for a float")
    return number
