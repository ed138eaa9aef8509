"""The promise every accepted set of settings keeps: a clip of at most 3 minutes, no caption
held over 7 s.

Each setting has its own bounds, but a clip's length comes from all of them together (a long
title, narrow captions, slow animations, long holds). :func:`check_clip_bounds` runs the
lesson's dry run (:func:`scenes.kit.storyboard.dry_run`, no frame drawn) and refuses, with a
one-line ``ValueError`` naming the settings that make the clip long, a clip or a caption over
its limit. ``LessonMixin.validate`` calls it, so the course file check, ``lessons render`` and
``lessons storyboard`` refuse such settings before anything is rendered.

A narrated clip is longer: each beat lasts at least as long as its speech, and a caption
whose speech would keep it up too long is shown in pieces. With a voice (the scene's
``narration``, or ``narration=`` given: the course's ``[narration]``), the dry run is narrated
by a :class:`~scenes.kit.voice.MuteNarrator`, which runs no voice and estimates each cue's
speech erring long (:func:`~scenes.kit.spoken_timing.speech_seconds`), or takes a recorded
cue's own length; the refusal names the voice's rate beside the settings.

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
from scenes.kit.voice import MuteNarrator, Narrator

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


def check_clip_bounds(cls: type, dry_run: Callable[..., Any], force: bool = False, narration: Any = None) -> None:
    """Refuse ``cls``'s settings if its clip breaks the promise; see the module's text.

    ``dry_run`` is :func:`scenes.kit.storyboard.dry_run` (passed in: the storyboard imports
    this module). ``narration`` is the voice the clip is spoken in (a voice name or a
    :class:`~scenes.kit.voice.Narrator`: its voice, rate and recordings); None takes the
    scene's own ``narration`` (None: silent). Skipped inside :func:`bounds_unchecked` and,
    unless ``force``, when ``cls`` sets nothing of its own and is not spoken slower than
    rate 1 or from recordings (a scene as written: the tests check each one with ``force``,
    silent and narrated).

    Raises
    ------
    ClipTooLong
        One line: the scene, what is too long, and the settings that make it so.
    """
    here = _set_here(cls)
    voice = _mute(narration if narration is not None else getattr(cls, "narration", None))
    slower = voice is not None and (voice.rate < 1 or bool(voice.recordings))
    if _UNCHECKED.get() or not (force or here or slower):
        return
    spoken = None if voice is None else (voice.voice, voice.rate, tuple(sorted(voice.recordings.items())))
    key = (cls.__mro__[1], repr(sorted(here.items())), spoken)
    if key not in _VERDICTS:
        _VERDICTS[key] = _verdict(cls, dry_run, voice)
    if _VERDICTS[key]:
        raise ClipTooLong(_VERDICTS[key])


def _mute(narration: Any) -> MuteNarrator | None:
    """The narrator of a dry run for ``narration`` (None: silent): same voice, rate and
    recordings, no voice run."""
    if narration is None or narration == "":
        return None
    if isinstance(narration, str):
        return MuteNarrator(narration)
    if isinstance(narration, Narrator):
        return MuteNarrator(narration.voice, narration.rate, dict(narration.recordings))
    raise TypeError(f"narration must be None, a voice name or a Narrator, got {narration!r}")


#: Refusals (or "" for accepted) by (scene, settings set, voice): a course checked twice runs once.
_VERDICTS: dict[tuple[type, str, Any], str] = {}


def _verdict(cls: type, dry_run: Callable[..., Any], voice: MuteNarrator | None = None) -> str:
    with bounds_unchecked():
        board = dry_run(cls, check_layout=False) if voice is None else dry_run(cls, check_layout=False, narration=voice)
    durations = [beat.duration for beat in board.beats]
    if voice is not None and board.duration <= MAX_CLIP_SECONDS + 1e-6 and max(durations, default=0.0) > MAX_SECONDS + 1e-6:
        # The clip's length is judged with speech estimated long (a clip's speech errs by a
        # tenth); one caption by the best estimate of its speech, since a cue varies more
        # than a clip and the kit already cut every caption it could with a wide margin.
        best = MuteNarrator(voice.voice, voice.rate, dict(voice.recordings), margin=1.0)
        with bounds_unchecked():
            durations = [beat.duration for beat in dry_run(cls, check_layout=False, narration=best).beats]
    problems = bound_problems(durations, board.duration)
    if not problems:
        return ""
    long_caption = board.duration <= MAX_CLIP_SECONDS + 1e-6
    names = length_settings(cls, long_caption=long_caption)
    if voice is not None and long_caption and "caption_width" not in names:
        names = []  # a caption held by its speech: only a faster voice shortens it
    shown = ", ".join(f"{cls.__name__}.{name} = {_short(getattr(cls, name))}" for name in names)
    if voice is None:
        return f"{cls.__name__}: {' and '.join(problems)}; shorten {shown}"
    spoken = f"narrated ({voice.voice} at rate {voice.rate:g}{', recorded cues' if voice.recordings else ''})"
    remedies = ([f"shorten {shown}"] if shown else []) + ([f"speak faster than rate {voice.rate:g}"] if voice.rate < 2 else [])
    return f"{cls.__name__}: {spoken}, {' and '.join(problems)}; {', or '.join(remedies) or 'shorten the captions'}"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 24 else text[:21] + "..."
