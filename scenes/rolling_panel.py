"""Moved to :mod:`scenes.lessons.rolling.panel`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.rolling import panel as _moved

sys.modules[__name__] = _moved
