"""The base of every lesson scene: configuration, title card, captions and fitted axes.

A lesson scene is configured by typed class attributes, never by ``__init__`` arguments
(the ``manim`` command builds scenes with no arguments), so a variant is a subclass::

    class CubicTangent(TangentSlope):
        function = "x**3 - 3*x"

The life of a scene: :meth:`LessonMixin.setup` checks the attributes and calls
:meth:`~LessonMixin.build`, where a scene creates its cast from what mathcore computes;
``construct()`` animates it. Captions are both drawn at the bottom of the frame and written
as subcaptions, which manim saves as the clip's ``.srt`` file.
"""

from __future__ import annotations

import textwrap
import typing
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from manim import DOWN, UP, Animation, FadeIn, FadeOut, Mobject, Scene, Text, VGroup, config

from mathcore import ExpressionError, parse_expression

from . import style
from .parts.fast3d import FastThreeDScene

__all__ = [
    "CurveFormula",
    "FieldFormula",
    "FormulaOf",
    "LessonMixin",
    "LessonScene",
    "LessonScene3D",
    "StillBackground",
    "caption_parts",
    "fit_width",
    "lower_first",
]


@dataclass(frozen=True)
class FormulaOf:
    """Marks a text attribute as a formula, in the variables named by another attribute."""

    variables_attribute: str


#: A formula in the one variable named by the scene's ``variable`` attribute.
CurveFormula = Annotated[str, FormulaOf("variable")]
#: A formula in the two variables named by the scene's ``variables`` attribute.
FieldFormula = Annotated[str, FormulaOf("variables")]


class OpacityRamp(Animation):
    """Fade a mobject's fill between two opacities in place.

    Unlike :class:`~manim.FadeIn`, it makes no copies of the mobject (copying a caption's
    glyphs several times per fade was the slowest part of rendering a lesson).
    """

    def __init__(self, mobject: Mobject, start: float, end: float, **kwargs):
        self.start, self.end = start, end
        super().__init__(mobject, **kwargs)

    def create_starting_mobject(self) -> Mobject:
        return Mobject()  # nothing to interpolate from: opacity is set directly

    def interpolate_mobject(self, alpha: float) -> None:
        t = self.rate_func(alpha)
        self.mobject.set_fill(opacity=self.start + (self.end - self.start) * t, family=True)


class LessonMixin:
    """What every lesson scene shares; mixed into :class:`~manim.Scene` or a 3-D scene.

    Class attributes
    ----------------
    title : str
        Shown on the title card at the start; empty for no card.
    subtitle : str
        A smaller line under the title.
    caption_width : int
        Characters per caption line before it wraps (two lines at most are intended).
    """

    title: ClassVar[str] = ""
    subtitle: ClassVar[str] = ""
    caption_width: ClassVar[int] = 64

    # -- configuration ----------------------------------------------------------------------
    @classmethod
    def parameters(cls) -> dict[str, tuple[Any, Any]]:
        """The configurable class attributes: name -> (type annotation, current value).

        Only attributes annotated in lesson classes count (not manim's own), so this is the
        list a course file may override.
        """
        found: dict[str, tuple[Any, Any]] = {}
        for klass in reversed(cls.__mro__):
            if not (isinstance(klass, type) and issubclass(klass, LessonMixin)):
                continue
            hints = typing.get_type_hints(klass, include_extras=True)
            for name in vars(klass).get("__annotations__", {}):
                if not name.startswith("_"):
                    found[name] = (_unwrap_classvar(hints[name]), getattr(cls, name))
        return found

    @classmethod
    def validate(cls) -> None:
        """Raise ``ValueError`` if the configuration cannot be rendered.

        Checks every formula attribute with mathcore's parser (in the variables its marker
        names). Scenes extend this with checks of their own (a start inside the domain...).
        """
        for name, (annotation, value) in cls.parameters().items():
            marker = _formula_marker(annotation)
            if marker is not None:
                variables = getattr(cls, marker.variables_attribute)
                try:
                    parse_expression(value, (variables,) if isinstance(variables, str) else tuple(variables))
                except ExpressionError as error:  # say which setting holds the formula
                    raise ExpressionError(error.text, f"{error.reason} (in {cls.__name__}.{name})") from None

    # -- life cycle -------------------------------------------------------------------------
    def setup(self) -> None:
        super().setup()
        self.camera.background_color = style.BACKGROUND
        self._caption_mobject: Mobject | None = None
        self._open_caption: tuple[str, float] | None = None
        self.build()

    def build(self) -> None:
        """Create the scene's cast (axes, graphs, readouts). Override in a scene."""

    def tear_down(self) -> None:
        self._close_caption()
        super().tear_down()

    # -- overridable hooks ----------------------------------------------------------------
    def pin(self, *mobjects: Mobject) -> None:
        """Keep ``mobjects`` fixed to the screen (a no-op in 2-D; 3-D scenes override)."""

    def make_title_card(self) -> VGroup:
        """The title (and subtitle) as a group centred on the frame."""
        title = Text(self.title, font=style.FONT, font_size=style.TITLE_SIZE, color=style.INK)
        group = VGroup(title)
        if self.subtitle:
            sub = Text(self.subtitle, font=style.FONT, font_size=style.CAPTION_SIZE, color=style.MUTED)
            group.add(sub.next_to(title, DOWN, buff=0.4))
        fit_width(group, config.frame_width - 1.0)
        return group.move_to([0, 0, 0])

    def make_caption(self, text: str) -> Mobject:
        """The on-screen caption for ``text``: wrapped, at the bottom edge."""
        wrapped = textwrap.fill(text, width=self.caption_width)
        caption = Text(wrapped, font=style.FONT, font_size=style.CAPTION_SIZE, color=style.INK, line_spacing=0.8)
        fit_width(caption, config.frame_width - 1.0)
        return caption.to_edge(DOWN, buff=0.25)

    # -- helpers for construct() ------------------------------------------------------------
    def play_title_card(self, hold: float = 1.5) -> None:
        """Show the title card, if the scene has a title, then clear it."""
        if not self.title:
            return
        card = self.make_title_card()
        self.pin(card)
        self.play(FadeIn(card, shift=0.3 * UP), run_time=0.8)
        self.caption(self.title if not self.subtitle else f"{self.title}: {self.subtitle}", run_time=0)
        self.wait(hold)
        self.play(FadeOut(card), run_time=0.6)

    def caption(self, text: str, run_time: float = 0.4) -> None:
        """Replace the caption with ``text`` on screen and in the subcaption track."""
        self._close_caption()
        new = self.make_caption(text)
        self.pin(new)
        old = self._caption_mobject
        if run_time > 0:
            new.set_fill(opacity=0)
            self.add(new)
            animations = [OpacityRamp(new, 0.0, 1.0)]
            if old is not None:
                animations.append(OpacityRamp(old, 1.0, 0.0, remover=True))
            self.play(*animations, run_time=run_time)
        else:
            if old is not None:
                self.remove(old)
            self.add(new)
        self._caption_mobject = new
        self._open_caption = (text, self.time)

    def clear_caption(self, run_time: float = 0.3) -> None:
        """Fade the caption out and end its subcaption."""
        self._close_caption()
        if self._caption_mobject is not None:
            self.play(OpacityRamp(self._caption_mobject, 1.0, 0.0, remover=True), run_time=run_time)
            self._caption_mobject = None

    @property
    def caption_top(self) -> float:
        """The y coordinate above which the scene's cast should stay clear of captions."""
        return -config.frame_height / 2 + 1.15

    def _close_caption(self) -> None:
        if self._open_caption is None:
            return
        text, start = self._open_caption
        self._open_caption = None
        duration = self.time - start
        if duration > 0:
            self.add_subcaption(text, duration=duration, offset=-duration)


