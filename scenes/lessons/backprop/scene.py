"""Backpropagation: the chain rule of one sigmoid neuron, drawn as a graph and run both ways.

For one input ``x`` with label ``y``, :class:`Backpropagation` draws the computation graph
w, x, b -> z -> s -> L (:class:`mathcore.NeuronGraph`), fills its nodes with values in the
forward pass, puts each arrow's local slope on it, and in the backward pass multiplies the
slopes arrow by arrow into dL/dw and dL/db: the gradient of the loss over (w, b). The step
w <- w - eta * dL/dw (and b) closes the lesson, and a second forward pass shows the new loss.
Render with::

    manim -qh scenes/backprop.py Backpropagation

A variant is a subclass (a saturated sigmoid, a confident wrong guess)::

    class SureAndWrong(Backpropagation):
        w, b, x, y = 10.0, 0.0, 3.0, 0
        learning_rate = 0.1
"""

from __future__ import annotations

from typing import Annotated, ClassVar

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Arrow, Circle, RoundedRectangle, Create, FadeIn, FadeOut, GrowArrow, MathTex, Text, Transform, VGroup

from mathcore import NeuronGraph
from scenes.kit import style
from scenes.kit.beats import NO_FACTS
from scenes.kit.lesson import LessonScene, fit_in_band, fit_width, rendered_from
from scenes.kit.settings import Setting
from scenes.lessons.backprop import captions as words
from scenes.lessons.backprop.digits import Product, Shown, show
from scenes.lessons.backprop.facts import LessonFacts, lesson_facts
from scenes.lessons.common.walk_settings import LearningRate

__all__ = ["Backpropagation", "MAX_Z"]

#: The largest |w*x + b| the lesson shows (before and after the step): at 30 the sigmoid's
#: slope is already 1/10.7 trillion, and beyond about 34 its numbers pass a thousand trillion.
MAX_Z = 32.0

#: Where each node sits (scene units, in the plot zone) and its radius.
PLACES = {"w": (-5.75, 1.8), "x": (-5.75, 0.0), "b": (-5.75, -1.8), "z": (-3.25, 0.0), "s": (-0.85, 0.0), "L": (1.5, 0.0)}
RADIUS = 0.42
#: The inputs are boxes holding their name and value (``w = 0.500``).
BOX = (2.2, 0.7)
VALUE_SIZE = 34
#: The widest a number over or under a node may be (the inputs' column is narrower: it
#: keeps to the frame's left edge; L's keeps left of the side panel).
LABEL_WIDTH = {"w": 1.4, "x": 1.4, "b": 1.4, "z": 1.6, "s": 1.6, "L": 1.55}
#: Where dL/d(node) hangs under z, s and L: below the slope values under the arrows.
GRAD_TOP = -0.78
#: The widest a local slope's value under its arrow may be.
SLOPE_WIDTH = 1.6

