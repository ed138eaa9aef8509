"""Moved to :mod:`scenes.kit.pacing`; this name keeps old imports working (it is that module)."""

import sys

from scenes.kit import pacing as _moved

sys.modules[__name__] = _moved
