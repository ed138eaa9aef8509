"""The derivative (``TangentSlope``): the slope of a secant, rise over run, settles on one
number as the run shrinks, the derivative f'(x0), and the secant becomes the tangent; the
tangent then slides along the curve, and the sign of f' says which way f goes.

Three modules: :mod:`.facts` computes from mathcore the frozen records of each beat (the
first secant, the tangent, the legs of the slide: stretches, flat stops, gaps) with no
manim; :mod:`.captions` writes each caption as a pure function of one such record (no
manim); :mod:`.scene` chooses where to draw and plays the beats.
"""
