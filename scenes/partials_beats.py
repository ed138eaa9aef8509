"""Moved to :mod:`scenes.lessons.partials.captions`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.partials import captions as _moved

sys.modules[__name__] = _moved
