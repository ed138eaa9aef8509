"""Captions of the gradient-descent lessons, written from their facts by pure functions.

Every function here takes a record of :mod:`scenes.lessons.descent.facts` and returns the words a
learner reads; none imports manim, so the tests check them over many functions without
rendering. A caption only claims what its facts establish (:mod:`scenes.kit.claims`): "the
minimum" only for a point mathcore calls a minimum inside the range shown, "downhill" only
for steps that lowered f, and where a walk cannot make the beat's point (a flat start, a
first step out of the picture) the caption says what happens instead. Numbers go through
:mod:`scenes.kit.numbers` with the digits the update equation on screen uses.
"""

from __future__ import annotations

from dataclasses import dataclass

from scenes.kit.beats import Facts
from scenes.lessons.descent.facts import OutcomeFacts, RuleFacts, ShapeFacts, StartFacts, StepFacts, WalkFacts
from scenes.kit.numbers import number
from scenes.kit.pacing import LINE_WIDTH, split_caption
from scenes.kit.phrases import f_change
from scenes.kit.spoken import capitalized, count, eq, function_of, name, num, num_text, said
from scenes.parts.walk.descent_steps import STATUS_WORDS, distinct_digits, format_rate, readable_digits, update_numbers

__all__ = [
    "CURVE_PART",
    "ENDS_PART",
    "SummaryFacts",
    "intro_caption",
    "outcome_caption",
    "outcome_clause",
    "outcome_lines",
    "rule_caption",
    "rule_line",
    "start_caption",
    "status_line",
    "step_caption",
    "summary_captions",
    "summary_facts",
    "walk_caption",
    "walk_part",
]

