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

import typing
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar

from manim import DEFAULT_WAIT_TIME, DOWN, FadeIn, FadeOut, LEFT, Mobject, Scene, Text, ThreeDScene, UP, VGroup, config

from mathcore import ExpressionError, parse_expression

from scenes.kit import style
from scenes.kit.beats import NO_FACTS, BeatRecord, Line, require_facts, said_for
from scenes.kit.caption_band import CaptionFade, caption_swap, make_caption_group, set_caption_opacity
from scenes.kit.caption_limit import TimedCaptionFade, caption_fade_at, planned_run_time
from scenes.kit.clip_bounds import bounds_unchecked, check_clip_bounds
from scenes.kit.storyboard import dry_run
from scenes.kit.layout import ZONES, Zones
from scenes.kit.pacing import LINE_WIDTH, MAX_SECONDS, reading_time, split_caption
from scenes.kit.picture import Named, collect_picture
from scenes.parts.hill3d.fast3d import FastThreeDCamera
from scenes.kit.settings import Setting, check_value, describe, setting_of
from scenes.kit.spoken import narrated_parts, spoken_of, split_spoken, title_spoken
from scenes.kit.tex_cache import install as _install_safe_caches
from scenes.kit.theme import THEMES, check_theme, use_theme
from scenes.kit.voice import Narrator, Utterance

_install_safe_caches()  # TeX and Text caches shared by processes hand out whole files only

__all__ = [
    "CurveFormula",
    "FieldFormula",
    "FormulaOf",
    "LessonMixin",
    "LessonScene",
    "LessonScene3D",
    "caption_parts",
    "settings_doc",
    "fit_in_band",
    "fit_width",
    "lower_first",
    "rendered_from",
]


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


