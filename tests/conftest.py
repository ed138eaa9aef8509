"""Shared test set-up: manim's golden-frame options and a small, fast scene renderer."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _golden_frames_under_their_cairo(request, monkeypatch):
    """In golden-frame modules: compare only under the cairo that drew the control frames."""
    if not request.module.__name__.rsplit(".", 1)[-1].startswith("test_golden_"):
        return
    import cairo
    from manim.utils.testing import frames_comparison

    from tests.golden import CONTROL_CAIRO

    if cairo.cairo_version_string() != CONTROL_CAIRO and not request.config.getoption("--set_test"):
        pytest.skip(f"control frames drawn with cairo {CONTROL_CAIRO}, this is {cairo.cairo_version_string()}")
    monkeypatch.setattr(frames_comparison, "MIN_CAIRO_VERSION", 0)


def pytest_addoption(parser):
    # The options manim.utils.testing.frames_comparison reads.
    parser.addoption("--set_test", action="store_true", default=False, help="write golden frames instead of comparing")
    parser.addoption("--show_diff", action="store_true", default=False, help="show a golden frame's difference")


@dataclass
class Rendered:
    """What a render test gets back: the scene object and the files manim wrote."""

    scene: object
    movie: Path
    srt: Path | None

    def subcaptions(self) -> list[str]:
        if self.srt is None or not self.srt.exists():
            return []
        blocks = self.srt.read_text(encoding="utf-8").strip().split("\n\n")
        return [" ".join(block.splitlines()[2:]) for block in blocks if block.strip()]


@pytest.fixture
def render(tmp_path):
    """Render a scene class for real (small and short) and return a :class:`Rendered`."""
    from manim import tempconfig

    from tests.golden import CACHED

    def _render(scene_class, **overrides) -> Rendered:
        options = {
            "media_dir": str(tmp_path / "media"),
            "pixel_width": 320,
            "pixel_height": 180,
            "frame_rate": 8,
            "disable_caching": True,
            "verbosity": "WARNING",
            "progress_bar": "none",
            "format": "mp4",
            **CACHED,
        }
        options.update(overrides)
        with tempconfig(options):
            scene = scene_class()
            scene.render()
            writer = scene.renderer.file_writer
            movie = Path(writer.movie_file_path)
            srt = movie.with_suffix(".srt")
        return Rendered(scene=scene, movie=movie, srt=srt if srt.exists() else None)

    return _render
