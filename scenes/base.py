"""Moved to :mod:`scenes.kit.lesson`; this name keeps old imports working (it is that module)."""

import sys

from scenes.kit import lesson as _moved

sys.modules[__name__] = _moved
