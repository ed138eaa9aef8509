"""Moved to :mod:`scenes.lessons.common.point_facts`; this name keeps old imports working (it is that module)."""

import sys

from scenes.lessons.common import point_facts as _moved

sys.modules[__name__] = _moved
