"""Where a lesson class lives for its users: the file they render with ``manim``.

A lesson is written in ``scenes/lessons/<topic>/scene.py`` and rendered with ``manim
scenes/<topic>.py Scene``. Manim loads that file under a name of its own (made of the file's
absolute path, ``/.work.main.scenes.derivative``) and renders only the classes whose
``__module__`` starts with that name; the course registry likewise takes the classes whose
``__module__`` is the module it imports. So the render file names itself as the home of the
classes it exports (as numpy names ``numpy`` as the home of its functions), each time it is
loaded::

    from scenes.lessons.derivative.scene import TangentSlope

    render_here(__name__, TangentSlope)

The module a class was written in stays readable as ``_written_in``; its settings' annotations
are resolved there (:func:`scenes.kit.lesson.LessonMixin.parameters`).
"""

from __future__ import annotations

__all__ = ["render_here", "written_in"]


def written_in(cls: type) -> str:
    """The module ``cls`` was written in (its own ``__module__`` until a home was named)."""
    return vars(cls).get("_written_in", cls.__module__)


def render_here(module_name: str, *classes: type) -> None:
    """Name ``module_name`` (the render file, as loaded) the home of ``classes``."""
    for cls in classes:
        if "_written_in" not in vars(cls):
            cls._written_in = cls.__module__
        cls.__module__ = module_name
