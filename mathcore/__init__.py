"""Exact and fast calculus for the lesson videos: parse, differentiate, sample, descend.

``mathcore`` never imports manim. Every number a scene shows comes from here.
"""

from .critical import CriticalPoint, SignRun
from .curves import Curve, Tangent
from .descent import DescentPath, gradient_descent
from .expressions import ExpressionError, parse_expression
from .fields import ScalarField
from .graph import NeuronGraph
from .formula_text import choose_variable, formula_latex, free_names, latex
from .level_sets import FieldSample
from .sampling import DomainError

__all__ = [
    "CriticalPoint",
    "Curve",
    "DescentPath",
    "DomainError",
    "ExpressionError",
    "FieldSample",
    "NeuronGraph",
    "ScalarField",
    "SignRun",
    "Tangent",
    "choose_variable",
    "formula_latex",
    "free_names",
    "gradient_descent",
    "latex",
    "parse_expression",
]
