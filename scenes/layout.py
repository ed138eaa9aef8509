"""Moved to :mod:`scenes.kit.layout`; this name keeps old imports working (it is that module)."""

import sys

from scenes.kit import layout as _moved

sys.modules[__name__] = _moved
