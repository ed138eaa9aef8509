"""How a lesson's captions come and go: shown in parts, held until read, ended as beats.

The reading policy (:mod:`scenes.kit.pacing`) applied while a scene animates. Each function
takes the scene (a :class:`~scenes.kit.lesson.LessonMixin`) and works on its caption state:
``_caption_mobject`` (the caption on screen, or None), ``_open_beat`` (its
:class:`~scenes.kit.beats.BeatRecord`, until it ends), ``beats`` (every beat so far) and
``_speech_until`` (when the last cue's speech ends, :mod:`scenes.kit.narration_cues`).

- :func:`caption` shows a :class:`~scenes.kit.beats.Line` (or text with its facts);
  :func:`caption_line` shows a line, in parts of two lines when it is longer (each part,
  narrated, no longer up than a silent one), each part a beat.
- :func:`hold_for_reading` waits until the caption up now has been read (and spoken).
- :func:`close_caption` ends the open beat: its end time, the picture at its end, the
  scene's ``beat_hook`` and the subtitle.
- :func:`play` and :func:`wait` keep the promise that no caption stays up past 7 s
  (``MAX_SECONDS``): a long animation fades it out on the way
  (:func:`~scenes.kit.caption_limit.caption_fade_at`), a long wait clears it.

The scene's own methods (``play``, ``wait``, ``make_caption``, ``pin``, ``to_end``,
``clear_caption``) are called through the scene, so a lesson that overrides one is heard.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from manim import config

from scenes.kit.beats import NO_FACTS, BeatRecord, Line, require_facts, said_for
from scenes.kit.caption_band import CaptionFade, caption_swap, set_caption_opacity
from scenes.kit.caption_limit import TimedCaptionFade, caption_fade_at, planned_run_time
from scenes.kit.narration_cues import SPEECH_PAUSE, speak_cue
from scenes.kit.pacing import MAX_SECONDS, reading_time, split_caption
from scenes.kit.picture import collect_picture
from scenes.kit.spoken import narrated_parts, spoken_of, split_spoken

__all__ = ["beat_seconds", "begin_part", "caption", "caption_line", "clear_caption", "close_caption", "facts_for", "hold_for_reading", "play", "show_caption", "wait"]


def caption(scene: Any, text: Any, run_time: float = 0.4, facts: Any = None) -> None:
    """Show ``text`` (a :class:`~scenes.kit.beats.Line`, or text with its ``facts``) as the
    scene's caption, on screen and in the subtitle track.

    The caption up now is first held for its reading time. A ``text`` longer than two lines
    is shown in parts (:func:`~scenes.kit.pacing.split_caption`), each but the last held for
    its reading time here; the last stays up while the scene animates and is held as needed
    before the next caption. ``facts`` is the record the caption was written from (checked by
    the tests against what the caption claims); without it the caption is refused when the
    scene's ``facts_required`` is on, and a Line given other facts too is refused.
    """
    if isinstance(text, Line):
        if facts is not None and facts is not text.facts:
            raise TypeError(f"caption {text.text!r}: a Line carries its facts; do not pass facts too")
        caption_line(scene, text.text, run_time, text.facts, True, text.spoken)
        return
    given = facts is not None
    caption_line(scene, text, run_time, facts_for(scene, text, facts), given, spoken_of(text))


def begin_part(scene: Any, name: str) -> None:
    """Begin a part of ``scene``'s lesson: every beat from now on records ``name`` as its part;
    beats shown before the first part (the title card) join it. ``ValueError`` for no name."""
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"{type(scene).__name__}: a part needs a name, got {name!r}")
    if getattr(scene, "_part", None) is None:
        for beat in scene.beats:
            beat.part = name if beat.part is None else beat.part
    scene._part = name


def facts_for(scene: Any, text: str, facts: Any) -> Any:
    """``facts``; when none were given, NO_FACTS, or a ``TypeError`` if the scene requires facts."""
    if facts is None and scene.facts_required:
        require_facts(text, facts)
    return NO_FACTS if facts is None else facts


def caption_line(scene: Any, text: str, run_time: float, facts: Any, given: bool, spoken: str | None = None) -> None:
    """Show ``text`` in as many parts as it needs, each part a beat with ``facts``; every
    part but the last is held here for its reading time."""
    parts = split_caption(text, scene.caption_width)
    spoken_parts = split_spoken(text, spoken, parts)  # a part on screen is spoken alone
    narrator = scene._narrator
    if narrator is not None:  # and is no longer up than a silent caption
        longest = MAX_SECONDS - SPEECH_PAUSE
        parts, spoken_parts = narrated_parts(text, spoken, parts, longest, scene.caption_width, narrator.rate)
    for index, part in enumerate(parts):
        show_caption(scene, part, run_time, facts, given, spoken_parts[index])
        if index < len(parts) - 1:
            hold_for_reading(scene)


def show_caption(scene: Any, text: str, run_time: float, facts: Any, given: bool = True, spoken: str | None = None) -> None:
    """Replace the caption up now (held for reading first) by ``text``, in a swap of
    ``run_time`` seconds (0: at once), and open its beat."""
    if scene.captions_last:
        scene.to_end(scene._caption_mobject)
    hold_for_reading(scene)
    new = scene.make_caption(text)
    scene.pin(new)
    old = scene._caption_mobject
    swap = max(run_time, 0.0)
    begin = scene.time
    # The old caption is gone, and the new one starts, half way through the swap: one
    # number for both, so a beat ends exactly where the next one starts.
    start = begin + swap / 2 if old is not None else begin
    close_caption(scene, start)
    if swap > 0:
        set_caption_opacity(new, 0.0)
        scene.add(new)
        scene.play(*caption_swap(old, new), run_time=swap)
    else:
        if old is not None:
            scene.remove(old)
        scene.add(new)
    scene._caption_mobject = new
    beat = BeatRecord(text, facts, start, part=getattr(scene, "_part", None), facts_given=given, spoken=spoken)
    beat.picture_before = collect_picture(scene.mobjects, scene._named.values())
    scene._open_beat = beat
    scene.beats.append(beat)
    speak_cue(scene, len(scene.beats), said_for(text, spoken), start)  # the text converted only as a last resort


def beat_seconds(scene: Any, beat: BeatRecord) -> float:
    """How long ``beat`` must stay: its reading time, or its speech when that is longer."""
    return max(reading_time(beat.text), scene._speech_until - beat.start)


def hold_for_reading(scene: Any, extra: float = 0.0) -> None:
    """Wait until the caption up now has been read and spoken, and at least ``extra`` seconds
    (from now: the longer of the two, not their sum)."""
    beat = scene._open_beat
    remaining = max(extra, scene._speech_until - scene.time)
    if beat is not None:
        remaining = max(remaining, reading_time(beat.text) - (scene.time - beat.start))
    if remaining >= 1 / config.frame_rate:  # less than a frame cannot be shown
        scene.wait(remaining)


def close_caption(scene: Any, end: float) -> None:
    """End the open beat (if any) at ``end``: record the picture, tell the ``beat_hook``,
    write its subtitle."""
    beat, scene._open_beat = scene._open_beat, None
    if beat is None:
        return
    beat.end = max(end, beat.start)
    beat.picture = collect_picture(scene.mobjects, scene._named.values())
    if scene.beat_hook is not None:
        scene.beat_hook(scene, beat)
    if beat.duration > 0:
        scene.add_subcaption(beat.text, duration=beat.duration, offset=beat.start - scene.time)


def clear_caption(scene: Any, run_time: float = 0.3) -> None:
    """Fade the caption out (after its reading time) and end its subtitle."""
    if scene._caption_mobject is None:
        return
    if scene.captions_last:
        scene.to_end(scene._caption_mobject)
    hold_for_reading(scene)
    close_caption(scene, scene.time)
    old, scene._caption_mobject = scene._caption_mobject, None
    scene.play(CaptionFade(old, 1.0, 0.0, remover=True), run_time=run_time)


def play(scene: Any, play_now: Callable[..., Any], animations: tuple, kwargs: dict) -> None:
    """Play ``animations`` with ``play_now`` (the scene's manim play); a caption that they
    would keep up past its longest time fades out during them, and its beat and subtitle
    end there."""
    beat, caption = scene._open_beat, scene._caption_mobject
    run_time = planned_run_time(animations, kwargs)
    at = None
    if beat is not None and caption is not None:
        at = caption_fade_at(scene.time - beat.start, beat_seconds(scene, beat), run_time)
    if at is None:
        play_now(*animations, **kwargs)
        return
    begin = scene.time
    scene.add(caption)  # drawn last (it overlaps nothing): only it is redrawn as it fades
    play_now(*animations, TimedCaptionFade(caption, at, run_time, run_time=run_time), **kwargs)
    close_caption(scene, begin + at)
    scene._caption_mobject = None


def wait(scene: Any, wait_now: Callable[..., Any], duration: float, args: tuple, kwargs: dict) -> None:
    """Wait ``duration`` seconds with ``wait_now`` (the scene's manim wait); a caption that
    would stay longer than it may is cleared on the way."""
    beat = scene._open_beat
    if beat is not None and duration > 0:
        left = MAX_SECONDS - (scene.time - beat.start) - 0.3
        if 0 < left < duration and left >= beat_seconds(scene, beat) - (scene.time - beat.start):
            wait_now(left, *args, **kwargs)
            scene.clear_caption()
            duration -= left + 0.3
            if duration <= 1e-3:
                return
    wait_now(duration, *args, **kwargs)
