"""Tests of scenes/derivative.py: real renders and the manim command (the captions and\nsettings are tested without drawing in test_derivative_beats.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mathcore import Curve
from tests.golden import CACHED
from scenes.lessons.derivative.scene import TangentSlope
from scenes.lessons.derivative.captions import Gap, Stop

ROOT = Path(__file__).resolve().parents[4]


# -- variants rendered below (short timings keep the suite fast) -----------------------------
class Quick:
    shrink_time = 1.0
    sweep_time = 1.5
    flat_pause = 0.3
    end_hold = 0.3


class ReciprocalTangent(Quick, TangentSlope):
    title = ""
    function = "1/x"
    x_range = (-3.0, 3.0)
    x0 = 0.0  # undefined: the scene moves to the nearest point that works
    sweep = (-2.5, 2.5)  # crosses the pole: the tangent skips the gap


# -- real renders -------------------------------------------------------------------------------
@pytest.mark.render
def test_tangent_slope_renders_with_its_captions_in_order(render):
    result = render(TangentSlope, **CACHED)
    assert result.movie.exists() and result.movie.stat().st_size > 10_000
    captions = result.subcaptions()
    expected = [
        "The derivative: from secant to tangent",
        "How steep is the graph of f",
        "Join two points, at x = 1.5 and x = 2.5",
        "Δy / Δx = 3.08",  # (f(2.5) - f(1.5)) / 1 = 37/12
        "Now shrink Δx",
        "f'(1.5) = 1.25",  # x0**2 - 1
        "Slide the tangent along the curve",
        "From x = -2.50 to -1.00, f' > 0",
        "At x = -1.00 the tangent is flat, f' = 0: a hilltop",
        "From x = -1.00 to 1.00, f' < 0",
        "At x = 1.00 the tangent is flat, f' = 0: a valley floor",
        "From x = 1.00 to 2.50, f' > 0",
        "The sign of f'",
    ]
    assert len(captions) == len(expected), captions
    for caption, part in zip(captions, expected, strict=True):
        assert part in caption, (part, caption)
    scene = result.scene
    curve = Curve(TangentSlope.function)
    assert scene.slope0 == curve.slope(1.5) == 1.25
    # After the sweep the readouts show mathcore's numbers at its end.
    x_end = TangentSlope.x_range[1]
    assert scene.x_readout.number.get_value() == pytest.approx(x_end)
    assert scene.slope_readout.number.get_value() == pytest.approx(round(curve.slope(x_end), 2))
    assert scene.secant_readout.number.get_value() == pytest.approx(round(curve.secant_slope(1.5, 0.001), 2))
    _assert_inside_the_frame(scene)


@pytest.mark.render
def test_a_function_with_a_pole_renders_and_skips_the_gap(render):
    result = render(ReciprocalTangent, **CACHED)
    assert result.movie.exists() and result.movie.stat().st_size > 0
    scene = result.scene
    assert scene.x0_shown != 0.0 and np.sign(scene.x0_shown) == np.sign(scene.x0_shown + scene.h_shown)
    assert len(scene.segments) == 2 and not any(isinstance(leg, Stop) for leg in scene.legs)
    assert any(isinstance(leg, Gap) for leg in scene.legs)
    assert any("the graph breaks: no tangent" in c for c in result.subcaptions())
    for piece in scene.graph:  # no stroke crosses the pole
        xs = [scene.axes.p2c(p)[0] for p in piece.points]
        assert max(xs) < 0 or min(xs) > 0
    _assert_inside_the_frame(scene)


@pytest.mark.render
def test_the_manim_command_renders_the_scene(tmp_path):
    settings = tmp_path / "manim.cfg"
    settings.write_text(f"[CLI]\ntex_dir = {CACHED['tex_dir']}\ntext_dir = {CACHED['text_dir']}\n")
    command = [
        sys.executable, "-m", "manim", "-ql", "-r", "320,180", "--fps", "8", "-c", str(settings),
        "--media_dir", str(tmp_path / "media"), "--disable_caching", "--progress_bar", "none", "-v", "WARNING",
        "scenes/derivative.py", "TangentSlope",
    ]  # fmt: skip
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    movies = list(tmp_path.rglob("TangentSlope.mp4"))
    assert len(movies) == 1 and movies[0].stat().st_size > 10_000
    assert movies[0].with_suffix(".srt").exists()


def _assert_inside_the_frame(scene) -> None:
    """The cast at the end of the lesson is inside the frame and above the caption."""
    half_w, half_h = 7.12, 4.0
    for mob in [scene.axes, scene.graph, scene.formula, scene.tangent, scene.point, scene.sweep_cast]:
        assert mob.get_left()[0] >= -half_w and mob.get_right()[0] <= half_w, mob
        assert mob.get_top()[1] <= half_h and mob.get_bottom()[1] >= scene.caption_top, mob
