"""Axes whose ranges fit the function being shown, with round tick steps."""

from __future__ import annotations

import math

from manim import Axes, MathTex

from mathcore import Curve

from .. import style

__all__ = ["nice_range", "fitted_y_range", "make_axes"]


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
) -> Axes:
    """Axes in the lesson style with numbered ticks and LaTeX axis labels."""
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
            "font_size": 22,
        },
        # Each axis gets the decimals its own step needs (t in 0.5 s but x in 500 m).
        x_axis_config={"decimal_number_config": {"num_decimal_places": _decimals(x_range[2]), "color": style.MUTED}},
        y_axis_config={"decimal_number_config": {"num_decimal_places": _decimals(y_range[2]), "color": style.MUTED}},
    )
    labels = axes.get_axis_labels(
        MathTex(x_label, font_size=style.LABEL_SIZE, color=style.INK),
        MathTex(y_label, font_size=style.LABEL_SIZE, color=style.INK),
    )
    axes.add(labels)
    axes.axis_labels = labels
    return axes


def _decimals(*steps: float) -> int:
    places = 0
    for step in steps:
        while places < 3 and abs(step * 10**places - round(step * 10**places)) > 1e-9:
            places += 1
    return places