@rendered_from("scenes.backprop")
class Backpropagation(LessonScene):
    """One neuron, one input: the forward pass fills the graph, the backward pass multiplies
    local slopes into dL/dw and dL/db, and the step moves w and b against them."""

    title = "Backpropagation"
    subtitle = "The chain rule, one arrow at a time"
    w: ClassVar[Annotated[float, Setting("the neuron's weight w", low=-10.0, high=10.0)]] = 0.5
    b: ClassVar[Annotated[float, Setting("the neuron's bias b", low=-10.0, high=10.0)]] = -1.0
    x: ClassVar[Annotated[float, Setting("the one input x", low=-10.0, high=10.0)]] = 2.0
    y: ClassVar[Annotated[int, Setting("the input's label, 0 or 1", low=0, high=1)]] = 1
    learning_rate: ClassVar[LearningRate] = 0.5
    captions_last = True

    @classmethod
    def check(cls) -> None:
        """|w*x + b| at most :data:`MAX_Z`, before and after the step."""
        name = cls.__name__
        z = float(cls.w) * float(cls.x) + float(cls.b)
        if abs(z) > MAX_Z:
            raise ValueError(f"{name}: w*x + b = {z:g} is outside [-{MAX_Z:g}, {MAX_Z:g}]; choose a smaller w, x or b")
        try:
            after = NeuronGraph(cls.w, cls.b, cls.x, cls.y).step(cls.learning_rate).node("z").value
        except ValueError:
            after = float("inf")
        if abs(after) > MAX_Z:
            raise ValueError(f"{name}: the step takes w*x + b to {after:g}, outside [-{MAX_Z:g}, {MAX_Z:g}]; choose a smaller learning_rate")

    # -- build --------------------------------------------------------------------------------
    def build(self) -> None:
        type(self).check()
        self.facts: LessonFacts = lesson_facts(self.w, self.b, self.x, self.y, self.learning_rate)
        graph = self.facts.graph
        loss = r"-\log s" if self.y == 1 else r"-\log(1 - s)"
        self.formula = MathTex(r"z = w x + b,\quad s = \sigma(z),\quad L = " + loss + rf",\quad y = {self.y}", font_size=40, color=style.INK)
        fit_in_band(self.formula, self.zones.title)
        self.nodes = {name: self.make_node(name) for name in PLACES}
        self.arrows = {(e.source, e.target): self.make_arrow(e.source, e.target) for e in graph.edges}
        self.slopes = VGroup(*(self.make_slope(e.source, e.target, e.latex) for e in graph.edges if e.source != "x"))
        self.name_in_picture("edges", self.slopes)
        self.values = {name: self.value_label(name, shown) for name, (shown, _) in self.facts.shown.items()}
        self.grads = {name: self.grad_label(name, grad) for name, (_, grad) in self.facts.shown.items() if name != "x"}
        self.rate = MathTex(rf"\eta = {self.facts.step.rate.tex}", font_size=style.READOUT_SIZE, color=style.INK)
        side = self.zones.side
        self.rate.move_to([side.left + 0.2, side.top - 0.35, 0], aligned_edge=LEFT)
        self.name_in_picture("η", self.rate, says=self.facts.step.rate.text)
        self.legend = self.make_legend()

    def make_node(self, name: str) -> VGroup:
        """A circle with the node's name (z, s, L), or for an input a box that will hold
        its name and value (``w = 0.500``)."""
        if name in ("w", "x", "b"):
            box = RoundedRectangle(corner_radius=0.15, width=BOX[0], height=BOX[1], color=style.INK, stroke_width=3)
            box.move_to([*PLACES[name], 0])
            label = MathTex(name, "=", font_size=40, color=style.INK).move_to(box).align_to(box, LEFT).shift(0.15 * RIGHT)
            return VGroup(box, label)
        circle = Circle(radius=RADIUS, color=style.FUNCTION, stroke_width=3).move_to([*PLACES[name], 0])
        label = MathTex(name, font_size=44, color=style.INK).move_to(circle)
        return VGroup(circle, label)

    def make_arrow(self, source: str, target: str) -> Arrow:
        a, t = np.array([*PLACES[source], 0.0]), np.array([*PLACES[target], 0.0])
        if source in ("w", "x", "b"):
            a = a + np.array([BOX[0] / 2, 0.0, 0.0])
            way = (t - a) / np.linalg.norm(t - a)
            start = a
        else:
            way = (t - a) / np.linalg.norm(t - a)
            start = a + RADIUS * way
        return Arrow(start, t - RADIUS * way, buff=0.02, color=style.MUTED, stroke_width=3, tip_length=0.16,
                     max_tip_length_to_length_ratio=0.2)

    def make_slope(self, source: str, target: str, latex: str) -> VGroup:
        """The arrow's local slope: its formula above the arrow, its value below."""
        arrow = self.arrows[(source, target)]
        start, end = arrow.get_start(), arrow.get_end()
        middle, way = (start + end) / 2, (end - start) / np.linalg.norm(end - start)
        normal = np.array([abs(way[1]), abs(way[0]), 0.0]) * (1 if source != "b" else np.array([-1, 1, 0]))  # up-right of w's arrow, up-left of b's
        shown = next(s for a, t, s in self.facts.edges.slopes if (a, t) == (source, target))
        formula = MathTex(latex, font_size=VALUE_SIZE, color=style.SLOPE)
        value = fit_width(MathTex(shown.tex, font_size=VALUE_SIZE, color=style.SLOPE), SLOPE_WIDTH)
        if source in ("w", "b"):  # one label beside a slanted arrow, away from the others
            parts = (latex,) if latex == "1" else (latex, "=", shown.tex)  # dz/db is 1: no "1 = 1.00"
            label = fit_width(MathTex(*parts, font_size=VALUE_SIZE, color=style.SLOPE), 1.6)
            at = start + (0.5 if source == "w" else 0.3) * (end - start)  # b's "1" keeps away from dL/dz under z
            return VGroup(label.move_to(at + (0.25 + label.width / 2) * normal))
        formula.next_to(middle, UP, buff=0.12)
        value.next_to(middle, DOWN, buff=0.12)
        return VGroup(formula, value)

    def value_label(self, name: str, shown: Shown) -> MathTex:
        """The node's value from the forward pass, over the node."""
        label = fit_width(MathTex(shown.tex, font_size=VALUE_SIZE, color=style.INK), LABEL_WIDTH[name])
        if name in ("w", "x", "b"):  # inside the box, after "w ="
            label.next_to(self.nodes[name][1], RIGHT, buff=0.15)
        else:  # (z's a little to the right, clear of the arrow from w)
            label.next_to(self.nodes[name], UP, buff=0.1).shift((0.25 if name == "z" else 0.0) * RIGHT)
        return self.name_in_picture(name, label, says=shown.text if shown.plain else None)

    def grad_label(self, name: str, shown: Shown) -> MathTex:
        """dL/d(node) from the backward pass, under the node."""
        node = self.nodes[name]
        if name in ("w", "b"):  # right of the box, away from its arrow (above w's, below b's)
            label = fit_width(MathTex(shown.tex, font_size=VALUE_SIZE, color=style.GRADIENT), 1.7)
            edge = node.get_right() + 0.12 * RIGHT
            return self.name_in_picture(f"∂L/∂{name}", label.move_to(edge, aligned_edge=LEFT + (DOWN if name == "w" else UP)).shift((0.2 if name == "w" else -0.2) * UP),
                                        says=shown.text if shown.plain else None)
        label = fit_width(MathTex(shown.tex, font_size=VALUE_SIZE, color=style.GRADIENT), LABEL_WIDTH[name])
        label.move_to([node.get_x(), GRAD_TOP, 0], aligned_edge=UP)  # under the arrows' slope values
        return self.name_in_picture(f"∂L/∂{name}", label, says=shown.text if shown.plain else None)

    def make_legend(self) -> VGroup:
        """What the colours mean, at the foot of the side panel."""
        rows = [("value (forward)", style.INK), ("local slope", style.SLOPE), ("∂L/∂ node (backward)", style.GRADIENT)]
        legend = VGroup(*(Text(text, font=style.FONT, font_size=24, color=colour) for text, colour in rows))
        legend.arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        side = self.zones.side
        return legend.move_to([side.left + 0.2, side.bottom + 0.15, 0], aligned_edge=LEFT + DOWN)

    def panel(self, *lines: str) -> VGroup:
        """An equation of a few lines for the side panel, under the learning rate."""
        tex = VGroup(*(MathTex(line, font_size=style.READOUT_SIZE, color=style.INK) for line in lines))
        tex.arrange(DOWN, aligned_edge=LEFT, buff=0.22)
        side = self.zones.side
        fit_width(tex, side.width - 0.4)
        return tex.move_to([side.left + 0.2, side.top - 0.95, 0], aligned_edge=LEFT + UP)

    # -- construct ----------------------------------------------------------------------------
    def construct(self) -> None:
        f = self.facts
        self.begin_part(words.GRAPH_PART)
        self.play_title_card(facts=NO_FACTS)
        first, second = words.intro_lines()
        self.beat(first, FadeIn(self.formula), *(Create(n) for n in self.nodes.values()), run_time=1.2)
        self.beat(second, *(GrowArrow(a) for a in self.arrows.values()), FadeIn(self.legend), run_time=1.0)
        self.equation = None
        self.begin_part(words.FORWARD_PART)
        z, s, loss = f.forward
        self.beat(words.forward_line(z), *self.show_panel(_sum_lines(z)), *(FadeIn(self.values[n]) for n in ("w", "x", "b", "z")))
        self.beat(words.forward_line(s), *self.show_panel((rf"s = \sigma(z) {_tex(s.relation)} {s.value.tex}",)), FadeIn(self.values["s"]))
        loss_tex = r"-\log s" if self.y == 1 else r"-\log(1 - s)"
        self.beat(words.forward_line(loss), *self.show_panel((rf"L = {loss_tex} {_tex(loss.relation)} {loss.value.tex}",)), FadeIn(self.values["L"]))
        self.begin_part(words.BACKWARD_PART)
        for index, line in enumerate(words.edges_lines(f.edges)):
            self.beat(line, *([FadeIn(self.slopes), FadeIn(self.grads["L"])] if index == 0 else []), *self.show_panel(()))
        lit = None  # the arrow the backward pass crosses now, drawn in the gradient's colour
        for back in f.backward:
            arrow = self.arrows[(back.node, back.via)]
            light = [arrow.animate.set_color(style.GRADIENT)] + ([lit.animate.set_color(style.MUTED)] if lit is not None else [])
            lit = arrow
            self.beat(words.backward_line(back), *self.show_panel(_chain_lines(back.node, back.via, back.result)), FadeIn(self.grads[back.node]), *light)
        self.beat(words.gradient_line(f.gradient), lit.animate.set_color(style.MUTED), *self.show_panel((r"\nabla L = \left(\frac{\partial L}{\partial w},\ \frac{\partial L}{\partial b}\right)",
                                                                     rf"= \left({f.gradient.dw.tex},\ {f.gradient.db.tex}\right)")))
        self.step()

    def step(self) -> None:
        """The update of w and b, then the forward pass again with the new loss."""
        f, st = self.facts, self.facts.step
        self.begin_part(words.STEP_PART)
        w_line, b_line, loss_line = words.step_lines(st)
        self.beat(w_line, FadeIn(self.rate), *self.show_panel(*_update_lines("w", st.w_product)))
        self.beat(b_line, *self.show_panel(*_update_lines("b", st.b_product)))
        after = {n.name: self.value_label(n.name, _shown_after(f, n.name)) for n in f.after.nodes if n.name in ("w", "b", "z", "s", "L")}
        swaps = [Transform(self.values[name], label) for name, label in after.items()]
        self.caption(loss_line)
        self.play(*swaps, *self.show_panel((rf"L:\ {st.loss_old.tex} \to {st.loss_new.tex}",)), *(FadeOut(g) for g in self.grads.values()), FadeOut(self.slopes), run_time=1.0)
        for name, label in after.items():  # the picture reads the new numbers
            self.name_in_picture(name, self.values[name], says=_shown_after(f, name).text if _shown_after(f, name).plain else None)
        self.hold()
        self.beat(words.closing_line(f.closing))
        self.clear_caption()
        self.wait(0.5)

    def show_panel(self, *lines) -> list:
        """Animations that replace the side panel's equation with ``lines``."""
        lines = lines[0] if len(lines) == 1 and isinstance(lines[0], tuple) else lines
        old, new = self.equation, (self.panel(*lines) if lines else None)
        self.equation = new
        moves = [FadeOut(old, shift=0.2 * UP)] if old is not None else []
        return moves + ([FadeIn(new, shift=0.2 * UP)] if new is not None else [])


