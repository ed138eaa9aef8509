"""Turn the text of a user's formula into a sympy expression, safely.

The text is parsed by Python's :mod:`ast` and the syntax tree is walked against an
allow-list: numbers, the declared variables, a few named constants, the operators
``+ - * / **`` (``^`` also means power) and the functions of
:data:`mathcore.vocabulary.ALLOWED_FUNCTIONS`. The sympy objects are built from the tree
node by node; nothing the user typed ever reaches ``eval``, ``exec``, ``sympify`` or
``parse_expr``.

Every constant sub-expression is evaluated in floating point *before* sympy sees it, so a
constant that is huge (``9**9**9**9``), undefined (``log(0)``) or not real (``sqrt(-1)``)
is refused at once instead of hanging the program or poisoning a plot later.

The bound is on the work sympy does, not on the syntax: a part with variables that sympy
evaluates to a constant (``x - x + 10**15``) is a constant like any other, and before each
power (``**``, ``sqrt``, and the ``exp(c*log(b)) = b**c`` sympy makes) the exact numbers it
would compute are measured in digits. Whatever would need more than about 100 digits is
refused, and so is a finished expression holding any number beyond 1e100.

Examples
--------
>>> parse_expression("n**2 + 2*e^2", variables=("n", "e"))
2*e**2 + n**2
>>> parse_expression("exp(1)", variables=("x",))
E
"""

from __future__ import annotations

import ast
import builtins
import keyword
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

import sympy

from .vocabulary import ALLOWED_FUNCTIONS, CONSTANTS, AllowedFunction

__all__ = ["ExpressionError", "parse_expression", "check_variable_names", "LIMITS"]


@dataclass(frozen=True)
class Limits:
    """Bounds that keep every expression small and every rejection fast."""

    max_length: int = 500  # characters of text
    max_nodes: int = 200  # syntax-tree nodes
    max_depth: int = 40  # nesting of the syntax tree and of brackets
    max_literal: float = 1e15  # absolute value of a number typed in the text
    max_constant: float = 1e100  # absolute value of any constant sub-expression
    max_built_nodes: int = 2000  # nodes of the sympy expression built from the text


LIMITS = Limits()

_NAME_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_]{0,15}\Z")
_RESERVED_NAMES = (
    set(keyword.kwlist)
    | set(keyword.softkwlist)
    | set(dir(builtins))
    | set(ALLOWED_FUNCTIONS)
    | {"pi", "E", "I", "oo", "nan", "zoo", "inf"}
    | {"numpy", "np", "math", "mpmath", "scipy", "sympy", "builtins", "lambdify"}
)


class ExpressionError(ValueError):
    """An expression (or a variable name) that cannot be used, and why.

    Attributes
    ----------
    text : str
        What the user typed.
    reason : str
        A short plain-words explanation.
    """

    def __init__(self, text: str, reason: str):
        self.text = text
        self.reason = reason
        super().__init__(f"cannot use {_quote(text)}: {reason}")


def _quote(text: str, limit: int = 60) -> str:
    text = str(text)
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def check_variable_names(variables: Iterable[str]) -> tuple[str, ...]:
    """Return the variable names as a tuple, or raise :class:`ExpressionError`.

    A name is 1-16 letters, digits or underscores starting with a letter, is not a Python
    keyword or builtin, not a function or constant of the expression language (``e`` is
    allowed and then means the variable), and appears once.
    """
    if isinstance(variables, str):
        variables = (variables,)
    try:
        names = tuple(variables)
    except TypeError:
        raise ExpressionError(repr(variables), "the variables must be a list of names such as ('n', 'e')") from None
    if not names:
        raise ExpressionError("", "no variables were declared")
    for name in names:
        if not isinstance(name, str):
            raise ExpressionError(repr(name), "a variable name must be a string")
        if not _NAME_PATTERN.match(name):
            raise ExpressionError(
                name,
                "a variable name is 1 to 16 letters, digits or underscores and starts with a letter",
            )
        if name in _RESERVED_NAMES:
            raise ExpressionError(name, "this name is reserved and cannot be a variable")
    if len(set(names)) != len(names):
        raise ExpressionError(", ".join(names), "a variable is declared twice")
    return names


