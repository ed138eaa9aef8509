"""A lesson scene's settings: the class attributes it declares, their docs, their checks.

A setting is a class attribute annotated with a :class:`~scenes.kit.settings.Setting`
(its doc and bounds); a formula setting is also marked with :class:`FormulaOf` (the
attribute that names its variables). :class:`scenes.kit.lesson.LessonMixin` answers
``parameters()`` and ``validate()`` with the functions here, so a course file, the
``lessons`` command and the docs all read one list.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from mathcore import ExpressionError, parse_expression

from scenes.kit.settings import check_value, describe, setting_of
from scenes.kit.theme import check_theme

__all__ = ["CurveFormula", "FieldFormula", "FormulaOf", "check_settings", "declared_parameters", "settings_doc"]


@dataclass(frozen=True)
class FormulaOf:
    """Marks a text attribute as a formula, in the variables named by another attribute."""

    variables_attribute: str


#: A formula in the one variable named by the scene's ``variable`` attribute.
CurveFormula = Annotated[str, FormulaOf("variable")]
#: A formula in the two variables named by the scene's ``variables`` attribute.
FieldFormula = Annotated[str, FormulaOf("variables")]


def settings_doc(cls: type) -> str:
    """The "Settings" section of a scene's docstring, from its declared settings."""
    lines = ["Settings", "--------"]
    for name, (annotation, value) in cls.parameters().items():
        setting = setting_of(annotation)
        doc = setting.doc if setting is not None else ""
        bounds = setting.bounds_text() if setting is not None else ""
        lines.append(f"{name} : {describe(annotation)} = {value!r}")
        lines.append(f"    {doc}{f' ({bounds})' if bounds else ''}")
    return "\n".join(lines)


def declared_parameters(cls: type, base: type) -> dict[str, tuple[Any, Any]]:
    """The settings of scene class ``cls``: name -> (type annotation, current value).

    Only attributes annotated in subclasses of ``base`` (the lesson mixin) count, not
    manim's own, from the most basic class to ``cls`` (a subclass's declaration wins).
    """
    found: dict[str, tuple[Any, Any]] = {}
    for klass in reversed(cls.__mro__):
        if not (isinstance(klass, type) and issubclass(klass, base)):
            continue
        for name, hint in _own_hints(klass).items():
            if not name.startswith("_"):
                found[name] = (_unwrap_classvar(hint), getattr(cls, name))
    return found


def check_settings(cls: type) -> None:
    """Each setting of ``cls`` on its own: its declared type and bounds, the theme, and every
    formula through mathcore's parser. Raises ``ValueError`` naming the class and the
    attribute (an :class:`~mathcore.ExpressionError` for a formula)."""
    name = cls.__name__
    for key, (annotation, value) in cls.parameters().items():
        check_value(f"{name}.{key}", annotation, value)
    check_theme(cls.theme, f"{name}.theme")
    for key, (annotation, value) in cls.parameters().items():
        marker = _formula_marker(annotation)
        if marker is not None:
            variables = getattr(cls, marker.variables_attribute)
            try:
                parse_expression(value, (variables,) if isinstance(variables, str) else tuple(variables))
            except ExpressionError as error:  # say which setting holds the formula
                raise ExpressionError(error.text, f"{error.reason} (in {name}.{key})") from None


def _own_hints(klass: type) -> dict[str, Any]:
    """The annotations ``klass`` itself declares, resolved in the module it was written in."""
    annotations = vars(klass).get("__annotations__", {})
    home = vars(klass).get("_written_in", klass.__module__)
    holder = type(klass.__name__, (), {"__annotations__": annotations, "__module__": home})
    return typing.get_type_hints(holder, localns=dict(vars(klass)), include_extras=True)


def _unwrap_classvar(annotation: Any) -> Any:
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is ClassVar else annotation


def _formula_marker(annotation: Any) -> FormulaOf | None:
    if typing.get_origin(annotation) is Annotated:
        return next((m for m in annotation.__metadata__ if isinstance(m, FormulaOf)), None)
    return None
