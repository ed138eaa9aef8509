"""Moved to :mod:`scenes.kit.storyboard`; this name keeps old imports working (it is that module)."""

import sys

if __name__ == "__main__":  # python -m scenes.storyboard
    try:
        from scenes.kit import storyboard as _moved  # manim loads for seconds: Ctrl-C then is one line too
    except KeyboardInterrupt:
        print("storyboard: interrupted", file=sys.stderr)
        sys.exit(130)
    sys.exit(_moved.main())

from scenes.kit import storyboard as _moved

sys.modules[__name__] = _moved
