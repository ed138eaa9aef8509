"""TeX and text caches that several processes can share: a reader only ever sees whole files.

Manim typesets a formula in its ``tex_dir``: it writes ``<hash>.tex``, runs LaTeX there
(``<hash>.dvi``, ``.log``, ``.aux``), converts to ``<hash>.svg`` and then deletes *every*
non-SVG file in that folder (``delete_nonsvg_files``). Two processes sharing one ``tex_dir``
therefore race by design: one deletes the ``.dvi`` another is converting ("can't open file
.../<hash>.dvi"), or reads an SVG that ``dvisvgm`` is still writing. ``Text`` has the same
flaw in its ``text_dir`` (Pango writes the SVG in place), and every reader of a cached SVG
writes a styled copy to ``<hash>_.svg`` beside it and deletes it after parsing, so two readers
of one entry delete each other's copy (``SVGMobject.generate_mobject``); ``Text`` even
rewrites the cached entry in place each time it is built (``PangoUtils.remove_last_M``).

:func:`install` (called once by :mod:`scenes.kit.lesson`) replaces both writers:

- the shared folder is read first; an SVG found there is complete, because
- a missing SVG is made in a private folder of this call (``<cache>.work/<random>/``), then
  copied beside its final name under a temporary ``.svg`` name no one reads, and published
  with one atomic ``os.replace``. Two processes making the same entry both publish a whole
  file; the last rename wins and both files are the same;
- a reader's scratch copy gets a name of its own (hidden, with the process id and a random tag),
  and a text entry is published already edited, so its readers never write to it.

Nothing is ever deleted from the shared folder, so ``delete_nonsvg_files`` no longer runs
there. :func:`shared_dirs` names the one cache the storyboards, the tests and the course's
clip processes share (``$LESSONS_CACHE_DIR`` or ``<tmp>/lessons-cache``).

This module imports manim only inside :func:`install` and the writers.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["install", "installed", "publish", "shared_dirs", "typeset_svg"]

_INSTALLED: dict[str, Any] = {}


def shared_dirs(root: str | Path | None = None) -> dict[str, str]:
    """Manim options that point ``tex_dir`` and ``text_dir`` at the shared cache.

    Parameters
    ----------
    root
        The cache folder; by default ``$LESSONS_CACHE_DIR``, else ``<tmp>/lessons-cache``.

    Returns
    -------
    dict
        ``{"tex_dir": ..., "text_dir": ...}``, folders created, ready for ``tempconfig``.
    """
    base = Path(root or os.environ.get("LESSONS_CACHE_DIR") or Path(tempfile.gettempdir()) / "lessons-cache")
    dirs = {"tex_dir": base / "Tex", "text_dir": base / "texts"}
    for path in dirs.values():
        path.mkdir(parents=True, exist_ok=True)
    return {key: str(path) for key, path in dirs.items()}


def publish(made: Path, final: Path) -> Path:
    """Put the finished file ``made`` at ``final`` in one atomic step and return ``final``.

    The bytes go first to a hidden ``.svg`` file beside ``final`` (same folder, so the rename
    cannot cross file systems; an ``.svg`` suffix, so a stray ``delete_nonsvg_files`` leaves
    it alone), then ``os.replace`` makes the whole file appear under its name.
    """
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = final.with_name(f".{final.stem}-{os.getpid()}-{uuid.uuid4().hex[:8]}.part.svg")
    try:
        shutil.copyfile(made, staging)
        os.replace(staging, final)
    finally:
        staging.unlink(missing_ok=True)
    return final


def _private_dir(shared: Path) -> Path:
    work = shared.with_name(shared.name + ".work")
    work.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=work))


def _complete(path: Path) -> bool:
    """Whether ``path`` is a published entry (published entries are whole; empty means broken)."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def typeset_svg(expression: str, environment: str | None = None, tex_template: Any = None) -> Path:
    """Manim's ``tex_to_svg_file``, safe in a ``tex_dir`` shared by several processes.

    Same file name (the hash of the full TeX source) and the same errors as manim's.
    """
    from manim import config
    from manim.utils import tex_file_writing as tfw

    template = tex_template if tex_template is not None else config["tex_template"]
    if environment is not None:
        source = template.get_texcode_for_expression_in_env(expression, environment)
    else:
        source = template.get_texcode_for_expression(expression)
    shared = config.get_dir("tex_dir")
    shared.mkdir(parents=True, exist_ok=True)
    final = shared / (tfw.tex_hash(source) + ".svg")
    if _complete(final):
        return final
    work = _private_dir(shared)
    tex_file = work / final.with_suffix(".tex").name
    tex_file.write_text(source, encoding="utf-8")
    output = template.output_format
    compilers = [template.tex_compiler] if isinstance(template.tex_compiler, str) else template.tex_compiler
    keep = False  # a LaTeX error keeps the folder: the message names its log file
    try:
        for compiler in compilers:
            command = tfw.make_tex_compilation_command(compiler, output, tex_file, work)
            if subprocess.run(command, stdout=subprocess.DEVNULL).returncode != 0:
                keep = True
                log_file = tex_file.with_suffix(".log")
                tfw.print_all_tex_errors(log_file, compiler, tex_file)
                raise ValueError(
                    f"{compiler} error converting to {output[1:]}. See log output above or the log file: {log_file}"
                )
        publish(tfw.convert_to_svg(tex_file.with_suffix(output), output), final)
    finally:
        if not keep:
            shutil.rmtree(work, ignore_errors=True)
    return final


