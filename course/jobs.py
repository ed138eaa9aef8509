"""Render one clip in its own process and publish it as a finished folder.

``python -m course.jobs JOB.json`` renders the clip the job file describes with
manim's own Python API into a private temporary media folder, makes the web files (faststart
mp4, webm, poster PNG, .srt and .vtt captions, chapters and a transcript, see
:mod:`course.chapters`) and a ``clip.json`` record, then publishes
the whole folder with one atomic rename to ``clips/<id>-<key>/``. A folder under ``clips/`` is
therefore always complete; an interrupted render leaves only a temporary folder, which the
next build removes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from .files import atomic_write_text, sha256_of
from .job_report import ProgressReporter, exit_with_parent
from .sources import project_sources

__all__ = ["ClipJob", "QUALITIES", "clip_record_ok", "input_key", "key_inputs", "publish_folder", "render_clip"]

ROOT = Path(__file__).resolve().parents[1]
BUILD_FORMAT = 3  # bump when the outputs of a clip change shape
MISMATCH_EXIT = 3  # exit code of a job process whose code gives the clip another key

#: --quality name -> manim's quality setting
QUALITIES = {"low": "low_quality", "medium": "medium_quality", "high": "high_quality", "4k": "fourk_quality"}

FILE_KINDS = ("mp4", "webm", "poster", "vtt", "srt", "chapters", "description", "transcript")
#: kind -> the end of its file name after ``<id>.``
FILE_SUFFIXES = {"mp4": "mp4", "webm": "webm", "poster": "png", "vtt": "vtt", "srt": "srt",
                 "chapters": "chapters.vtt", "description": "chapters.txt", "transcript": "transcript.txt"}


@dataclass(frozen=True)
class ClipJob:
    """Everything a worker needs to render one clip."""

    id: str
    scene: str
    params: dict
    quality: str
    key: str
    clips_dir: str
    work_dir: str
    narration: dict | None = None  # voice, rate, recordings by cue (course.narration); None: silent

    @property
    def folder_name(self) -> str:
        return f"{self.id}-{self.key[:12]}"


def key_inputs(scene: str, params: dict, quality: str, narration: dict | None = None) -> dict:
    """What decides a clip's output: the source of every project module its scene class
    imports (see :mod:`course.sources`; mathcore's code is among them), its parameters,
    the quality, manim's version and the build format, and for a narrated clip its voice,
    the engine's version, the rate and its recordings' bytes. A stray file changes nothing."""
    import manim

    from . import narration as narration_module
    from .registry import render_module

    spoken = {"narration": narration_module.key_inputs(narration)} if narration else {}
    return {
        **spoken,
        "scene": scene,
        "params": params,
        "quality": quality,
        "manim": manim.__version__,
        "sources": project_sources(render_module(scene)),
        "format": BUILD_FORMAT,
    }


def key_of(inputs: dict) -> str:
    """The sha256 of key inputs (see :func:`key_inputs`)."""
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode()).hexdigest()


def input_key(scene: str, params: dict, quality: str, narration: dict | None = None) -> str:
    """A clip's input key: a clip folder is reused only for the same key."""
    return key_of(key_inputs(scene, params, quality, narration))


def clip_record_ok(folder: Path, key: str) -> dict | None:
    """The folder's ``clip.json`` if it is for ``key`` and every file is intact, else None."""
    from .media import decodes

    try:
        record = json.loads((folder / "clip.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("key") != key or set(record.get("files", {})) != set(FILE_KINDS):
        return None
    for kind, name in record["files"].items():
        path = folder / name
        if not path.is_file() or sha256_of(path) != record["sha256"].get(kind):
            return None
    if not decodes(folder / record["files"]["mp4"]):
        return None
    return record


def render_clip(job: ClipJob, progress: ProgressReporter | None = None) -> dict:
    """Render ``job`` and publish its folder; return the clip record.

    ``progress`` hears the phase and the seconds of video drawn so far.
    """
    progress = progress or ProgressReporter()
    from manim import tempconfig

    from scenes.kit import tex_cache

    from . import captions, encoding, media
    from .registry import make_scene_class, scene_classes

    work = Path(tempfile.mkdtemp(prefix=f"{job.id}-", dir=job.work_dir))
    media_dir, staged = work / "media", work / job.folder_name
    staged.mkdir()
    scene_class = make_scene_class(scene_classes()[job.scene], job.params)
    if job.narration:
        scene_class = narrated(scene_class, job.narration, progress)
    options = {
        "media_dir": str(media_dir),
        "quality": QUALITIES[job.quality],
        "disable_caching": True,
        "progress_bar": "none",
        "verbosity": "WARNING",
        "format": "mp4",
        "output_file": job.id,
        **encoding.manim_options(),
        **tex_cache.shared_dirs(),  # clips typeset the same formulas: one cache, whole files only
    }
    tex_cache.install()
    with tempconfig(options):
        scene = scene_class()
        writer = encoding.use_twin_writer(scene)  # the webm and poster come from the same frames
        progress.phase("drawing", lambda: scene.renderer.time)
        scene.render()
        progress.phase("encoding")
        movie = Path(writer.movie_file_path)

    names = {kind: f"{job.id}.{FILE_SUFFIXES[kind]}" for kind in FILE_KINDS}
    if job.narration:
        progress.phase("voice")
        scene_class.narration.close()
        add_speech(scene, movie, Path(writer.webm_file_path), staged / names["mp4"], staged / names["webm"])
    else:
        media.remux_faststart(movie, staged / names["mp4"])
        os.replace(writer.webm_file_path, staged / names["webm"])
    poster = writer.save_poster(staged / names["poster"])  # a still moment of the last beat (course.poster)
    srt_file = movie.with_suffix(".srt")
    cues = captions.read_srt(srt_file.read_text(encoding="utf-8")) if srt_file.exists() else []
    (staged / names["srt"]).write_text(captions.to_srt(cues), encoding="utf-8")
    (staged / names["vtt"]).write_text(captions.to_vtt(cues), encoding="utf-8")
    info = media.probe(staged / names["mp4"])
    parts = write_chapters(scene, job, info["duration"], staged, names)

    record = {
        "key": job.key,
        "id": job.id,
        "scene": job.scene,
        "params": job.params,
        **info,
        "files": names,
        "sha256": {kind: sha256_of(staged / name) for kind, name in names.items()},
        "captions": len(cues),
        **({"narration": {"voice": job.narration["voice"], "rate": job.narration["rate"], "spoken": len(scene.spoken_cues)}} if job.narration else {}),
        "poster": {"time": round(poster.time, 3), "reason": poster.reason},
        **parts,
    }
    atomic_write_text(staged / "clip.json", json.dumps(record, indent=2))
    publish_folder(staged, Path(job.clips_dir) / job.folder_name, job.key)
    shutil.rmtree(work, ignore_errors=True)
    return record


def write_chapters(scene, job: ClipJob, duration: float, staged: Path, names: dict[str, str]) -> dict:
    """Write the clip's chapters (WebVTT), description lines and transcript from the beats
    ``scene`` recorded; return what the clip record keeps of them (chapters, description
    lines, the transcript's paragraphs)."""
    from . import chapters as chapters_module

    beats = list(getattr(scene, "beats", []))
    title = getattr(scene, "title", "") or job.scene
    subtitle = getattr(scene, "subtitle", "")
    card = title if not subtitle else f"{title}: {subtitle}"
    marks = chapters_module.chapters_of(beats, duration, title)
    transcript = chapters_module.transcript_text(beats, marks, title, card)
    (staged / names["chapters"]).write_text(chapters_module.chapters_vtt(marks), encoding="utf-8")
    (staged / names["description"]).write_text(chapters_module.description_text(marks), encoding="utf-8")
    (staged / names["transcript"]).write_text(transcript, encoding="utf-8")
    return {
        "chapters": [mark.as_dict() for mark in marks],
        "description": chapters_module.description_lines(marks),
        "transcript": transcript,
    }


def narrated(scene_class: type, job_narration: dict, progress: ProgressReporter) -> type:
    """``scene_class`` speaking its captions with the job's voice and recordings (the voice
    program starts once and says each line as its caption comes up; cached lines are reused)."""
    from .narration import narrator
    from .registry import make_scene_class

    return make_scene_class(scene_class, {"narration": narrator(job_narration)})


def add_speech(scene, mp4: Path, webm: Path, mp4_out: Path, webm_out: Path) -> None:
    """The clip's speech (``scene.spoken_cues``) as one normalised track, as long as the
    video, muxed as AAC into ``mp4_out`` and Opus into ``webm_out``."""
    from . import audio_track, media

    duration = media.probe(mp4)["duration"]
    track = audio_track.normalise(audio_track.mix(scene.spoken_cues, duration))
    audio_track.mux(mp4, track, mp4_out)
    audio_track.mux(webm, track, webm_out)


def publish_folder(staged: Path, final: Path, key: str) -> None:
    """Move the complete clip folder ``staged`` to ``final`` with one atomic rename."""
    final.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(staged, final)  # atomic: the folder appears complete or not at all
    except OSError:
        if clip_record_ok(final, key) is None:  # a broken leftover of the same key
            shutil.rmtree(final)
            os.rename(staged, final)


def main(argv: list[str]) -> int:
    """Render the job in ``argv[0]``. Exit code 3: this code gives the clip another key
    (the inputs it used are written beside the job file as ``<id>.mismatch.json``)."""
    exit_with_parent()
    job_file = Path(argv[0])
    job = ClipJob(**json.loads(job_file.read_text(encoding="utf-8")))
    progress = ProgressReporter()
    inputs = key_inputs(job.scene, job.params, job.quality, job.narration)
    if key_of(inputs) != job.key:
        atomic_write_text(job_file.with_name(f"{job.id}.mismatch.json"), json.dumps(inputs))
        print(f"clip {job.id!r}: this checkout's code gives another input key than the build's", file=sys.stderr)
        return MISMATCH_EXIT
    try:
        render_clip(job, progress)
    finally:
        progress.close()
    return 0


def write_job(job: ClipJob, path: Path) -> None:
    path.write_text(json.dumps(asdict(job)), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
