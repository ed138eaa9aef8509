"""What the two gradient-descent lessons share: their settings, the checks, the curve and the view.

:class:`DescentLesson` declares the settings of a one-variable descent lesson once (the
function, its variable, the range shown; how far mathcore may walk, digits and the pause
after reading come from the shared :mod:`scenes.lessons.common.walk_settings`) and checks them
before anything renders (:meth:`DescentLesson.check`): the function must have values on the
range, f and its slope must be defined at every start. A formula written in another single
name than ``variable`` (``0.1*x**4 - x**2`` in a scene of ``w``) is read in that name.

:func:`descent_view` chooses the axes' ranges from mathcore's
:meth:`~mathcore.Curve.feature_range`, so both wells of a double well stay visible rather
than a steep end deciding the scale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, ClassVar

import sympy

from mathcore import Curve, DescentPath, DomainError, ExpressionError, gradient_descent

from scenes.kit.lesson import FormulaOf, LessonScene, caption_parts
from scenes.kit.spoken import said_parts
from scenes.parts.plot2d.axes import nice_range
from scenes.kit.settings import Setting
from scenes.lessons.common.value_change import ValueChange
from scenes.lessons.common.walk_settings import Decimals, MaxSteps, ReadTime, Tolerance

__all__ = ["DescentLesson", "DescentFormula", "descent_view", "formula_tex", "function_variable", "variable_tex"]

try:  # mathcore's LaTeX in the typed order (landing with the math helper)
    from mathcore.formula_text import formula_latex as _formula_latex
except ImportError:  # pragma: no cover
    _formula_latex = None

try:  # mathcore's reading of a one-variable formula's name (landing with the math helper)
    from mathcore.formula_text import choose_variable as _choose_variable
except ImportError:  # pragma: no cover - until then, the formula must use ``variable``
    def _choose_variable(text: str, preferred: str) -> str:
        return preferred


def function_variable(cls: type) -> str:
    """The variable ``cls.function`` is written in: ``cls.variable``, or the one other name
    the formula uses. Raises :class:`ExpressionError` (one line, naming the setting)."""
    try:
        return _choose_variable(cls.function, cls.variable)
    except ExpressionError as error:
        raise ExpressionError(
            error.text, f"{error.reason} (in {cls.__name__}.function; or set {cls.__name__}.variable)"
        ) from None


def formula_tex(curve: Curve) -> str:
    """The LaTeX of ``curve``'s formula as the teacher typed it."""
    if _formula_latex is None:
        return curve.latex
    return _formula_latex(curve.text, (curve.variable,))


def variable_tex(curve: Curve) -> str:
    """The LaTeX of ``curve``'s variable (``\\theta`` for theta)."""
    return sympy.latex(curve.symbols[0])


class _FunctionVariable:
    """A class attribute that reads as :func:`function_variable` of the class."""

    def __get__(self, instance, owner) -> str:
        return function_variable(owner)


#: f as text in the one variable it uses (checked by ``validate``).
DescentFormula = Annotated[str, FormulaOf("_function_variable"), Setting("f as text, in one variable", max_length=300)]


