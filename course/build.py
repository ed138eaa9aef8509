"""Build a whole course: plan, render what changed in parallel, write manifest and gallery.

Safety, step by step:

- One build per output folder at a time (an ``flock`` that dies with its process).
- Each clip renders in a fresh process and private temporary folder (on this machine or a
  Dask worker, see :mod:`course.runners`), and appears under ``clips/`` by one atomic rename
  (see :mod:`course.jobs`).
- A clip whose inputs did not change is reused, after its files' hashes are checked and
  its video is checked to decode.
- The build writes only into a folder it made (see :mod:`course.output`): ``manifest.json``
  and ``index.html`` are replaced atomically, only after every clip is ready; the clip
  folders of older versions its ledger records are removed only after that, and nothing
  else. An interrupted build (Ctrl-C, SIGTERM, even SIGKILL) therefore leaves the previous
  course intact, and the next build completes it.
- Each clip's ``embed.html`` (for an ``<iframe>``) is written into its folder after every
  clip is ready; ``--scorm`` adds ``course-scorm.zip``, written atomically, before the
  manifest, and only over a package the build itself wrote.
"""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

from .cluster import DaskRunner, connect  # (dask itself is imported only when used)
from .course_file import Course
from .embed import write_embed_pages
from .gallery import gallery_html
from .jobs import ClipJob, clip_record_ok, input_key
from .output import owned_output
from .progress import BuildProgress
from .runners import BuildFailed, LocalRunner, render_all
from .scorm import SCORM_NAME, write_scorm_zip

__all__ = ["BuildFailed", "build_course"]


def build_course(
    course: Course,
    out: Path,
    quality: str = "high",
    jobs: int | None = None,
    scheduler: str | None = None,
    live: bool | None = None,
    scorm: bool = False,
) -> Path:
    """Build ``course`` into ``out``; return the path of ``index.html``.

    Clips render ``jobs`` at a time on this machine, or as tasks on the Dask scheduler at
    ``scheduler`` (``tcp://HOST:PORT``). ``live`` forces the live progress display on or off
    (default: on when stdout is a terminal). Every clip gets its page for an ``<iframe>``
    (:mod:`course.embed`); ``scorm`` also writes the SCORM 1.2 package ``course-scorm.zip``
    (:mod:`course.scorm`), and without it a package an earlier build wrote is removed.
    """
    out = Path(out).absolute()
    jobs = max(1, jobs or os.cpu_count() or 1)
    course = checked_narration(course)  # a missing voice or a bad recording: one line, nothing touched
    course = course.themed()  # the course's theme in every clip that has none of its own
    client = connect(scheduler) if scheduler else None  # before touching ``out``: a bad address changes nothing
    try:
        return _build(course, out, quality, jobs, client, live, scorm)
    finally:
        if client is not None:
            client.close()


def checked_narration(course: Course) -> Course:
    """``course`` with its narration's voice checked and its recordings found and checked
    (:func:`course.narration.check_recordings`); ``CourseError`` before anything renders."""
    if course.narration is None:
        return course
    from dataclasses import replace

    from .course_file import CourseError
    from .narration import check_engine, check_recordings

    check_engine(course.narration, course.source)
    missing = missing_voice(course.narration.voice)
    if missing:
        raise CourseError(f"{course.source}: [narration]: {missing}")
    return replace(course, narration=check_recordings(course.narration, course.clips, course.source))


def missing_voice(voice: str) -> str | None:
    """Why the voice ``voice`` of an installed engine cannot speak, or None: an espeak-ng voice
    that ``espeak-ng --voices`` does not list (else every clip would fail mid-render)."""
    if not voice.strip().startswith("espeak-ng:"):
        return None
    from scenes.kit.voice import _espeak_voices

    name = voice.strip().partition(":")[2]
    return None if name in _espeak_voices() else f"voice {voice.strip()!r}: espeak-ng has no voice {name!r} (see espeak-ng --voices)"


