"""Where a lesson class lives for its users: the file they render with ``manim``.

A lesson is written in ``scenes/lessons/<topic>/scene.py`` and rendered with ``manim
scenes/<topic>.py Scene``. Manim loads that file under a name of its own (``scenes.derivative``,
or one made of the file's absolute path, ``/.work.main.scenes.derivative``) and renders only the
classes whose ``__module__`` *starts with* that name; :func:`inspect.getsource`, pickle, typing
and doctest, on the other hand, look the class up in ``sys.modules[cls.__module__]`` and need the
module it was written in. So the render file names itself a home of the classes it exports,
each time it is loaded::

    from scenes.lessons.derivative.scene import TangentSlope

    render_here(__name__, TangentSlope)

and the class's ``__module__`` becomes a :class:`ModuleName`: the name of the module it was
written in (``scenes.lessons.derivative.scene``, so ``inspect.getsource(TangentSlope)`` shows
its code and pickle finds it), whose ``startswith`` also answers for its homes (the one test
manim's loader makes). :func:`homes` lists them; the course registry takes a render module's
classes by it.

>>> class Demo: pass
>>> render_here("scenes.demo", Demo)
>>> Demo.__module__ == __name__, Demo.__module__.startswith("scenes.demo"), homes(Demo)
(True, True, ('scenes.demo',))
"""

from __future__ import annotations

__all__ = ["ModuleName", "homes", "render_here", "written_in"]


class ModuleName(str):
    """The module a class was written in, that also *starts with* the names of its homes.

    Equal to (and hashed as) the plain name, so ``sys.modules[cls.__module__]`` is the
    module that holds the class's source; pickled as the plain name.
    """

    homes: tuple[str, ...]

    def __new__(cls, written_in: str, homes: tuple[str, ...] = ()) -> ModuleName:
        name = super().__new__(cls, written_in)
        name.homes = tuple(dict.fromkeys(h for h in homes if h != written_in))
        return name

    def startswith(self, prefix, *bounds) -> bool:  # type: ignore[override]
        return str.startswith(self, prefix, *bounds) or any(home.startswith(prefix, *bounds) for home in self.homes)

    def __reduce__(self):
        return (str, (str(self),))


def written_in(cls: type) -> str:
    """The module ``cls`` was written in (a plain name)."""
    return str(vars(cls).get("_written_in", cls.__module__))


def homes(cls: type) -> tuple[str, ...]:
    """The render modules ``cls`` names its home, in the order they were named (none for a
    class no render file exports; a subclass has its own ``__module__`` and no homes)."""
    module = vars(cls).get("__module__")
    found = getattr(module, "homes", ())
    if isinstance(module, str) and not isinstance(module, ModuleName) and module != written_in(cls):
        found = (*found, module)  # renamed the old way (a plain ``cls.__module__ = home``)
    return tuple(found)


def render_here(module_name: str, *classes: type) -> None:
    """Name ``module_name`` (the render file, as loaded) a home of ``classes``."""
    for cls in classes:
        written = written_in(cls)
        cls._written_in = written
        cls.__module__ = ModuleName(written, (*homes(cls), module_name))
