"""Moved to :mod:`scenes.lessons.descent.facts`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.descent import facts as _moved

sys.modules[__name__] = _moved
