"""Moved to :mod:`scenes.lessons.rolling.captions`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.rolling import captions as _moved

sys.modules[__name__] = _moved
