"""Moved to :mod:`scenes.kit.settings`; this name keeps old imports working (it is that module)."""

import sys

from scenes.kit import settings as _moved

sys.modules[__name__] = _moved
