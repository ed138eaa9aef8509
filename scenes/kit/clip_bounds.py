"""The promise every accepted set of settings keeps: a clip of at most 3 minutes, no caption
held over 7 s.

Each setting has its own bounds, but a clip's length comes from all of them together (a long
title, narrow captions, slow animations, long holds). :func:`check_clip_bounds` runs the
lesson's dry run (:func:`scenes.kit.storyboard.dry_run`, no frame drawn) and refuses, with a
one-line ``ValueError`` naming the settings that make the clip long, a clip or a caption over
its limit. ``LessonMixin.validate`` calls it, so the course file check, ``lessons render`` and
``lessons storyboard`` refuse such settings before anything is rendered.

The dry run itself validates its scene; :func:`bounds_unchecked` marks the code that must not
start another dry run (the dry run, a scene's own build).
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from scenes.kit.pacing import LINE_WIDTH, MAX_SECONDS
from scenes.kit.settings import setting_of

__all__ = ["ClipTooLong", "MAX_CLIP_SECONDS", "bound_problems", "bounds_unchecked", "check_clip_bounds", "length_settings"]

#: The longest clip a lesson may make, in seconds.
MAX_CLIP_SECONDS = 180.0

_UNCHECKED: ContextVar[bool] = ContextVar("clip_bounds_unchecked", default=False)


class ClipTooLong(ValueError):
    """Settings that each fit their bounds but together make a clip or a caption too long."""


@contextmanager
def bounds_unchecked() -> Iterator[None]:
    """Within this block ``validate()`` checks settings without a dry run of the clip."""
    token = _UNCHECKED.set(True)
    try:
        yield
    finally:
        _UNCHECKED.reset(token)


def bound_problems(durations: Sequence[float], length: float) -> list[str]:
    """What breaks the promise: the clip's ``length`` and the longest of the captions'
    ``durations`` (seconds), against :data:`MAX_CLIP_SECONDS` and ``MAX_SECONDS``.

    >>> bound_problems([3.0, 20.4], 231.6)
    ['the clip would last 231.6 s (at most 180)', 'a caption would stay 20.4 s (at most 7)']
    >>> bound_problems([3.0, 6.9], 120.0)
    []
    """
    problems = []
    if length > MAX_CLIP_SECONDS + 1e-6:
        problems.append(f"the clip would last {length:.1f} s (at most {MAX_CLIP_SECONDS:g})")
    longest = max(durations, default=0.0)
    if longest > MAX_SECONDS + 1e-6:
        problems.append(f"a caption would stay {longest:.1f} s (at most {MAX_SECONDS:g})")
    return problems


def _set_here(cls: type) -> dict[str, Any]:
    """The settings ``cls`` itself changes from what it inherits (a course clip's params)."""
    parameters = cls.parameters()
    inherited: dict[str, Any] = {}
    for base in cls.__mro__[1:]:
        if hasattr(base, "parameters"):
            inherited = base.parameters()
            break
    return {
        name: value
        for name, (_, value) in parameters.items()
        if name in vars(cls) and (name not in inherited or inherited[name][1] != value)
    }


def _drives_length(cls: type, name: str) -> bool:
    """A setting in seconds, a count of things shown (each takes time), or one that adds or
    splits captions."""
    if name != "decimals" and _base_type(cls.parameters()[name][0]) is int:
        return True
    setting = setting_of(cls.parameters()[name][0])
    doc = setting.doc if setting is not None else ""
    return "second" in doc or name in {"title", "subtitle", "caption_width", "steps", "starts", "learning_rates"}


def _base_type(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def length_settings(cls: type, long_caption: bool = False) -> list[str]:
    """The settings to name when ``cls`` makes too long a clip (or, ``long_caption``, holds
    a caption too long): those set on ``cls`` that are times or make captions; else all set
    on it; else the scene's time settings."""
    here = _set_here(cls)
    if long_caption and here.get("caption_width", LINE_WIDTH) > LINE_WIDTH:  # wide captions read long
        return ["caption_width"] + [name for name in ("title", "subtitle") if name in here]
    driving = [name for name in here if _drives_length(cls, name)]
    return driving or list(here) or [name for name in cls.parameters() if _drives_length(cls, name)]


def check_clip_bounds(cls: type, dry_run: Callable[..., Any], force: bool = False) -> None:
    """Refuse ``cls``'s settings if its clip breaks the promise; see the module's text.

    ``dry_run`` is :func:`scenes.kit.storyboard.dry_run` (passed in: the storyboard imports
    this module). Skipped inside :func:`bounds_unchecked` and, unless ``force``, when ``cls``
    sets nothing of its own (a scene as written: the tests check each one with ``force``).

    Raises
    ------
    ClipTooLong
        One line: the scene, what is too long, and the settings that make it so.
    """
    here = _set_here(cls)
    if _UNCHECKED.get() or not (force or here):
        return
    key = (cls.__mro__[1], repr(sorted(here.items())))
    if key not in _VERDICTS:
        _VERDICTS[key] = _verdict(cls, dry_run)
    if _VERDICTS[key]:
        raise ClipTooLong(_VERDICTS[key])


#: Refusals (or "" for accepted) by (scene, settings set): a course checked twice runs once.
_VERDICTS: dict[tuple[type, str], str] = {}


def _verdict(cls: type, dry_run: Callable[..., Any]) -> str:
    with bounds_unchecked():
        board = dry_run(cls, check_layout=False)
    problems = bound_problems([beat.duration for beat in board.beats], board.duration)
    if not problems:
        return ""
    names = length_settings(cls, long_caption=board.duration <= MAX_CLIP_SECONDS + 1e-6)
    shown = ", ".join(f"{cls.__name__}.{name} = {_short(getattr(cls, name))}" for name in names)
    return f"{cls.__name__}: {' and '.join(problems)}; shorten {shown}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 24 else text[:21] + "..."
