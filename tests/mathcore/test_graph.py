"""The chain-rule graph of one sigmoid neuron: forward values, local slopes, and backward
products that equal sympy's exact partial derivatives of the same loss."""

from __future__ import annotations

import doctest
import math

import pytest
import sympy

import mathcore
from mathcore import graph as graph_module
from mathcore.graph import MAX_Z, NeuronGraph, neuron_point_loss

W, B = sympy.symbols("w b", real=True)

#: (w, b, x, y): ordinary points, both labels, zeros, and saturated sigmoids (|z| = 30, 200).
CASES = [
    (0.5, -1.0, 2.0, 1),
    (0.5, -1.0, 2.0, 0),
    (-1.3, 0.25, 0.7, 1),
    (2.0, 0.1, -1.5, 0),
    (0.0, 0.0, 0.0, 1),
    (3.0, 0.0, 0.0, 0),  # x = 0: dL/dw = 0 exactly
    (10.0, 0.0, 3.0, 1),  # z = 30, right and sure: every slope tiny
    (10.0, 0.0, 3.0, 0),  # z = 30, wrong and sure: dL/ds huge, ds/dz tiny, dL/dz about 1
    (-10.0, 0.0, 3.0, 1),  # z = -30, wrong and sure
    (5.0, -0.5, -40.0, 0),  # z = -200.5
    (0.1, 0.2, 0.3, 1),  # decimals read as 1/10, 1/5, 3/10
]


def _close(a: sympy.Expr, b: sympy.Expr, digits: int = 40) -> bool:
    """Equal to ``digits`` significant digits (evaluated at many more)."""
    a, b = sympy.N(a, digits + 20), sympy.N(b, digits + 20)
    scale = max(abs(a), abs(b), sympy.Float(10) ** -300)
    return abs(a - b) <= scale * sympy.Float(10) ** -digits


@pytest.mark.parametrize("w, b, x, y", CASES)
def test_backward_values_are_the_exact_partial_derivatives(w, b, x, y):
    g = NeuronGraph(w, b, x, y)
    loss = neuron_point_loss(x, y)
    at = {W: sympy.Rational(repr(w)), B: sympy.Rational(repr(b))}
    assert _close(g.node("L").exact, loss.subs(at))
    for name, symbol in (("w", W), ("b", B)):
        exact = sympy.diff(loss, symbol).subs(at)
        assert _close(g.node(name).grad_exact, exact), name
        assert g.node(name).grad == pytest.approx(float(sympy.N(exact, 60)), rel=1e-14, abs=1e-300)
    assert g.gradient == (g.node("w").grad, g.node("b").grad)


@pytest.mark.parametrize("w, b, x, y", CASES)
def test_backward_value_is_the_product_of_local_slopes_along_the_chain(w, b, x, y):
    g = NeuronGraph(w, b, x, y)
    for name in ("w", "b", "x", "z", "s"):
        product = sympy.Integer(1)
        for edge in g.chain_edges(name):
            product *= edge.exact
        assert _close(product, g.node(name).grad_exact)
        assert math.prod(e.value for e in g.chain_edges(name)) == pytest.approx(g.node(name).grad, rel=1e-12)
    assert g.node("L").grad == 1.0


@pytest.mark.parametrize("w, b, x, y", CASES)
def test_local_formulas_give_the_edge_values(w, b, x, y):
    g = NeuronGraph(w, b, x, y)
    at = {node.symbol: node.exact for node in g.nodes if node.name != "L"}
    for edge in g.edges:
        assert _close(edge.formula.subs(at), edge.exact), (edge.source, edge.target)
    # the textbook shortcut: dL/dz = s - y
    assert _close(g.node("z").grad_exact, g.node("s").exact - y)


