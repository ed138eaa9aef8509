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
``MOMENTUM``        blue                     a second runner (momentum), a second plane
``INK``             near-white               text, numbers and axes
``MUTED``           grey                     grid lines, guides, secondary labels
==================  =======================  ==========================================
"""

from __future__ import annotations

from manim import ManimColor

__all__ = [
    "BACKGROUND",
    "BALL",
    "DESCENT",
    "FUNCTION",
    "GRADIENT",
    "INK",
    "MOMENTUM",
    "MUTED",
    "SECANT",
    "SLOPE",
    "CAPTION_SIZE",
    "LABEL_SIZE",
    "READOUT_SIZE",
    "TITLE_SIZE",
    "FONT",
]

FUNCTION = ManimColor("#56B4E9")
SLOPE = ManimColor("#E69F00")
SECANT = ManimColor("#CC79A7")
GRADIENT = ManimColor("#D55E00")
DESCENT = ManimColor("#009E73")
BALL = ManimColor("#F0E442")
MOMENTUM = ManimColor("#0072B2")
INK = ManimColor("#F2F2F2")
MUTED = ManimColor("#8C8C8C")
BACKGROUND = ManimColor("#111318")

#: Font sizes in manim units, chosen to stay readable at 854x480.
TITLE_SIZE = 52
CAPTION_SIZE = 28
READOUT_SIZE = 34
LABEL_SIZE = 30

#: The sans-serif face for captions and titles (math stays in LaTeX).
FONT = "DejaVu Sans"
