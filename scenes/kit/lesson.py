"""The base of every lesson scene: configuration, title card, beats and captions.

A lesson scene is configured by typed class attributes, never by ``__init__`` arguments
(the ``manim`` command builds scenes with no arguments), so a variant is a subclass::

    class CubicTangent(TangentSlope):
        function = "x**3 - 3*x"

The life of a scene: :meth:`LessonMixin.setup` checks the attributes and calls
:meth:`~LessonMixin.build`, where a scene creates its cast from what mathcore computes;
``construct()`` plays it beat by beat (:meth:`~LessonMixin.beat`). Captions are both drawn at
the bottom of the frame and written as subcaptions, which manim saves as the clip's ``.srt``.

:class:`LessonMixin` is the one class lessons build on; what it does is written in smaller
modules it calls: :mod:`scenes.kit.scene_settings` (declared settings and their checks),
:mod:`scenes.kit.caption_flow` (captions shown, held, ended as beats, never up past 7 s),
:mod:`scenes.kit.narration_cues` (the speech of each caption), :mod:`scenes.kit.beat_steps`
(a beat's plays), :mod:`scenes.kit.title_card` and :mod:`scenes.kit.scene_helpers` (fitting,
the render home). Their public names are importable from here too.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, ClassVar

from manim import DEFAULT_WAIT_TIME, Mobject, Scene, ThreeDScene, VGroup

from scenes.kit import caption_flow, style, title_card
from scenes.kit.beat_steps import Play, plays_of
from scenes.kit.beats import BeatRecord, Line
from scenes.kit.caption_band import make_caption_group
from scenes.kit.clip_bounds import bounds_unchecked, check_clip_bounds
from scenes.kit.layout import ZONES, Zones
from scenes.kit.narration_cues import SPEECH_PAUSE, SpokenCue, narrator_of
from scenes.kit.pacing import LINE_WIDTH
from scenes.kit.picture import Named
from scenes.kit.scene_helpers import caption_parts, fit_in_band, fit_width, lower_first, rendered_from
from scenes.kit.scene_settings import CurveFormula, FieldFormula, FormulaOf, check_settings, declared_parameters, settings_doc
from scenes.kit.settings import Setting
from scenes.kit.storyboard import dry_run
from scenes.kit.tex_cache import install as _install_safe_caches
from scenes.kit.theme import THEMES, check_theme, use_theme
from scenes.parts.hill3d.fast3d import FastThreeDCamera

_install_safe_caches()  # TeX and Text caches shared by processes hand out whole files only

__all__ = [
    "CurveFormula", "FieldFormula", "FormulaOf", "LessonMixin", "LessonScene", "LessonScene3D", "Play", "SPEECH_PAUSE",
    "SpokenCue", "caption_parts", "settings_doc", "fit_in_band", "fit_width", "lower_first", "rendered_from",
]


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

    # -- configuration (scenes.kit.scene_settings) ---------------------------------------------
    @classmethod
    def parameters(cls) -> dict[str, tuple[Any, Any]]:
        """The configurable class attributes, name -> (type annotation, current value): those
        annotated in lesson classes (not manim's own), the list a course file may override."""
        return declared_parameters(cls, LessonMixin)

    @classmethod
    def validate(cls) -> None:
        """Raise ``ValueError`` (naming the class and the attribute) if a setting cannot be
        rendered: each setting on its own (:func:`~scenes.kit.scene_settings.check_settings`),
        the scene's :meth:`check`, then all together: a dry run must last at most 3 minutes and
        hold no caption over 7 s (:func:`~scenes.kit.clip_bounds.check_clip_bounds`)."""
        check_settings(cls)
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
        self._caption_mobject: Mobject | None = None  # the caption state (scenes.kit.caption_flow)
        self._open_beat: BeatRecord | None = None
        self.beats: list[BeatRecord] = []
        self._named: dict[str, Named] = {}
        self._narrator = narrator_of(self.narration)
        self.spoken_cues: list[SpokenCue] = []  # (cue number, start, utterance) of each spoken caption
        self._speech_until = 0.0  # the clip's time when the last speech (and its pause) ends
        with bounds_unchecked():  # a build that validates must not start a dry run of itself
            self.build()

    def build(self) -> None:
        """Create the scene's cast (axes, graphs, readouts). Override in a scene."""

    def tear_down(self) -> None:
        if self._open_beat is not None:
            caption_flow.hold_for_reading(self)
        caption_flow.close_caption(self, self.time)
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
        """The title (and subtitle) as a group centred on the frame (:func:`scenes.kit.title_card.group`)."""
        return title_card.group(self.title, self.subtitle)

    def make_caption(self, text: str) -> VGroup:
        """The on-screen caption for ``text``: wrapped, on its plate, in the caption band."""
        return make_caption_group(text, self.caption_width)

    # -- beats: what construct() calls --------------------------------------------------------
    def play_title_card(self, hold: float = 0.0, facts: Any = None) -> None:
        """Show the title card, if the scene has a title, held for reading, then clear it.

        ``facts`` back the title when it makes a claim ("A walk that diverges"); NO_FACTS
        when it claims nothing. Its beat belongs to the part begun before it, else to the
        first part the lesson begins."""
        title_card.play(self, hold, facts)

    def beat(self, line: Line, *animations: Any, run_time: float | None = None, part: str | None = None,
             hold: float | None = 0.0, **play_settings: Any) -> None:
        """One beat: begin ``part`` (if given), show ``line``, play ``animations``, then hold
        until the line has been read, and at least ``hold`` seconds (:meth:`hold`; None: no
        hold, the line stays up into what the scene does next).

        ``animations`` play together, for ``run_time`` seconds (or their own) with
        ``play_settings`` (``rate_func``...); or, for several plays in turn under one line, each
        is a :class:`~scenes.kit.beat_steps.Play` with its own settings. The kit decides how
        long the beat stays: the longer of the line's reading time and the animations (a
        caption never outstays its longest time, :meth:`play`)."""
        plays = plays_of(animations, run_time, play_settings)  # refused before anything is shown
        if hold is not None and hold < 0:
            raise ValueError(f"{type(self).__name__}.beat: hold = {hold!r} must be at least 0 (or None)")
        if part is not None:
            self.begin_part(part)
        self.caption(line)
        for together, settings in plays:
            self.play(*together, **settings)
        if hold is not None:
            self.hold(extra=hold)

    def begin_part(self, name: str) -> None:
        """Begin a part of the lesson (a chapter): every beat from now on records ``name``
        as its part. Beats shown before the first part (the title card) join it."""
        caption_flow.begin_part(self, name)

    def caption(self, text: str | Line, run_time: float = 0.4, facts: Any = None) -> None:
        """Show ``text`` (a :class:`~scenes.kit.beats.Line`, or text with its ``facts``) as the
        caption, on screen and in the subtitle track, after the one up now has been read
        (:func:`scenes.kit.caption_flow.caption`: longer than two lines, in parts)."""
        caption_flow.caption(self, text, run_time, facts)

    def hold(self, extra: float = 0.0) -> None:
        """Wait until the caption up now has been read (and spoken), and at least ``extra`` seconds."""
        caption_flow.hold_for_reading(self, extra)

    def clear_caption(self, run_time: float = 0.3) -> None:
        """Fade the caption out (after its reading time) and end its subtitle."""
        caption_flow.clear_caption(self, run_time)

    def play(self, *animations: Any, **kwargs: Any) -> None:
        """Play; a caption that one long animation would keep up past its longest time (7 s)
        fades out during it, and its beat and subtitle end there
        (:func:`~scenes.kit.caption_limit.caption_fade_at`)."""
        caption_flow.play(self, super().play, animations, kwargs)

    def wait(self, duration: float = DEFAULT_WAIT_TIME, *args: Any, **kwargs: Any) -> None:
        """Wait; a caption that would stay longer than it may (7 s) is cleared on the way."""
        caption_flow.wait(self, super().wait, duration, args, kwargs)

    # -- the picture and the frame ---------------------------------------------------------------
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
        """Name ``mobject`` in the picture recorded at each beat's end
        (:class:`~scenes.kit.picture.PictureFacts`: visible or not, and where). ``coords`` reads
        its place in the lesson's coordinates (default: its centre in scene units); ``says`` is
        the number a still text shows as written (``"1.50"``), checked against the captions as a
        readout is. Naming again replaces the earlier object. Returns ``mobject``."""
        self._named[name] = Named(name, mobject, coords, says)
        return mobject

    def to_end(self, *mobjects: Mobject | None) -> None:
        """Move ``mobjects`` (those in the scene; None is skipped) to the end of its list: manim
        redraws, each frame, every mobject from the first moving one to the end, so a caption or
        an equation put last before it changes is redrawn alone (they overlap nothing)."""
        present = [m for m in mobjects if m is not None and m in self.mobjects]
        if present:
            self.add(*present)


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
