"""The visual language of every lesson: one palette, one meaning per colour.

The colours are the Okabe-Ito set, chosen to stay distinguishable under the common kinds of
colour-vision deficiency. A colour means the same thing in every scene:

==================  =======================  ==========================================
name                colour                   means
==================  =======================  ==========================================
``FUNCTION``        sky blue                 the function, its graph, its surface
``SLOPE``           orange                   a tangent, a slope, a derivative's graph
``SECANT``          reddish purple           a secant, a finite difference (Δx, Δy)
``GRADIENT``        vermillion               the gradient vector, the steepest way up
``DESCENT``         bluish green             a descent path, the way down
``BALL``            yellow                   the ball or the moving point
``MOMENTUM``        reddish purple           a second runner (momentum), a second plane
``INK``             near-white               text, numbers and axes
``MUTED``           grey                     grid lines, guides, secondary labels
==================  =======================  ==========================================

How a walk ended has a colour of its own (:data:`STATUS_COLORS`): converged bluish green,
oscillating orange, diverged vermillion, stopped (step limit, domain, flat start) light grey.

Anything drawn on the hillside (trail, slice curve, ball, arrow) needs 3:1 contrast against
every shaded colour of the hill (:func:`hill_shades`); a colour that lacks it on part of the
hill is drawn over a dark :data:`HALO` (:func:`needs_halo`). The tests check the palette.

These are the values of the dark theme. :func:`scenes.kit.theme.use_theme` sets the same
objects to another theme's values (the light theme: white background, darker tones of the
same hues), so code reads ``style.INK`` and gets the colour of the scene's theme.
"""

from __future__ import annotations

import numpy as np
from manim import BLACK, WHITE, ManimColor, interpolate_color

__all__ = [
    "BACKGROUND",
    "BALL",
    "CONTOUR_RAMP",
    "HILL_RAMP",
    "DESCENT",
    "FUNCTION",
    "GRADIENT",
    "INK",
    "MOMENTUM",
    "MUTED",
    "SECANT",
    "SLOPE",
    "RACER_3",
    "RACER_4",
    "RACER_5",
    "CAPTION_SIZE",
    "LABEL_SIZE",
    "READOUT_SIZE",
    "TITLE_SIZE",
    "FONT",
    "HALO",
    "HILL",
    "STATUS_COLORS",
    "STOPPED",
    "contrast_ratio",
    "halo_for",
    "hill_shades",
    "needs_halo",
    "status_color",
]

FUNCTION = ManimColor("#56B4E9")
SLOPE = ManimColor("#E69F00")
SECANT = ManimColor("#CC79A7")
GRADIENT = ManimColor("#D55E00")
DESCENT = ManimColor("#009E73")
BALL = ManimColor("#F0E442")
MOMENTUM = ManimColor("#CC79A7")
INK = ManimColor("#F2F2F2")
MUTED = ManimColor("#8C8C8C")
BACKGROUND = ManimColor("#111318")

#: Font sizes in manim units, chosen to stay readable at 854x480.
TITLE_SIZE = 52
CAPTION_SIZE = 28
READOUT_SIZE = 34
LABEL_SIZE = 30

#: The third to fifth racers of a race (after BALL and MOMENTUM).
RACER_3 = ManimColor("#F2F2F2")
RACER_4 = ManimColor("#B8A1FF")
RACER_5 = ManimColor("#FFA8A8")

#: The sans-serif face for captions and titles (math stays in LaTeX).
FONT = "DejaVu Sans"

#: Colours of how a walk ended (mathcore's DescentPath.status).
STOPPED = ManimColor("#BDBDBD")
STATUS_COLORS = {
    "converged": DESCENT,
    "oscillating": SLOPE,
    "diverged": GRADIENT,
    "max_steps": STOPPED,
    "left_domain": STOPPED,
    "flat_start": STOPPED,
}

#: The dark outline under lines and balls drawn on a light surface (its own object: a theme
#: may give it another value than the background).
HALO = ManimColor("#111318")

#: The hillside's colour (the function's sky blue, in every theme), its colours from the
#: lowest to the highest value (deep in the valleys), and the contour lines' (dark low
#: levels, pale high ones).
HILL = ManimColor("#56B4E9")
HILL_RAMP: tuple[ManimColor, ...] = (
    interpolate_color(HILL, BLACK, 0.6),
    interpolate_color(HILL, BLACK, 0.25),
    ManimColor(HILL.to_hex()),
)
CONTOUR_RAMP: tuple[ManimColor, ...] = (
    interpolate_color(FUNCTION, BLACK, 0.45),
    ManimColor(FUNCTION.to_hex()),
    interpolate_color(FUNCTION, WHITE, 0.55),
)
HALO_EXTRA_WIDTH = 4.0


def status_color(status: str) -> ManimColor:
    """The colour of a walk's ``status``."""
    return STATUS_COLORS.get(status, STOPPED)


def _luminance(color) -> float:
    rgb = np.asarray(ManimColor(color).to_rgb(), dtype=float) if not isinstance(color, np.ndarray) else color
    linear = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    return float(linear @ np.array([0.2126, 0.7152, 0.0722]))


def contrast_ratio(a, b) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def hill_shades(base=HILL, shading: float = 0.8, samples: int = 25) -> np.ndarray:
    """The range of colours a hillside of colour ``base`` takes under the fast mesh's light
    (:func:`scenes.parts.hill3d.fast3d.shade`: ``0.5 cos^3`` added, halved when negative)."""
    rgb = np.asarray(ManimColor(base).to_rgb(), dtype=float)
    light = np.linspace(-0.25, 0.5, samples) * shading
    return np.clip(rgb[None, :] + light[:, None], 0.0, 1.0)


def halo_for(color) -> ManimColor:
    """The halo under ``color`` on the hill: :data:`HALO`, or the page's :data:`BACKGROUND`
    when ``color`` is as dark as the halo (the light theme's near-black ink)."""
    return HALO if contrast_ratio(color, HALO) >= 3.0 else BACKGROUND


def needs_halo(color, base=HILL, shading: float = 0.8, ratio: float = 3.0) -> bool:
    """True if ``color`` falls below ``ratio`` contrast on some shade of the hill."""
    return min(contrast_ratio(color, shade) for shade in hill_shades(base, shading)) < ratio
