"""Shared helpers for render benchmarks: time a ``manim`` run in a fresh process, read a
video's duration."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import av

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = Path(__file__).with_name("minimal_scene.py")


def render_seconds(path: str | Path, scene: str, media_dir: Path, resolution=(1920, 1080), fps: int = 60, env: dict | None = None) -> tuple[float, Path]:
    """Wall time of ``manim`` rendering ``scene`` from ``path``, and the video it wrote."""
    command = [
        sys.executable, "-m", "manim", "-r", f"{resolution[0]},{resolution[1]}", "--fps", str(fps),
        "--disable_caching", "--media_dir", str(media_dir), "-v", "WARNING", "--progress_bar", "none",
        "-o", f"{scene}-{resolution[1]}p{fps}", str(path), scene,
    ]
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, **(env or {})})
    elapsed = time.perf_counter() - start
    video = next(media_dir.rglob(f"{scene}-{resolution[1]}p{fps}.mp4"))
    return elapsed, video


def video_seconds(path: Path) -> float:
    with av.open(str(path)) as container:
        return float(container.duration / av.time_base)


def warm_up(path: str | Path, scene: str, media_dir: Path) -> None:
    """Render once, small, so LaTeX and text caches are filled before anything is timed."""
    render_seconds(path, scene, media_dir, resolution=(320, 180), fps=5)


def minimal_seconds(duration: float, media_dir: Path, resolution=(1920, 1080), fps: int = 60) -> float:
    elapsed, _ = render_seconds(MINIMAL, "Minimal", media_dir, resolution, fps, env={"BENCH_DURATION": f"{duration:.3f}"})
    return elapsed