class LessonMixin:
    """What every lesson scene shares; mixed into :class:`~manim.Scene` or a 3-D scene.

    Captions follow one reading policy (:mod:`scenes.kit.pacing`): :meth:`caption` splits a long
    thought into parts of two lines, and no caption is replaced (or cleared) before it has
    been up for its reading time; the scene waits if the animations were shorter. Each
    caption is recorded as a beat (:class:`~scenes.kit.beats.BeatRecord`) with the facts it was
    written from, and written to the subtitle track.
    """

    title: ClassVar[Annotated[str, Setting("shown on the title card at the start; empty for no card", max_length=60)]] = ""
    subtitle: ClassVar[Annotated[str, Setting("a smaller line under the title", max_length=90)]] = ""
    caption_width: ClassVar[Annotated[int, Setting("characters per caption line (two lines at most)", low=24, high=60)]] = LINE_WIDTH
    theme: ClassVar[Annotated[str, Setting("colours for a dark background (dark) or a white one (light)", max_length=12)]] = THEMES[0]

    #: Keep captions last in the scene's list of mobjects (see :meth:`to_end`): a 2-D lesson
    #: whose cast is large and still sets it, so a caption swap redraws only the captions.
    captions_last = False  # not a setting (no annotation): lessons list and course files do not see it

    #: Refuse (``TypeError``) a caption or title card shown without facts: no beat without
    #: facts (NO_FACTS for a line that claims nothing). A sketch that is not a lesson may turn
    #: it off; its bare captions then get NO_FACTS and ``facts_given`` False.
    facts_required = True  # not a setting (no annotation)

    #: The voice that speaks each caption (:mod:`scenes.kit.voice`): None for a silent clip,
    #: a voice name ("piper", "espeak-ng:en-us") or a :class:`~scenes.kit.voice.Narrator`
    #: (the course build sets one, with its rate and recordings). With a voice, each beat lasts
    #: at least as long as its speech, and the speech of each cue is in :attr:`spoken_cues`.
    narration = None  # not a setting (no annotation): the course file's [narration] sets it

    #: Called with (scene, beat record) at the end of every beat; tests and storyboards set it.
    beat_hook = None  # type: Callable[[Any, BeatRecord], None] | None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        doc = cls.__dict__.get("__doc__")
        if cls.__module__ != __name__ and doc and "Settings\n" not in doc and "Class attributes" not in doc:
            try:
                cls.__doc__ = doc.rstrip() + "\n\n" + settings_doc(cls)
            except NameError:  # an annotation not resolvable yet: leave the docstring alone
                pass

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
            hints = _own_hints(klass)
            for name, hint in hints.items():
                if not name.startswith("_"):
                    found[name] = (_unwrap_classvar(hint), getattr(cls, name))
        return found

    @classmethod
    def validate(cls) -> None:
        """Raise ``ValueError`` (naming the class and the attribute) if a setting cannot be
        rendered: every setting against its declared type and bounds
        (:class:`~scenes.kit.settings.Setting`), every formula through mathcore's parser, the
        scene's own :meth:`check`, then the settings together: a dry run of the clip must
        last at most 3 minutes and hold no caption over 7 s
        (:func:`~scenes.kit.clip_bounds.check_clip_bounds`; not inside a dry run or a build).
        """
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
        cls.check()
        check_clip_bounds(cls, dry_run)

    @classmethod
    def check(cls) -> None:
        """Checks that involve several settings or the function (a start inside the range,
        a bounded amount of work). Scenes override; raise ``ValueError`` naming the setting."""

    # -- life cycle -------------------------------------------------------------------------
    def setup(self) -> None:
        super().setup()
        use_theme(check_theme(self.theme, f"{type(self).__name__}.theme"))  # the palette, before anything is drawn
        self.camera.background_color = style.BACKGROUND
        self._caption_mobject: Mobject | None = None
        self._open_beat: BeatRecord | None = None
        self.beats: list[BeatRecord] = []
        self._named: dict[str, Named] = {}
        self._narrator = _narrator_of(self.narration)
        self.spoken_cues: list[SpokenCue] = []  # (cue number, start, utterance) of each spoken caption
        self._speech_until = 0.0  # the clip's time when the last speech (and its pause) ends
        with bounds_unchecked():  # a build that validates must not start a dry run of itself
            self.build()

    def build(self) -> None:
        """Create the scene's cast (axes, graphs, readouts). Override in a scene."""

    def tear_down(self) -> None:
        if self._open_beat is not None:
            self._hold_for_reading()
        self._close_caption(self.time)
        super().tear_down()

    def render(self, *args: Any, **kwargs: Any) -> Any:
        """Render (manim's ``render``); the palette returns to the default theme afterwards,
        even when the scene fails, so the next scene (or test) in this process starts from it."""
        try:
            return super().render(*args, **kwargs)
        finally:
            use_theme(THEMES[0])

    # -- overridable hooks ----------------------------------------------------------------
    def pin(self, *mobjects: Mobject) -> None:
        """Keep ``mobjects`` fixed to the screen (a no-op in 2-D; 3-D scenes override)."""

    def make_title_card(self) -> VGroup:
        """The title (and subtitle) as a group centred on the frame (plain text: manimpango
        refuses a :class:`~scenes.kit.spoken.Said`, the str that carries a spoken form)."""
        title = Text(str(self.title), font=style.FONT, font_size=style.TITLE_SIZE, color=style.INK)
        group = VGroup(title)
        if self.subtitle:
            sub = Text(str(self.subtitle), font=style.FONT, font_size=style.CAPTION_SIZE, color=style.MUTED)
            group.add(sub.next_to(title, DOWN, buff=0.4))
        fit_width(group, config.frame_width - 1.0)
        return group.move_to([0, 0.4, 0])

    def make_caption(self, text: str) -> VGroup:
        """The on-screen caption for ``text``: wrapped, on its plate, in the caption band."""
        return make_caption_group(text, self.caption_width)

    # -- helpers for construct() ------------------------------------------------------------
    def play_title_card(self, hold: float = 0.0, facts: Any = None) -> None:
        """Show the title card, if the scene has a title, held for reading, then clear it.

        ``facts`` back the title when it makes a claim ("A walk that diverges"); NO_FACTS
        when it claims nothing. Its beat belongs to the part begun before it, else to the
        first part the lesson begins."""
        if not self.title:
            return
        words = self.title if not self.subtitle else f"{self.title}: {self.subtitle}"
        given = facts is not None
        facts = self._facts_for(words, facts)  # refused before anything is drawn
        card = self.make_title_card()
        self.pin(card)
        self.play(FadeIn(card, shift=0.3 * UP), run_time=0.8)
        self._caption_line(words, 0, facts, given, title_spoken(self.title, self.subtitle))
        self._hold_for_reading(extra=hold)
        self.play(FadeOut(card), run_time=0.6)

    def caption(self, text: str | Line, run_time: float = 0.4, facts: Any = None) -> None:
        """Show ``text`` (a :class:`~scenes.kit.beats.Line`, or text with its ``facts``) as
        the caption, on screen and in the subtitle track.

        The caption up now is first held for its reading time. A ``text`` longer than two
        lines is shown in parts (:func:`~scenes.kit.pacing.split_caption`), each but the last
        held for its reading time here; the last stays up while the scene animates and is
        held as needed before the next caption. ``facts`` is the record the caption was
        written from (checked by the tests against what the caption claims); without it the
        caption is refused when :attr:`facts_required` is on.
        """
        if isinstance(text, Line):
            if facts is not None and facts is not text.facts:
                raise TypeError(f"caption {text.text!r}: a Line carries its facts; do not pass facts too")
            self._caption_line(text.text, run_time, text.facts, True, text.spoken)
            return
        given = facts is not None
        self._caption_line(text, run_time, self._facts_for(text, facts), given, spoken_of(text))

    def beat(self, line: Line, *animations: Any, run_time: float | None = None, part: str | None = None) -> None:
        """One beat: begin ``part`` (if given), show ``line``, play ``animations`` (for
        ``run_time`` seconds, or their own), then hold until the line has been read.

        The kit decides how long the beat stays: the longer of the line's reading time and
        the animations (a caption never outstays its longest time, :meth:`play`)."""
        if part is not None:
            self.begin_part(part)
        self.caption(line)
        if animations:
            self.play(*animations, **({} if run_time is None else {"run_time": run_time}))
        self.hold()

    def begin_part(self, name: str) -> None:
        """Begin a part of the lesson (a chapter): every beat from now on records ``name``
        as its part. Beats shown before the first part (the title card) join it."""
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{type(self).__name__}: a part needs a name, got {name!r}")
        if getattr(self, "_part", None) is None:
            for beat in self.beats:
                beat.part = name if beat.part is None else beat.part
        self._part = name

    def _facts_for(self, text: str, facts: Any) -> Any:
        """``facts``; when none were given, NO_FACTS, or a ``TypeError`` if facts are required."""
        if facts is None and self.facts_required:
            require_facts(text, facts)
        return NO_FACTS if facts is None else facts

    def _caption_line(self, text: str, run_time: float, facts: Any, given: bool, spoken: str | None = None) -> None:
        parts = split_caption(text, self.caption_width)
        spoken_parts = split_spoken(text, spoken, parts)  # a part on screen is spoken alone
        if self._narrator is not None:  # and is no longer up than a silent caption
            longest = MAX_SECONDS - SPEECH_PAUSE
            parts, spoken_parts = narrated_parts(text, spoken, parts, longest, self.caption_width, self._narrator.rate)
        for index, part in enumerate(parts):
            self._show_caption(part, run_time, facts, given, spoken_parts[index])
            if index < len(parts) - 1:
                self._hold_for_reading()

    def hold(self, extra: float = 0.0) -> None:
        """Wait until the caption up now has been read (plus ``extra`` seconds)."""
        LessonMixin._hold_for_reading(self, extra)

    def _hold_for_reading(self, extra: float = 0.0) -> None:
        # The base's own calls use this name, so a scene may define a ``hold`` of its own.
        beat = self._open_beat
        remaining = max(extra, self._speech_until - self.time)
        if beat is not None:
            remaining = max(remaining, reading_time(beat.text) - (self.time - beat.start))
        if remaining >= 1 / config.frame_rate:  # less than a frame cannot be shown
            self.wait(remaining)

    def clear_caption(self, run_time: float = 0.3) -> None:
        """Fade the caption out (after its reading time) and end its subtitle."""
        if self._caption_mobject is None:
            return
        if self.captions_last:
            self.to_end(self._caption_mobject)
        self._hold_for_reading()
        self._close_caption(self.time)
        old, self._caption_mobject = self._caption_mobject, None
        self.play(CaptionFade(old, 1.0, 0.0, remover=True), run_time=run_time)

    @property
    def caption_top(self) -> float:
        """The y coordinate above which the scene's cast must stay (the caption band's top)."""
        return ZONES.caption.top

    @property
    def zones(self) -> Zones:
        """The frame's zones (see :mod:`scenes.kit.layout`)."""
        return ZONES

    def name_in_picture(
        self, name: str, mobject: Mobject, coords: Callable[[], Any] | None = None, says: Callable[[], str | None] | str | None = None
    ) -> Mobject:
        """Name ``mobject`` in the facts of the picture recorded at each beat's end
        (:class:`~scenes.kit.picture.PictureFacts`): whether it is visible, and where it is.

        ``coords`` reads its place in the lesson's coordinates (``lambda: self.axes.p2c(
        ball.get_center())``); without it the place is the object's centre in scene units.
        ``says`` is the one number a still text shows, as written (``"1.50"``), for a number
        drawn as ``MathTex`` rather than by a readout: it is checked against the captions as
        a readout named ``name`` is. A caption whose facts list ``name`` in ``visible`` must
        show it. Naming again replaces the earlier object. Returns ``mobject``.
        """
        self._named[name] = Named(name, mobject, coords, says)
        return mobject

    def to_end(self, *mobjects: Mobject | None) -> None:
        """Move ``mobjects`` (those in the scene; None is skipped) to the end of its list.

        Manim redraws, on each frame of an animation, every mobject from the first moving
        one to the end of the list, over a still image of the rest. Putting the old caption
        (or an equation) at the end before it changes means only it is redrawn, not all that
        was added after it. Captions and equations overlap nothing, so drawing them last
        changes nothing on screen.
        """
        present = [m for m in mobjects if m is not None and m in self.mobjects]
        if present:
            self.add(*present)

    # -- caption mechanics --------------------------------------------------------------------
    def _show_caption(self, text: str, run_time: float, facts: Any, given: bool = True, spoken: str | None = None) -> None:
        if self.captions_last:
            self.to_end(self._caption_mobject)
        self._hold_for_reading()
        new = self.make_caption(text)
        self.pin(new)
        old = self._caption_mobject
        swap = max(run_time, 0.0)
        begin = self.time
        # The old caption is gone, and the new one starts, half way through the swap: one
        # number for both, so a beat ends exactly where the next one starts.
        start = begin + swap / 2 if old is not None else begin
        self._close_caption(start)
        if swap > 0:
            set_caption_opacity(new, 0.0)
            self.add(new)
            self.play(*caption_swap(old, new), run_time=swap)
        else:
            if old is not None:
                self.remove(old)
            self.add(new)
        self._caption_mobject = new
        self._open_beat = BeatRecord(text, facts, start, part=getattr(self, "_part", None), facts_given=given, spoken=spoken)
        self._open_beat.picture_before = collect_picture(self.mobjects, self._named.values())
        self.beats.append(self._open_beat)
        self._speak(len(self.beats), said_for(text, spoken), start)  # the text converted only as a last resort

    def _speak(self, number: int, words: str, start: float) -> None:
        """Cue ``number`` is spoken from ``start``: the next cue waits for its speech."""
        if self._narrator is None:
            return
        utterance = self._narrator.speak(number, words)
        if utterance is not None:
            self.spoken_cues.append(SpokenCue(number, start, utterance))
            self._speech_until = start + utterance.seconds + SPEECH_PAUSE

    def _beat_seconds(self, beat: BeatRecord) -> float:
        """How long ``beat`` must stay: its reading time, or its speech when that is longer."""
        return max(reading_time(beat.text), self._speech_until - beat.start)

    def _close_caption(self, end: float) -> None:
        beat, self._open_beat = self._open_beat, None
        if beat is None:
            return
        beat.end = max(end, beat.start)
        beat.picture = collect_picture(self.mobjects, self._named.values())
        if self.beat_hook is not None:
            self.beat_hook(self, beat)
        if beat.duration > 0:
            self.add_subcaption(beat.text, duration=beat.duration, offset=beat.start - self.time)

    def play(self, *animations: Any, **kwargs: Any) -> None:
        """Play; a caption that one long animation would keep up past its longest time (7 s)
        fades out during it, and its beat and subtitle end there
        (:func:`~scenes.kit.caption_limit.caption_fade_at`)."""
        beat, caption = self._open_beat, self._caption_mobject
        run_time = planned_run_time(animations, kwargs)
        at = None
        if beat is not None and caption is not None:
            at = caption_fade_at(self.time - beat.start, self._beat_seconds(beat), run_time)
        if at is None:
            super().play(*animations, **kwargs)
            return
        begin = self.time
        self.add(caption)  # drawn last (it overlaps nothing): only it is redrawn as it fades
        super().play(*animations, TimedCaptionFade(caption, at, run_time, run_time=run_time), **kwargs)
        self._close_caption(begin + at)
        self._caption_mobject = None

    def wait(self, duration: float = DEFAULT_WAIT_TIME, *args: Any, **kwargs: Any) -> None:
        """Wait; a caption that would stay longer than it may (7 s) is cleared on the way."""
        beat = self._open_beat
        if beat is not None and duration > 0:
            left = MAX_SECONDS - (self.time - beat.start) - 0.3
            if 0 < left < duration and left >= self._beat_seconds(beat) - (self.time - beat.start):
                super().wait(left, *args, **kwargs)
                self.clear_caption()
                duration -= left + 0.3
                if duration <= 1e-3:
                    return
        super().wait(duration, *args, **kwargs)


