"""Moved to :mod:`scenes.kit.beats`; this name keeps old imports working (it is that module)."""

import sys

from scenes.kit import beats as _moved

sys.modules[__name__] = _moved
