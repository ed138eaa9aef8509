"""Exact and fast calculus for the lesson videos: parse, differentiate, sample, descend.

``mathcore`` never imports manim. Every number a scene shows comes from here.
"""

from .curves import Curve, Tangent
from .descent import DescentPath, gradient_descent
from .expressions import ExpressionError, parse_expression
from .fields import ScalarField
from .sampling import DomainError

__all__ = [
    "Curve",
    "DescentPath",
    "DomainError",
    "ExpressionError",
    "ScalarField",
    "Tangent",
    "gradient_descent",
    "parse_expression",
]