@dataclass(frozen=True)
class SpokenCue:
    """A caption's speech in a narrated clip: cue ``number`` (1, 2, ...), spoken from ``start``."""

    number: int
    start: float
    utterance: Utterance


#: Silence after a cue's speech before the next cue may start, in seconds.
SPEECH_PAUSE = 0.25


def _narrator_of(narration: Any) -> Narrator | None:
    if narration is None or narration == "":
        return None
    if isinstance(narration, Narrator):
        return narration
    if isinstance(narration, str):
        return Narrator(narration)
    raise TypeError(f"narration must be None, a voice name or a Narrator, got {narration!r}")


class LessonScene(LessonMixin, Scene):
    """Base class of the 2-D lesson scenes."""


class LessonScene3D(LessonMixin, ThreeDScene):
    """Base class of the 3-D lesson scenes: captions and titles stay fixed to the screen.

    Filmed by :class:`~scenes.parts.hill3d.fast3d.FastThreeDCamera`, which draws everything a
    :class:`~manim.ThreeDCamera` draws and also the fast hillside mesh and shaded ball.
    """

    def __init__(self, camera_class: type = FastThreeDCamera, **kwargs: Any):
        super().__init__(camera_class=camera_class, **kwargs)

    def pin(self, *mobjects: Mobject) -> None:
        # Mark only; the animation that introduces them adds them to the scene.
        self.camera.add_fixed_in_frame_mobjects(*mobjects)


