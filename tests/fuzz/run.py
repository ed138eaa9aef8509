"""The long fuzz run behind ``make fuzz``: many generated functions per lesson scene.

    python -m tests.fuzz.run --count 200 --seed 0 [--scene TangentSlope] [--jobs 2]

Prints, per scene, how many runs were tried, refused (one clear line, as they should be) and
failed, then every failure with its scenario (seed and settings reproduce it). Exit code 1 if
any run failed.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

from tests.fuzz.checks import run
from tests.fuzz.scenarios import SCENES, scenarios


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fuzz", description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100, help="runs per scene")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--scene", action="append", choices=sorted(SCENES), help="only these scenes")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--each", action="store_true", help="print a line per run as it ends (for long runs cut short)")
    args = parser.parse_args(argv)
    cases = [s for name in (args.scene or SCENES) for s in scenarios(name, args.count, args.seed)]
    tried, refused, failed = Counter(), Counter(), []
    with ProcessPoolExecutor(args.jobs) as pool:
        for outcome in pool.map(run, cases, chunksize=4):
            name = outcome.scenario.scene
            tried[name] += 1
            refused[name] += outcome.refused is not None
            if args.each:
                state = "FAILED" if outcome.problems else "refused" if outcome.refused is not None else "ok"
                print(f"RUN {name} seed {outcome.scenario.seed} {state} ({outcome.beats} beats, {outcome.duration:.1f} s)", flush=True)
            if outcome.problems:
                failed.append(outcome)
                print(f"FAIL {outcome.scenario}", flush=True)
    bad = Counter(o.scenario.scene for o in failed)
    for name in tried:
        print(f"{name:20} {tried[name]:4} runs  {refused[name]:4} refused  {bad[name]:4} failed")
    for outcome in failed:
        print(f"\n{outcome.scenario}")
        for problem in outcome.problems:
            print(f"  - {problem}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
