"""Moved to :mod:`scenes.lessons.common.hill`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.common import hill as _moved

sys.modules[__name__] = _moved
