"""Moved to :mod:`scenes.lessons.speed.captions`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.speed import captions as _moved

sys.modules[__name__] = _moved
