"""The title card a lesson opens with: its title (and subtitle) on the frame, held as a beat."""

from __future__ import annotations

from typing import Any

from manim import DOWN, FadeIn, FadeOut, Text, UP, VGroup, config

from scenes.kit import caption_flow, style
from scenes.kit.scene_helpers import fit_width
from scenes.kit.spoken import title_spoken

__all__ = ["group", "play"]


def group(title: str, subtitle: str = "") -> VGroup:
    """``title`` (and ``subtitle``) as a group centred on the frame (plain text: manimpango
    refuses a :class:`~scenes.kit.spoken.Said`, the str that carries a spoken form)."""
    heading = Text(str(title), font=style.FONT, font_size=style.TITLE_SIZE, color=style.INK)
    group = VGroup(heading)
    if subtitle:
        sub = Text(str(subtitle), font=style.FONT, font_size=style.CAPTION_SIZE, color=style.MUTED)
        group.add(sub.next_to(heading, DOWN, buff=0.4))
    fit_width(group, config.frame_width - 1.0)
    return group.move_to([0, 0.4, 0])


def play(scene: Any, hold: float = 0.0, facts: Any = None) -> None:
    """Show ``scene``'s title card (its ``make_title_card()``), if it has a title, as a beat
    held for reading (and ``hold`` seconds more), then clear it.

    ``facts`` back the title (NO_FACTS when it claims nothing); without them the title is
    refused, before anything is drawn, when the scene requires facts."""
    if not scene.title:
        return
    words = scene.title if not scene.subtitle else f"{scene.title}: {scene.subtitle}"
    given = facts is not None
    facts = caption_flow.facts_for(scene, words, facts)  # refused before anything is drawn
    card = scene.make_title_card()
    scene.pin(card)
    scene.play(FadeIn(card, shift=0.3 * UP), run_time=0.8)
    caption_flow.caption_line(scene, words, 0, facts, given, title_spoken(scene.title, scene.subtitle))
    caption_flow.hold_for_reading(scene, extra=hold)
    scene.play(FadeOut(card), run_time=0.6)
