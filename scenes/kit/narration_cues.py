"""Narration cues: the speech of each caption in a narrated lesson, and when it ends.

A lesson with a voice (``LessonMixin.narration``) speaks each caption as it comes up:
:func:`speak_cue` asks the scene's narrator for the cue's :class:`~scenes.kit.voice.Utterance`,
records a :class:`SpokenCue` in ``scene.spoken_cues`` (the course mixes them into the clip's
sound track) and notes in ``scene._speech_until`` when the speech, and a short pause after
it, end: the next caption waits for that (:mod:`scenes.kit.caption_flow`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scenes.kit.voice import Narrator, Utterance

__all__ = ["SPEECH_PAUSE", "SpokenCue", "narrator_of", "speak_cue"]


@dataclass(frozen=True)
class SpokenCue:
    """A caption's speech in a narrated clip: cue ``number`` (1, 2, ...), spoken from ``start``."""

    number: int
    start: float
    utterance: Utterance


#: Silence after a cue's speech before the next cue may start, in seconds.
SPEECH_PAUSE = 0.25


def narrator_of(narration: Any) -> Narrator | None:
    """The narrator for a scene's ``narration`` setting: None (silent) for None or "", a
    :class:`~scenes.kit.voice.Narrator` as given, a voice name made into one; else a
    ``TypeError``."""
    if narration is None or narration == "":
        return None
    if isinstance(narration, Narrator):
        return narration
    if isinstance(narration, str):
        return Narrator(narration)
    raise TypeError(f"narration must be None, a voice name or a Narrator, got {narration!r}")


def speak_cue(scene: Any, number: int, words: str, start: float) -> None:
    """Cue ``number`` of ``scene`` is spoken from ``start``: the next cue waits for its speech
    (a silent scene, or a cue with nothing to say, changes nothing)."""
    narrator = scene._narrator
    if narrator is None:
        return
    utterance = narrator.speak(number, words)
    if utterance is not None:
        scene.spoken_cues.append(SpokenCue(number, start, utterance))
        scene._speech_until = start + utterance.seconds + SPEECH_PAUSE
