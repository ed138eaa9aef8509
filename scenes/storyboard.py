"""Moved to :mod:`scenes.kit.storyboard`; this name keeps old imports working (it is that module)."""

import sys

from scenes.kit import storyboard as _moved

if __name__ == "__main__":  # python -m scenes.storyboard
    sys.exit(_moved.main())
sys.modules[__name__] = _moved
