"""Moved to :mod:`scenes.kit.claims`; this name keeps old imports working (it is that module)."""

import sys

from scenes.kit import claims as _moved

sys.modules[__name__] = _moved
