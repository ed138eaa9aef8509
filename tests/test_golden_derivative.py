"""Golden last frames of the derivative lesson (control data in tests/control_data/derivative/).

Regenerate after an intended visual change with
``pytest tests/test_golden_derivative.py --set_test``, then look at the new frames
(``manim -ql -s scenes/derivative.py TangentSlope``) before committing them.

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

from scenes.derivative import TangentSlope

__module_test__ = "derivative"

#: The cairo version that drew tests/control_data/derivative/*.npz.
CONTROL_CAIRO = "1.16.0"

# The same content-hashed LaTeX cache as tests/scenes/test_derivative.py (frames_comparison
# would otherwise compile every formula again in each test's temporary folder).
CACHE = Path(tempfile.gettempdir()) / "calculus-lessons-test-cache"
CACHED = {"tex_dir": str(CACHE / "Tex"), "text_dir": str(CACHE / "texts")}


@pytest.fixture(autouse=True)
def _cairo_that_drew_the_control_frames(request, monkeypatch):
    if cairo.cairo_version_string() != CONTROL_CAIRO and not request.config.getoption("--set_test"):
        pytest.skip(f"control frames drawn with cairo {CONTROL_CAIRO}, this is {cairo.cairo_version_string()}")
    monkeypatch.setattr(frames_module, "MIN_CAIRO_VERSION", 0)


class CubicTangent(TangentSlope):
    function = "x**3 - 3*x"


@frames_comparison(base_scene=TangentSlope, **CACHED)
def test_tangent_slope_last_frame(scene):
    TangentSlope.construct(scene)


@frames_comparison(base_scene=CubicTangent, **CACHED)
def test_cubic_tangent_last_frame(scene):
    CubicTangent.construct(scene)
