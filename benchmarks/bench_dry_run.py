"""What a lesson's dry run costs, and how much of it the picture facts and the layout check take.

A dry run (:func:`scenes.kit.storyboard.dry_run`) builds a scene and runs its ``construct()``
with every animation skipped: no frame is drawn. The tests run it over families of functions,
``lessons storyboard --dry`` prints it, and ``validate()`` runs one before every render of a
course clip (the clip-length check), so its cost is paid once per clip in every build.

For every catalog scene, in this one process, after one warm-up dry run (imports, the TeX
cache), side by side:

* ``dry``: the dry run as the tools run it (validate, build, construct, the picture facts
  collected at each beat's start and end, the layout check at each beat's end);
* ``no layout``: the same without the layout check (``check_layout=False``);
* ``no facts``: also without the picture facts (the kit's ``collect_picture`` replaced, for
  this run only, by one that returns an empty picture);
* ``validate``: ``validate()`` alone, without its own dry run (settings, formulas, ``check()``).

Each is the best of ``--repeat`` runs, in CPU seconds of this process (steadier than wall
time on a shared machine; the wall time of the full dry run is printed too). The layout
check costs ``dry - no layout``, the picture facts ``no layout - no facts``. ``video s`` is
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
from scenes.kit import picture  # noqa: E402
from scenes.kit.clip_bounds import bounds_unchecked  # noqa: E402
from scenes.kit.storyboard import dry_run  # noqa: E402


@contextmanager
def no_picture_facts() -> Iterator[None]:
    """Every module of the project that bound the kit's ``collect_picture`` gets a stub that
    returns an empty picture, until the block ends."""
    original = picture.collect_picture
    empty = picture.PictureFacts()
    holders = [
        module
        for name, module in list(sys.modules.items())
        if (name == "scenes" or name.startswith("scenes.")) and getattr(module, "collect_picture", None) is original
    ]
    for module in holders:
        module.collect_picture = lambda mobjects, named: empty
    try:
        yield
    finally:
        for module in holders:
            module.collect_picture = original


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
    full, full_wall, board = best(lambda: dry_run(scene_class), repeat)
    no_layout, _, _ = best(lambda: dry_run(scene_class, check_layout=False), repeat)
    with no_picture_facts():
        no_facts, _, _ = best(lambda: dry_run(scene_class, check_layout=False), repeat)
    validate, _, _ = best(lambda: validate_only(scene_class), repeat)
    return {
        "video": board.duration,
        "beats": len(board.beats),
        "dry": full,
        "wall": full_wall,
        "no_layout": no_layout,
        "no_facts": no_facts,
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

    print(f"dry runs, CPU s of this process, best of {args.repeat} (layout = dry - no layout; facts = no layout - no facts)")
    print(
        f"{'scene':<20} {'video s':>7} {'beats':>5} {'dry':>6} {'wall':>6} {'no layout':>9} {'no facts':>8}"
        f" {'layout':>6} {'facts':>6} {'validate':>8} {'dry/video':>9}"
    )
    totals = {"video": 0.0, "dry": 0.0, "layout": 0.0, "facts": 0.0}
    for entry in entries:
        scene_class = getattr(importlib.import_module(entry.module), entry.scene)
        r = measure(scene_class, args.repeat)
        layout, facts = r["dry"] - r["no_layout"], r["no_layout"] - r["no_facts"]
        print(
            f"{entry.scene:<20} {r['video']:7.1f} {r['beats']:5d} {r['dry']:6.2f} {r['wall']:6.2f} {r['no_layout']:9.2f}"
            f" {r['no_facts']:8.2f} {layout:6.2f} {facts:6.2f} {r['validate']:8.2f} {r['dry'] / r['video']:9.3f}",
            flush=True,
        )
        totals["video"] += r["video"]
        totals["dry"] += r["dry"]
        totals["layout"] += layout
        totals["facts"] += facts
    print(
        f"{'all':<20} {totals['video']:7.1f} {'':5} {totals['dry']:6.2f} {'':6} {'':9} {'':8}"
        f" {totals['layout']:6.2f} {totals['facts']:6.2f} {'':8} {totals['dry'] / totals['video']:9.3f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
