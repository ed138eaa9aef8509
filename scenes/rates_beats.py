"""Moved to :mod:`scenes.lessons.learning_rates.captions`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.learning_rates import captions as _moved

sys.modules[__name__] = _moved
