"""Moved to :mod:`scenes.lessons.gradient.captions`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.gradient import captions as _moved

sys.modules[__name__] = _moved