def _safe_text2svg(original: Callable[..., str]) -> Callable[..., str]:
    """Wrap a ``Text``/``MarkupText._text2svg``: Pango writes in a private folder, then publish."""

    def text2svg(self: Any, color: Any) -> str:
        from manim import config

        shared = config.get_dir("text_dir")
        shared.mkdir(parents=True, exist_ok=True)
        final = shared / (self._text2hash(color) + ".svg")
        if _complete(final):
            return str(final.resolve())
        work = _private_dir(shared)
        saved = config.text_dir
        try:
            config.text_dir = str(work)
            made = Path(original(self, color))
            _remove_last_m(str(made))  # as Text does next, but before anyone can read the entry
            publish(made, final)
        finally:
            config.text_dir = saved
            shutil.rmtree(work, ignore_errors=True)
        return str(final.resolve())

    text2svg.__wrapped__ = original  # type: ignore[attr-defined]
    return text2svg


def _remove_last_m(file_name: str) -> None:
    """ManimPango's ``PangoUtils.remove_last_M``, written atomically and only if it changes the file.

    ``Text`` calls it on the cached SVG every time it is built; the original truncates and
    rewrites the file in place, so a process reading the entry then sees an empty file.
    Entries are published with the edit already made, so readers no longer write at all.
    """
    path = Path(file_name)
    content = path.read_text()
    edited = re.sub(r'Z M [^A-Za-z]*? "\/>', 'Z "/>', content)
    if edited != content:
        staging = path.with_name(f".{path.stem}-{os.getpid()}-{uuid.uuid4().hex[:8]}.part.svg")
        staging.write_text(edited)
        os.replace(staging, path)


def _generate_mobject(self: Any) -> Any:
    """``SVGMobject.generate_mobject`` with its scratch copy under a name of this call.

    Manim writes the styled copy of ``<entry>.svg`` to ``<entry>_.svg`` beside it, parses and
    deletes it: two processes reading one cached entry delete each other's copy. Same steps,
    a private name.
    """
    from manim.mobject.svg import svg_mobject as svg

    file_path = self.get_file_path()
    new_tree = self.modify_xml_tree(svg.ET.parse(file_path))
    scratch = file_path.with_name(f".{file_path.stem}-{os.getpid()}-{uuid.uuid4().hex[:8]}_{file_path.suffix}")
    new_tree.write(scratch)
    try:
        parsed = svg.se.SVG.parse(scratch)
    finally:
        scratch.unlink(missing_ok=True)
    mobjects, mobject_dict = self.get_mobjects_from(parsed)
    self.add(*mobjects)
    self.id_to_vgroup_dict = mobject_dict
    self.flip(svg.RIGHT)  # flip y
    return self


def install() -> None:
    """Make manim's ``Tex``/``MathTex``, ``Text``/``MarkupText`` and ``SVGMobject`` use the
    safe writers and readers (once)."""
    if _INSTALLED:
        return
    from manim.mobject.svg import svg_mobject
    from manim.mobject.text import tex_mobject, text_mobject
    from manim.utils import tex_file_writing

    _INSTALLED["svg"] = svg_mobject.SVGMobject.generate_mobject
    svg_mobject.SVGMobject.generate_mobject = _generate_mobject
    _INSTALLED["pango"] = text_mobject.PangoUtils.remove_last_M
    text_mobject.PangoUtils.remove_last_M = staticmethod(_remove_last_m)

    _INSTALLED["tex"] = (tex_mobject.tex_to_svg_file, tex_file_writing.tex_to_svg_file)
    tex_mobject.tex_to_svg_file = typeset_svg
    tex_file_writing.tex_to_svg_file = typeset_svg
    for klass in (text_mobject.Text, text_mobject.MarkupText):
        original = klass.__dict__["_text2svg"]
        _INSTALLED[klass.__name__] = original
        klass._text2svg = _safe_text2svg(original)


def installed() -> bool:
    """Whether :func:`install` has run in this process."""
    return bool(_INSTALLED)
