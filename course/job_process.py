"""Run one clip's job in a fresh Python process, and hear how far it has got.

Manim's configuration is global to a process, so every clip renders in a process of its
own: ``python -m course.jobs JOB.json``. The same function runs it on this machine and on
a Dask worker. The job process reports progress as JSON lines on a pipe of its own
(``LESSONS_PROGRESS_FD``), and writes everything else to its log. It holds the read end
of a pipe on its stdin and exits when that closes, so it never outlives the process that
started it, even one killed with SIGKILL.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .jobs import MISMATCH_EXIT, ROOT, ClipJob, write_job

__all__ = [
    "ClipFailed",
    "JobProcesses",
    "Progress",
    "Stopped",
    "WrongProjectCode",
    "run_job",
]

LOG_LIMIT = 200_000  # characters of a failed job's log carried back to the build


@dataclass(frozen=True)
class Progress:
    """How far a clip has got: its phase and the seconds of video drawn so far."""

    clip: str
    phase: str  # "starting" | "drawing" | "encoding"
    seconds: float
    where: str = "local"


class ClipFailed(RuntimeError):
    """A job process ended with an error; ``log`` holds (the end of) its output."""

    def __init__(self, clip: str, line: str, log: str):
        super().__init__(f"clip {clip!r} failed: {line}")
        self.clip, self.line, self.log = clip, line, log

    def __reduce__(self):  # travels back from a Dask worker
        return type(self), (self.clip, self.line, self.log)


class WrongProjectCode(RuntimeError):
    """A job process computed another input key than the job's: its code differs.

    ``inputs`` are that process's key inputs (sources by file, manim's version, ...).
    """

    def __init__(self, clip: str, inputs: dict, where: str = "local"):
        super().__init__(f"clip {clip!r}: the code at {where} gives another input key")
        self.clip, self.inputs, self.where = clip, inputs, where

    def __reduce__(self):
        return type(self), (self.clip, self.inputs, self.where)


class Stopped(RuntimeError):
    """The build is stopping; no new job process starts and running ones are killed."""


class JobProcesses:
    """The live job processes of one build, so that stopping it kills every one of them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._live: set[subprocess.Popen] = set()
        self._stopped = False

    def start(self, argv: list[str], **options) -> subprocess.Popen:
        with self._lock:
            if self._stopped:
                raise Stopped("the build is stopping")
            process = subprocess.Popen(argv, **options)
            self._live.add(process)
            return process

    def finished(self, process: subprocess.Popen) -> None:
        with self._lock:
            self._live.discard(process)

    @property
    def stopped(self) -> bool:
        return self._stopped

    def stop(self) -> None:
        """Kill every running job process; refuse new ones."""
        with self._lock:
            self._stopped = True
            for process in self._live:
                process.kill()


def run_job(
    job: ClipJob,
    folder: Path,
    processes: JobProcesses,
    on_progress: Callable[[Progress], None] = lambda progress: None,
    where: str = "local",
) -> float:
    """Render ``job`` in a fresh process; return the wall time in seconds.

    The job file and log go into ``folder``. Raises :class:`ClipFailed` when the process
    fails, :class:`WrongProjectCode` when it refuses the job's key, :class:`Stopped` when
    ``processes`` was stopped meanwhile.
    """
    started = time.monotonic()
    job_file, log = folder / f"{job.id}.job.json", folder / f"{job.id}.log"
    write_job(job, job_file)
    read_end, write_end = os.pipe()
    try:
        with open(log, "wb") as log_handle:
            process = processes.start(
                [sys.executable, "-m", "course.jobs", str(job_file)],
                cwd=ROOT,
                stdin=subprocess.PIPE,
                stdout=log_handle,
                stderr=subprocess.STDOUT,
                pass_fds=(write_end,),
                env={**os.environ, "LESSONS_PROGRESS_FD": str(write_end)},
            )
    except BaseException:
        os.close(read_end)
        raise
    finally:
        os.close(write_end)
    try:
        with os.fdopen(read_end, "rb") as reports:
            for line in reports:  # ends when the process exits
                try:
                    report = json.loads(line)
                    on_progress(Progress(job.id, str(report["phase"]), float(report["seconds"]), where))
                except (ValueError, KeyError, TypeError):
                    continue
        code = process.wait()
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        process.stdin.close()
        processes.finished(process)
    if processes.stopped:
        raise Stopped("the build is stopping")
    if code == MISMATCH_EXIT and (folder / f"{job.id}.mismatch.json").exists():
        raise WrongProjectCode(job.id, json.loads((folder / f"{job.id}.mismatch.json").read_text(encoding="utf-8")), where)
    if code != 0:
        text = log.read_text(encoding="utf-8", errors="replace")[-LOG_LIMIT:]
        lines = text.strip().splitlines() or [f"(no output; exit code {code})"]
        raise ClipFailed(job.id, lines[-1], text)
    return time.monotonic() - started
