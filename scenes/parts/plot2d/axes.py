"""Axes whose ranges fit the function being shown, with round tick steps."""

from __future__ import annotations

import math

from manim import Axes, MathTex

from mathcore import Curve

from scenes.kit import style

__all__ = ["READABLE_NUMBER_SIZE", "READABLE_TICK_SIZE", "fit_axes", "nice_range", "fitted_y_range", "make_axes"]

#: Tick numbers whose digits are 14 px tall at 480p (0.235 of the frame's 8 units).
READABLE_NUMBER_SIZE = 34
#: Half the length of a tick mark 14 px long at 480p.
READABLE_TICK_SIZE = 0.12


def nice_range(low: float, high: float, ticks: int = 6, pad: float = 0.08) -> tuple[float, float, float]:
    """Widen ``[low, high]`` a little and round it outwards to a step of 1, 2 or 5 x 10^k.

    Returns ``(start, stop, step)`` with about ``ticks`` steps in between.
    """
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(f"cannot fit axes to a non-finite range ({low}, {high})")
    if high < low:
        low, high = high, low
    span = high - low
    if span < 1e-9 * max(1.0, abs(low), abs(high)):
        low, high, span = low - 1.0, high + 1.0, 2.0
    low, high = low - pad * span, high + pad * span
    raw = (high - low) / max(ticks, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    stop = math.ceil(high / step) * step
    return _clean(start), _clean(stop), _clean(step)


def _clean(value: float) -> float:
    return float(f"{value:.12g}")


def fitted_y_range(curve: Curve, x_range: tuple[float, float], ticks: int = 5, include_zero: bool = True) -> tuple[float, float, float]:
    """A y range that shows ``curve`` over ``x_range`` (ignoring runaway tails at poles)."""
    low, high = curve.value_range((x_range[0], x_range[1]))
    if include_zero:
        low, high = min(low, 0.0), max(high, 0.0)
    return nice_range(low, high, ticks)


def make_axes(
    x_range: tuple[float, float, float],
    y_range: tuple[float, float, float],
    width: float,
    height: float,
    x_label: str = "x",
    y_label: str = "y",
    number_size: float = 22,
    tick_size: float = 0.1,
) -> Axes:
    """Axes in the lesson style with numbered ticks and LaTeX axis labels.

    ``number_size`` is the font size of the tick numbers (:data:`READABLE_NUMBER_SIZE`
    makes their digits 14 px tall at 480p), ``tick_size`` half the length of a tick mark.
    """
    axes = Axes(
        x_range=list(x_range),
        y_range=list(y_range),
        x_length=width,
        y_length=height,
        tips=False,
        axis_config={
            "color": style.MUTED,
            "stroke_width": 2,
            "include_numbers": True,
            "font_size": number_size,
            "tick_size": tick_size,
        },
        # Each axis gets the decimals its own step needs (t in 0.5 s but x in 500 m).
        x_axis_config={"decimal_number_config": _number_config(x_range[2])},
        y_axis_config={"decimal_number_config": _number_config(y_range[2])},
    )
    labels = axes.get_axis_labels(
        MathTex(x_label, font_size=style.LABEL_SIZE, color=style.INK),
        MathTex(y_label, font_size=style.LABEL_SIZE, color=style.INK),
    )
    axes.add(labels)
    axes.axis_labels = labels
    return axes


def _number_config(step: float) -> dict:
    # 1000, not 1,000: as scenes.kit.numbers writes it in captions.
    return {"num_decimal_places": _decimals(step), "color": style.MUTED, "group_with_commas": False}


def fit_axes(build, box, width: float, height: float) -> Axes:
    """Axes from ``build(width, height)`` (e.g. a :func:`make_axes` call) sized so that
    they, their tick numbers and labels fill ``box`` (a :class:`scenes.kit.layout.Box`) at
    most, and placed in it: wide tick numbers (``0.000002``) shrink the plot, not leave
    the frame. ``width`` and ``height`` are the largest plot sizes wanted.
    """
    axes = build(width, height)
    extra_w, extra_h = axes.width - width, axes.height - height
    fitted_w = max(1.0, min(width, box.width - extra_w))
    fitted_h = max(0.8, min(height, box.height - extra_h))
    if (fitted_w, fitted_h) != (width, height):
        axes = build(fitted_w, fitted_h)
    axes.move_to([box.left + axes.width / 2, box.top - axes.height / 2, 0])
    return axes


def _decimals(*steps: float) -> int:
    places = 0
    for step in steps:
        while places < 6 and abs(step * 10**places - round(step * 10**places)) > 1e-9:
            places += 1
    return places
