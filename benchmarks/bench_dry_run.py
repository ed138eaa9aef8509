"""What a lesson's dry run costs, and how much of it the picture facts and the layout check take.

A dry run (:func:`scenes.kit.storyboard.dry_run`) builds a scene and runs its ``construct()``
with every animation skipped: no frame is drawn. The tests run it over families of functions,
``lessons storyboard --dry`` prints it, and ``validate()`` runs one before every render of a
course clip (the clip-length check), so its cost is paid once per clip in every build.

For every catalog scene, in this one process, after one warm-up dry run (imports, the TeX
cache): the dry run as the tools run it (validate, build, construct, the picture facts
collected at each beat's start and end, the layout check at each beat's end), with the time
spent inside the kit's ``collect_picture`` (every module that imported it sees a timed
wrapper during the run) and inside the layout check (``storyboard._check_layout``) summed
separately; and ``validate()`` alone, without its own dry run (settings, formulas,
``check()``). Times are CPU seconds of this process, best of ``--repeat`` runs (steadier than
wall time on a shared machine; the wall time of the dry run is printed too). ``video s`` is
the clip's length as the dry run times it, so the last column says how much of a second of
video the dry run costs.

Run: ``.venv/bin/python benchmarks/bench_dry_run.py [--repeat N] [SceneName ...]``
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenes.catalog import LESSON  # noqa: E402
from scenes.kit import picture, storyboard  # noqa: E402
from scenes.kit.clip_bounds import bounds_unchecked  # noqa: E402
from scenes.kit.storyboard import dry_run  # noqa: E402


class Stopwatch:
    """CPU seconds spent inside the functions it wraps, and how many calls."""

    def __init__(self) -> None:
        self.seconds, self.calls = 0.0, 0

    def wrap(self, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            begin = time.process_time()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - begin
                self.calls += 1

        return timed


@contextmanager
def timed_parts(facts: Stopwatch, layout: Stopwatch) -> Iterator[None]:
    """Time ``collect_picture`` (in every project module that bound it) and the dry run's
    layout check, until the block ends."""
    original = picture.collect_picture
    holders = [
        module
        for name, module in list(sys.modules.items())
        if (name == "scenes" or name.startswith("scenes.")) and getattr(module, "collect_picture", None) is original
    ]
    check = storyboard._check_layout
    for module in holders:
        module.collect_picture = facts.wrap(original)
    storyboard._check_layout = layout.wrap(check)
    try:
        yield
    finally:
        for module in holders:
            module.collect_picture = original
        storyboard._check_layout = check


def cpu_and_wall(run: Callable[[], object]) -> tuple[float, float, object]:
    cpu, wall = time.process_time(), time.perf_counter()
    result = run()
    return time.process_time() - cpu, time.perf_counter() - wall, result


def best(run: Callable[[], object], repeat: int) -> tuple[float, float, object]:
    """(least CPU s, least wall s, last result) of ``repeat`` runs."""
    tries = [cpu_and_wall(run) for _ in range(repeat)]
    return min(t[0] for t in tries), min(t[1] for t in tries), tries[-1][2]


def validate_only(scene_class: type) -> None:
    with bounds_unchecked():
        scene_class.validate()


def measure(scene_class: type, repeat: int) -> dict[str, float]:
    dry_run(scene_class)  # warm-up: imports, TeX and text caches
    runs = []
    for _ in range(repeat):
        facts, layout = Stopwatch(), Stopwatch()
        with timed_parts(facts, layout):
            cpu, wall, board = cpu_and_wall(lambda: dry_run(scene_class))
        runs.append((cpu, wall, facts, layout, board))
    cpu, wall, facts, layout, board = min(runs, key=lambda run: run[0])
    validate, _, _ = best(lambda: validate_only(scene_class), repeat)
    return {
        "video": board.duration,
        "beats": len(board.beats),
        "dry": cpu,
        "wall": wall,
        "facts": facts.seconds,
        "facts_calls": facts.calls,
        "layout": layout.seconds,
        "validate": validate,
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="catalog scenes (default: all)")
    parser.add_argument("--repeat", type=int, default=2, help="best of N runs of each kind (default 2)")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1, got {args.repeat}")
    known = {entry.scene for entry in LESSON}
    unknown = [name for name in args.names if name not in known]
    if unknown:
        parser.error(f"not a catalog scene: {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    entries = [entry for entry in LESSON if not args.names or entry.scene in args.names]

    print(f"dry runs, CPU s of this process, best of {args.repeat}; facts and layout: the time inside them")
    print(
        f"{'scene':<20} {'video s':>7} {'beats':>5} {'dry':>6} {'wall':>6} {'facts':>6} {'calls':>5}"
        f" {'layout':>6} {'validate':>8} {'dry/video':>9}"
    )
    totals = {"video": 0.0, "dry": 0.0, "facts": 0.0, "layout": 0.0}
    for entry in entries:
        scene_class = getattr(importlib.import_module(entry.module), entry.scene)
        r = measure(scene_class, args.repeat)
        print(
            f"{entry.scene:<20} {r['video']:7.1f} {r['beats']:5d} {r['dry']:6.2f} {r['wall']:6.2f} {r['facts']:6.3f}"
            f" {r['facts_calls']:5d} {r['layout']:6.3f} {r['validate']:8.2f} {r['dry'] / r['video']:9.3f}",
            flush=True,
        )
        for key in totals:
            totals[key] += r[key]
    print(
        f"{'all':<20} {totals['video']:7.1f} {'':5} {totals['dry']:6.2f} {'':6} {totals['facts']:6.3f} {'':5}"
        f" {totals['layout']:6.3f} {'':8} {totals['dry'] / totals['video']:9.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
