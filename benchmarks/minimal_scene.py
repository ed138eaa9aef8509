"""The yardstick for render benchmarks: a minimal scene lasting ``BENCH_DURATION`` seconds.

One dot crosses the frame at constant speed, so every frame is drawn and encoded, and
nothing else costs anything. A lesson scene is compared with this at the same resolution,
frame rate and duration.
"""

import os

from manim import LEFT, RIGHT, Dot, Scene, linear


class Minimal(Scene):
    def construct(self):
        duration = float(os.environ.get("BENCH_DURATION", "4"))
        dot = Dot(6 * LEFT)
        self.add(dot)
        self.play(dot.animate.move_to(6 * RIGHT), run_time=duration, rate_func=linear)


