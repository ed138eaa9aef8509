"""Reusable pieces of lesson scenes: fitted axes, graphs, tangent lines, readouts."""
