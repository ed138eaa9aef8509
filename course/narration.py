"""Narration of a course: the ``[narration]`` table, recorded voices, and the script.

.. code-block:: toml

    [narration]
    voice = "piper"              # or "espeak-ng:<name>", e.g. "espeak-ng:de"
    rate = 1.0                   # speed, 0.5 to 2
    recordings = "voice-takes"   # optional: a folder of recordings, beside the course file

A recording ``<recordings>/<clip-id>/<cue>.wav`` (or ``.mp3``, ``.ogg``) replaces the voice for
cue number ``<cue>`` of that clip (1, 2, ... in the order the captions are shown; ``lessons
script`` lists them), and the beat stretches to fit it. A clip with a folder there is
recorded *entirely*: every cue needs its file, so a clip never mixes a person with a
synthetic voice; a clip without a folder is synthesised. A missing, unreadable or silent
recording, a cue number the clip does not have, or an audio file not named by a number is
refused in one line before anything renders.

A narrated clip keeps the promise a silent one keeps (at most 3 minutes, no caption held over
7 s): :func:`check_recordings`, which every build, ``lessons render --narrate`` and ``lessons
script`` run before anything renders, dry-runs each clip that sets something of its own, or
is spoken slower than rate 1 or from recordings, with a narrator that runs no voice and
estimates each cue's speech erring long (:class:`~scenes.kit.voice.MuteNarrator`), and
refuses a clip too long narrated in one line naming its settings and the rate.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scenes.kit.voice import DEFAULT_VOICE, MuteNarrator, Narrator, VoiceError, check_voice, engine_version, recorded

from scenes.kit.pacing import MAX_SECONDS
from scenes.kit.spoken_timing import NEXT_SWAP

from .files import atomic_write_text, sha256_of

__all__ = ["AUDIO_SUFFIXES", "Narration", "check_lengths", "check_recordings", "read_narration", "write_script"]

AUDIO_SUFFIXES = (".wav", ".mp3", ".ogg")
_KEYS = {"voice", "rate", "recordings"}


@dataclass(frozen=True)
class Narration:
    """How a course is spoken: a voice at a rate, and optionally a folder of recordings."""

    voice: str = DEFAULT_VOICE
    rate: float = 1.0
    recordings: str | None = None  # an absolute folder path
    #: clip id -> {cue number: recording path}, filled by :func:`check_recordings`
    takes: dict[str, dict[int, str]] = field(default_factory=dict, compare=False)

    def for_clip(self, clip_id: str) -> dict:
        """What a clip job needs (JSON): voice, rate, and that clip's recordings."""
        return {"voice": self.voice, "rate": self.rate, "recordings": {str(k): v for k, v in self.takes.get(clip_id, {}).items()}}


def narrator(job_narration: dict) -> Narrator:
    """The :class:`~scenes.kit.voice.Narrator` of a clip job's ``narration`` entry."""
    takes = {int(number): path for number, path in (job_narration.get("recordings") or {}).items()}
    return Narrator(job_narration["voice"], job_narration["rate"], takes)


def key_inputs(job_narration: dict | None) -> dict | None:
    """What of a clip's narration decides its output: voice, engine version, rate, and the
    bytes of each recording (by hash)."""
    if not job_narration:
        return None
    engine, name = check_voice(job_narration["voice"], job_narration["rate"])
    return {
        "voice": f"{engine}:{name}",
        "engine": engine_version(engine),
        "rate": job_narration["rate"],
        "recordings": {number: sha256_of(Path(path)) for number, path in (job_narration.get("recordings") or {}).items()},
    }