class LessonScene(LessonMixin, Scene):
    """Base class of the 2-D lesson scenes."""


class LessonScene3D(LessonMixin, FastThreeDScene):
    """Base class of the 3-D lesson scenes: captions and titles stay fixed to the screen.

    Filmed by :class:`~scenes.parts.fast3d.FastThreeDCamera`, which draws everything a
    :class:`~manim.ThreeDCamera` draws and also the fast hillside mesh and shaded ball.
    """

    def pin(self, *mobjects: Mobject) -> None:
        # Mark only; the animation that introduces them adds them to the scene.
        self.camera.add_fixed_in_frame_mobjects(*mobjects)


class StillBackground:
    """Keep what changes last in the scene's list of mobjects.

    Mix in before the scene class (``class Lesson(StillBackground, LessonScene)``).

    Manim redraws, on each frame of an animation, every mobject from the first moving one
    to the end of the list, over a still image of the rest. Putting the old caption (or
    equation) at the end before it fades means only the captions are redrawn, not all
    that was added after them. Captions and equations overlap nothing, so drawing them
    last changes nothing on screen.
    """

    def to_end(self, *mobjects) -> None:
        """Move ``mobjects`` (those in the scene; None is skipped) to the end of the list."""
        present = [m for m in mobjects if m is not None and m in self.mobjects]
        if present:
            self.add(*present)

    def caption(self, text: str, run_time: float = 0.4) -> None:
        self.to_end(self._caption_mobject)
        super().caption(text, run_time)

    def clear_caption(self, run_time: float = 0.3) -> None:
        self.to_end(self._caption_mobject)
        super().clear_caption(run_time)


def caption_parts(text: str, width: int, lines: int = 2) -> list[str]:
    """Split ``text`` at a colon, semicolon or comma near its middle until every part wraps
    to at most ``lines`` lines of ``width`` characters (a mathcore message can be long)."""
    if len(textwrap.wrap(text, width)) <= lines:
        return [text]
    cuts = [i + 1 for i, c in enumerate(text[:-1]) if c in ":;," and text[i + 1] == " "]
    if not cuts:
        return [text]
    cut = min(cuts, key=lambda i: abs(i - len(text) / 2))
    return caption_parts(text[:cut], width, lines) + caption_parts(text[cut:].strip(), width, lines)


def fit_width(mobject: Mobject, width: float) -> Mobject:
    """Shrink ``mobject`` to ``width`` if it is wider (never enlarge it)."""
    if mobject.width > width:
        mobject.scale_to_fit_width(width)
    return mobject


def lower_first(text: str) -> str:
    """``text`` with its first letter in lower case, to continue a sentence."""
    return text[:1].lower() + text[1:]


def _unwrap_classvar(annotation: Any) -> Any:
    return typing.get_args(annotation)[0] if typing.get_origin(annotation) is ClassVar else annotation


def _formula_marker(annotation: Any) -> FormulaOf | None:
    if typing.get_origin(annotation) is Annotated:
        return next((m for m in annotation.__metadata__ if isinstance(m, FormulaOf)), None)
    return None
