"""Position and speed (``PositionToSpeed``): the speed of an object on a line is the slope
of its position graph x(t), so where v changes sign the object turns round.

Three modules: :mod:`.facts` computes, from mathcore's exact sign runs of v, the legs of
the run of time (moves, turns, instants where v only touches zero) as frozen records, with
no manim; :mod:`.captions` writes each caption as a pure function of one such record (no
manim); :mod:`.scene` draws the two plots, the track and the live readouts and plays the
legs, one caption per beat.
"""
