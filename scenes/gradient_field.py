"""Moved to :mod:`scenes.lessons.gradient_field.scene`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.gradient_field import scene as _moved

sys.modules[__name__] = _moved
