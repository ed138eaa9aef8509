"""Formulas as a learner reads them: typed order, upright Euler's number, the names used."""

from __future__ import annotations

import pytest
import sympy
from hypothesis import given, settings

from mathcore import Curve, ExpressionError, ScalarField, parse_expression
from mathcore.formula_text import choose_variable, display_expression, formula_latex, free_names, latex

from .strategies import formulas


@pytest.mark.parametrize(
    ("text", "variables", "expected"),
    [
        ("0.3*(n**2 + 2*e**2)", ("n", "e"), r"0.3 \left(n^{2} + 2 e^{2}\right)"),
        ("4*t - t**2", ("t",), "4 t - t^{2}"),
        ("x - 3 - x**2", ("x",), "x - 3 - x^{2}"),
        ("-2*x + 3", ("x",), "- 2 x + 3"),
        ("x**-1 - (x - 1)", ("x",), r"\frac{1}{x} - \left(x - 1\right)"),
        ("1/(1 + exp(-x))", ("x",), r"\frac{1}{1 + \mathrm{e}^{- x}}"),
        ("(n**2 + e - 11)**2 + (n + e**2 - 7)**2", ("n", "e"), r"\left(n^{2} + e - 11\right)^{2} + \left(n + e^{2} - 7\right)^{2}"),
        ("x + -1", ("x",), "x - 1"),
    ],
)
def test_formula_latex_keeps_the_typed_order(text, variables, expected):
    assert formula_latex(text, variables) == expected


def test_euler_number_is_upright_and_east_is_italic():
    assert formula_latex("e*x + E + exp(x)", ("x",)) == r"\mathrm{e} x + \mathrm{e} + \mathrm{e}^{x}"
    field = ScalarField("exp(-n) + e**2", variables=("n", "e"))
    assert field.latex == r"\mathrm{e}^{- n} + e^{2}"
    assert latex(sympy.E**2 * sympy.Symbol("x")) == r"x \mathrm{e}^{2}"


def test_the_latex_property_shows_what_was_typed_and_computes_with_the_exact_expression():
    field = ScalarField("0.3*(n**2 + 2*e**2)", variables=("n", "e"))
    assert field.latex == r"0.3 \left(n^{2} + 2 e^{2}\right)"
    assert field.partial("e").latex == "1.2 e"  # built from sympy: printed from the exact expression
    curve = Curve("4*t - t**2", variable="t")
    assert curve.latex == "4 t - t^{2}" and curve.derivative.latex == "4 - 2 t"


@settings(max_examples=80, deadline=None)
@given(formula=formulas(("x", "y")))
def test_the_display_tree_is_the_same_function(formula):
    text, expected = formula
    shown = display_expression(text, ("x", "y"))
    assert sympy.simplify(shown.doit() - expected) == 0 or sympy.expand(shown.doit() - expected) == 0


def test_display_refuses_what_the_parser_refuses():
    with pytest.raises(ExpressionError, match="unknown name 'y'"):
        formula_latex("x + y", ("x",))


def test_free_names_in_order_without_functions_and_constants():
    assert free_names("0.1*x**4 - x**2") == ("x",)
    assert free_names("a*x + b + sin(x) + e + pi + E") == ("a", "x", "b")
    assert free_names("3") == ()
    with pytest.raises(ExpressionError, match="write multiplication"):
        free_names("2x")


def test_choose_variable_takes_the_formulas_one_name():
    assert choose_variable("0.1*x**4 - x**2", "w") == "x"
    assert choose_variable("w**2", "w") == "w"
    assert choose_variable("3 + e", "w") == "w"
    with pytest.raises(ExpressionError) as info:
        choose_variable("a*x + b", "w")
    assert "\n" not in str(info.value) and "a, x, b" in str(info.value)
    with pytest.raises(ExpressionError, match="reserved"):
        choose_variable("print + 1", "w")


def test_a_curve_of_the_formulas_one_name():
    text = "0.1*x**4 - x**2"  # typed in a scene whose variable is w
    curve = Curve(text, variable=choose_variable(text, "w"))
    assert curve.variable == "x" and curve.slope(1.0) == pytest.approx(-1.6)
