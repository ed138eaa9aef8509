"""The optimizer race: several of mathcore's optimizers from one start on one hillside.

:class:`~scenes.lessons.optimizer_race.scene.OptimizerRace` lets one ball per optimizer take
its steps, all at one pace. The modules:

``facts``     what each racer's walk did and how the walks compare, as frozen records (no
              manim): who arrives first, who stalls on a plateau, who overshoots, who
              coincides; decided on the exact paths with a pixel's tolerance
``captions``  pure functions from those facts to lines, with phrases that need their fact
``settings``  the ``optimizers`` setting: 1 to 5 (name, learning rate) pairs
``cast``      the walks from mathcore, the racers' colours and the status labels
``scene``     the scene class: a short list of beats on the rolling lessons' cast
"""
