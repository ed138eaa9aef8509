"""Captions of the neuron lesson, written from its facts by pure functions (no manim).

The walk's own lines (the rule, each step, the roll, the noise of mini-batches) are shared
with the line lesson (:mod:`scenes.lessons.common.fit_captions`). Here: the data, the start
and its decision point, the loss, and the end. For labels that one x splits cleanly the end
says that the loss has no lowest point and w keeps growing, and only when the facts show
the walk lowered L while |w| grew; "converged" and "diverged" come from mathcore's status
through :mod:`scenes.kit.phrases`.
"""

from __future__ import annotations

from dataclasses import replace

from scenes.kit.beats import Line
from scenes.kit.numbers import number
from scenes.kit.phrases import converged, diverged, not_settled, oscillates
from scenes.lessons.common.fit_captions import LOSS_PART, WALK_PART, map_line, noise_line, roll_line, rule_line, step_line
from scenes.lessons.neuron.facts import DataFacts, LossFacts, OutcomeFacts, StartFacts
from scenes.parts.walk.descent_steps import format_rate

__all__ = [
    "DATA_PART", "END_PART", "LOSS_PART", "WALK_PART", "data_lines", "loss_line", "map_line", "noise_line", "outcome_lines",
    "roll_line", "rule_line", "start_lines", "step_line",
]

#: The first part: the labelled points and the neuron at its start.
DATA_PART = "The data"
#: The last part: where the walk ended.
END_PART = "What the neuron learned"


def data_lines(facts: DataFacts) -> list[Line]:
    """The labelled data, then what a neuron says about it."""
    zeros = facts.count - facts.ones
    return [
        Line(f"Here are {facts.count} points: {facts.ones} with label 1, {zeros} with label 0.", facts),
        Line("A neuron says s = σ(w x + b): how sure it is that the label is 1.", facts),
    ]


def start_lines(facts: StartFacts) -> list[Line]:
    """The start, and its decision point (or why it has none)."""
    d = facts.decimals
    first = Line(f"Start with w = {number(facts.w, d)}, b = {number(facts.b, d)}.", facts)
    if facts.decision is None:
        return [first, Line("With w = 0, s is the same at every x: the neuron tells no point apart.", facts)]
    marked = replace(facts, visible=facts.visible | {"decision point"})
    return [first, Line(f"The dashed line marks x = {number(facts.decision, d)}, where s = 0.5: the decision point.", marked)]


def loss_line(facts: LossFacts) -> list[Line]:
    """What the loss is, with its value at the start."""
    return [
        Line("The loss L is the mean cross-entropy: −log of the chance s gives each true label.", facts),
        Line(f"For this neuron, L = {number(facts.loss, facts.decimals)}.", facts),
    ]


def _separable_lines(facts: OutcomeFacts) -> list[Line]:
    d = facts.decimals
    lines = [
        Line("One x splits these labels cleanly: no (w, b) has the lowest L.", facts),
        Line("A steeper curve through the gap always lowers L a little more.", facts),
    ]
    if facts.status == "converged":
        lines.append(Line(f"At w = {number(facts.w, d)} the gradient is below the tolerance, so mathcore stops; a larger w would still lower L.", facts))
    elif facts.status == "max_steps":
        lines.append(Line(f"{not_settled(facts, str(facts.steps)).capitalize()}: w = {number(facts.w, d)}, the curve still getting steeper.", facts))
    return lines


def outcome_lines(facts: OutcomeFacts) -> list[Line]:
    """How the walk ended, and where the neuron now splits the labels."""
    d = facts.decimals
    eta = format_rate(facts.learning_rate)
    lines: list[Line] = []
    if facts.status == "diverged":
        lines.append(Line(f"{diverged(facts).capitalize()}: with η = {eta} each step overshoots more.", facts))
    if not facts.in_range:
        lines.append(Line("The next step leaves the map, so the walk is drawn up to here.", facts))
    elif facts.status == "diverged":
        pass
    elif facts.separable and facts.fell and facts.grew:
        lines += _separable_lines(facts)
    elif facts.status == "converged" and facts.kind == "minimum":
        where = f"w = {number(facts.w, d)}, b = {number(facts.b, d)}"
        lines.append(Line(f"{converged(facts).capitalize()}: at {where}, L = {number(facts.loss, d)} is as low as it gets.", facts))
    elif facts.status == "converged":
        lines.append(Line(f"{converged(facts).capitalize()} at w = {number(facts.w, d)}, b = {number(facts.b, d)}.", facts))
    elif facts.status == "max_steps":
        lines.append(Line(f"{not_settled(facts, str(facts.steps)).capitalize()}.", facts))
    elif facts.status == "oscillating":
        lines.append(Line(f"{oscillates(facts).capitalize()}: η = {eta} is too large for this loss.", facts))
    elif facts.status == "flat_start":
        lines.append(Line("The gradient is 0 at the start: no neuron does better on these points.", facts))
    if facts.decision is not None and facts.shown > 0:
        lines.append(Line(f"The neuron now puts its decision point at x = {number(facts.decision, d)}.", facts))
    if facts.fell and facts.shown > 0 and number(facts.loss_start, d) != number(facts.loss, d):
        lines.append(Line(f"From L = {number(facts.loss_start, d)} to L = {number(facts.loss, d)}.", facts))
    return lines
