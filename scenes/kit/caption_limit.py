"""A caption is never held longer than it may be, even under one long animation.

:meth:`scenes.kit.lesson.LessonMixin.wait` already clears a caption that a long wait would
keep up past :data:`~scenes.kit.pacing.MAX_SECONDS`. An animation cannot be cut in two the
same way, so when one ``play()`` would keep the caption too long, the kit plays, *with* it, a
fade of the caption that starts when the caption has been up its longest allowed time
(:class:`TimedCaptionFade`), and ends the caption's beat and subtitle there.
:func:`caption_fade_at` is the rule, a pure function.
"""

from __future__ import annotations

from typing import Any

from scenes.kit.caption_band import CaptionFade, set_caption_opacity
from scenes.kit.pacing import MAX_SECONDS

__all__ = ["FADE_SECONDS", "NEXT_SWAP_HALF", "TimedCaptionFade", "caption_fade_at", "planned_run_time"]

#: Seconds a caption takes to fade out when the kit ends it (as ``clear_caption``).
FADE_SECONDS = 0.3
#: A caption that stays to the end of an animation ends half way through the next caption's
#: swap (half the default 0.4 s), so it must end this much before its limit.
NEXT_SWAP_HALF = 0.2


def caption_fade_at(shown: float, read: float, run_time: float, limit: float = MAX_SECONDS) -> float | None:
    """When, in seconds after an animation starts, the caption up now must start fading.

    Parameters
    ----------
    shown
        Seconds the caption has been fully up when the animation starts.
    read
        Its reading time (it is never taken away before it has been read).
    run_time
        The animation's length.
    limit
        The longest a caption may be up (fade included).

    Returns
    -------
    float or None
        None when the caption may stay through the animation (it ends in time, counting
        half the next caption's swap, or it has not been read by the time it would have to
        go); else the offset of the fade.

    Examples
    --------
    >>> caption_fade_at(1.0, 3.0, 20.0)
    5.7
    >>> caption_fade_at(1.0, 3.0, 5.0) is None
    True
    """
    at = limit - FADE_SECONDS - shown
    if shown + run_time <= limit - NEXT_SWAP_HALF + 1e-9 or at < read - shown - 1e-9 or at < 0 or at + FADE_SECONDS > run_time:
        return None
    return round(at, 9)


def planned_run_time(animations: tuple[Any, ...], kwargs: dict[str, Any], default: float = 1.0) -> float:
    """The length ``Scene.play(*animations, **kwargs)`` will have, without building anything.

    ``run_time`` given to ``play`` wins (manim sets it on every animation); otherwise the
    longest animation's own ``run_time`` (an ``.animate`` builder plays ``default`` seconds
    unless it was given one).
    """
    if kwargs.get("run_time") is not None:
        return float(kwargs["run_time"])
    times = []
    for animation in animations:
        run_time = getattr(animation, "run_time", None)
        if run_time is None:  # an .animate builder keeps play's options in anim_args
            run_time = getattr(animation, "anim_args", {}).get("run_time", default)
        times.append(float(run_time))
    return max(times, default=default)


class TimedCaptionFade(CaptionFade):
    """Fade a caption out over ``FADE_SECONDS`` starting ``at`` seconds into a play of
    ``total`` seconds, whatever rate function ``play`` hands its animations."""

    def __init__(self, mobject: Any, at: float, total: float, **kwargs: Any) -> None:
        self.at, self.total = at, total
        super().__init__(mobject, 1.0, 0.0, remover=True, **kwargs)

    def interpolate(self, alpha: float) -> None:  # alpha: the play's clock, before any rate function
        seconds = alpha * self.total
        progress = min(1.0, max(0.0, (seconds - self.at) / FADE_SECONDS))
        set_caption_opacity(self.mobject, 1.0 - progress)
