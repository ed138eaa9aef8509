"""Course files: a title and clips, each a lesson scene with parameters, read from TOML.

.. code-block:: toml

    title = "Calculus for deep learning"

    [[clips]]
    id = "cubic-tangent"
    title = "The slope of a cubic"
    scene = "TangentSlope"

    [clips.params]
    function = "x**3 - 3*x"

Everything is checked before anything renders: the TOML itself, the keys, unknown scenes
and parameters, the type of every value, every formula (through mathcore's parser) and
duplicate ids. A problem is reported as one :class:`CourseError` line naming the file, the
clip and the key.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from scenes.catalog import LESSON
from scenes.kit.settings import text_problem
from .files import read_regular_text
from .registry import ParameterError, coerce, did_you_mean, make_scene_class, scene_classes, short_repr

__all__ = ["Clip", "Course", "CourseError", "default_course", "load_course", "check_clip"]

_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}\Z")
_CLIP_KEYS = {"id", "title", "scene", "params", "theme"}
#: A course file larger than this is refused (a course of a thousand clips is about 200 kB).
SIZE_LIMIT = 1 << 20
#: The most clips a course may have (each is checked by a dry run of its scene before anything renders).
MAX_CLIPS = 1000
_TOP_KEYS = ("title", "theme", "clips", "narration")
#: The longest title of a course or a clip (a heading on the gallery page, one line of a listing).
MAX_TITLE = 200


class CourseError(ValueError):
    """A course file (or a command line) that cannot be built, in one line."""


@dataclass(frozen=True)
class Clip:
    """One clip of a course: a scene class with its parameter overrides."""

    id: str
    title: str
    scene: str
    params: dict[str, Any] = field(default_factory=dict)

    def scene_class(self) -> type:
        """The scene class with this clip's parameters applied."""
        return make_scene_class(scene_classes()[self.scene], self.params)


@dataclass(frozen=True)
class Course:
    title: str
    clips: tuple[Clip, ...]
    source: str  # the file it came from, for messages
    narration: Any = None  # a course.narration.Narration from [narration]; None: silent clips
    theme: str | None = None  # the course's look (scenes.kit.theme); a clip's own theme wins

    def themed(self) -> Course:
        """This course with its :attr:`theme` in the parameters of every clip that does not
        choose its own (a theme is a parameter, so it is part of each clip's input key)."""
        if self.theme is None:
            return self
        clips = tuple(c if "theme" in c.params else replace(c, params={**c.params, "theme": self.theme}) for c in self.clips)
        return replace(self, clips=clips)


def default_course() -> Course:
    """The lesson itself: every scene of :data:`scenes.catalog.LESSON`, in order."""
    clips = tuple(
        Clip(id=entry.module.rsplit(".", 1)[-1] + "-" + _kebab(entry.scene), title=entry.topic[:1].upper() + entry.topic[1:], scene=entry.scene)
        for entry in LESSON
    )
    from .narration import Narration

    return Course(title="The calculus behind deep learning", clips=clips, source="<default course>", narration=Narration())


def _kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z0-9])", "-", name).lower()


def load_course(path: str | Path) -> Course:
    """Read and fully check the course file at ``path``; raise :class:`CourseError`."""
    path = Path(path)
    where = str(path)
    try:
        data = tomllib.loads(read_regular_text(path, SIZE_LIMIT).removeprefix("\ufeff"))  # Notepad's UTF-8 mark
    except FileNotFoundError:
        raise CourseError(f"{where}: no such file") from None
    except OSError as error:  # a folder, device or FIFO; too large; no permission
        raise CourseError(f"{where}: cannot be read as a course file ({error.strerror or error})") from None
    except UnicodeDecodeError:
        raise CourseError(f"{where}: not UTF-8 text") from None
    except tomllib.TOMLDecodeError as error:
        raise CourseError(f"{where}: not valid TOML ({error})") from None
    except RecursionError:
        raise CourseError(f"{where}: not a course file (arrays or tables nested too deeply)") from None

    unknown = sorted(set(data) - set(_TOP_KEYS))
    if unknown:
        hint = did_you_mean(unknown[0], _TOP_KEYS)
        raise CourseError(f"{where}: unknown top-level key {short_repr(unknown[0])}{hint} (expected title, theme, [[clips]] and [narration])")
    title = _text(data.get("title"), f"{where}: key 'title'")
    raw_clips = data.get("clips")
    if not isinstance(raw_clips, list) or not raw_clips:
        raise CourseError(f"{where}: needs at least one [[clips]] table")
    if len(raw_clips) > MAX_CLIPS:
        raise CourseError(f"{where}: {len(raw_clips):,} [[clips]] tables; a course has at most {MAX_CLIPS:,} (split it into several courses)")

    # Every clip's keys, id, scene and parameter types first (fast), so a mistake in the last
    # clip is not found only after the scenes of all the others were dry-run.
    clips, seen = [], set()
    for number, raw in enumerate(raw_clips, start=1):
        clip, label = _read_clip(where, number, raw)
        if clip.id in seen:
            raise CourseError(f"{where}: clip {number}: key 'id': duplicate id {short_repr(clip.id)}")
        seen.add(clip.id)
        clips.append((_coerced(clip, label), label))
    narration = None
    if "narration" in data:
        from .narration import read_narration

        narration = read_narration(where, data["narration"], path.parent)
    theme = check_course_theme(data["theme"], f"{where}: key 'theme'") if "theme" in data else None
    clips = [_validated(clip, label) for clip, label in clips]  # then each scene's own checks (dry runs)
    return Course(title=title, clips=tuple(clips), source=where, narration=narration, theme=theme)