def _tex(relation: str) -> str:
    return "=" if relation == "=" else r"\approx"


def _neg(shown: Shown) -> str:
    return rf"\left({shown.tex}\right)" if shown.text.startswith("-") else shown.tex


def _sum_lines(z) -> tuple[str, ...]:
    w, x, b = z.inputs
    return ("z = w x + b", rf"= {w.tex} \cdot {_neg(x)} + {_neg(b)}", rf"{_tex(z.relation)} {z.value.tex}")


def _chain_lines(node: str, via: str, result: Product) -> tuple[str, ...]:
    up, local = result.factors
    head = rf"\frac{{\partial L}}{{\partial {node}}} = \frac{{\partial L}}{{\partial {via}}} \cdot \frac{{\partial {via}}}{{\partial {node}}}"
    return (head, rf"= {up.tex} \cdot {_neg(local)}", rf"{_tex(result.relation)} {result.result.tex}")


def _update_lines(name: str, result: Product) -> tuple[str, ...]:
    old, rate, slope = result.factors
    return (rf"{name} \leftarrow {name} - \eta\,\frac{{\partial L}}{{\partial {name}}}", rf"= {old.tex} - {rate.tex} \cdot {_neg(slope)}",
            rf"{_tex(result.relation)} {result.result.tex}")


def _shown_after(facts: LessonFacts, name: str) -> Shown:
    return show(facts.after.node(name).exact)