def read_narration(where: str, table: Any, base: Path) -> Narration:
    """The ``[narration]`` table of the course file ``where`` (paths relative to ``base``);
    ``CourseError`` naming the key."""
    from .course_file import CourseError

    if not isinstance(table, dict):
        raise CourseError(f"{where}: key 'narration' must be a table ([narration])")
    unknown = set(table) - _KEYS
    if unknown:
        raise CourseError(f"{where}: [narration]: unknown key {sorted(unknown)[0]!r} (expected voice, rate, recordings)")
    voice = table.get("voice", DEFAULT_VOICE)
    rate = table.get("rate", 1.0)
    if isinstance(rate, int) and not isinstance(rate, bool):
        rate = float(rate)
    try:
        check_voice(voice, rate if isinstance(rate, float) and math.isfinite(rate) else -1)
    except VoiceError as error:
        key = "rate" if "rate" in str(error) and not str(error).startswith("voice") else "voice"
        raise CourseError(f"{where}: [narration] key {key!r}: {error}") from None
    recordings = table.get("recordings")
    if recordings is not None:
        if not isinstance(recordings, str) or not recordings.strip():
            raise CourseError(f"{where}: [narration] key 'recordings': expected a folder name, got {recordings!r}")
        folder = (base / recordings).resolve()
        if not folder.is_dir():
            raise CourseError(f"{where}: [narration] key 'recordings': no such folder {str(folder)!r}")
        recordings = str(folder)
    return Narration(voice=voice.strip(), rate=rate, recordings=recordings)


def check_engine(narration: Narration, where: str) -> None:
    """``CourseError`` if the voice's program or voice files are missing (checked before a build)."""
    from .course_file import CourseError

    try:
        engine_version(check_voice(narration.voice, narration.rate)[0])
    except VoiceError as error:
        raise CourseError(f"{where}: [narration]: {error}") from None


def check_recordings(narration: Narration, clips: Any, where: str) -> Narration:
    """``narration`` with the recordings of each clip (``takes``), every file checked: it is
    an audio file named by a cue number the clip has, it decodes, it is not silent, it is not
    longer than a caption may stay, and a clip with a folder has one for every cue; then every
    clip's narrated length (:func:`check_lengths`). ``CourseError`` (one line) otherwise."""
    from .course_file import CourseError

    if narration.recordings is None:
        check_lengths(narration, clips, where)
        return narration
    root = Path(narration.recordings)
    takes: dict[str, dict[int, str]] = {}
    for clip in clips:
        folder = root / clip.id
        if not folder.is_dir():
            continue
        label = f"{where}: [narration] recordings for clip {clip.id!r}"
        found: dict[int, str] = {}
        for path in sorted(folder.iterdir()):
            if path.suffix.lower() not in AUDIO_SUFFIXES:
                continue
            if not path.stem.isdigit() or int(path.stem) < 1:
                raise CourseError(f"{label}: {path.name!r} is not named by a cue number (1{path.suffix}, 2{path.suffix}, ...)")
            if int(path.stem) in found:
                raise CourseError(f"{label}: two recordings for cue {int(path.stem)}")
            found[int(path.stem)] = str(path)
        for number, path in found.items():  # each file first: no dry run needed to refuse a bad one
            try:
                seconds = recorded(Path(path)).seconds
            except (VoiceError, OSError) as error:
                raise CourseError(f"{label}: cue {number}: {error}") from None
            if seconds > _longest_take():
                raise CourseError(
                    f"{label}: cue {number}: {Path(path).name!r} lasts {seconds:.1f} s; a caption stays at most {MAX_SECONDS:g} s"
                    f" with the pause after its speech, so a take may last {_longest_take():.2f} s (say it faster or trim it)"
                )
        count = cue_count(clip, narration)
        extra = sorted(n for n in found if n > count)
        if extra:
            raise CourseError(f"{label}: {Path(found[extra[0]]).name!r}: the clip has {count} cues, no cue {extra[0]}")
        missing = [n for n in range(1, count + 1) if n not in found]
        if missing:
            raise CourseError(f"{label}: cue {missing[0]} has no recording ({folder / str(missing[0])}.wav, .mp3 or .ogg); a clip with a folder is recorded entirely")
        takes[clip.id] = found
    checked = Narration(narration.voice, narration.rate, narration.recordings, takes)
    check_lengths(checked, clips, where)
    return checked


def _longest_take() -> float:
    """The longest recording of one cue: a caption stays at most ``MAX_SECONDS``, its speech
    followed by a pause and half of the next caption's swap."""
    from scenes.kit.lesson import SPEECH_PAUSE

    return MAX_SECONDS - SPEECH_PAUSE - NEXT_SWAP


