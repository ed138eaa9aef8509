"""Formulas as a learner reads them: LaTeX in the typed order, and the names a formula uses.

The exact computations use the expression sympy evaluates, whose terms sympy sorts
(``0.3*(n**2 + 2*e**2)`` becomes ``0.6*e**2 + 0.3*n**2``). For display, the same syntax tree
is built again without evaluation and printed in the order it was typed, so the formula on
screen is the one the teacher wrote. Euler's number is typeset upright (``\\mathrm{e}``), so
an italic ``e`` is always a variable (East).

Examples
--------
>>> formula_latex("0.3*(n**2 + 2*e**2)", ("n", "e"))
'0.3 \\\\left(n^{2} + 2 e^{2}\\\\right)'
>>> latex(parse_expression("exp(-x)", ("x",)))
'\\\\mathrm{e}^{- x}'
>>> free_names("0.1*x**4 - x**2 + pi")
('x',)
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

import sympy
from sympy.printing.latex import LatexPrinter

from .expressions import ExpressionError, _Builder, _check_text, check_variable_names, parse_expression
from .vocabulary import ALLOWED_FUNCTIONS, CONSTANTS, AllowedFunction

__all__ = ["choose_variable", "display_expression", "formula_latex", "free_names", "latex"]


class _LessonLatexPrinter(LatexPrinter):
    """sympy's LaTeX with Euler's number upright: ``\\mathrm{e}`` and ``\\mathrm{e}^{x}``."""

    def _print(self, expr, **kwargs):
        if expr is sympy.S.Exp1:  # Exp1 prints itself as "e" before any _print_Exp1
            return r"\mathrm{e}"
        return super()._print(expr, **kwargs)

    def _print_ExpBase(self, expr, exp=None):
        argument = self._print(expr.args[0])
        if "^" in argument or r"\frac" in argument:  # a script within a script cannot be read at 480p
            return self._do_exponent(rf"\exp{{\left({argument}\right)}}", exp)
        return self._do_exponent(rf"\mathrm{{e}}^{{{argument}}}", exp)

    def _print_Mul(self, expr):
        # A minus typed before a product or a quotient, -(a + b)/2, is the tree's Mul(-1, ...):
        # printed as "- ...", never as "(-1) (...)".
        args = list(expr.args)
        if args and args[0].is_Mul and args[0].args[:1] == (sympy.S.NegativeOne,):
            args = [sympy.S.NegativeOne, *args[0].args[1:], *args[1:]]
        if len(args) > 1 and args[0] is sympy.S.NegativeOne:
            body = sympy.Mul(*args[1:], evaluate=False) if len(args) > 2 else args[1]
            text = self._print(body)
            return "- " + (rf"\left({text}\right)" if body.is_Add else text)
        return super()._print_Mul(expr)


def latex(expr: sympy.Basic, keep_order: bool = False) -> str:
    """``expr`` in LaTeX, Euler's number upright; ``keep_order`` prints the terms in the
    order the tree holds them (for an unevaluated tree: as typed) instead of sorting them."""
    settings = {"order": "none"} if keep_order else {}
    return _LessonLatexPrinter(settings).doprint(expr)


class _DisplayBuilder(_Builder):
    """Builds the tree as typed: no sympy evaluation, so nothing is reordered or merged."""

    def combine(self, symbol: str, left: sympy.Expr, right: sympy.Expr | None) -> sympy.Expr:
        if symbol == "neg":
            return -left if left.is_Number else sympy.Mul(sympy.S.NegativeOne, left, evaluate=False)
        # A chain typed without brackets (a + b - c, a*b*c) is one sum or product, as typed.
        terms = left.args if left.is_Add else (left,)
        if symbol == "+":
            return sympy.Add(*terms, right, evaluate=False)
        if symbol == "-":
            negative = -right if right.is_Number else sympy.Mul(sympy.S.NegativeOne, right, evaluate=False)
            return sympy.Add(*terms, negative, evaluate=False)
        if symbol == "*":
            return sympy.Mul(*(left.args if left.is_Mul else (left,)), right, evaluate=False)
        if symbol == "/":
            reciprocal = sympy.Pow(right, sympy.S.NegativeOne, evaluate=False)
            return reciprocal if left == sympy.S.One else sympy.Mul(left, reciprocal, evaluate=False)
        return sympy.Pow(left, right, evaluate=False)

    def apply(self, function: AllowedFunction, args: list[sympy.Expr]) -> sympy.Expr:
        try:
            return function.build(*args, evaluate=False)
        except TypeError:  # a builder of our own (log with a base): it evaluates
            return function.build(*args)


def display_expression(text: str, variables: Iterable[str] = ("x",)) -> sympy.Expr:
    """The formula ``text`` as an unevaluated sympy tree, in the order it was typed.

    The text is first checked exactly as :func:`parse_expression` checks it (the same
    :class:`ExpressionError` for the same mistakes). Use the tree for display only.
    """
    parse_expression(text, variables)
    names = check_variable_names(variables)
    tree = ast.parse(text.strip().replace("^", "**"), mode="eval")
    builder = _DisplayBuilder(text, {name: sympy.Symbol(name, real=True) for name in names})
    return builder.build(tree.body)[0]


def formula_latex(text: str, variables: Iterable[str] = ("x",)) -> str:
    """The LaTeX of ``text`` as typed (``0.3 \\left(n^{2} + 2 e^{2}\\right)``), Euler's number upright."""
    return latex(display_expression(text, variables), keep_order=True)


def free_names(text: str) -> tuple[str, ...]:
    """The names ``text`` uses that are neither functions nor constants, in order of first
    appearance (``e`` counts as Euler's number here). Raises :class:`ExpressionError` if the
    text cannot be read as a formula."""
    if not isinstance(text, str):
        raise ExpressionError(repr(text), "an expression must be given as text")
    _check_text(text)
    try:
        tree = ast.parse(text.strip().replace("^", "**"), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        parse_expression(text, ("x",))  # raises the parser's own message
        raise
    called = {id(node.func) for node in ast.walk(tree) if isinstance(node, ast.Call)}
    names = sorted(
        (node for node in ast.walk(tree) if isinstance(node, ast.Name) and id(node) not in called),
        key=lambda node: (node.lineno, node.col_offset),
    )
    found: list[str] = []
    for node in names:
        if node.id not in CONSTANTS and node.id not in ALLOWED_FUNCTIONS and node.id not in found:
            found.append(node.id)
    return tuple(found)


def choose_variable(text: str, preferred: str) -> str:
    """The variable of a one-variable formula: ``preferred`` if the formula uses it or no
    name at all, else the one name it uses (``0.1*x**4 - x**2`` in a scene of ``w``: ``x``).

    Raises :class:`ExpressionError` (one line) when the formula uses several names.
    """
    names = free_names(text)
    if not names or names == (preferred,):
        return preferred
    if len(names) == 1:
        check_variable_names(names)
        return names[0]
    raise ExpressionError(
        text, f"it uses the names {', '.join(names)}, but a formula of one variable uses one name (such as {preferred})"
    )
