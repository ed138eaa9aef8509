"""Moved to :mod:`scenes.kit.caption_band`; this name keeps old imports working (it is that module)."""

import sys

from scenes.kit import caption_band as _moved

sys.modules[__name__] = _moved
