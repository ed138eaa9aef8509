"""Exact and fast calculus for the lesson videos: parse, differentiate, sample, descend.

``mathcore`` never imports manim. Every number a scene shows comes from here.
"""

from .critical import CriticalPoint, SignRun
from .curves import Curve, Tangent
from .descent import DescentPath, descend, gradient_descent
from .expressions import ExpressionError, parse_expression
from .fields import ScalarField
from .graph import NeuronGraph
from .formula_text import choose_variable, formula_latex, free_names, latex
from .learning import label_split, line_fit, line_loss, minibatches, neuron_fit, neuron_loss
from .level_sets import FieldSample
from .optimizers import OPTIMIZERS, Optimizer, adagrad, adam, make_optimizer, momentum, nesterov, rmsprop, sgd
from .sampling import DomainError

__all__ = [
    "CriticalPoint",
    "Curve",
    "DescentPath",
    "DomainError",
    "ExpressionError",
    "FieldSample",
    "OPTIMIZERS",
    "Optimizer",
    "NeuronGraph",
    "ScalarField",
    "SignRun",
    "Tangent",
    "adagrad",
    "adam",
    "choose_variable",
    "descend",
    "formula_latex",
    "free_names",
    "gradient_descent",
    "latex",
    "label_split",
    "line_fit",
    "line_loss",
    "make_optimizer",
    "minibatches",
    "neuron_fit",
    "momentum",
    "nesterov",
    "neuron_loss",
    "parse_expression",
    "rmsprop",
    "sgd",
]
