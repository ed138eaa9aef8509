"""The settings of the rolling lessons, declared once for both scenes.

:class:`~scenes.lessons.rolling.scene.BallRollsToMinimum` and
:class:`~scenes.lessons.rolling.scene.MomentumRace` annotate their class attributes with these
declarations (type, bounds, one line of doc); the settings of any descent walk (learning
rate, steps, tolerance) come from :mod:`scenes.lessons.common.walk_settings`. Nothing here
imports manim.
"""

from __future__ import annotations

from typing import Annotated

from scenes.kit.settings import Setting
from scenes.lessons.common.walk_settings import LearningRate, MaxSteps, Tolerance

__all__ = [
    "BallRadius",
    "FitWalk",
    "InsetSize",
    "LearningRate",
    "LookTurn",
    "MaxSteps",
    "Momentum",
    "PanelSize",
    "RollTime",
    "RollTurn",
    "Start",
    "StepTime",
    "Tolerance",
    "TrailLift",
]

Start = Annotated[tuple[float, float], Setting("where the ball starts (n, e): inside n_range and e_range", low=-1e6, high=1e6)]
Momentum = Annotated[float, Setting("mu: the share of its last step the second ball keeps", low=0, below=1)]
FitWalk = Annotated[bool, Setting("widen n_range and e_range (up to twice their size) to hold the whole walk")]
BallRadius = Annotated[float, Setting("radius of the ball, in scene units", low=0.02, high=1)]
StepTime = Annotated[float, Setting("seconds per step while the roll fits in roll_time", low=0.02, high=10)]
RollTime = Annotated[float, Setting("the most seconds the roll takes (a longer walk speeds up)", low=0.1, high=60)]
RollTurn = Annotated[float, Setting("degrees the camera turns while the ball rolls", low=-360, high=360)]
LookTurn = Annotated[float, Setting("degrees the camera turns at the start, to show the hill", low=-360, high=360)]
InsetSize = Annotated[float, Setting("the longer side of the top view, in scene units", low=1, high=5)]
TrailLift = Annotated[float, Setting("height of the trail above the surface (scene units)", low=0, high=0.5)]
PanelSize = Annotated[float, Setting("font size of the rule and the readouts", low=24, high=60)]
