"""Moved to :mod:`scenes.kit.numbers`; this name keeps old imports working (it is that module)."""

import sys

from scenes.kit import numbers as _moved

sys.modules[__name__] = _moved