def parse_expression(text: str, variables: Iterable[str] = ("x",)) -> sympy.Expr:
    """Parse the formula ``text`` in the declared ``variables`` into a sympy expression.

    Parameters
    ----------
    text : str
        A formula such as ``"x**3 - 2*x"`` or ``"0.3*(n^2 + 2*e^2)"``.
    variables : iterable of str
        The names the formula may use as variables; each becomes a real sympy symbol.
        A declared name wins over a constant of the same name (``e``).

    Returns
    -------
    sympy.Expr

    Raises
    ------
    ExpressionError
        If the text is not an allowed formula; the message quotes the text and says why.
    """
    names = check_variable_names(variables)
    if not isinstance(text, str):
        raise ExpressionError(repr(text), "an expression must be given as text")
    _check_text(text)
    try:
        # ``^`` means power. Swapped in the text, not in the tree: Python reads ``^`` as
        # exclusive-or, which binds more loosely than ``+`` (``x + 1^2`` is ``(x + 1)^2``).
        tree = ast.parse(text.strip().replace("^", "**"), mode="eval")
    except SyntaxError as error:
        raise ExpressionError(text, _syntax_reason(text, error)) from None
    except (ValueError, RecursionError, MemoryError) as error:
        raise ExpressionError(text, f"it cannot be read ({error})") from None
    _check_tree_size(text, tree)
    builder = _Builder(text, {name: sympy.Symbol(name, real=True) for name in names})
    expr, _ = builder.build(tree.body)
    _check_built_size(text, expr)
    _check_built_numbers(text, expr)
    if expr.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo, sympy.I):
        raise ExpressionError(text, "part of it has no real value (e.g. log(0), sqrt(-1), 1/0)")
    return expr


def _check_text(text: str) -> None:
    if not text.strip():
        raise ExpressionError(text, "it is empty")
    if len(text) > LIMITS.max_length:
        raise ExpressionError(
            text, f"it is {len(text)} characters long; the limit is {LIMITS.max_length}"
        )
    depth = deepest = 0
    for char in text:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    if deepest > LIMITS.max_depth:
        raise ExpressionError(
            text, f"brackets are nested {deepest} deep; the limit is {LIMITS.max_depth}"
        )


def _syntax_reason(text: str, error: SyntaxError) -> str:
    if re.search(r"\d\s*[A-Za-z(]", text) and not re.search(r"\d[eE][+-]?\d", text):
        hint = " (write multiplication with *, e.g. 2*x)"
    else:
        hint = ""
    where = f" at character {error.offset}" if error.offset else ""
    return f"it is not a valid formula{where}{hint}"


def _check_tree_size(text: str, tree: ast.AST) -> None:
    count = 0
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > LIMITS.max_nodes:
            raise ExpressionError(text, f"it is too long: more than {LIMITS.max_nodes} parts")
        if depth > LIMITS.max_depth:
            raise ExpressionError(text, f"it is nested more than {LIMITS.max_depth} deep")
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(node))


def _check_built_size(text: str, expr: sympy.Expr) -> None:
    """Refuse an expression that sympy built larger than :attr:`Limits.max_built_nodes`
    (counting stops at the limit, so the check itself is bounded)."""
    for count, _ in enumerate(sympy.preorder_traversal(expr), start=1):
        if count > LIMITS.max_built_nodes:
            raise ExpressionError(text, f"it builds more than {LIMITS.max_built_nodes} parts")


def _check_built_numbers(text: str, expr: sympy.Expr) -> None:
    """Refuse an expression holding an exact number (numerator or denominator) or a float
    beyond :attr:`Limits.max_constant`: products of allowed parts can still multiply up
    (``10**60*x*10**60``), and such numbers only hang or overflow what comes after."""
    limit = LIMITS.max_constant
    for atom in expr.atoms(sympy.Number):
        if atom.is_Rational:
            too_large = max(abs(atom.p), atom.q) > limit
        else:
            too_large = atom.is_Float and not abs(float(atom)) <= limit
        if too_large:
            raise ExpressionError(
                text, f"a number in it (after sympy works it out) is beyond {limit:.0e}"
            )


_OPERATORS = {
    ast.Add: "+",
    ast.Sub: "-",
    ast.Mult: "*",
    ast.Div: "/",
    ast.Pow: "**",
}

_NODE_NAMES = {
    ast.Attribute: "attribute access (a dot after a name)",
    ast.Subscript: "indexing with [ ]",
    ast.Lambda: "lambda",
    ast.Compare: "comparisons",
    ast.BoolOp: "and/or",
    ast.IfExp: "if/else",
    ast.ListComp: "comprehensions",
    ast.SetComp: "comprehensions",
    ast.DictComp: "comprehensions",
    ast.GeneratorExp: "comprehensions",
    ast.List: "lists",
    ast.Tuple: "tuples",
    ast.Set: "sets",
    ast.Dict: "dictionaries",
    ast.JoinedStr: "strings",
    ast.Starred: "starred arguments",
    ast.NamedExpr: "assignment",
    ast.Await: "await",
}

