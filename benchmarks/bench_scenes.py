"""Render cost of each 2-D lesson scene at 1080p60 against a minimal scene of the same length.

For every scene: one small warm-up render (fills the LaTeX cache, so compiling formulas is
not what is measured), then the scene at 1920x1080, 60 fps, then the minimal scene (one dot
crossing the frame) for exactly as long as the scene's video, both in fresh processes. The
ratio scene / minimal is the price of the lesson's drawing over the fixed cost of making
and encoding frames. Target: at most 1.5.

Run: ``.venv/bin/python benchmarks/bench_scenes.py [SceneName ...]``.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from render_timing import minimal_seconds, render_seconds, video_seconds, warm_up  # noqa: E402

from scenes.catalog import LESSON  # noqa: E402

TARGET = 1.5


def main(names: list[str]) -> int:
    entries = [e for e in LESSON if not e.three_d and (not names or e.scene in names)]
    print(f"{'scene':<20} {'video s':>8} {'scene s':>8} {'minimal s':>9} {'ratio':>6}")
    worst = 0.0
    for entry in entries:
        with tempfile.TemporaryDirectory() as tmp:
            media = Path(tmp)
            warm_up(entry.path, entry.scene, media)
            seconds, video = render_seconds(entry.path, entry.scene, media)
            duration = video_seconds(video)
            baseline = minimal_seconds(duration, media)
        ratio = seconds / baseline
        worst = max(worst, ratio)
        flag = "" if ratio <= TARGET else f"  above {TARGET}"
        print(f"{entry.scene:<20} {duration:8.1f} {seconds:8.1f} {baseline:9.1f} {ratio:6.2f}{flag}", flush=True)
    print(f"\nworst ratio {worst:.2f} (target <= {TARGET})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
