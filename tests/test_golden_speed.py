"""Golden last frames of the position-and-speed lesson (control data in tests/control_data/speed/).

Regenerate after an intended visual change with
``pytest tests/test_golden_speed.py --set_test``, then look at the new frames
(``manim -ql -s scenes/speed.py PositionToSpeed``) before committing them.

Manim skips its graphical tests below cairo 1.18 because its own control frames were drawn
with 1.18. These control frames were drawn here, with the cairo named in
:data:`CONTROL_CAIRO`, so the tests lower that gate for this module only and instead skip
when the installed cairo differs from the one that drew the frames (anti-aliasing changes
between cairo versions).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import cairo
import pytest
from manim.utils.testing import frames_comparison as frames_module
from manim.utils.testing.frames_comparison import frames_comparison

from scenes.speed import PositionToSpeed

__module_test__ = "speed"

#: The cairo version that drew tests/control_data/speed/*.npz.
CONTROL_CAIRO = "1.16.0"

# A content-hashed LaTeX cache shared by the test renders (frames_comparison would otherwise
# compile every label again in each test's temporary folder).
CACHE = Path(tempfile.gettempdir()) / "calculus-lessons-test-cache"
CACHED = {"tex_dir": str(CACHE / "Tex"), "text_dir": str(CACHE / "texts")}


@pytest.fixture(autouse=True)
def _cairo_that_drew_the_control_frames(request, monkeypatch):
    if cairo.cairo_version_string() != CONTROL_CAIRO and not request.config.getoption("--set_test"):
        pytest.skip(f"control frames drawn with cairo {CONTROL_CAIRO}, this is {cairo.cairo_version_string()}")
    monkeypatch.setattr(frames_module, "MIN_CAIRO_VERSION", 0)


class Braking(PositionToSpeed):
    """A car braking to a stop and rolling back: one turn, at t = 5 s."""

    position = "10*t - t**2"
    t_range = (0, 6)


def draw_final_state(scene) -> None:
    """Draw everything the scene ends with.

    With animations skipped, frames_comparison redraws only what the last animation moved,
    and the lesson's last animation fades its caption out: the frame would be empty.
    """
    scene.renderer.update_frame(scene)
    scene.animations = None  # keep this frame: no redraw of the last animation alone


@frames_comparison(base_scene=PositionToSpeed, **CACHED)
def test_position_to_speed_last_frame(scene):
    PositionToSpeed.construct(scene)
    draw_final_state(scene)


@frames_comparison(base_scene=Braking, **CACHED)
def test_braking_last_frame(scene):
    Braking.construct(scene)
    draw_final_state(scene)
