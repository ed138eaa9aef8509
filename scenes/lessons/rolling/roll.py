"""What both rolling scenes do the same way, as functions of the scene they are given.

The two scenes (:mod:`scenes.lessons.rolling.scene`) are separate subclasses of
:class:`~scenes.lessons.common.hill.HillLesson` (no layer of classes between them and the
hill), and share this code by calling it: the walks from mathcore
(:func:`walks_for`), the view widened to hold them (:func:`frame_walks`), the cast
(:func:`build_cast`) and the roll itself, played by the clock of steps while the camera turns
(:func:`roll_between`). Each function names what it reads from the scene (:class:`RollHost`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from manim import linear, smooth

from mathcore import DescentPath, DomainError, ScalarField, gradient_descent

from scenes.kit.beats import BeatRecord
from scenes.kit.pacing import MAX_SECONDS, reading_time
from scenes.lessons.rolling.captions import Digits, exact_number, value_decimals
from scenes.lessons.rolling.facts import WalkFacts, walk_facts
from scenes.lessons.rolling.framing import framed_ranges
from scenes.lessons.rolling.panel import PanelLook, Racer, RollingPanel, steps_shown
from scenes.parts.walk.descent_walk import RollDescent, step_times

__all__ = ["RollHost", "build_cast", "frame_walks", "name_end", "roll_between", "rule_tex", "walks_for"]


class RollHost(Protocol):
    """What these functions read from a rolling scene: its settings and, once built, the
    hill (:class:`~scenes.lessons.rolling.panel.PanelHill`), the clock and the caption."""

    start: tuple[float, float]
    learning_rate: float
    max_steps: int
    tolerance: float
    fit_walk: bool
    n_range: tuple[float, float]
    e_range: tuple[float, float]
    time: float
    _open_beat: BeatRecord | None

    def orbit(self, turn: float, run_time: float, tilt: float | None = None, added_anims: Sequence[Any] = (), rate_func=smooth) -> None: ...

    def clear_caption(self, run_time: float = 0.3) -> None: ...


def walks_for(scene: RollHost, field: ScalarField, momenta: Sequence[float]) -> list[DescentPath]:
    """mathcore's walk from ``start`` for each momentum (errors name the scene's class)."""
    try:
        return [
            gradient_descent(
                field, tuple(map(float, scene.start)), learning_rate=scene.learning_rate, momentum=float(mu),
                max_steps=scene.max_steps, tolerance=scene.tolerance,
            )
            for mu in momenta
        ]
    except DomainError as error:
        raise DomainError(f"{type(scene).__name__}.start = {scene.start!r}: {error}") from None


def frame_walks(scene: RollHost, paths: Sequence[DescentPath]) -> None:
    """With ``fit_walk``, widen the scene's ``n_range`` and ``e_range`` (on the instance; the
    class keeps the teacher's) to hold every point of ``paths``, up to twice their size each
    way (:func:`~scenes.lessons.rolling.facts.framed_ranges`); a walk that needs more is
    drawn up to where it leaves, and told so."""
    if scene.fit_walk:
        scene.n_range, scene.e_range = framed_ranges([p.points for p in paths], scene.n_range, scene.e_range)


def rule_tex(var_tex: Sequence[str], eta: float, momentum: float | None = None) -> list[str]:
    """The update rule's lines (LaTeX) and, last, the values of its settings."""
    n, e = var_tex
    lines = [r"\mathbf{w} \leftarrow \mathbf{w} - \eta\,\nabla f(\mathbf{w})"]
    values = rf"\mathbf{{w}} = ({n}, {e}),\ \eta = {exact_number(eta)[0]}"
    if momentum is not None:
        lines += [r"\mathbf{v} \leftarrow \mu\,\mathbf{v} - \eta\,\nabla f(\mathbf{w})", r"\mathbf{w} \leftarrow \mathbf{w} + \mathbf{v}"]
        values += rf",\ \mu = {exact_number(momentum)[0]}"
    return lines + [values]


def build_cast(
    scene: Any, paths: Sequence[DescentPath], colors: Sequence[Any], labels: Sequence[str], momentum: float | None = None,
    rule: Sequence[str] | None = None,
) -> None:
    """After the hill is built: ``scene.digits``, ``scene.panel`` (pinned), ``scene.riders``
    with their facts, ``scene.walks_facts`` and ``scene.times``, the clock of steps.
    ``rule``: the panel's rule lines (LaTeX; default :func:`rule_tex` of the scene's eta)."""
    low, high = scene.value_range[:2]
    scene.digits = Digits(scene.decimals, value_decimals(high - low, scene.decimals))
    racers = [Racer(p, steps_shown(p, scene), c, label) for p, c, label in zip(paths, colors, labels)]
    look = PanelLook(scene.panel_size, scene.inset_size, scene.ball_radius, scene.trail_lift)
    if rule is None:
        rule = rule_tex(scene.var_tex, scene.learning_rate, momentum)
    scene.panel = RollingPanel(scene, racers, look, scene.digits, rule)
    scene.riders = scene.panel.riders
    for rider in scene.riders:
        rider.facts = walk_facts(rider.path, scene.field, scene.n_range, scene.e_range, rider.shown)
    scene.walks_facts: list[WalkFacts] = [r.facts for r in scene.riders]
    scene.times = step_times(max(r.shown for r in scene.riders), scene.step_time, scene.roll_time)
    scene.name_in_picture("ball", scene.riders[0].ball)
    scene.name_in_picture("map", scene.panel.inset)


def name_end(scene: Any, rider: Any) -> None:
    """Name ``rider``'s ball, at the end of its walk, as the kind of point it reached there
    (a caption saying "reached a minimum" needs the minimum in the picture)."""
    kind = rider.facts.kind
    if kind and rider.facts.in_range and not rider.facts.left_picture:
        scene.name_in_picture(kind, rider.ball)


def roll_between(scene: Any, start: float, end: float, turn: float) -> None:
    """Play the riders' clock from ``start`` to ``end`` seconds while the camera turns
    ``turn`` degrees. A caption that would stay up longer than a caption may is cleared on
    the way (the roll goes on without it)."""
    if end <= start:
        return
    panel = scene.panel
    before = [scene.axis_marks] + ([scene._caption_mobject] if scene._caption_mobject is not None else [])
    scene.add(*panel.roll_order(before, set(scene.get_mobject_family_members())))
    beat = scene._open_beat
    left = MAX_SECONDS - 0.3 - (scene.time - beat.start) if beat is not None else end - start
    middle = start + max(left, reading_time(beat.text) - (scene.time - beat.start) if beat else 0.0)
    rate = smooth
    if start < middle < end:
        rate = linear
        scene.orbit(turn * (middle - start) / (end - start), run_time=middle - start, rate_func=linear,
                    added_anims=[RollDescent(panel.riders, scene.times, start, middle, panel.step_readout)])
        scene.clear_caption()
        turn, start = turn * (end - middle) / (end - start), middle
    roll = RollDescent(panel.riders, scene.times, start, end, panel.step_readout)
    scene.orbit(turn, run_time=end - start, added_anims=[roll], rate_func=rate)
