"""Tests of scenes/derivative.py: its pure helpers, real renders, and the manim command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mathcore import Curve
from tests.golden import CACHED
from scenes.derivative import TangentSlope, format_number, format_point, shown_value, sign_word

ROOT = Path(__file__).resolve().parents[2]



# -- variants rendered below (short timings keep the suite fast) -----------------------------
class Quick:
    title_hold = 0.2
    read_time = 0.3
    shrink_time = 1.0
    sweep_time = 1.5
    flat_pause = 0.3
    end_hold = 0.3
    reading_rate = 0.0


class CubicTangent(Quick, TangentSlope):
    function = "x**3 - 3*x"


class PositionTangent(Quick, TangentSlope):
    title = ""
    function = "4*t - t**2"
    variable = "t"
    x_range = (0.0, 4.0)
    x0 = 1.0
    sweep = (0.2, 3.8)


class ReciprocalTangent(Quick, TangentSlope):
    title = ""
    function = "1/x"
    x_range = (-3.0, 3.0)
    x0 = 0.0  # undefined: the scene moves to the nearest point that works
    sweep = (-2.5, 2.5)  # crosses the pole: the tangent skips the gap


# -- wording of numbers -----------------------------------------------------------------------------
def test_shown_value_and_format_number_never_show_minus_zero():
    assert shown_value(-0.004, 2) == 0.0
    assert shown_value(-0.006, 2) == -0.006
    assert format_number(-1e-17) == "0.00"
    assert format_number(1.2515) == "1.25"
    assert format_number(-1.0) == "-1.00"


def test_format_point_trims_zeros():
    assert format_point(1.5) == "1.5"
    assert format_point(0.2999999999999998) == "0.3"
    assert format_point(-2.0) == "-2"
    assert format_point(-1e-12) == "0"


@pytest.mark.parametrize(
    ("slope", "word"), [(0.3, "rising"), (-0.3, "falling"), (0.0, "flat"), (0.004, "flat"), (-0.006, "falling")]
)
def test_sign_word_agrees_with_the_readout(slope, word):
    assert sign_word(slope, 2) == word


# -- settings -----------------------------------------------------------------------------------
def test_validate_accepts_the_default_and_the_variants():
    for scene in (TangentSlope, CubicTangent, PositionTangent, ReciprocalTangent):
        scene.validate()


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"function": "x**"}, "not a valid formula"),
        ({"function": "y**2"}, "y"),
        ({"x_range": (2.0, 1.0)}, "x_range must be finite with low < high"),
        ({"sweep": (1.0,)}, "sweep must be two numbers"),
        ({"h_start": 0.0}, "non-zero"),
        ({"x0": float("nan")}, "x0 must be a finite number"),
        ({"decimals": 9}, "decimals"),
        ({"sweep_time": -1.0}, "sweep_time"),
        ({"function": "log(x)", "x_range": (-3.0, -1.0)}, "no finite values"),
    ],
)
def test_validate_names_the_bad_setting(settings, message):
    scene = type("Bad", (TangentSlope,), settings)
    with pytest.raises(ValueError, match=message):
        scene.validate()


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
        "At x = -1.00 the tangent is flat (f' = 0): a hilltop",
        "At x = 1.00 the tangent is flat (f' = 0): a valley floor",
        "The sign of f'",
    ]
    assert len(captions) == len(expected), captions
    for caption, part in zip(captions, expected, strict=True):
        assert part in caption, (part, caption)
    # Each caption stays long enough to read.
    blocks = result.srt.read_text(encoding="utf-8").strip().split("\n\n")
    for block, caption in zip(blocks[1:], captions[1:], strict=True):
        start, end = (_seconds(t) for t in block.splitlines()[1].split(" --> "))
        assert end - start >= len(caption) / TangentSlope.reading_rate - 0.1, (caption, start, end)
    scene = result.scene
    curve = Curve(TangentSlope.function)
    assert scene.slope0 == curve.slope(1.5) == 1.25
    # After the sweep the readouts show mathcore's numbers at its end.
    x_end = TangentSlope.sweep[1]
    assert scene.x_readout.number.get_value() == pytest.approx(x_end)
    assert scene.slope_readout.number.get_value() == pytest.approx(curve.slope(x_end))
    assert scene.secant_readout.number.get_value() == pytest.approx(curve.secant_slope(1.5, 0.001))
    _assert_inside_the_frame(scene)


@pytest.mark.render
def test_a_variant_in_time_renders(render):
    result = render(PositionTangent, **CACHED)
    assert result.movie.exists() and result.movie.stat().st_size > 0
    captions = result.subcaptions()
    assert captions[0] == "How steep is the graph of f at a single point?"
    assert any("At t = 2.00 the tangent is flat" in c and "hilltop" in c for c in captions)
    _assert_inside_the_frame(result.scene)


@pytest.mark.render
def test_a_function_with_a_pole_renders_and_skips_the_gap(render):
    result = render(ReciprocalTangent, **CACHED)
    assert result.movie.exists() and result.movie.stat().st_size > 0
    scene = result.scene
    assert scene.x0_shown != 0.0 and np.sign(scene.x0_shown) == np.sign(scene.x0_shown + scene.h_shown)
    assert len(scene.segments) == 2 and scene.stops == []
    assert any("jumps the gap" in c for c in result.subcaptions())
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


def _seconds(stamp: str) -> float:
    hours, minutes, rest = stamp.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(rest.replace(",", "."))


def _assert_inside_the_frame(scene) -> None:
    """The cast at the end of the lesson is inside the frame and above the caption."""
    half_w, half_h = 7.11, 4.0
    for mob in [scene.axes, scene.graph, scene.formula, scene.tangent, scene.point, scene.sweep_cast]:
        assert mob.get_left()[0] >= -half_w and mob.get_right()[0] <= half_w, mob
        assert mob.get_top()[1] <= half_h and mob.get_bottom()[1] >= scene.caption_top, mob
