"""Wall time of a cold course build with ``--jobs 2`` against ``--jobs 1``, in one run.

Both build the same course at low quality into fresh folders (nothing reused). On a
2-core machine the ratio jobs2 / jobs1 should be clearly below 1. Also times a rebuild with
nothing changed (it only checks hashes and decodability).

Run: ``.venv/bin/python benchmarks/bench_course.py [COURSE_FILE]`` (default: the lesson).
"""

from __future__ import annotations

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


def main(argv: list[str]) -> int:
    course = argv[:1]
    with tempfile.TemporaryDirectory() as tmp:
        one = build(Path(tmp) / "jobs1", 1, course)
        two = build(Path(tmp) / "jobs2", 2, course)
        again = build(Path(tmp) / "jobs2", 2, course)
    print(f"cold build --jobs 1: {one:7.1f} s")
    print(f"cold build --jobs 2: {two:7.1f} s   ratio jobs2/jobs1 = {two / one:.2f}")
    print(f"rebuild, nothing changed: {again:5.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
