"""The scenes a course may use, and the checking of a clip's parameters against them."""

from __future__ import annotations

import difflib
import importlib
import math
import reprlib
import types
import typing
from functools import cache
from typing import Annotated, Any

from scenes.kit.home import homes
from scenes.kit.lesson import LessonMixin
from scenes.catalog import LESSON, SCENE_MODULES

__all__ = ["ParameterError", "accepts_text", "coerce", "did_you_mean", "make_scene_class", "render_module", "scene_classes", "short_repr"]

#: Whole-number settings beyond this are refused (no lesson counts that far; a float holds it exactly).
LARGEST_INT = 2**53

_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxstring, _SHORT.maxlong, _SHORT.maxother = 3, 60, 40, 60


def short_repr(value: Any) -> str:
    """``repr(value)`` cut short for a one-line message (deeply nested or long values too)."""
    return _SHORT.repr(value)


def did_you_mean(name: Any, choices: Any) -> str:
    """``" (did you mean 'function'?)"`` for the choice closest to a mistyped ``name``, or "".

    >>> did_you_mean("fucntion", ["function", "x0"]), did_you_mean("tangentslope", ["TangentSlope"]), did_you_mean("zzz", ["x0"])
    (" (did you mean 'function'?)", " (did you mean 'TangentSlope'?)", '')
    """
    if not isinstance(name, str) or not name.strip():
        return ""
    choices = [c for c in choices if isinstance(c, str)]
    by_case = {c.casefold(): c for c in choices}
    close = [by_case[name.strip().casefold()]] if name.strip().casefold() in by_case else []
    close = close or [by_case[c] for c in difflib.get_close_matches(name.strip().casefold()[:100], list(by_case), n=1, cutoff=0.7)]
    return f" (did you mean {close[0]!r}?)" if close else ""


class ParameterError(ValueError):
    """A parameter value that does not fit its scene attribute."""


@cache
def scene_classes() -> dict[str, type]:
    """Every lesson scene class by name, from the modules of :mod:`scenes.catalog`."""
    found: dict[str, type] = {}
    for module_name in SCENE_MODULES:
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, LessonMixin)
                and (value.__module__ == module_name or module_name in homes(value))
                and not value.__name__.startswith("_")
            ):
                found[value.__name__] = value
    for entry in LESSON:
        if entry.scene not in found:
            raise RuntimeError(f"scenes.catalog lists {entry.scene}, which {entry.module} does not define")
    return found


def render_module(scene: str) -> str:
    """The module ``scene`` is rendered from (``scenes.derivative``): where the registry found
    it. Its class's ``__module__`` is where it was written (:mod:`scenes.kit.home`)."""
    cls = scene_classes()[scene]
    return next(name for name in SCENE_MODULES if cls.__module__ == name or name in homes(cls))


def make_scene_class(scene: type, params: dict[str, Any], name: str | None = None) -> type:
    """A subclass of ``scene`` with ``params`` as class attributes (already coerced)."""
    return types.new_class(name or scene.__name__, (scene,), exec_body=lambda ns: ns.update(params))


def coerce(value: Any, annotation: Any) -> Any:
    """``value`` (as read from TOML or a command line) converted to ``annotation``'s type.

    Raises :class:`ParameterError` naming the expected type.
    """
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if annotation is bool:
        if isinstance(value, bool):
            return value
        raise ParameterError(f"expected true or false, got {short_repr(value)}")
    if annotation is int:
        if isinstance(value, int) and not isinstance(value, bool):
            if abs(value) > LARGEST_INT:
                raise ParameterError(f"expected a whole number of at most {LARGEST_INT:,}, got {short_repr(value)}")
            return value
        raise ParameterError(f"expected a whole number, got {short_repr(value)}")
    if annotation is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            try:
                number = float(value)
            except OverflowError:
                number = math.inf
            if not math.isfinite(number):
                raise ParameterError(f"expected a finite number, got {short_repr(value)}")
            return number
        raise ParameterError(f"expected a number, got {short_repr(value)}")
    if annotation is str:
        if isinstance(value, str):
            return value
        raise ParameterError(f"expected text, got {short_repr(value)}")
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise ParameterError(f"expected a list, got {short_repr(value)}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(coerce(item, args[0]) for item in value)
        if len(value) != len(args):
            raise ParameterError(f"expected a list of {len(args)} items, got {len(value)}: {short_repr(value)}")
        return tuple(coerce(item, arg) for item, arg in zip(value, args))
    if origin in (typing.Union, types.UnionType):
        for option in args:
            if option is type(None) and value is None:
                return None
            try:
                return coerce(value, option)
            except ParameterError:
                continue
        raise ParameterError(f"expected {_describe(annotation)}, got {short_repr(value)}")
    raise ParameterError(f"this attribute cannot be set from a course file ({_describe(annotation)})")


def accepts_text(annotation: Any) -> bool:
    """Whether a setting of type ``annotation`` takes text (a formula, a title...)."""
    if typing.get_origin(annotation) is Annotated:
        annotation = typing.get_args(annotation)[0]
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return any(accepts_text(option) for option in typing.get_args(annotation))
    return annotation is str


def _describe(annotation: Any) -> str:
    return getattr(annotation, "__name__", None) or str(annotation).replace("typing.", "")
