"""Formulas as typed and readable: a minus typed before a product or quotient prints as a
minus (never "(-1)"), and exp of an argument with a fraction or a power prints as exp(...)
(an exponent inside an exponent is about 5 px tall at 480p), Euler's number upright otherwise."""

from __future__ import annotations

import pytest

from mathcore import ScalarField, formula_latex


@pytest.mark.parametrize(
    ("text", "variables", "expected"),
    [
        ("n*exp(-(n**2 + e**2)/2)", ("n", "e"), r"n \exp{\left(- \frac{n^{2} + e^{2}}{2}\right)}"),
        ("-(x + 1)/2", ("x",), r"- \frac{x + 1}{2}"),
        ("-x**2/3", ("x",), r"- \frac{x^{2}}{3}"),
        ("-(x + 1)*y", ("x", "y"), r"- \left(x + 1\right) y"),
        ("-x*y", ("x", "y"), r"- x y"),
        ("-(x + 1)", ("x",), r"- \left(x + 1\right)"),
        ("exp(-x**2)", ("x",), r"\exp{\left(- x^{2}\right)}"),
        ("1/(1 + exp(-x))", ("x",), r"\frac{1}{1 + \mathrm{e}^{- x}}"),
        ("exp(x/2)", ("x",), r"\exp{\left(\frac{x}{2}\right)}"),
    ],
)
def test_typed_minus_and_readable_exp(text, variables, expected):
    assert formula_latex(text, variables) == expected


def test_derivatives_of_a_bump_print_exp_and_keep_the_variable_e_italic():
    bump = ScalarField("n*exp(-(n**2 + e**2)/2)", variables=("n", "e"))
    for name in ("n", "e"):
        text = bump.partial(name).latex
        assert r"\exp" in text and r"\mathrm{e}" not in text and "(-1)" not in text
    assert bump.partial("e").latex.startswith("- e n")
