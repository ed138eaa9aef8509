"""Captions of the neuron lesson, written from its facts by pure functions (no manim).

The walk's own lines (the rule, each step, the roll, the noise of mini-batches) are shared
with the line lesson (:mod:`scenes.lessons.common.fit_captions`). Here: the data, the start
and its decision point, the loss, and the end. For labels that one x parts the end says
that the loss has no lowest point (a fact of the data, never "converged" to one), else it
compares the end with mathcore's ``neuron_fit``: "as low as it gets" only where the
readouts show its digits; "converged" and "diverged" come from mathcore's status through
:mod:`scenes.kit.phrases`.
"""

from __future__ import annotations

from dataclasses import replace

from scenes.kit.beats import Line
from scenes.kit.numbers import number
from scenes.kit.spoken import eq, num, num_text, said
from scenes.kit.phrases import not_settled, oscillates
from scenes.lessons.common.fit_captions import (
    LOSS_PART, WALK_PART, WB, cut_short_lines, ending_lines, eta, loss_change, map_line, noise_line, roll_line, rule_line, step_line, steps,
    still_line, where,
)
from scenes.lessons.neuron.facts import DataFacts, LossFacts, OutcomeFacts, StartFacts

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
        Line(said("Here are ", facts.count, " points: ", facts.ones, " with label ", ("1", "one"), ", ", zeros, " with label ", ("0", "zero"), "."), facts),
        Line(said("A neuron says ", ("s = σ(w x + b)", "s equals sigma of w x plus b"), ": how sure it is that the label is ", ("1", "one"), "."), facts),
    ]


def start_lines(facts: StartFacts) -> list[Line]:
    """The start, and its decision point (or why it has none)."""
    d = facts.decimals
    first = Line(said("Start with ", eq("w", num(facts.w, d)), ", ", eq("b", num(facts.b, d)), "."), facts)
    if facts.decision is None:
        return [first, Line(said("With ", eq("w", num_text("0")), ", s is the same at every x: the neuron tells no point apart."), facts)]
    marked = replace(facts, visible=facts.visible | {"decision point"})
    where = eq("x", num(facts.decision, d))
    return [first, Line(said("The dashed line marks ", where, ", where ", eq("s", num_text("0.5")), ": the decision point."), marked)]


def loss_line(facts: LossFacts) -> list[Line]:
    """What the loss is, with its value at the start."""
    return [
        Line(said("The loss L is the mean cross-entropy: ", ("−log", "minus the log"), " of the chance s gives each true label."), facts),
        Line(said("For this neuron, ", eq("L", num(facts.loss, facts.decimals)), "."), facts),
    ]


def _separable_lines(facts: OutcomeFacts) -> list[Line]:
    """Labels one x parts: no lowest L (a fact of the data, true whatever the walk did),
    then what the walk did: stopped where its gradient fell below the tolerance (a loss
    that rounds to 0 is still above 0), ran out of steps, or never moved."""
    d = facts.decimals
    at = eq("x", num(facts.split_at, d))
    if facts.clean:
        lines = [Line(said("One x splits these labels cleanly: no ", WB, " has the lowest L."), facts),
                 Line(said("A steeper curve through the gap always lowers L a little more."), facts)]
    else:
        lines = [Line(said("Points of both labels sit at ", at, ", and no others cross it: no ", WB, " has the lowest L."), facts),
                 Line(said("A steeper curve through ", at, " always lowers L a little more."), facts)]
    through = "the gap" if facts.clean else at
    if facts.status == "converged":
        lines.append(Line(said("At ", eq("w", num(facts.w, d)), " the gradient is below the tolerance, so the walk stops;"
                               " a steeper curve through ", through, " would still lower L."), facts))
    elif facts.status == "max_steps":
        head = not_settled(facts, "N").removesuffix("N steps").capitalize()
        still = ", the curve still getting steeper" if facts.steepening and number(facts.w, d) != "0" else ""
        lines.append(Line(said(head, steps(facts.steps), ": ", eq("w", num(facts.w, d)), f"{still}."), facts))
    elif facts.status == "flat_start":
        lines.append(still_line(facts))
    elif facts.status == "oscillating":
        lines.append(Line(said(oscillates(facts).capitalize(), ": ", eta(facts.learning_rate), " is too large for this loss."), facts))
    return lines


def outcome_lines(facts: OutcomeFacts) -> list[Line]:
    """How the walk ended (against the neuron with the lowest L, mathcore's ``neuron_fit``,
    when the labels overlap; for labels one x parts, why there is none), and where the
    neuron now splits the labels."""
    d = facts.decimals
    lines: list[Line] = cut_short_lines(facts)
    if lines:  # it diverged or left the map: told
        pass
    elif facts.separable:
        lines += _separable_lines(facts)
    else:
        # written as a pair: "w = ..." would read as the readouts', which show the walk's end
        best = said(("(w, b) = (", "w and b equal "), num(facts.best_w, d), (", ", " and "), num(facts.best_b, d), (")", ""))
        best_here = said("at ", where(facts), ", ", eq("L", num(facts.loss, d)), " is as low as it gets")
        lines += ending_lines(facts, best_here, Line(said("L is lowest at ", best, "."), facts), "No neuron does better on these points.")
    if facts.decision is not None and facts.shown > 0:
        lines.append(Line(said("The neuron now puts its decision point at ", eq("x", num(facts.decision, d)), "."), facts))
    change = loss_change(facts)
    return lines + ([change] if change else [])
