"""The animations of one beat: played together, or as several plays in turn.

``LessonMixin.beat(line, *animations)`` plays its animations together, for the beat's
``run_time`` (or their own). A beat whose line stays up over several plays in sequence (draw
the axes, then the graph) gives each play as a :class:`Play`, with its own ``run_time``::

    self.beat(line, Play(Create(axes), run_time=1.0), Play(Create(graph), run_time=1.5))

:func:`plays_of` turns a beat's arguments into the list of plays; it draws nothing, so a
beat's plays can be checked without manim rendering anything.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Play", "plays_of"]


class Play:
    """One play of a beat: ``animations`` played together, with ``settings`` for manim's
    ``play`` (``run_time``, ``rate_func``, ...).

    >>> Play("fade", "grow", run_time=0.5)
    Play('fade', 'grow', run_time=0.5)
    """

    __slots__ = ("animations", "settings")

    def __init__(self, *animations: Any, **settings: Any) -> None:
        if not animations:
            raise ValueError("Play: give at least one animation")
        if any(isinstance(a, Play) for a in animations):
            raise TypeError("Play: a Play inside a Play; give the plays one after another")
        self.animations = animations
        self.settings = settings

    def __repr__(self) -> str:
        shown = [repr(a) for a in self.animations] + [f"{k}={v!r}" for k, v in self.settings.items()]
        return f"Play({', '.join(shown)})"


def plays_of(steps: tuple, run_time: float | None = None, settings: dict | None = None) -> list[tuple[tuple, dict]]:
    """The plays of a beat, in order, each (animations, keyword arguments for ``play``).

    ``steps`` are either animations, all played together (for ``run_time`` seconds, or
    their own, with ``settings``), or :class:`Play` records, each played in turn with its
    own settings; a mix of the two, or a ``run_time`` beside plays that carry their own, is
    refused with a ``TypeError``.

    >>> plays_of(("a", "b"), run_time=1.0)
    [(('a', 'b'), {'run_time': 1.0})]
    >>> plays_of((Play("a", run_time=1.0), Play("b", "c", run_time=1.5)))
    [(('a',), {'run_time': 1.0}), (('b', 'c'), {'run_time': 1.5})]
    >>> plays_of(())
    []
    """
    settings = dict(settings or {})
    plays = [step for step in steps if isinstance(step, Play)]
    if not plays:
        if not steps:
            return []
        return [(tuple(steps), settings if run_time is None else {**settings, "run_time": run_time})]
    if len(plays) < len(steps):
        raise TypeError("a beat plays either animations together or Play steps in turn, not both: wrap every animation in a Play")
    if run_time is not None or settings:
        raise TypeError(f"a beat of Play steps takes no {', '.join(['run_time'] * (run_time is not None) + sorted(settings))}: give them to each Play")
    return [(play.animations, dict(play.settings)) for play in plays]
