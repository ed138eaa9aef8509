"""The rolling lessons: gradient descent as a ball rolling on a hillside z = f(n, e).

:class:`~scenes.lessons.rolling.scene.BallRollsToMinimum` lets one ball take mathcore's
steps; :class:`~scenes.lessons.rolling.scene.MomentumRace` races plain steps against steps
with momentum from the same start. The modules:

``facts``     what each walk did, as frozen records (no manim): steps drawn and told,
              how it ended, whether f fell (to float resolution), two walks the same walk
              (to a pixel), the view widened to hold a walk
``captions``  pure functions from those facts to lines (text and the facts behind it)
``settings``  the settings both scenes declare once
``panel``     the cast the scenes hold: formula, top view, rule, readouts, balls, labels
``roll``      what both scenes do alike: the walks, the framing, the cast, the roll
``scene``     the two scene classes: short lists of beats
"""