def test_forward_values():
    g = NeuronGraph(0.5, -1, 2, 1)
    assert [n.value for n in g.nodes[:4]] == [0.5, 2.0, -1.0, 0.0]
    assert g.node("s").value == 0.5 and g.node("L").value == pytest.approx(math.log(2), rel=1e-15)
    assert g.edge("s", "L").formula == -1 / sympy.Symbol("s", real=True)  # label 1: dL/ds = -1/s
    assert NeuronGraph(0.5, -1, 2, 0).edge("s", "L").formula == 1 / (1 - sympy.Symbol("s", real=True))


def test_saturated_sigmoid_keeps_its_digits():
    right, wrong = NeuronGraph(10, 0, 3, 1), NeuronGraph(10, 0, 3, 0)
    tail = 1 / (1 + math.exp(30))  # 1 - s at z = 30
    assert right.node("z").grad == pytest.approx(-tail, rel=1e-14)  # not 0, not 1 - 0.99999...
    assert right.edge("z", "s").value == pytest.approx(tail * (1 - tail), rel=1e-14)
    assert wrong.edge("s", "L").value == pytest.approx(1 + math.exp(30), rel=1e-14)
    assert wrong.node("z").grad == pytest.approx(1 - tail, rel=1e-14)
    assert wrong.node("L").value == pytest.approx(30 + math.log1p(math.exp(-30)), rel=1e-15)
    edge = NeuronGraph(MAX_Z / 10, 0, 10, 0)  # |z| at the limit: still finite
    assert all(math.isfinite(v) for n in edge.nodes for v in (n.value, n.grad))


def test_step_updates_w_and_b_against_the_gradient():
    g = NeuronGraph(0.5, -1, 2, 1)
    after = g.step(0.5)
    assert (after.node("w").value, after.node("b").value) == (1.0, -0.75)
    assert after.node("L").value < g.node("L").value
    assert (after.node("x").value, int(after.y)) == (2.0, 1)
    with pytest.raises(ValueError, match="learning_rate"):
        g.step(0)


def test_chain_and_lookup():
    g = NeuronGraph(1, 1, 1, 0)
    assert g.chain("b") == ("b", "z", "s", "L") and g.chain("L") == ("L",)
    with pytest.raises(ValueError, match="no node 'q'"):
        g.node("q")
    with pytest.raises(ValueError, match="no edge"):
        g.edge("w", "L")


@pytest.mark.parametrize(
    "args, error, words",
    [
        ((1, 1, 1, 2), ValueError, "label y must be 0 or 1"),
        ((1, 1, 1, 0.5), ValueError, "label y must be 0 or 1"),
        ((1, 1, 1, True), ValueError, "label y must be 0 or 1"),
        ((float("nan"), 1, 1, 1), ValueError, "w = nan is not a finite number"),
        ((1, float("inf"), 1, 1), ValueError, "b = inf"),
        ((1, 1, "2", 1), TypeError, "x must be a number"),
        ((True, 1, 1, 1), TypeError, "w must be a number"),
        ((100, 1, 8, 1), ValueError, "too large"),
    ],
)
def test_bad_input_is_refused_in_one_line(args, error, words):
    with pytest.raises(error, match=words) as caught:
        NeuronGraph(*args)
    assert "\n" not in str(caught.value)


def test_exported_and_doctests():
    assert mathcore.NeuronGraph is NeuronGraph
    result = doctest.testmod(graph_module)
    assert result.failed == 0 and result.attempted >= 8


def test_graph_gradient_is_the_neuron_loss_gradient_of_one_point():
    """The gradient the ball uses on the loss surface of a one-point data set (mathcore.learning)."""
    learning = pytest.importorskip("mathcore.learning")
    for w, b, x, y in CASES[:4] + CASES[6:8]:
        try:
            field = learning.neuron_loss([(x, y)])
        except ValueError:  # a data set needs two points: the same point twice has the same mean loss
            field = learning.neuron_loss([(x, y), (x, y)])
        expected = field.gradient((w, b))
        assert NeuronGraph(w, b, x, y).gradient == pytest.approx(tuple(float(v) for v in expected), rel=1e-9, abs=1e-15)
