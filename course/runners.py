"""One build loop over a :class:`concurrent.futures.Executor`, here or on a Dask cluster.

A :class:`Runner` owns an executor and knows how a rendered clip reaches ``clips/``:

- :class:`LocalRunner`: a thread pool of ``jobs`` threads, each running one clip at a time
  in a fresh process (:func:`course.job_process.run_job`), which publishes the clip's folder
  itself.
- :class:`course.cluster.DaskRunner`: the Dask client's executor; the clip's files come back
  as bytes and the client publishes them.

:func:`render_all` is the loop both share: submit every clip, collect results as they
finish, check each clip's files, keep the display moving, and on any way out (done, a failed
clip, Ctrl-C, SIGTERM) stop every clip still running.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .job_process import ClipFailed, JobProcesses, WrongProjectCode, run_job
from .jobs import ClipJob, clip_record_ok, key_inputs
from .sources import describe_difference

__all__ = ["BuildFailed", "LocalRunner", "Rendered", "Runner", "render_all"]


class BuildFailed(RuntimeError):
    """A clip failed to render; the message names it and points at its log."""


@dataclass(frozen=True)
class Rendered:
    """What a task returns: which clip, how long it took, where, and (from afar) its files."""

    clip: str
    wall: float
    where: str
    folder: str
    files: dict[str, bytes] | None = None


class Runner:
    """Runs clips on an executor; subclasses say where (see the module docstring)."""

    executor: concurrent.futures.Executor
    work: Path  # the build's temporary folder
    where = "here"

    def submit(self, job: ClipJob) -> concurrent.futures.Future:
        raise NotImplementedError

    def receive(self, job: ClipJob, rendered: Rendered) -> dict:
        """The published clip's record, once its files check out."""
        record = clip_record_ok(Path(job.clips_dir) / job.folder_name, job.key)
        if record is None:
            raise BuildFailed(f"clip {job.id!r} rendered but its files did not check out")
        return record

    def refuse(self, job: ClipJob, error: WrongProjectCode) -> None:
        """A job process refused ``job``: its code differs. Raise if no one else can render it."""
        why = describe_difference(key_inputs(job.scene, job.params, job.quality, job.narration), error.inputs)
        raise BuildFailed(f"the project's code changed during the build ({why}); run the build again")

    def stop(self) -> None:
        """Stop every clip still running or waiting; wait for them to end."""


class LocalRunner(Runner):
    """``jobs`` clips at a time on this machine, each in a fresh process."""

    def __init__(self, jobs: int, work: Path, progress) -> None:
        self.executor = concurrent.futures.ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="clip")
        self.processes = JobProcesses()
        self.work, self.progress = work, progress
        self.where = f"{jobs} job{'s' if jobs > 1 else ''}"

    def submit(self, job: ClipJob) -> concurrent.futures.Future:
        return self.executor.submit(self._render, job)

    def _render(self, job: ClipJob) -> Rendered:
        wall = run_job(job, self.work, self.processes, self.progress.update)
        return Rendered(job.id, wall, "local", job.folder_name)

    def stop(self) -> None:
        self.processes.stop()
        self.executor.shutdown(wait=True, cancel_futures=True)


def render_all(runner: Runner, jobs: list[ClipJob], progress, keep_failed_log: Callable[[str, Path], Path]) -> dict[str, dict]:
    """Render ``jobs`` through ``runner``; return each clip's record by id.

    A failed clip raises :class:`BuildFailed` naming it, with its log kept where
    ``keep_failed_log(clip_id, log)`` puts it. Whatever happens, no clip is left running.
    """
    records: dict[str, dict] = {}
    futures = {}
    try:
        for job in jobs:
            futures[runner.submit(job)] = job
        while futures:
            done, _ = concurrent.futures.wait(futures, timeout=0.25, return_when=concurrent.futures.FIRST_COMPLETED)
            progress.tick()
            for future in done:
                job = futures.pop(future)
                try:
                    rendered = future.result()
                except WrongProjectCode as error:
                    runner.refuse(job, error)
                    futures[runner.submit(job)] = job
                    continue
                except ClipFailed as error:
                    log = runner.work / f"{job.id}.log"
                    if not log.exists():  # rendered elsewhere: its log came back with the error
                        log.write_text(error.log, encoding="utf-8")
                    kept = keep_failed_log(job.id, log)
                    raise BuildFailed(f"clip {job.id!r} ({job.scene}) failed: {error.line} (full log: {kept})") from None
                except (BuildFailed, KeyboardInterrupt):
                    raise
                except Exception as error:  # e.g. a Dask worker that cannot import the project
                    raise BuildFailed(f"clip {job.id!r} could not run on {runner.where}: {type(error).__name__}: {error}") from None
                records[job.id] = record = runner.receive(job, rendered)
                progress.finished(job.id, rendered.wall, record["duration"])
    finally:
        runner.stop()
    return records
