"""Shared helpers for render benchmarks: time a ``manim`` run in a fresh process, read a
video's duration.

Each run is timed twice: its wall time (what the issue's targets are stated in) and the CPU
time of the process and its children (user + system, all threads). On a machine shared with
other work the wall time of a run grows with the load while its CPU time barely does, so a
ratio of CPU times is the steadier figure when the load changes between two runs.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import av

ROOT = Path(__file__).resolve().parents[1]
MINIMAL = Path(__file__).with_name("minimal_scene.py")


@dataclass(frozen=True)
class Timing:
    """One timed run: ``wall`` and ``cpu`` seconds (the child process, all its threads)."""

    wall: float
    cpu: float


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def render_timed(path: str | Path, scene: str, media_dir: Path, resolution=(1920, 1080), fps: int = 60, env: dict | None = None) -> tuple[Timing, Path]:
    """Wall and CPU time of ``manim`` rendering ``scene`` from ``path``, and the video it wrote."""
    command = [
        sys.executable, "-m", "manim", "-r", f"{resolution[0]},{resolution[1]}", "--fps", str(fps),
        "--disable_caching", "--media_dir", str(media_dir), "-v", "WARNING", "--progress_bar", "none",
        "-o", f"{scene}-{resolution[1]}p{fps}", str(path), scene,
    ]
    cpu = _children_cpu()
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, check=True, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL)  # errors go to stderr
    elapsed = time.perf_counter() - start
    cpu = _children_cpu() - cpu
    video = next(media_dir.rglob(f"{scene}-{resolution[1]}p{fps}.mp4"))
    return Timing(elapsed, cpu), video


def render_seconds(path: str | Path, scene: str, media_dir: Path, resolution=(1920, 1080), fps: int = 60, env: dict | None = None) -> tuple[float, Path]:
    """Wall time of ``manim`` rendering ``scene`` from ``path``, and the video it wrote."""
    timing, video = render_timed(path, scene, media_dir, resolution, fps, env)
    return timing.wall, video


def video_seconds(path: Path) -> float:
    with av.open(str(path)) as container:
        return float(container.duration / av.time_base)


def warm_up(path: str | Path, scene: str, media_dir: Path) -> None:
    """Render once, small, so LaTeX and text caches are filled before anything is timed."""
    render_timed(path, scene, media_dir, resolution=(320, 180), fps=5)


def minimal_timed(duration: float, media_dir: Path, resolution=(1920, 1080), fps: int = 60) -> Timing:
    """Wall and CPU time of the minimal scene lasting ``duration`` seconds."""
    timing, _ = render_timed(MINIMAL, "Minimal", media_dir, resolution, fps, env={"BENCH_DURATION": f"{duration:.3f}"})
    return timing


def minimal_seconds(duration: float, media_dir: Path, resolution=(1920, 1080), fps: int = 60) -> float:
    return minimal_timed(duration, media_dir, resolution, fps).wall
