"""The job process's side of :mod:`course.job_process`: report progress, end with the parent.

A job process started by the build gets a pipe for progress lines (its number in
``LESSONS_PROGRESS_FD``) and a pipe on stdin that closes when the build ends. Started by
hand (``python -m course.jobs JOB.json`` in a terminal) it has neither, and both helpers
do nothing.
"""

from __future__ import annotations

import json
import os
import stat
import threading
from collections.abc import Callable

__all__ = ["ProgressReporter", "exit_with_parent"]


def exit_with_parent() -> None:
    """End this process as soon as its stdin pipe closes (the parent is gone)."""
    try:
        if not stat.S_ISFIFO(os.fstat(0).st_mode):
            return
    except OSError:
        return

    def watch() -> None:  # raw reads: no lock of sys.stdin to trip over at interpreter exit
        try:
            while os.read(0, 1 << 16):
                pass
        except OSError:
            pass
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()


class ProgressReporter:
    """Every ``interval`` seconds, send ``{"phase": ..., "seconds": ...}`` to the parent.

    ``seconds`` comes from a callable set with :meth:`follow` (the seconds of video the
    renderer has drawn so far); :meth:`phase` names the current phase and reports at once.
    """

    def __init__(self, interval: float = 0.5) -> None:
        fd = os.environ.get("LESSONS_PROGRESS_FD")
        self._out = None
        if fd and fd.isdigit():
            try:
                self._out = os.fdopen(int(fd), "w", buffering=1, encoding="utf-8")
            except OSError:
                self._out = None
        self._interval = interval
        self._phase, self._seconds = "starting", lambda: 0.0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        if self._out is not None:
            threading.Thread(target=self._run, name="progress", daemon=True).start()

    def phase(self, name: str, seconds: Callable[[], float] | None = None) -> None:
        with self._lock:
            self._phase = name
            if seconds is not None:
                self._seconds = seconds
        self._send()

    def _send(self) -> None:
        if self._out is None:
            return
        with self._lock:
            try:
                line = json.dumps({"phase": self._phase, "seconds": round(float(self._seconds()), 3)})
                self._out.write(line + "\n")
            except (OSError, ValueError, AttributeError, TypeError):
                pass  # progress is a courtesy: a reader that went away must not fail the render

    def _run(self) -> None:
        while not self._stop.wait(self._interval):
            self._send()

    def close(self) -> None:
        self._stop.set()
        if self._out is not None:
            try:
                self._out.close()
            except OSError:
                pass
