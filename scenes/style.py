"""Moved to :mod:`scenes.kit.style`; this name keeps old imports working (it is that module)."""

import sys

from scenes.kit import style as _moved

sys.modules[__name__] = _moved