# A float value alongside each built node; None when the node depends on a variable.
_Built = tuple[sympy.Expr, "float | None"]


class _Builder:
    """Walks an allow-listed syntax tree and builds the sympy expression bottom-up.

    Each node comes with its float value when it is a constant. A constant is what sympy
    built, not what the syntax says: ``x - x + 10**15`` is the constant 10**15 once sympy
    has cancelled ``x``, and is then bounded like one before anything uses it.
    """

    def __init__(self, text: str, symbols: dict[str, sympy.Symbol]):
        self.text = text
        self.symbols = symbols
        # A subclass that builds without evaluating (for display, after this parser has
        # accepted the text) makes no numbers, so the checks of sympy's work are skipped.
        self.evaluates = type(self).combine is _Builder.combine and type(self).apply is _Builder.apply

    def fail(self, reason: str):
        raise ExpressionError(self.text, reason)

    def build(self, node: ast.AST) -> _Built:
        expr, value = self._build(node)
        if value is None and self.evaluates and expr.is_number:
            value = self._settle(expr)
        return expr, value

    def _settle(self, expr: sympy.Expr) -> float:
        """The float value of a part with variables that sympy evaluated to a constant."""
        if expr.has(sympy.zoo, sympy.nan, sympy.oo, -sympy.oo):
            self.fail("a constant part of it has no real value (e.g. log(0), sqrt(-1), 1/0)")
        try:
            number = complex(expr.evalf(20))
        except (TypeError, ValueError, OverflowError):
            self.fail("a constant part of it has no real value (e.g. log(0), sqrt(-1), 1/0)")
        if abs(number.imag) > 1e-12 * (1 + abs(number.real)):
            self.fail("a constant part of it is not a real number")
        return self._constant(lambda: number.real)

    def _build(self, node: ast.AST) -> _Built:
        if isinstance(node, ast.Constant):
            return self._number(node.value)
        if isinstance(node, ast.Name):
            return self._name(node.id)
        if isinstance(node, ast.UnaryOp):
            return self._unary(node)
        if isinstance(node, ast.BinOp):
            return self._binary(node)
        if isinstance(node, ast.Call):
            return self._call(node)
        what = _NODE_NAMES.get(type(node), type(node).__name__)
        self.fail(f"{what} not allowed in a formula")

    # -- leaves -------------------------------------------------------------------------
    def _number(self, value) -> _Built:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            kind = {str: "strings", bytes: "strings", complex: "complex numbers"}.get(
                type(value), f"the literal {value!r}"
            )
            self.fail(f"{kind} not allowed in a formula")
        if abs(value) > LIMITS.max_literal or not math.isfinite(value):
            self.fail(f"the number {Decimal(value):.3g} is too large (limit {LIMITS.max_literal:.0e})")
        if isinstance(value, int):
            return sympy.Integer(value), float(value)
        return sympy.Float(repr(value)), value

    def _name(self, name: str) -> _Built:
        if name in self.symbols:
            return self.symbols[name], None
        if name in CONSTANTS:
            exact, approx = CONSTANTS[name]
            return exact, approx
        if name in ALLOWED_FUNCTIONS:
            self.fail(f"{name} is a function and needs an argument, like {name}(x)")
        declared = ", ".join(self.symbols)
        self.fail(f"unknown name {name!r} (the variables are: {declared})")

    # -- operators ----------------------------------------------------------------------
    def _unary(self, node: ast.UnaryOp) -> _Built:
        expr, value = self.build(node.operand)
        if isinstance(node.op, ast.USub):
            return self.combine("neg", expr, None), (None if value is None else -value)
        if isinstance(node.op, ast.UAdd):
            return expr, value
        self.fail(f"the operator {_op_text(node.op)} is not allowed")

    def _binary(self, node: ast.BinOp) -> _Built:
        symbol = _OPERATORS.get(type(node.op))
        if symbol is None:
            self.fail(f"the operator {_op_text(node.op)} is not allowed (use + - * / ** or ^)")
        left, left_value = self.build(node.left)
        right, right_value = self.build(node.right)
        if symbol == "/" and right_value == 0:
            self.fail("it divides by zero")
        value = None
        if left_value is not None and right_value is not None:
            if symbol == "**" and right_value * math.log10(abs(left_value) or 1.0) > math.log10(LIMITS.max_constant):
                self.fail(
                    f"the exponent {right_value:.3g} makes a constant too large "
                    f"(limit {LIMITS.max_constant:.0e})"
                )
            value = self._constant(lambda: _float_op(symbol, left_value, right_value))
        if symbol in ("*", "/") and self.evaluates:
            self._check_roots(left, right)
        if symbol == "**" and self.evaluates:
            if right_value is not None:
                self._check_power(left, right_value)
            if left == sympy.E:  # sympy makes E**a into exp(a)
                self._check_exp(right)
        return self.combine(symbol, left, right), value

    def combine(self, symbol: str, left: sympy.Expr, right: sympy.Expr | None) -> sympy.Expr:
        """``left <symbol> right`` as sympy evaluates it (``"neg"``: minus ``left``)."""
        if symbol == "neg":
            return -left
        if symbol == "+":
            return left + right
        if symbol == "-":
            return left - right
        if symbol == "*":
            return left * right
        if symbol == "/":
            return left / right
        return left**right

    def apply(self, function: AllowedFunction, args: list[sympy.Expr]) -> sympy.Expr:
        """The allowed ``function`` of ``args``, evaluated by sympy."""
        return function.build(*args)

    def _check_power(self, base: sympy.Expr, exponent: float, what: str = "") -> None:
        """Bound the work of ``base ** exponent`` before sympy does it: a power of a variable
        is cheap whatever the exponent (``x**1000``), but sympy raises the number factors of
        a product to it exactly (``(2*x)**10**15`` would compute 2**10**15), and of a power
        of a product to the product of the exponents (``((2*x)**(1/3))**(3*10**15)``).

        A factor may need at most about ``log10(max_constant)`` digits, counting both the
        numerator and the denominator of a fraction (``(1 + 1/10**15)**10**15`` is a huge
        fraction near e), and a root is no cheaper than the number itself."""
        limit = math.log10(LIMITS.max_constant)
        for factor in sympy.Mul.make_args(base):
            if factor.is_number:
                digits = _power_digits(factor, exponent)
                if digits > limit:
                    self.fail(
                        f"{what}the exponent {exponent:.3g} makes the number {_number_text(factor)} "
                        f"in its base need about {digits:.2g} digits (the limit is {limit:.0f})"
                    )
            elif factor.is_Pow and factor.exp.is_number:
                self._check_power(factor.base, exponent * self._value_of(factor.exp), what)

    def _check_roots(self, left: sympy.Expr, right: sympy.Expr) -> None:
        """Bound the work of ``left * right`` (or ``/``) before sympy does it: sympy
        multiplies the numbers under the same root into one and factors the product
        (``sqrt(a)*sqrt(b)`` is ``sqrt(a*b)``), so the numbers under each root together may
        need no more digits than one number raised to a power."""
        limit = math.log10(LIMITS.max_constant)
        digits: dict[sympy.Expr, float] = {}
        for factor in (*sympy.Mul.make_args(left), *sympy.Mul.make_args(right)):
            if factor.is_Pow and factor.base.is_Rational and factor.exp.is_Rational:
                root = abs(factor.exp)
                digits[root] = digits.get(root, 0.0) + _power_digits(factor.base, 1.0)
                if digits[root] > limit:
                    self.fail(
                        f"the numbers under its {_root_name(root)} roots need about {digits[root]:.2g} "
                        f"digits together (the limit is {limit:.0f})"
                    )

    def _check_exp(self, argument: sympy.Expr) -> None:
        """Bound the work of ``exp(argument)`` before sympy does it: in each term of the sum
        sympy makes ``exp(c*log(b))`` the power ``b**c`` (``exp(x + 10**15*log(2))`` would
        compute 2**10**15), which is checked like any power."""
        for term in sympy.Add.make_args(argument):
            if not term.is_Mul:
                continue
            logs, coefficient = [], 1.0
            for factor in term.args:
                combined = sympy.logcombine(factor) if factor.has(sympy.log) else factor
                if isinstance(combined, sympy.log):
                    logs.append(combined.args[0])
                elif factor.is_comparable:
                    coefficient *= self._value_of(factor)
                else:
                    break
            else:
                if len(logs) == 1:
                    self._check_power(logs[0], coefficient, f"exp({coefficient:.3g}*log(b)) is a power: ")

    def _value_of(self, number: sympy.Expr) -> float:
        """A number sympy built, as a float (it is a modest one: its parts were checked)."""
        try:
            return float(number)
        except (TypeError, ValueError, OverflowError):
            self.fail("a constant part of it is not a modest real number")

    def _call(self, node: ast.Call) -> _Built:
        if not isinstance(node.func, ast.Name):
            self.fail("only the named functions may be called (no methods or attributes)")
        name = node.func.id
        function = ALLOWED_FUNCTIONS.get(name)
        if function is None:
            allowed = ", ".join(sorted(ALLOWED_FUNCTIONS))
            self.fail(f"unknown function {name!r} (allowed: {allowed})")
        if node.keywords:
            self.fail(f"{name}() takes no keyword arguments")
        if len(node.args) not in function.arities:
            counts = " or ".join(str(a) for a in function.arities)
            self.fail(f"{name}() takes {counts} argument(s), not {len(node.args)}")
        built = [self.build(arg) for arg in node.args]
        args = [expr for expr, _ in built]
        values = [value for _, value in built]
        if name == "log" and len(values) == 2 and values[1] is not None:
            self._constant(lambda: 1 / math.log(values[1]))
        value = None
        if all(v is not None for v in values):
            value = self._constant(lambda: function.evaluate(*values))
        if self.evaluates:
            if name == "sqrt":
                self._check_power(args[0], 0.5)
            if name == "exp":
                self._check_exp(args[0])
        return self.apply(function, args), value

    def _constant(self, compute) -> float:
        """Evaluate a constant part in floating point and insist it is a modest real."""
        try:
            value = compute()
        except OverflowError:
            self.fail("a constant part of it is too large")
        except (ValueError, ZeroDivisionError):
            self.fail("a constant part of it has no real value (e.g. log(0), sqrt(-1), 1/0)")
        if isinstance(value, complex):
            self.fail("a constant part of it is not a real number")
        if not math.isfinite(value):
            self.fail("a constant part of it is infinite or undefined")
        if abs(value) > LIMITS.max_constant:
            self.fail(f"a constant part of it is too large (limit {LIMITS.max_constant:.0e})")
        return float(value)


