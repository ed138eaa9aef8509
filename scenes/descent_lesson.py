"""Moved to :mod:`scenes.lessons.common.descent_lesson`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.common import descent_lesson as _moved

sys.modules[__name__] = _moved
