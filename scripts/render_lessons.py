"""Render every lesson scene of :data:`scenes.catalog.LESSON` with the ``manim`` command.

Usage: ``python scripts/render_lessons.py [--quality l|m|h|p|k]`` from the project root.
Prints where each video was written.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scenes.catalog import LESSON  # noqa: E402

FOLDERS = {"l": "480p15", "m": "720p30", "h": "1080p60", "p": "1440p60", "k": "2160p60"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quality", choices=sorted(FOLDERS), default="h", help="manim quality letter (default h: 1080p60)")
    args = parser.parse_args(argv)
    written = []
    for number, entry in enumerate(LESSON, start=1):
        print(f"[{number}/{len(LESSON)}] {entry.scene}: {entry.topic}", flush=True)
        command = [sys.executable, "-m", "manim", f"-q{args.quality}", "--progress_bar", "none", "-v", "WARNING", entry.path, entry.scene]
        result = subprocess.run(command, cwd=ROOT)
        if result.returncode != 0:
            print(f"render_lessons: {entry.scene} failed (exit code {result.returncode})", file=sys.stderr)
            return result.returncode
        stem = Path(entry.path).stem
        written.append(ROOT / "media" / "videos" / stem / FOLDERS[args.quality] / f"{entry.scene}.mp4")
    print("\nLesson videos:")
    for path in written:
        print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