def _build(course: Course, out: Path, quality: str, jobs: int, client, live: bool | None, scorm: bool = False) -> Path:
    with owned_output(out, gallery_html) as output:
        if scorm:
            output.check_own_file(SCORM_NAME)  # someone else's file there: refused before anything renders
        work = output.new_work_dir()
        try:
            clips_dir = output.clips_dir()
            spoken = {clip.id: course.narration.for_clip(clip.id) if course.narration else None for clip in course.clips}
            planned = [
                ClipJob(
                    id=clip.id,
                    scene=clip.scene,
                    params=clip.params,
                    quality=quality,
                    key=input_key(clip.scene, clip.params, quality, spoken[clip.id]),
                    clips_dir=str(clips_dir),
                    work_dir=str(work),
                    narration=spoken[clip.id],
                )
                for clip in course.clips
            ]
            records: dict[str, dict] = {}
            to_render = []
            for job in planned:
                output.check_clip_folder(job.folder_name)
                record = clip_record_ok(clips_dir / job.folder_name, job.key)
                if record is None:
                    to_render.append(job)
                else:
                    records[job.id] = record
            output.claim_clip_folders(job.folder_name for job in to_render)
            lengths = _previous_lengths(out)
            to_render.sort(key=lambda job: -(lengths.get(job.id) or 0.0))  # longest first: the last clip ends soonest
            progress = BuildProgress([(job.id, job.scene, lengths.get(job.id)) for job in to_render], len(planned), live=live)
            try:
                runner = DaskRunner(client, work, progress) if client is not None else LocalRunner(jobs, work, progress)
                progress.note(
                    f"{course.title}: {len(planned)} clips, {len(planned) - len(to_render)} up to date, "
                    f"{len(to_render)} to render (quality {quality}, on {runner.where})"
                )
                records.update(_interruptible(render_all, runner, to_render, progress, output.keep_failed_log))
            finally:
                progress.close()

            manifest = _manifest(course, planned, records)
            write_embed_pages(out, manifest)  # clips/<folder>/embed.html, named in the manifest
            if scorm:
                output.write_own_file(SCORM_NAME, lambda path: write_scorm_zip(out, manifest, path))
                manifest["scorm"] = SCORM_NAME
            manifest_text = json.dumps(manifest, indent=2, allow_nan=False) + "\n"
            output.publish(manifest_text, gallery_html(manifest), keep={job.folder_name for job in planned})
            if not scorm:
                output.drop_own_file(SCORM_NAME)  # a package of an earlier build no longer matches
        finally:
            output.drop_work_dir()  # a temporary folder of a clip never outlives the build
    return out / "index.html"


def _interruptible(function, *args):
    """Call ``function`` with SIGTERM raising KeyboardInterrupt, as Ctrl-C does."""

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return function(*args)
    finally:
        signal.signal(signal.SIGTERM, previous)


def _previous_lengths(out: Path) -> dict[str, float]:
    """Each clip's length in the folder's previous build (by id), to estimate time left."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        return {clip["id"]: float(clip["duration"]) for clip in manifest["clips"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _manifest(course: Course, planned: list[ClipJob], records: dict[str, dict]) -> dict:
    clips = []
    by_id = {clip.id: clip for clip in course.clips}
    for job in planned:
        record = records[job.id]
        folder = f"clips/{job.folder_name}/"
        clips.append(
            {
                "id": job.id,
                "title": by_id[job.id].title,
                "scene": job.scene,
                "params": job.params,
                "duration": record["duration"],
                "width": record["width"],
                "height": record["height"],
                "fps": record["fps"],
                "files": {kind: folder + name for kind, name in record["files"].items()},
                "sha256": record["sha256"],
                "chapters": record.get("chapters", []),  # [{title, start, end}], see course.chapters
                "description": record.get("description", []),  # "0:00 The curve" lines
                "transcript": record.get("transcript", ""),
            }
        )
    return {"title": course.title, "quality": planned[0].quality if planned else None, "clips": clips}