class DescentLesson(LessonScene):
    """The base of the one-variable gradient-descent lessons (not a lesson itself)."""

    captions_last = True  # a large still cast: a caption swap redraws only the captions

    function: ClassVar[DescentFormula] = "(w - 1)**2 + 0.5"
    variable: ClassVar[Annotated[str, Setting("the variable's name (a formula in one other name uses that)", max_length=16)]] = "w"
    w_range: ClassVar[Annotated[
        tuple[float, float], Setting("the part of the variable's axis shown", low=-1e6, high=1e6, increasing=True, min_span=1e-3)
    ]] = (-2.0, 4.0)
    max_steps: ClassVar[MaxSteps] = 200
    tolerance: ClassVar[Tolerance] = 1e-8
    decimals: ClassVar[Decimals] = 2
    read_time: ClassVar[ReadTime] = 0.5

    _function_variable = _FunctionVariable()

    # -- checks -----------------------------------------------------------------------------
    @classmethod
    def starts_to_check(cls) -> list[tuple[str, float]]:
        """(setting name, start) of every walk; scenes override."""
        return []

    @classmethod
    def check(cls) -> None:
        """f has values on the range shown; f and its slope are defined at every start."""
        curve = cls.make_curve()
        starts = [s for _, s in cls.starts_to_check()]
        x_range = view_x_range(cls.w_range, starts)
        try:
            curve.value_range(x_range)
        except DomainError as error:
            raise DomainError(f"{cls.__name__}.function: {error}") from None
        for where, start in cls.starts_to_check():
            try:
                curve.slope(start)
            except DomainError as error:
                raise DomainError(f"{cls.__name__}.{where} = {start!r}: {error}") from None

    @classmethod
    def make_curve(cls) -> Curve:
        """f as a mathcore Curve in the variable the formula uses."""
        try:
            return Curve(cls.function, variable=function_variable(cls))
        except ExpressionError as error:
            if "(in " in error.reason:
                raise
            raise ExpressionError(error.text, f"{error.reason} (in {cls.__name__}.function)") from None

    def descend(self, curve: Curve, start: float, learning_rate: float) -> DescentPath:
        """mathcore's walk from ``start`` with this scene's limits."""
        return gradient_descent(curve, float(start), learning_rate, max_steps=self.max_steps, tolerance=self.tolerance)

    def caption_then(self, text: str, facts, at_once: Callable[[], None], then: Callable[[], None] | None = None) -> None:
        """Show the caption ``text`` at once (no fade) and call ``at_once()`` in the same
        instant: what it changes (a step number on the panel) changes with the caption.
        ``then()`` (an animation that goes with the caption) runs before any further part of
        a caption too long for two lines, so the first part is up while it plays."""
        parts = said_parts(text, caption_parts(text, self.caption_width))  # each part spoken alone
        self.caption(parts[0], run_time=0, facts=facts)
        at_once()
        if then is not None:
            then()
        for part in parts[1:]:
            self.caption(part, facts=facts)

    def pause_after_reading(self) -> None:
        """Hold until the caption up now has been read, then ``read_time`` seconds more."""
        self.hold()
        if self.read_time > 0:
            self.wait(self.read_time)

    @staticmethod
    def value_change(curve: Curve, x_range) -> ValueChange:
        """The judge of whether f fell or rose, for ``curve`` drawn over ``x_range``."""
        return ValueChange.for_view(curve, x_range)


def _snug_range(low: float, high: float, ticks: int, pad: float) -> tuple[float, float, float]:
    """:func:`nice_range` with the fewest ticks (from ``ticks``) that adds at most a third
    to the span: rounding outward to a coarse step can otherwise double a range."""
    candidates = [nice_range(low, high, t, pad=pad) for t in range(ticks, 2 * ticks + 1)]
    span = max(high - low, 1e-12)
    for r in candidates:
        if r[1] - r[0] <= 1.34 * span * (1 + 2 * pad):
            return r
    return min(candidates, key=lambda r: r[1] - r[0])


def view_x_range(w_range, starts) -> tuple[float, float]:
    """``w_range`` widened to hold every start."""
    return min(float(w_range[0]), *starts), max(float(w_range[1]), *starts)


def descent_view(curve: Curve, w_range, starts, ticks: int = 6, y_ticks: int = 4):
    """Axis ranges ``(x_range, y_range)`` (each ``(start, stop, step)``) that show ``curve``
    over ``w_range`` and every start.

    The y range is mathcore's feature range (every critical point, steep ends cut) and the
    starts' values; zero is included when that does not squash the curve (a bowl sitting
    far above zero keeps its shape).
    """
    x_range = _snug_range(*view_x_range(w_range, starts), ticks, pad=0.0)
    low, high = curve.feature_range(x_range[:2])
    values = [curve.value(s) for s in starts]
    low, high = min(low, *values), max(high, *values)
    span = max(high - low, 1e-12 * max(1.0, abs(high)))
    if low > 0 and low <= 0.5 * span:
        low = 0.0
    elif high < 0 and -high <= 0.5 * span:
        high = 0.0
    y_range = _snug_range(low, high, y_ticks, pad=0.05)
    return x_range, _keep_sign(y_range, (low, high))


def _keep_sign(y_range, span):
    """Do not pad a range below zero when every value is positive (nor above it when all are
    negative): the axis then lies on the lower (upper) edge, not in a strip of nothing."""
    start, stop, step = y_range
    if span[0] >= 0 > start:
        start = 0.0
    if span[1] <= 0 < stop:
        stop = 0.0
    return start, stop, step
