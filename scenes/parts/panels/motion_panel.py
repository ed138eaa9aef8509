"""The live parts of a motion lesson: the track the object moves on, and the t, x, v readouts.

:class:`Track` is a number line with its numbers written as a learner reads them (14 px or
more at 480p). :class:`MotionCast` holds the three readouts with their units and updates
them in place, from one :func:`scenes.kit.numbers.number` per value, each frame.
"""

from __future__ import annotations

from collections.abc import Sequence

from manim import DOWN, RIGHT, UP, Line, MathTex, Mobject, NumberLine, VGroup

from scenes.kit import style
from scenes.kit.lesson import fit_width
from scenes.kit.layout import Box
from scenes.kit.numbers import number
from scenes.parts.panels.live_number import LiveReadout
from scenes.parts.plot2d.plot_axes import Scale, tick_labels

__all__ = ["MotionCast", "Track", "place_formula"]

READOUT_SIZE = style.READOUT_SIZE


def place_formula(formula: Mobject, box: Box, band: Box) -> None:
    """Centre ``formula`` over ``box`` in the title ``band``, shrunk to fit both."""
    fit_width(formula, box.width + 0.4)
    if formula.height > band.height - 0.1:
        formula.scale_to_fit_height(band.height - 0.1)
    formula.move_to([(box.left + box.right) / 2, (band.top + band.bottom) / 2, 0])


class Track(NumberLine):
    """The horizontal line the object moves on, numbered along ``scale``, in ``zone``."""

    def __init__(self, scale: Scale, zone: Box):
        label = MathTex(r"x\,(\mathrm{m})", font_size=style.LABEL_SIZE, color=style.INK)
        numbers = tick_labels(scale.ticks, scale.decimals)
        # the line, the half numbers at its ends and the label fill the zone (a wide first number
        # such as -40000 must not push the label out of the frame)
        length = zone.width - label.width - (numbers[0].width + numbers[-1].width) / 2 - 0.6
        super().__init__(x_range=scale.as_range(), length=length, color=style.MUTED, include_numbers=False, include_ticks=True)
        self.move_to([zone.left + numbers[0].width / 2 + 0.1 + length / 2, zone.top - 0.2, 0])
        for value, text in zip(scale.ticks, numbers):
            text.next_to(self.n2p(value), DOWN, buff=0.2)
        label.next_to(self.n2p(scale.stop), RIGHT, buff=numbers[-1].width / 2 + 0.25)
        self.numbers_group = VGroup(*numbers)
        self.label = label
        self.add(self.numbers_group, label)


class MotionCast:
    """The readouts ``t = ... s``, ``x = ... m``, ``v = ... m/s``, spaced for the widest
    numbers of ``spans`` (the time, position and speed ranges)."""

    def __init__(self, decimals: int, spans: Sequence[Sequence[float]]):
        self.readouts = VGroup()
        for label, unit, color in (
            ("t =", r"\mathrm{s}", style.INK),
            ("x =", r"\mathrm{m}", style.FUNCTION),
            ("v =", r"\mathrm{m/s}", style.SLOPE),
        ):
            readout = LiveReadout(label, 0.0, decimals=decimals, color=color, font_size=READOUT_SIZE)
            readout.unit = MathTex(unit, font_size=READOUT_SIZE, color=style.INK)
            readout.add(readout.unit)
            self.readouts.add(readout)
        for readout, span in zip(self.readouts, spans):  # room for the widest number
            self._show(readout, max(span, key=lambda v: len(number(v, decimals))))
            self._place_unit(readout)  # (show() changes nothing when the widest is the first, 0)
        self.readouts.arrange(RIGHT, buff=1.0)
        baseline = self.readouts[0].label.get_bottom()[1]  # labels without descenders: one baseline
        for readout in self.readouts:
            readout.shift((baseline - readout.label.get_bottom()[1]) * UP)
        self._hidden: set[int] = set()

    @staticmethod
    def formulas(position_latex: str, speed_latex: str) -> VGroup:
        """``x(t) = ...`` and ``v(t) = dx/dt = ...``."""
        position = MathTex(r"x(t) = " + position_latex, font_size=34, color=style.FUNCTION)
        speed = MathTex(r"v(t) = \frac{dx}{dt} = " + speed_latex, font_size=34, color=style.SLOPE)
        return VGroup(position, speed)

    def _show(self, readout: LiveReadout, value: float) -> None:
        if not readout.show(value):
            return
        readout.unit.set_fill(opacity=0.0 if readout.shown_text is None else 1.0)  # no "v = m/s" without a number
        if readout.shown_text is not None:
            self._place_unit(readout)

    @staticmethod
    def _place_unit(readout: LiveReadout) -> None:
        """The unit right of the number, its first letter on the label's baseline."""
        unit = readout.unit
        unit.next_to(readout.number, RIGHT, buff=0.12)
        baseline = readout.label.get_bottom()[1]
        unit.shift((baseline - unit[0][0].get_bottom()[1]) * UP)

    def show(self, t: float, x: float, v: float) -> None:
        """Show the time, position and speed (a NaN hides its number)."""
        for readout, value in zip(self.readouts, (t, x, v)):
            self._show(readout, value)

    def set_visible(self, mobject: Mobject, visible: bool) -> None:
        """Hide or show a live part without touching its points (only when that changes)."""
        if (id(mobject) not in self._hidden) == visible:
            return
        (self._hidden.discard if visible else self._hidden.add)(id(mobject))
        opacity = 1.0 if visible else 0.0
        if isinstance(mobject, Line):
            mobject.set_stroke(opacity=opacity)
        else:
            mobject.set_fill(opacity=opacity)

    def labels(self) -> list[Mobject]:
        """The parts that never change (go in the cached background)."""
        return [readout.label for readout in self.readouts]

    def live_parts(self) -> list[Mobject]:
        """The numbers and units, which change while time runs."""
        return [part for readout in self.readouts for part in (readout.number, readout.unit)]

