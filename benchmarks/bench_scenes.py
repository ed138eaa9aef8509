"""Render cost of each lesson scene at 1080p60 against a minimal scene of the same length.

For every scene: one small warm-up render (fills the LaTeX cache, so compiling formulas is
not what is measured), then the scene at 1920x1080, 60 fps, then the minimal scene (one dot
crossing the frame) for exactly as long as the scene's video, both in fresh processes. The
ratio scene / minimal is the price of the lesson's drawing over the fixed cost of making
and encoding frames. Targets: at most 1.5 for a 2-D scene, 2 for a 3-D scene (whose camera
moves, so every frame redraws the hillside).

The target is on the wall-time ratio. Beside it the ratio of CPU seconds (the two processes,
all threads) is printed: when other work on the machine comes and goes between the two
renders, that one stays put while the wall ratio moves. ``--repeat N`` times each scene N
times (a row each), for a busy machine; the load average is printed with each row.
``--bracket`` renders the minimal scene before and after the scene and averages the two, so
a load that rises or falls during a row weighs on both sides alike.

Run: ``.venv/bin/python benchmarks/bench_scenes.py [--2d] [--repeat N] [--bracket] [SceneName | path.py:SceneName ...]``
(``path.py:SceneName`` times a scene that is not in the catalog, as a 3-D scene).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from render_timing import Timing, minimal_timed, render_timed, video_seconds, warm_up  # noqa: E402

from scenes.catalog import LESSON  # noqa: E402

TARGET_2D = 1.5
TARGET_3D = 2.0

HEADER = (
    f"{'scene':<20} {'video s':>7} {'scene s':>8} {'minimal s':>9} {'ratio':>6} {'target':>6}"
    f" {'cpu s':>7} {'min cpu':>7} {'cpu ratio':>9} {'load':>5}"
)


def chosen(names: list[str]) -> list[tuple[str, str, float]]:
    """(path, scene, target) of the catalog scenes named (all when none are) and of the
    ``path.py:Scene`` arguments; ``ValueError`` for a name that is neither."""
    known = {entry.scene for entry in LESSON}
    unknown = [name for name in names if ":" not in name and name not in known]
    if unknown:
        raise ValueError(f"not a catalog scene: {', '.join(unknown)} (known: {', '.join(sorted(known))}; or path.py:Scene)")
    plain = [name for name in names if ":" not in name]
    jobs = [
        (entry.path, entry.scene, TARGET_3D if entry.three_d else TARGET_2D)
        for entry in LESSON
        if not names or entry.scene in plain
    ]
    for name in names:
        if ":" in name:
            path, scene = name.split(":", 1)
            jobs.append((path, scene, TARGET_3D))
    return jobs


def _dry_length(path: str, scene: str) -> float:
    """The clip's length from a dry run (no frame drawn), in a fresh process."""
    module = path[:-3].replace("/", ".")
    code = (
        "import importlib, sys; from scenes.kit.storyboard import dry_run; "
        "print(dry_run(getattr(importlib.import_module(sys.argv[1]), sys.argv[2])).duration)"
    )
    done = subprocess.run([sys.executable, "-c", code, module, scene], cwd=ROOT, check=True, capture_output=True, text=True)
    return float(done.stdout.split()[-1])


def measure(path: str, scene: str, target: float, bracket: bool = False) -> tuple[str, bool]:
    """One row: the scene and a minimal scene as long, side by side; and whether it is over.
    With ``bracket``, the minimal scene is also rendered before the scene and the two times
    averaged, so a load that rises or falls during the row weighs on both sides alike."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        media = Path(tmp)
        warm_up(path, scene, media)
        if bracket:  # the video's length is known only after the scene: a dry run tells it first
            before = minimal_timed(_dry_length(path, scene), media)
        timing, video = render_timed(path, scene, media)
        duration = video_seconds(video)
        baseline = minimal_timed(duration, media)
        if bracket:
            baseline = Timing((before.wall + baseline.wall) / 2, (before.cpu + baseline.cpu) / 2)
    ratio = timing.wall / baseline.wall
    flag = "" if ratio <= target else "  ABOVE TARGET"
    row = (
        f"{scene:<20} {duration:7.1f} {timing.wall:8.1f} {baseline.wall:9.1f} {ratio:6.2f} {target:6.1f}"
        f" {timing.cpu:7.1f} {baseline.cpu:7.1f} {timing.cpu / baseline.cpu:9.2f} {load:5.1f}{flag}"
    )
    return row, ratio > target


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="catalog scenes (default: all) or path.py:Scene")
    parser.add_argument("--2d", dest="two_d", action="store_true", help="the 2-D catalog scenes only (bench_surfaces.py times the 3-D ones)")
    parser.add_argument("--repeat", type=int, default=1, help="time each scene this many times (a row each)")
    parser.add_argument("--bracket", action="store_true", help="render the minimal scene before and after the scene, and average")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, got {args.repeat}")
    names = list(args.names)
    if args.two_d:
        names += [entry.scene for entry in LESSON if not entry.three_d]
    try:
        jobs = chosen(names)
    except ValueError as error:
        parser.error(str(error))
    print(HEADER, flush=True)
    over = 0
    for path, scene, target in jobs:
        for _ in range(args.repeat):
            row, above = measure(path, scene, target, args.bracket)
            over += above
            print(row, flush=True)
    print(f"\n{over} row(s) above target (wall ratio; cpu ratio for comparison)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