def check_lengths(narration: Narration, clips: Any, where: str) -> None:
    """``CourseError`` (one line, naming the clip, its settings and the rate) for a clip that
    narrated would last over 3 minutes or hold a caption over 7 s, from a dry run with a
    :class:`~scenes.kit.voice.MuteNarrator` (its recordings' own lengths for recorded cues).
    A clip that sets nothing, spoken at rate 1 or faster without recordings, is the lesson as
    written (its tests check it narrated): not run again here."""
    from scenes.kit.clip_bounds import ClipTooLong, check_clip_bounds
    from scenes.kit.storyboard import dry_run

    from .course_file import CourseError, _keys_named

    for clip in clips:
        voice = MuteNarrator(narration.voice, narration.rate, narration.takes.get(clip.id, {}))
        scene_class = clip.scene_class()
        try:
            check_clip_bounds(scene_class, dry_run, narration=voice)
        except ClipTooLong as error:
            keys = _keys_named(error, scene_class.parameters(), scene_class.__name__)
            named = ", ".join(f"'params.{key}'" for key in keys)
            prefix = f"key {named}: " if len(keys) == 1 else f"keys {named}: " if keys else ""
            raise CourseError(f"{where}: clip {clip.id!r}: {prefix}{error}") from None


def cue_count(clip: Any, narration: Narration) -> int:
    """How many captions ``clip`` shows when narrated (its cues), from a dry run (one per
    scene, parameters and rate in a process)."""
    from scenes.kit.storyboard import dry_run

    from .registry import make_scene_class

    key = (clip.scene, json.dumps(clip.params, sort_keys=True, default=repr), narration.voice, narration.rate)
    if key not in _CUE_COUNTS:
        counting = make_scene_class(clip.scene_class(), {"narration": MuteNarrator(narration.voice, narration.rate)})
        _CUE_COUNTS[key] = len(dry_run(counting, check_layout=False).beats)
    return _CUE_COUNTS[key]


_CUE_COUNTS: dict[tuple[str, str, str, float], int] = {}


def write_script(course: Any, out: Path) -> list[Path]:
    """Write the narration script of ``course`` into ``out``: per clip ``<clip-id>.txt`` (each
    cue's number, times, text and spoken form, with the time it has now: narrated when the
    course is) and ``script.json`` with the same. Returns the files written."""
    from scenes.kit.storyboard import dry_run

    from .registry import make_scene_class

    out.mkdir(parents=True, exist_ok=True)
    written, everything = [], {"title": course.title, "voice": None, "clips": []}
    narration = getattr(course, "narration", None)
    if narration is not None:
        everything["voice"] = {"voice": narration.voice, "rate": narration.rate}
    for clip in course.clips:
        scene_class, voice = clip.scene_class(), None
        if narration is not None:
            voice = narrator(narration.for_clip(clip.id))
            scene_class = make_scene_class(scene_class, {"narration": voice})
        try:
            board = dry_run(scene_class, check_layout=False)
        finally:
            if voice is not None:
                voice.close()  # the voice program of this clip
        cues = [
            {
                "cue": number,
                "start": round(beat.start, 2),
                "end": round(beat.end if beat.end is not None else beat.start, 2),
                "seconds": round(beat.duration, 2),
                "text": beat.text,
                "spoken": beat.spoken or beat.text,
                "recording": f"{clip.id}/{number}.wav",
            }
            for number, beat in enumerate(board.beats, start=1)
        ]
        lines = [f"{clip.id}: {clip.title} ({clip.scene}), {len(cues)} cues, {board.duration:.1f} s", ""]
        for cue in cues:
            lines.append(f"{cue['cue']:>3}  {_clock(cue['start'])} - {_clock(cue['end'])}  ({cue['seconds']:.1f} s)  record as {cue['recording']}")
            lines.append(f"     text:   {cue['text']}")
            lines.append(f"     spoken: {cue['spoken']}")
            lines.append("")
        path = out / f"{clip.id}.txt"
        atomic_write_text(path, "\n".join(lines))
        written.append(path)
        everything["clips"].append({"id": clip.id, "title": clip.title, "scene": clip.scene, "duration": round(board.duration, 2), "cues": cues})
    path = out / "script.json"
    atomic_write_text(path, json.dumps(everything, indent=2, ensure_ascii=False) + "\n")
    return [*written, path]


def _clock(seconds: float) -> str:
    minutes, rest = divmod(max(seconds, 0.0), 60)
    return f"{int(minutes)}:{rest:05.2f}"
