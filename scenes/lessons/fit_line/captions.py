"""Captions of the line-fitting lesson, written from its facts by pure functions (no manim).

The lines of the walk itself (the rule, each step, the roll, the noise of mini-batches) are
shared with the neuron lesson (:mod:`scenes.lessons.common.fit_captions`); here are the data,
the start, the loss and the end. A caption says "converged" only for a walk mathcore calls
converged (:mod:`scenes.kit.phrases`), "the least-squares line" for the end only when the walk
shows the digits of mathcore's ``line_fit``, and "leaves the map" only for a walk that does.
Numbers go through :mod:`scenes.kit.numbers` with the readouts' digits.
"""

from __future__ import annotations

from dataclasses import replace

from scenes.kit.beats import Line
from scenes.kit.spoken import eq, num, said
from scenes.lessons.common.fit_captions import (
    LOSS_PART, WALK_PART, ending_lines, loss_change, map_line, noise_line, roll_line, rule_line, step_line, steps, where,
)
from scenes.lessons.fit_line.facts import DataFacts, LossFacts, OutcomeFacts, StartFacts

__all__ = [
    "DATA_PART", "END_PART", "LOSS_PART", "WALK_PART", "data_line", "loss_line", "map_line", "noise_line", "outcome_lines",
    "roll_line", "rule_line", "start_lines", "step_line",
]

#: The first part: the data, the start's line and its residuals.
DATA_PART = "The data"
#: The last part: where the walk ended, against the least-squares line.
END_PART = "The fitted line"


def data_line(facts: DataFacts) -> Line:
    """The data and the question."""
    return Line(said("Here are ", facts.count, " points ", ("(x, y)", "x, y"), ". Which line ", ("y = w x + b", "y equals w x plus b"),
                     " passes closest to them?"), facts)


def start_lines(facts: StartFacts) -> list[Line]:
    """The start's line, then its residuals."""
    d = facts.decimals
    gaps = replace(facts, visible=facts.visible | {"residuals"})
    return [
        Line(said("Start with the line ", eq("w", num(facts.w, d)), ", ", eq("b", num(facts.b, d)), "."), facts),
        Line(said(f"The {facts.gap_colour} gaps are its residuals: how far it misses each point."), gaps),
    ]


def loss_line(facts: LossFacts) -> Line:
    """What the loss is, with its value at the start."""
    return Line(said("The loss L is the mean of the squared residuals: ", eq("L", num(facts.loss, facts.decimals)), " here."), facts)


def _best(facts: OutcomeFacts):
    d = facts.decimals
    return said("slope ", num(facts.best_w, d), " and intercept ", num(facts.best_b, d))


def outcome_lines(facts: OutcomeFacts) -> list[Line]:
    """How the walk ended and how it compares with the least-squares line (mathcore's exact
    ``line_fit``: "is the least-squares line" only where the readouts show its digits)."""
    best_here = said(where(facts), " is the least-squares line")
    best_line = Line(said("The least-squares line has ", _best(facts), "."), facts)
    lines = ending_lines(facts, best_here, best_line, "This start is already the least-squares line.")
    if facts.rose:
        lines.append(Line(said("L ends higher than it started, at ", num(facts.loss, facts.decimals), ": this walk did not fit the line."), facts))
    done = "gradient descent fitted the line" if facts.at_best else "the line is closer to the points"
    change = loss_change(facts, done)
    return lines + ([change] if change else [])


__all__ += ["steps"]
