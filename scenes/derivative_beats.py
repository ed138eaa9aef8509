"""Moved to :mod:`scenes.lessons.derivative.captions`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.derivative import captions as _moved

sys.modules[__name__] = _moved
