"""Course build benchmarks, printed in one run.

1. Local parallelism: a cold build with ``--jobs 2`` against ``--jobs 1`` (on 2 cores the
   ratio should be clearly below 1), and a rebuild with nothing changed.
2. Dask: the same cold build through a 2-worker Dask cluster on this machine
   (``LocalCluster``, one thread per worker) against local ``--jobs 2``: about 1.0 means the
   cluster path costs nothing extra.
3. Scaling out: each clip's render time (from the ``--jobs 1`` build, so uncontended) and, from
   them, the predicted build time on 4, 16 and 64 workers: the bound max(longest clip,
   total / N), and the longest-first schedule the build uses.

All builds go into fresh folders (nothing reused).

4. The real-time check: a cold build of the default course at high quality (1080p60, every
   output) with ``--jobs 2``, its wall time against the length of the video it makes (below 1.0:
   faster than real time), and the CPU seconds it used per second of video (``wall x cores``
   bounds it from above; on a busy machine it is the steadier number); once silent
   (``--silent``) and once narrated (the default course's Piper voice, with an empty speech
   cache), side by side with their ratio. The narrated clips are longer (beats wait for
   speech), so compare the wall / video and CPU / video columns.

Run: ``.venv/bin/python benchmarks/bench_course.py [COURSE_FILE] [--quality low|medium|high|4k]``
(default: the lesson, at low quality, for parts 1-3). ``--real-time QUALITY [--silent-only]``
runs part 4 alone, at that quality (``--real-time low --silent-only``: the 480p silent build).
"""

from __future__ import annotations

import argparse
import heapq
import json
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build(out: Path, course: list[str], quality: str, *options: str) -> tuple[float, str]:
    """Wall time and output of one ``lessons build`` (plain progress lines)."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "course.cli", "build", *course, "--out", str(out), "--quality", quality, *options],
        cwd=ROOT, check=True, capture_output=True, text=True,
    )
    return time.perf_counter() - start, result.stdout


def bench_real_time(out: Path, jobs: int = 2, silent: bool = False, quality: str = "high") -> tuple[float, float, float, float]:
    """Cold build of the default course (high quality unless told), silent or narrated (speech
    not cached); return (wall s, video s, wall / video, CPU / video)."""
    import os

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    env = {**os.environ, "LESSONS_SPEECH_DIR": str(out.parent / f"speech-{out.name}")}
    subprocess.run(
        [sys.executable, "-m", "course.cli", "build", "--out", str(out), "--quality", quality, "--jobs", str(jobs), *(["--silent"] if silent else [])],
        cwd=ROOT, check=True, stdout=subprocess.DEVNULL, env=env,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    video = sum(clip["duration"] for clip in json.loads((out / "manifest.json").read_text())["clips"])
    return wall, video, wall / video, cpu / video


QUALITY_NAMES = {"low": "480p15", "medium": "720p30", "high": "1080p60", "4k": "2160p60"}


def print_real_time(jobs: int = 2, quality: str = "high", silent_only: bool = False) -> None:
    """Part 4: silent and narrated cold builds of the default course, side by side."""
    rows = {}
    kinds = (("silent", True),) if silent_only else (("silent", True), ("narrated", False))
    for name, silent in kinds:
        with tempfile.TemporaryDirectory() as tmp:
            rows[name] = bench_real_time(Path(tmp) / name, jobs, silent, quality)
    print(f"cold build, default course, {QUALITY_NAMES[quality]}, --jobs {jobs} (below 1 in wall / video: faster than real time)")
    print(f"  {'':10s} {'wall s':>8s} {'video s':>8s} {'wall/video':>11s} {'CPU/video':>10s}")
    for name, (wall, video, ratio, cpu) in rows.items():
        print(f"  {name:10s} {wall:8.1f} {video:8.1f} {ratio:11.2f} {cpu:10.2f}")
    if silent_only:
        return
    (_, _, silent_ratio, silent_cpu), (_, _, spoken_ratio, spoken_cpu) = rows["silent"], rows["narrated"]
    print(f"  narrated / silent: wall/video x{spoken_ratio / silent_ratio:.2f}, CPU/video x{spoken_cpu / silent_cpu:.2f}")


def clip_times(output: str) -> dict[str, float]:
    """Each clip's wall time from a build's ``[k/N] done ID in S s`` lines."""
    return {clip: float(seconds) for clip, seconds in re.findall(r"\] done (\S+) in ([0-9.]+) s", output)}


def predicted_build_time(times: list[float], workers: int) -> tuple[float, float]:
    """(lower bound, longest-first schedule) of rendering clips of these ``times`` on ``workers``."""
    bound = max(max(times), sum(times) / workers)
    ends = [0.0] * workers
    for duration in sorted(times, reverse=True):
        heapq.heappush(ends, heapq.heappop(ends) + duration)
    return bound, max(ends)


def bench_local(tmp: Path, course: list[str], quality: str) -> tuple[float, dict[str, float]]:
    """Part 1; returns the ``--jobs 2`` wall time and the per-clip times of ``--jobs 1``."""
    one, output = build(tmp / "jobs1", course, quality, "--jobs", "1")
    two, _ = build(tmp / "jobs2", course, quality, "--jobs", "2")
    again, _ = build(tmp / "jobs2", course, quality, "--jobs", "2")
    print(f"cold build --jobs 1: {one:7.1f} s")
    print(f"cold build --jobs 2: {two:7.1f} s   ratio jobs2/jobs1 = {two / one:.2f}")
    print(f"rebuild, nothing changed: {again:5.1f} s")
    return two, clip_times(output)


def bench_dask(tmp: Path, course: list[str], quality: str, local_two: float) -> None:
    """Part 2: the same cold build through a 2-worker Dask cluster on this machine."""
    from distributed import LocalCluster

    sys.path.insert(0, str(ROOT))  # the workers import the project like this process
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask, _ = build(tmp / "dask", course, quality, "--scheduler", cluster.scheduler_address)
    print(f"cold build, Dask cluster of 2 workers: {dask:7.1f} s   ratio dask/jobs2 = {dask / local_two:.2f}")


def print_scaling(times: dict[str, float]) -> None:
    """Part 3: per-clip times and the predicted build time on more workers."""
    print("\nper-clip render time (--jobs 1):")
    for clip, seconds in sorted(times.items(), key=lambda item: -item[1]):
        print(f"  {clip:40s} {seconds:7.1f} s")
    values = list(times.values())
    print(f"  {'total':40s} {sum(values):7.1f} s")
    print("predicted build time (lower bound max(longest, total/N); longest-first schedule):")
    for workers in (4, 16, 64):
        bound, schedule = predicted_build_time(values, workers)
        print(f"  {workers:3d} workers: {bound:7.1f} s  {schedule:7.1f} s")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("course", nargs="?", help="a course file (default: the lesson)")
    parser.add_argument("--quality", default="low", choices=["low", "medium", "high", "4k"])
    parser.add_argument("--real-time", metavar="QUALITY", choices=list(QUALITY_NAMES),
                        help="only part 4, the default course's cold build, at this quality (low, medium, high, 4k)")
    parser.add_argument("--silent-only", action="store_true", help="with --real-time: the silent build only")
    args = parser.parse_args(argv)
    if args.silent_only and not args.real_time:
        parser.error("--silent-only goes with --real-time QUALITY")
    if args.real_time:
        print_real_time(quality=args.real_time, silent_only=args.silent_only)
        return 0
    course = [args.course] if args.course else []
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        local_two, times = bench_local(tmp, course, args.quality)
        bench_dask(tmp, course, args.quality, local_two)
    print_scaling(times)
    print()
    print_real_time()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
