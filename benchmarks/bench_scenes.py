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

Run: ``.venv/bin/python benchmarks/bench_scenes.py [--2d] [--repeat N] [SceneName | path.py:SceneName ...]``
(``path.py:SceneName`` times a scene that is not in the catalog, as a 3-D scene).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from render_timing import minimal_timed, render_timed, video_seconds, warm_up  # noqa: E402

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


def measure(path: str, scene: str, target: float) -> tuple[str, bool]:
    """One row: the scene and a minimal scene as long, side by side; and whether it is over."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        media = Path(tmp)
        warm_up(path, scene, media)
        timing, video = render_timed(path, scene, media)
        duration = video_seconds(video)
        baseline = minimal_timed(duration, media)
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
            row, above = measure(path, scene, target)
            over += above
            print(row, flush=True)
    print(f"\n{over} row(s) above target (wall ratio; cpu ratio for comparison)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
