"""Wall time of a cold course build with ``--jobs 2`` against ``--jobs 1``, in one run.

Both build the same course at low quality into fresh folders (nothing reused). On a
2-core machine the ratio jobs2 / jobs1 should be clearly below 1. Also times a rebuild with
nothing changed (it only checks hashes and decodability).

Then the real-time check: a cold build of the default course at high quality (1080p60, every
output) with ``--jobs 2``, its wall time against the length of the video it makes (below 1.0:
faster than real time), and the CPU seconds it used per second of video (``wall x cores``
bounds it from above; on a busy machine it is the steadier number).

Run: ``.venv/bin/python benchmarks/bench_course.py [COURSE_FILE]`` (default: the lesson).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(out: Path, jobs: int, course: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "course.cli", "build", *course, "--out", str(out), "--quality", "low", "--jobs", str(jobs)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def bench_real_time(out: Path, jobs: int = 2) -> float:
    """Cold high-quality build of the default course; print and return wall / video seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "course.cli", "build", "--out", str(out), "--quality", "high", "--jobs", str(jobs)],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    video = sum(clip["duration"] for clip in json.loads((out / "manifest.json").read_text())["clips"])
    print(f"cold build, default course, 1080p60, --jobs {jobs}: {wall:7.1f} s for {video:.1f} s of video")
    print(f"  wall / video = {wall / video:.2f} (below 1: faster than real time); CPU / video = {cpu / video:.2f} core-s per s")
    return wall / video


def main(argv: list[str]) -> int:
    course = argv[:1]
    with tempfile.TemporaryDirectory() as tmp:
        one = build(Path(tmp) / "jobs1", 1, course)
        two = build(Path(tmp) / "jobs2", 2, course)
        again = build(Path(tmp) / "jobs2", 2, course)
    print(f"cold build --jobs 1: {one:7.1f} s")
    print(f"cold build --jobs 2: {two:7.1f} s   ratio jobs2/jobs1 = {two / one:.2f}")
    print(f"rebuild, nothing changed: {again:5.1f} s")
    with tempfile.TemporaryDirectory() as tmp:
        bench_real_time(Path(tmp) / "high")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