def check_course_theme(theme: Any, label: str) -> str:
    """``theme`` if it names a theme (:data:`scenes.kit.theme.THEMES`), else a one-line
    :class:`CourseError` starting with ``label``."""
    from scenes.kit.theme import THEMES

    if not isinstance(theme, str) or theme not in THEMES:
        raise CourseError(f"{label}: {short_repr(theme)} is not a theme (choose {' or '.join(THEMES)})")
    return theme


def _text(value: Any, label: str) -> str:
    """``value`` stripped if it is non-empty text on one line; else a :class:`CourseError`."""
    if not isinstance(value, str) or not value.strip():
        raise CourseError(f"{label} must be non-empty text, got {short_repr(value)}")
    problem = text_problem(value)
    if problem is not None:
        raise CourseError(f"{label} must be {problem}, got {short_repr(value)}")
    if len(value.strip()) > MAX_TITLE:
        raise CourseError(f"{label} must be at most {MAX_TITLE} characters, got {len(value.strip()):,}")
    return value.strip()


def _read_clip(where: str, number: int, raw: Any) -> tuple[Clip, str]:
    """The clip table ``raw`` read (keys, id, title, scene, theme), not yet checked against its scene."""
    label = f"{where}: clip {number}"
    if not isinstance(raw, dict):
        raise CourseError(f"{label}: must be a table")
    unknown = sorted(set(raw) - _CLIP_KEYS)
    if unknown:
        hint = did_you_mean(unknown[0], sorted(_CLIP_KEYS))
        raise CourseError(f"{label}: unknown key {short_repr(unknown[0])}{hint} (expected id, title, scene, theme, params)")
    for key in ("id", "title", "scene"):
        _text(raw.get(key), f"{label}: key {short_repr(key)}")
    clip_id = raw["id"]
    if not _ID.match(clip_id):
        raise CourseError(f"{label}: key 'id': {short_repr(clip_id)} must be 1-64 lowercase letters, digits, - or _ (it names files)")
    label = f"{where}: clip {short_repr(clip_id)}"
    params = raw.get("params", {})
    if not isinstance(params, dict):
        raise CourseError(f"{label}: key 'params' must be a table")
    params = dict(params)
    if "theme" in raw:  # the clip's own look: a parameter of its scene like any other
        if "theme" in params:
            raise CourseError(f"{label}: key 'theme': give the theme once (key 'theme' or 'params.theme')")
        params["theme"] = check_course_theme(raw["theme"], f"{label}: key 'theme'")
    clip = Clip(id=clip_id, title=raw["title"].strip(), scene=raw["scene"].strip(), params=params)
    return clip, label


def check_clip(clip: Clip, label: str) -> Clip:
    """Check ``clip`` against its scene; return it with coerced parameter values."""
    return _validated(_coerced(clip, label), label)


def unknown_scene(name: Any, label: str) -> CourseError:
    """The one-line error for a scene name the registry does not know (with the closest name)."""
    classes = sorted(scene_classes())
    return CourseError(f"{label}unknown scene {short_repr(name)}{did_you_mean(name, classes)} (known: {', '.join(classes)})")


def _coerced(clip: Clip, label: str) -> Clip:
    """``clip`` with its scene known and every parameter known and of its type (no dry run yet)."""
    scene = scene_classes().get(clip.scene)
    if scene is None:
        raise unknown_scene(clip.scene, f"{label}: key 'scene': ")
    allowed = scene.parameters()
    coerced = {}
    for key, value in clip.params.items():
        if key not in allowed:
            hint = did_you_mean(key, allowed)
            raise CourseError(f"{label}: key {short_repr('params.' + key)}: {clip.scene} has no parameter {short_repr(key)}{hint} (it has: {', '.join(sorted(allowed))})")
        try:
            coerced[key] = coerce(value, allowed[key][0])
        except ParameterError as error:
            raise CourseError(f"{label}: key {short_repr('params.' + key)}: {error}") from None
    return Clip(id=clip.id, title=clip.title, scene=clip.scene, params=coerced)


def _validated(checked: Clip, label: str) -> Clip:
    """``checked`` (coerced) after its scene's own checks and dry run (``validate``)."""
    scene_class = checked.scene_class()
    try:
        scene_class.validate()
    except (ValueError, ArithmeticError) as error:  # ExpressionError and DomainError are ValueErrors
        keys = _keys_named(error, scene_class.parameters(), scene_class.__name__)
        named = ", ".join(f"'params.{key}'" for key in keys)
        prefix = f"key {named}: " if len(keys) == 1 else f"keys {named}: " if keys else ""
        raise CourseError(f"{label}: {prefix}{error}") from None
    return checked


def _keys_named(error: Exception, parameters: dict[str, tuple[Any, Any]], scene: str) -> list[str]:
    """The settings an error from ``validate`` is about, in the scene's order.

    A setting counts when the message names it (``TangentSlope.x0``), when it is the formula
    an :class:`~mathcore.ExpressionError` quotes, when its formula is shown as ``= <formula>``,
    or when its pair of numbers is shown as ``[low, high]``.
    """
    message, text = str(error), getattr(error, "text", None)
    named = set(re.findall(rf"\b{re.escape(scene)}\.(\w+)", message))
    found = []
    for key, (_, value) in parameters.items():
        if key in named or (text is not None and value == text):
            found.append(key)
        elif isinstance(value, str) and len(value) > 1 and f"= {value}" in message:
            found.append(key)
        elif isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
            if f"[{value[0]:g}, {value[1]:g}]" in message:
                found.append(key)
    return found