def _op_text(op: ast.AST) -> str:
    return {
        ast.Mod: "%",
        ast.FloorDiv: "//",
        ast.MatMult: "@",
        ast.LShift: "<<",
        ast.RShift: ">>",
        ast.BitOr: "|",
        ast.BitAnd: "&",
        ast.Invert: "~",
        ast.Not: "not",
    }.get(type(op), type(op).__name__)


def _int_digits(n: int) -> float:
    """log10 of a positive integer (0 for 0 and 1); exact enough for any size."""
    n = abs(n)
    return math.log10(n) if n > 1 else 0.0


def _power_digits(number: sympy.Expr, exponent: float) -> float:
    """About how many decimal digits sympy needs to work out ``number ** exponent``.

    Exact numbers are computed exactly: a fraction needs the digits of its numerator and
    its denominator (``(1 + 1/10**15)**10**15`` is a huge fraction near e, and ``2**-10**15``
    a huge denominator), at least once even for a root (``sqrt`` of a number of a thousand
    digits still factors it); a power of a number multiplies the exponents (``sqrt(2)``).
    A float or a number sympy keeps as a symbol (``pi``, ``exp(3)``) costs nothing, but the
    result counts by its size when it is large (``(pi*x)**1000`` holds pi**1000 ~ 1e497)."""
    if number.is_Rational:
        return (_int_digits(number.p) + _int_digits(number.q)) * max(1.0, abs(exponent))
    if number.is_Pow and number.base.is_number and number.exp.is_number:
        return _power_digits(number.base, exponent * float(number.exp))
    if number.is_Mul:
        return sum(_power_digits(factor, exponent) for factor in number.args)
    try:
        size = abs(complex(number.evalf(15)))
    except (TypeError, ValueError, OverflowError):
        return math.inf
    if not math.isfinite(size):
        return math.inf
    return max(0.0, exponent * math.log10(size)) if size else 0.0


def _root_name(exponent: sympy.Rational) -> str:
    if exponent.p == 1:
        return {2: "square", 3: "cube"}.get(exponent.q, f"{exponent.q}th")
    return f"power {exponent}"


def _number_text(number: sympy.Expr) -> str:
    """A short text for a number in a message (never a thousand digits)."""
    if number.is_Rational and max(abs(number.p), number.q) < 10**15:
        return str(number)
    if number.is_Integer:
        return f"{float(number):.6g}"
    if number.is_Rational:
        return f"{float(number):.6g} (a fraction of {_power_digits(number, 1):.0f} digits)"
    try:
        return f"{complex(number.evalf(15)).real:g}"
    except (TypeError, ValueError, OverflowError):
        return "in it"


def _float_op(symbol: str, a: float, b: float) -> float:
    if symbol == "+":
        return a + b
    if symbol == "-":
        return a - b
    if symbol == "*":
        return a * b
    if symbol == "/":
        return a / b
    return math.pow(a, b)