def caption_parts(text: str, width: int = LINE_WIDTH, lines: int = 2) -> list[str]:
    """``text`` split into captions of at most ``lines`` lines (see :func:`scenes.kit.pacing.split_caption`)."""
    return split_caption(text, width, lines)


def fit_width(mobject: Mobject, width: float) -> Mobject:
    """Shrink ``mobject`` to ``width`` if it is wider (never enlarge it)."""
    if mobject.width > width:
        mobject.scale_to_fit_width(width)
    return mobject


def fit_in_band(mobject: Mobject, band: Any) -> Mobject:
    """``mobject`` (a formula) shrunk to fit the ``band`` (a :class:`~scenes.kit.layout.Box`,
    e.g. the title band) and put at its left, centred in its height."""
    fit_width(mobject, band.width - 0.4)
    if mobject.height > band.height - 0.1:
        mobject.scale_to_fit_height(band.height - 0.1)
    return mobject.move_to([band.left + 0.2, (band.top + band.bottom) / 2, 0], aligned_edge=LEFT)


def lower_first(text: str) -> str:
    """``text`` with its first letter in lower case, to continue a sentence."""
    return text[:1].lower() + text[1:]


def rendered_from(module: str) -> Callable[[type], type]:
    """Class decorator: the scene is rendered from, and imported from, ``module``.

    A lesson is written in ``scenes/lessons/<topic>/scene.py`` and rendered with
    ``manim scenes/<topic>.py Scene``; manim (and the course) take only the scene classes
    whose ``__module__`` is the file they load, so the class names that file as its home
    (as numpy names ``numpy`` as the home of its functions).
    """

    def mark(cls: type) -> type:
        cls._written_in = cls.__module__
        cls.__module__ = module
        return cls

    return mark


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
