"""The scenes a course may use, and the checking of a clip's parameters against them."""

from __future__ import annotations

import importlib
import types
import typing
from functools import cache
from typing import Annotated, Any

from scenes.base import LessonMixin
from scenes.catalog import LESSON, SCENE_MODULES

__all__ = ["ParameterError", "coerce", "make_scene_class", "scene_classes"]


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
                and value.__module__ == module_name
                and not value.__name__.startswith("_")
            ):
                found[value.__name__] = value
    for entry in LESSON:
        if entry.scene not in found:
            raise RuntimeError(f"scenes.catalog lists {entry.scene}, which {entry.module} does not define")
    return found


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
        raise ParameterError(f"expected true or false, got {value!r}")
    if annotation is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ParameterError(f"expected a whole number, got {value!r}")
    if annotation is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise ParameterError(f"expected a number, got {value!r}")
    if annotation is str:
        if isinstance(value, str):
            return value
        raise ParameterError(f"expected text, got {value!r}")
    if origin is tuple:
        if not isinstance(value, (list, tuple)):
            raise ParameterError(f"expected a list, got {value!r}")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(coerce(item, args[0]) for item in value)
        if len(value) != len(args):
            raise ParameterError(f"expected a list of {len(args)} items, got {len(value)}: {value!r}")
        return tuple(coerce(item, arg) for item, arg in zip(value, args))
    if origin in (typing.Union, types.UnionType):
        for option in args:
            if option is type(None) and value is None:
                return None
            try:
                return coerce(value, option)
            except ParameterError:
                continue
        raise ParameterError(f"expected {_describe(annotation)}, got {value!r}")
    raise ParameterError(f"this attribute cannot be set from a course file ({_describe(annotation)})")


def _describe(annotation: Any) -> str:
    return getattr(annotation, "__name__", None) or str(annotation).replace("typing.", "")
