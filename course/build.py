"""Build a whole course: plan, render what changed in parallel, write manifest and gallery.

Safety, step by step:

- One build per output folder at a time (an ``flock`` that dies with its process).
- Each clip renders in its own worker process and private temporary folder, and appears
  under ``clips/`` by one atomic rename (see :mod:`course.jobs`).
- A clip whose inputs did not change is reused, after its files' hashes are checked and
  its video is checked to decode.
- The build writes only into a folder it made (see :mod:`course.output`): ``manifest.json``
  and ``index.html`` are replaced atomically, only after every clip is ready; the clip
  folders of older versions its ledger records are removed only after that, and nothing
  else. An interrupted build (Ctrl-C, SIGTERM, even SIGKILL) therefore leaves the previous
  course intact, and the next build completes it.
"""

from __future__ import annotations

import ctypes
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from .course_file import Course
from .gallery import gallery_html
from .jobs import ROOT, ClipJob, clip_record_ok, input_key, write_job
from .output import owned_output

__all__ = ["BuildFailed", "build_course"]


class BuildFailed(RuntimeError):
    """A clip failed to render; the message names it and points at its log."""


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    try:
        ctypes.CDLL("libc.so.6").prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def build_course(
    course: Course,
    out: Path,
    quality: str = "high",
    jobs: int | None = None,
    report: Callable[[str], None] = print,
) -> Path:
    """Build ``course`` into ``out``; return the path of ``index.html``."""
    out = Path(out).absolute()
    jobs = max(1, jobs or os.cpu_count() or 1)
    with owned_output(out, gallery_html) as output:
        work = output.new_work_dir()
        try:
            clips_dir = output.clips_dir()
            planned = [
                ClipJob(
                    id=clip.id,
                    scene=clip.scene,
                    params=clip.params,
                    quality=quality,
                    key=input_key(clip.scene, clip.params, quality),
                    clips_dir=str(clips_dir),
                    work_dir=str(work),
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
            total = len(planned)
            report(f"{course.title}: {total} clips, {total - len(to_render)} up to date, {len(to_render)} to render (quality {quality}, {jobs} jobs)")
            _run_parallel(to_render, jobs, work, records, total, report, output.keep_failed_log)

            manifest = _manifest(course, planned, records)
            manifest_text = json.dumps(manifest, indent=2, allow_nan=False) + "\n"
            output.publish(manifest_text, gallery_html(manifest), keep={job.folder_name for job in planned})
        finally:
            output.drop_work_dir()  # a temporary folder of a clip never outlives the build
    return out / "index.html"


def _run_parallel(
    to_render: list[ClipJob], jobs: int, work: Path, records: dict, total: int, report, keep_failed_log: Callable[[str, Path], Path]
) -> None:
    pending = list(to_render)
    running: dict[subprocess.Popen, tuple[ClipJob, float, Path]] = {}
    done = total - len(to_render)

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        while pending or running:
            while pending and len(running) < jobs:
                job = pending.pop(0)
                job_file, log = work / f"{job.id}.job.json", work / f"{job.id}.log"
                write_job(job, job_file)
                with open(log, "wb") as log_handle:
                    process = subprocess.Popen(
                        [sys.executable, "-m", "course.jobs", str(job_file)],
                        cwd=ROOT,
                        stdout=log_handle,
                        stderr=subprocess.STDOUT,
                        preexec_fn=_die_with_parent,
                    )
                running[process] = (job, time.monotonic(), log)
                report(f"[{done}/{total}] rendering {job.id} ({job.scene}) ... now: {', '.join(j.id for j, _, _ in running.values())}")
            time.sleep(0.2)
            for process in [p for p in running if p.poll() is not None]:
                job, started, log = running.pop(process)
                if process.returncode != 0:
                    tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:] or ["(no output)"]
                    kept = keep_failed_log(job.id, log)
                    raise BuildFailed(f"clip {job.id!r} ({job.scene}) failed: {tail[0]} (full log: {kept})")
                done += 1
                record = clip_record_ok(Path(job.clips_dir) / job.folder_name, job.key)
                if record is None:
                    raise BuildFailed(f"clip {job.id!r} rendered but its files did not check out")
                records[job.id] = record
                report(f"[{done}/{total}] done {job.id} in {time.monotonic() - started:.1f} s")
    finally:
        for process in running:
            process.kill()
        for process in running:
            process.wait()
        signal.signal(signal.SIGTERM, previous)


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
            }
        )
    return {"title": course.title, "quality": planned[0].quality if planned else None, "clips": clips}