_COUNT_WORDS = {0: "no", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def _steps(n: int) -> str:
    return count(n, "step")


def _article(kind: str) -> str:
    return ("an " if kind[0] in "aeiou" else "a ") + kind


def _f_change(facts: StepFacts) -> str:
    """``"f falls to 1.50"`` / ``"f rises to 9.00"`` / ``"f stays at 4.50"``, by the step's
    facts (phrases of :mod:`scenes.kit.phrases`: no fall or rise without its fact); a change
    too small to read at :data:`MAX_DIGITS` says so (``"f falls to 0.5, by less than 0.000001"``)."""
    digits = distinct_digits(facts.f_old, facts.f_new, facts.decimals)
    new = num(facts.f_new, digits)
    if (facts.fell or facts.rose) and number(facts.f_old, digits) == new:
        new = said(new, ", by less than ", num(10.0**-digits, digits))
    elif not (facts.fell or facts.rose):
        new = num(facts.f_new, facts.decimals)
    return f_change(facts, new)


def start_at(variable: str, w: float, decimals: int) -> str:
    """``w = <start>``, with the digits a non-zero start needs not to read as 0 (a start at
    0.001 is not the start at 0)."""
    return eq(variable, num(w, readable_digits(w, decimals)))


def _slope(value: float, decimals: int) -> str:
    digits = readable_digits(value, decimals)
    if value != 0 and number(value, digits) in ("0", "-0"):  # smaller than the most digits shown
        return said("almost ", _ZERO)
    return num(value, digits)


_ZERO = num_text("0")


def intro_caption(facts: ShapeFacts) -> str:
    """The first caption: the function, and what gradient descent does with it."""
    f = function_of("f", facts.variable)
    if facts.minima == 0:
        return said("Here is ", f, ", with no valley in this view. Watch what steps against the slope do.")
    if facts.minima == 1:
        return said("Here is ", f, ". Gradient descent looks for a low point by stepping against the slope.")
    valleys = _COUNT_WORDS.get(facts.minima, facts.minima)
    return said("Here is ", f, ", with ", valleys, " valleys in view. Gradient descent steps against the slope.")


def start_caption(facts: StartFacts) -> str:
    """Where a walk starts and which way is down there."""
    v, d = facts.variable, facts.decimals
    where = said("Start" if facts.first else "Now start", " at ", start_at(v, facts.w, d))
    if facts.slope == 0:
        if facts.kind == "minimum" and facts.in_range:
            return said(where, ", already at the minimum: the slope is ", _ZERO, ", so every step is ", _ZERO, ".")
        return said(where, ", where the tangent is flat: every step is ", _ZERO, ".")
    if facts.tiny:
        return said(where, ". The slope is almost ", _ZERO, " here, so the steps are tiny.")
    toward = "larger" if facts.slope < 0 else "smaller"
    sign = "negative" if facts.slope < 0 else "positive"
    return said(where, ". The slope is ", _slope(facts.slope, d), f", {sign}: f falls toward {toward} ", name(v), ".")


def rule_caption(variable: str) -> str:
    """The update rule in words."""
    return said("The update: new ", eq(variable, said("old ", name(variable))), " minus the learning rate ", name("η"), " times the slope.")


def rule_line(facts: RuleFacts) -> str:
    """:func:`rule_caption` from its record."""
    return rule_caption(facts.variable)


def step_caption(facts: StepFacts) -> str:
    """One update: the slope's sign, where the point went, and what f did."""
    v, d = facts.variable, facts.decimals
    numbers = update_numbers(facts.w_old, facts.learning_rate, facts.slope, facts.w_new, d)
    sign = "negative" if facts.slope < 0 else "positive"
    head = said("Step ", facts.step, ": the slope is ", _slope(facts.slope, d), f", {sign}")
    if not facts.moved:
        return said(head, ", too small to move ", name(v), " at all.")
    way = "right" if facts.w_new > facts.w_old else "left"
    head = said(head, ", so ", name(v), f" moves {way}, to ", num(facts.w_new, numbers.digits), ".")
    if facts.fell:
        return said(head, " ", _f_change(facts), ".")
    if facts.rose:
        return said(head, " But ", _f_change(facts), ": it overshot.")
    return said(head, " ", _f_change(facts), ".")


def walk_caption(facts: WalkFacts) -> str | None:
    """After the shown steps of a walk: where it got, or why no step is shown (None when
    the start caption already said why: a flat start)."""
    v, d = facts.variable, facts.decimals
    if facts.shown == 0:
        if not facts.left_view:
            return None
        if facts.status == "left_domain" and facts.steps == 0:
            return said("The first step would land where f is undefined: there is no step to show.")
        if facts.status == "diverged" and facts.steps == 0:
            return said("The first step jumps so far that the walk diverges at once.")
        return said("The very first step lands outside the picture.")
    w_last = num(facts.w_last, max(distinct_digits(facts.w_first, facts.w_last, d), facts.last_digits))
    text = said("After ", _steps(facts.shown), ", ", eq(v, w_last))
    digits = distinct_digits(facts.f_first, facts.f_last, d)
    f0, f1 = num(facts.f_first, digits), num(facts.f_last, digits)
    if facts.fell:
        text = said(text, " and f fell from ", f0, " to ", f1, ".") if f0 != f1 else said(text, " and f fell a little, to about ", f1, ".")
    elif facts.rose:
        text = said(text, ", but f rose from ", f0, " to ", f1, ".") if f0 != f1 else said(text, ", but f rose a little, to about ", f1, ".")
    else:
        text = said(text, " and f is back at ", f1, ".")
    if facts.left_view:
        text = said(text, " The next step leaves the picture.")
    return text


@dataclass(frozen=True)
class SummaryFacts(Facts):
    """What the shown steps of all walks did: the signs of their slopes and of f's changes."""

    variable: str
    learning_rate: float
    shown: int
    signs: frozenset  # signs (-1, 1) of the slopes of the shown steps
    fell_steps: int
    rose_steps: int

    @property
    def fell(self) -> bool:
        return self.shown > 0 and self.fell_steps == self.shown

    @property
    def rose(self) -> bool:
        return self.rose_steps > 0


def summary_facts(variable: str, learning_rate: float, steps: list[StepFacts]) -> SummaryFacts:
    """The summary of every shown step."""
    signs = frozenset((-1 if s.slope < 0 else 1) for s in steps if s.slope != 0)
    return SummaryFacts(
        variable, learning_rate, len(steps), signs, sum(s.fell for s in steps), sum(s.rose for s in steps)
    )


def summary_captions(facts: SummaryFacts) -> list[str]:
    """Why stepping against the slope works (or where it did not), as one or two captions."""
    v = facts.variable
    if facts.shown == 0:
        return [said("No step fits in this picture. Here is how each walk ends when left to run.")]
    if facts.fell:
        texts = []
        if facts.signs == {-1, 1}:
            texts.append(said("Slope negative: ", name(v), " grows. Slope positive: ", name(v), " shrinks."))
        texts.append(said("The minus sign turned every step shown downhill."))
        return texts
    if facts.rose:
        return [said("Some steps overshot and f rose: ", eq("η", num_text(format_rate(facts.learning_rate))), " is too large here.")]
    return [said("Not every step lowered f here.")]


def outcome_clause(facts: OutcomeFacts) -> str:
    """How a walk ends, as a clause that continues "left to run, ...". Pure words from
    mathcore's status and the kind of the point reached."""
    v, d = facts.variable, facts.decimals
    at = eq(v, num(facts.w_end, d))
    if facts.status == "converged":
        if facts.steps == 0:
            return said("it stays put: ", at, f" is already a flat {facts.kind or 'point'}.")
        if facts.kind == "minimum" and facts.in_range:
            article = "the" if facts.minima <= 1 else "a"
            return said(f"it reaches {article} minimum at ", at, " after ", _steps(facts.steps), ".")
        if facts.kind == "minimum":
            return said("it settles at ", at, " after ", _steps(facts.steps), ", a minimum outside the picture.")
        return said(f"it settles on a flat {facts.kind or 'point'} at ", at, " after ", _steps(facts.steps), ", not a minimum.")
    if facts.status == "max_steps":
        if facts.ahead is not None:
            where, kind = facts.ahead
            return said("after ", _steps(facts.steps), " it is still creeping toward ", eq(v, num(where, d)), f", {_article(kind)}.")
        if facts.moved:  # where it got, with the digits that tell it from the start
            end = num(facts.w_end, distinct_digits(facts.w_start, facts.w_end, d))
            return said("after ", _steps(facts.steps), " it is still moving, at ", eq(v, end), ".")
        return said("after ", _steps(facts.steps), " it has stopped short at ", at, ".")
    if facts.status == "oscillating" and facts.bounce is not None:
        a, b = (num(x, d) for x in facts.bounce)
        return said("it bounces between ", eq(v, a), " and ", eq(v, b), " and gets no lower.")
    if facts.status == "diverged":
        if facts.fell:
            return said("f falls without end: there is no lowest point that way.")
        return said("it diverges: each step overshoots more.")
    if facts.status == "left_domain":
        land = num(facts.landing, d) if facts.landing is not None else "a point"
        return said("step ", facts.steps + 1, " would land at ", eq(v, land), ", where f is undefined, so it stops at ", at, ".")
    return said("it has no way to go: the slope at the start is ", _ZERO, ".")


def outcome_caption(facts: OutcomeFacts, lead: str) -> str:
    """``lead`` (e.g. "From w = -1.00, left to run,") and :func:`outcome_clause`."""
    return said(lead, " ", outcome_clause(facts))


def outcome_lines(outcomes: list[OutcomeFacts], width: int = LINE_WIDTH) -> list[tuple[str, OutcomeFacts]]:
    """How each walk ends when left to run, as (caption, facts): one caption for all starts
    when their endings read alike, else one per start. A caption too long for one caption
    of two lines of ``width`` is written as two sentences ("Now let the walk from w = 3.00
    run on. After 200 steps ..."), so that no part is a bare "From w = 3.00, left to run,"."""
    clauses = [outcome_clause(o) for o in outcomes]
    if len(outcomes) > 1 and len(set(clauses)) == 1:
        every = "both starts" if len(outcomes) == 2 else "every start"
        whole = said(f"From {every}, left to run, ", clauses[0])
        if len(split_caption(whole, width)) > 1:
            walks = "both walks" if len(outcomes) == 2 else "every walk"
            whole = said(f"Now let {walks} run on. ", capitalized(clauses[0]))
        return [(whole, outcomes[0])]
    lines = []
    for o, clause in zip(outcomes, clauses):
        start = start_at(o.variable, o.w_start, o.decimals)
        whole = said("From ", start, ", left to run, ", clause)
        if len(split_caption(whole, width)) > 1:
            whole = said("Now let the walk from ", start, " run on. ", capitalized(clause))
        lines.append((whole, o))
    return lines


def _capital(clause: str) -> str:
    return capitalized(clause)


def status_line(facts: OutcomeFacts) -> str:
    """The on-screen line for a walk's end: ``w = -1.00 → converged``."""
    return f"{facts.variable} = {number(facts.w_start, readable_digits(facts.w_start, facts.decimals))} → {STATUS_WORDS[facts.status]}"


# -- parts of the lesson (chapter names) ------------------------------------------------------------
#: The first part: the curve, its shape and the axes.
CURVE_PART = "The curve"
#: The last part: what the shown steps of all walks did, and how each ends if left to run
#: (not "Where the walks end": its first lines review the rule).
ENDS_PART = "All the walks together"


def walk_part(facts: StartFacts) -> str:
    """The part of one walk: ``"Walking from w = -1.00"``, its start as the start's caption
    says it."""
    return f"Walking from {facts.variable} = {number(facts.w, readable_digits(facts.w, facts.decimals))}"
