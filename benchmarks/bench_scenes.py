"""Render cost of each lesson scene at 1080p60 against a minimal scene of the same length.

For every scene: one small warm-up render (fills the LaTeX cache, so compiling formulas is
not what is measured), then the scene at 1920x1080, 60 fps, then the minimal scene (one dot
crossing the frame) for exactly as long as the scene's video, both in fresh processes. The
ratio scene / minimal is the price of the lesson's drawing over the fixed cost of making
and encoding frames. Targets: at most 1.5 for a 2-D scene, 2 for a 3-D scene (whose camera
moves, so every frame redraws the hillside).

Run: ``.venv/bin/python benchmarks/bench_scenes.py [--2d | SceneName | path.py:SceneName ...]``
(``path.py:SceneName`` times a scene that is not in the catalog, as a 3-D scene).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from render_timing import minimal_seconds, render_seconds, video_seconds, warm_up  # noqa: E402

from scenes.catalog import LESSON  # noqa: E402

TARGET_2D = 1.5
TARGET_3D = 2.0


def chosen(names: list[str]) -> list[tuple[str, str, float]]:
    """(path, scene, target) of the catalog scenes named (all when none are) and of the
    ``path.py:Scene`` arguments."""
    jobs = [
        (entry.path, entry.scene, TARGET_3D if entry.three_d else TARGET_2D)
        for entry in LESSON
        if not names or entry.scene in names
    ]
    for name in names:
        if ":" in name:
            path, scene = name.split(":", 1)
            jobs.append((path, scene, TARGET_3D))
    return jobs


def main(names: list[str]) -> int:
    if names == ["--2d"]:  # the 2-D scenes only (bench_surfaces.py times the 3-D ones)
        names = [entry.scene for entry in LESSON if not entry.three_d]
    print(f"{'scene':<22} {'video s':>8} {'scene s':>8} {'minimal s':>9} {'ratio':>6} {'target':>6}")
    over = 0
    for path, scene, target in chosen(names):
        with tempfile.TemporaryDirectory() as tmp:
            media = Path(tmp)
            warm_up(path, scene, media)
            seconds, video = render_seconds(path, scene, media)
            duration = video_seconds(video)
            baseline = minimal_seconds(duration, media)
        ratio = seconds / baseline
        over += ratio > target
        flag = "" if ratio <= target else "  ABOVE TARGET"
        print(f"{scene:<22} {duration:8.1f} {seconds:8.1f} {baseline:9.1f} {ratio:6.2f} {target:6.1f}{flag}", flush=True)
    print(f"\n{over} scene(s) above target")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
