"""Backpropagation (``Backpropagation``): one sigmoid neuron on one input as a computation
graph; the forward pass fills its nodes, the backward pass multiplies the arrows' local
slopes into dL/dw and dL/db, and a step moves w and b against them.

:mod:`.digits` writes its numbers (three figures, products checked as shown), :mod:`.facts`
computes each beat's record from :class:`mathcore.NeuronGraph` (no manim), :mod:`.captions`
writes the lines from them (pure), :mod:`.scene` draws the graph and plays the beats.
"""
