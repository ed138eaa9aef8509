"""How fast a 3-D hillside renders with a moving camera: stock Surface against HillsideMesh.

Each scene of ``benchmarks/surface_scenes.py`` (the same 4-second orbit) is rendered in a
fresh Python process through manim's API (``tempconfig`` + ``scene.render()``, the same work
as ``python -m manim -r 1920,1080 --fps 60 --disable_caching``), and three times are taken:

* wall time of the whole process (start, imports, rendering, video encoding);
* CPU time of the whole process (all threads; fairer on a machine busy with other work);
* CPU time of the main thread during ``render()``: the drawing, which is what the camera
  and the mesh decide. The rest is mostly libx264 encoding in manim's writer thread, and
  that grows with what the frames show: a moving shaded surface costs it far more per frame
  than the near-empty frames of the minimal scene.

Scenes: ``MinimalOrbit`` (a dot and the orbit: the floor), ``StockSurface24`` (manim's
``Surface``, 24 x 24), ``FastMesh24`` and ``FastMesh48`` (``HillsideMesh``), ``FastLesson``
(axes, a 24 x 24 hill, a rolling ball with its trail, a caption, in ``LessonScene3D``).
The target is fast <= 2x minimal.

Then, in the same run, every 3-D lesson scene of the catalog at 1920x1080, 60 fps against
the minimal scene of the same duration (``bench_scenes.py``; target <= 2x).

Run: ``.venv/bin/python benchmarks/bench_surfaces.py`` (``--quick`` for 854x480 at 30 fps,
``--skip-stock`` to leave out the slow stock scene, ``--repeat N`` for the best of N runs,
``--skip-lessons`` to leave out the lesson scenes).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scenes.catalog import LESSON  # noqa: E402

SCENES = ["MinimalOrbit", "StockSurface24", "FastMesh24", "FastMesh48", "FastLesson"]


def run_one(scene: str, width: int, height: int, fps: int, media: str) -> dict:
    """Render ``scene`` in this process; return its times (called in a fresh process)."""
    start_wall, start_cpu = time.perf_counter(), time.process_time()
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from manim import tempconfig

    import surface_scenes

    options = {
        "pixel_width": width,
        "pixel_height": height,
        "frame_rate": fps,
        "disable_caching": True,
        "verbosity": "WARNING",
        "progress_bar": "none",
        "media_dir": media,
    }
    with tempconfig(options):
        instance = getattr(surface_scenes, scene)()
        main_cpu = time.thread_time()
        instance.render()
        main_cpu = time.thread_time() - main_cpu
        frames = round(surface_scenes.SECONDS * fps)
    return {
        "wall": time.perf_counter() - start_wall,
        "cpu": time.process_time() - start_cpu,
        "main": main_cpu,
        "frames": frames,
    }


def measure(scene: str, width: int, height: int, fps: int, media: Path) -> dict:
    """Times of one render of ``scene`` in a fresh process (process start included)."""
    code = (
        "import json, sys; sys.path.insert(0, sys.argv[1]); "
        "from benchmarks.bench_surfaces import run_one; "
        "print('RESULT' + json.dumps(run_one(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6])))"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(ROOT), scene, str(width), str(height), str(fps), str(media)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - start
    lines = [line for line in done.stdout.splitlines() if line.startswith("RESULT")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{scene} failed:\n{done.stdout}\n{done.stderr}")
    result = json.loads(lines[-1][len("RESULT") :])
    result["wall"] = wall  # the whole process, start-up included
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="854x480 at 30 fps instead of 1920x1080 at 60")
    parser.add_argument("--skip-stock", action="store_true", help="do not render the (slow) stock Surface")
    parser.add_argument("--repeat", type=int, default=1, help="best of N runs for each fast scene")
    parser.add_argument("--skip-lessons", action="store_true", help="do not time the 3-D lesson scenes")
    args = parser.parse_args(argv)
    width, height, fps = (854, 480, 30) if args.quick else (1920, 1080, 60)
    scenes = [s for s in SCENES if not (args.skip_stock and s == "StockSurface24")]

    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="bench_surfaces_") as media:
        for scene in scenes:
            runs = 1 if scene == "StockSurface24" else max(1, args.repeat)
            tries = [measure(scene, width, height, fps, Path(media)) for _ in range(runs)]
            results[scene] = {key: min(t[key] for t in tries) for key in ("wall", "cpu", "main")}
            results[scene]["frames"] = tries[0]["frames"]
            r = results[scene]
            print(f"{scene:<16} wall {r['wall']:7.2f} s  cpu {r['cpu']:7.2f} s  drawing {r['main']:6.2f} s", flush=True)

    floor = results["MinimalOrbit"]
    frames = max(1, floor["frames"])
    print(f"\n{width}x{height} at {fps} fps, a 4 s orbit ({frames} frames); ratios to the minimal scene (target: <= 2x)")
    print(f"  {'scene':<16} {'wall':>7} {'ratio':>6} {'cpu':>8} {'ratio':>6} {'drawing/frame':>14}")
    for scene, r in results.items():
        print(
            f"  {scene:<16} {r['wall']:6.2f}s {r['wall'] / floor['wall']:5.2f}x {r['cpu']:7.2f}s "
            f"{r['cpu'] / floor['cpu']:5.2f}x {1000 * r['main'] / frames:11.1f} ms"
        )
    if "StockSurface24" in results:
        stock, fast = results["StockSurface24"], results["FastMesh24"]
        print(f"  stock / fast at 24 x 24: wall {stock['wall'] / fast['wall']:.1f}x, cpu {stock['cpu'] / fast['cpu']:.1f}x, "
              f"drawing {stock['main'] / fast['main']:.0f}x")
    lessons = [entry.scene for entry in LESSON if entry.three_d]
    if lessons and not args.skip_lessons:
        sys.path.insert(0, str(ROOT / "benchmarks"))
        sys.path.insert(0, str(ROOT))
        import bench_scenes

        print("\nThe 3-D lesson scenes at 1920x1080, 60 fps, against a minimal scene as long (target: <= 2x)")
        bench_scenes.main(lessons)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
