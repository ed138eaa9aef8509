"""Shared settings of the golden last-frame tests (``tests/test_golden_*.py``).

The control frames in ``tests/control_data/<topic>/`` were drawn here with the cairo named
in :data:`CONTROL_CAIRO`. Manim gates its frame tests on cairo 1.18 (its own control frames
were drawn with that); ours are compared only under the cairo that drew them, since
anti-aliasing changes between cairo versions. ``tests/conftest.py`` applies that rule to
every golden module.

Regenerate after an intended visual change with ``pytest tests/test_golden_<topic>.py
--set_test``, then look at the frames (``manim -ql -s ...``) before committing them.
"""

from __future__ import annotations

from pathlib import Path

from scenes.kit import tex_cache

#: The cairo version that drew tests/control_data/*/*.npz.
CONTROL_CAIRO = "1.16.0"

#: The content-hashed LaTeX and text cache shared by every test process (all pytest-xdist
#: workers) and by storyboards (:func:`scenes.kit.tex_cache.shared_dirs`): each entry is made
#: in a private folder and published whole by an atomic rename, so workers typesetting the
#: same formula at once are safe.
CACHED = tex_cache.shared_dirs()
CACHE = Path(CACHED["tex_dir"]).parent
tex_cache.install()


def draw_final_state(scene) -> None:
    """Draw everything the scene ends with.

    With animations skipped, frames_comparison redraws only what the last animation moved;
    when a lesson's last animation fades its caption out, the frame would be empty.
    """
    scene.renderer.update_frame(scene)
    scene.animations = None  # keep this frame: no redraw of the last animation alone


class FilmedFast:
    """Mix into a 3-D lesson to film its golden frame with the fast camera.

    ``frames_comparison`` gives a scene its own renderer, with a plain ``Camera`` (a
    ``ThreeDCamera`` only for ``ThreeDScene`` itself), which cannot draw the hillside: this
    swaps in the :class:`~scenes.parts.hill3d.fast3d.FastThreeDCamera` the lesson is rendered with.
    """

    def __init__(self, renderer=None, **kwargs):
        from scenes.parts.hill3d.fast3d import FastThreeDCamera

        if renderer is not None and not isinstance(renderer.camera, FastThreeDCamera):
            renderer.camera = FastThreeDCamera()
        super().__init__(renderer=renderer, **kwargs)
