"""See a lesson without watching it: its beats from a dry run, and a contact sheet of frames.

:func:`dry_run` builds a scene and runs its ``construct()`` with manim's animations skipped
(each animation jumps to its end, no frame is drawn, no file written) and returns a
:class:`Storyboard`: every beat (caption, facts, times) and what the layout check
(:func:`scenes.kit.layout.layout_problems`) found at the end of each. It takes about as long as
building the scene's LaTeX, so the tests run it for whole families of functions.

:func:`contact_sheet` renders the scene for real at a small size and tiles the last frame of
every beat into one PNG with its caption underneath, for a person to look at::

    python -m scenes.kit.storyboard scenes/descent.py GradientDescent1D --set function="w**4 - 3*w**2" -o sheet.png
"""

from __future__ import annotations

import argparse
import ast
import difflib
import importlib
import importlib.util
import os
import sys
import tempfile
import types
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from scenes.kit.beats import BeatRecord, chapters, pace_problems
from scenes.kit import tex_cache
from scenes.kit.clip_bounds import bounds_unchecked
from scenes.kit.layout import layout_problems

__all__ = ["Storyboard", "check_sheet_path", "contact_sheet", "dry_run", "is_contact_sheet", "main", "with_settings"]


@dataclass
class Storyboard:
    """The beats of one run of a scene, and the problems found in them."""

    scene_name: str
    beats: list[BeatRecord]
    duration: float
    frames: list[np.ndarray] = field(default_factory=list)
    title: str = ""

    def claim_problems(self) -> list[str]:
        return [p for beat in self.beats for p in beat.claim_problems()]

    def pace_problems(self) -> list[str]:
        return pace_problems(self.beats)

    def layout_problems(self) -> list[str]:
        return [f"at {beat.text!r}: {p}" for beat in self.beats for p in beat.problems]

    def picture_problems(self) -> list[str]:
        """Captions that disagree with the picture at their end (readouts, things named)."""
        # Each beat against the picture at its own start (a caption-less stretch may lie
        # between two beats: a long roll goes on after its caption has been cleared).
        ends = [None, *(beat.picture for beat in self.beats[:-1])]
        return [p for beat, end in zip(self.beats, ends) for p in beat.picture_problems(beat.picture_before or end)]

    def problems(self) -> list[str]:
        """Everything wrong: claims, pace, layout and the picture."""
        return self.claim_problems() + self.pace_problems() + self.layout_problems() + self.picture_problems()

    def chapters(self) -> list[tuple[str, float]]:
        """(part, start time) of each part of the lesson in order, the first at 0
        (:func:`scenes.kit.beats.chapters`; one chapter, the title, for a lesson without parts)."""
        return chapters(self.beats, self.title or self.scene_name)

    def unbacked(self) -> list[str]:
        """The captions shown without facts (NO_FACTS given for them by the kit)."""
        return [beat.text for beat in self.beats if not beat.facts_given]

    def report(self) -> list[str]:
        """Lines for a person: each part's name, each beat's start, length and caption, each
        problem, a total."""
        lines: list[str] = []
        part: str | None = None
        for beat in self.beats:
            if beat.part is not None and beat.part != part:
                part = beat.part
                lines.append(f"== {part}")
            lines.append(f"{beat.start:7.2f} {beat.duration:5.2f}s  {beat.text}")
        marks = self.chapters()
        if len(marks) > 1:
            lines.append("chapters: " + "; ".join(f"{clock(start)} {name}" for name, start in marks))
        problems = self.problems()
        lines += [f"problem: {problem}" for problem in problems]
        lines.append(f"{len(self.beats)} beats, {self.duration:.1f} s of video, {len(problems)} problems")
        return lines

    @property
    def captions(self) -> list[str]:
        return [beat.text for beat in self.beats]


def clock(seconds: float) -> str:
    """``seconds`` as a chapter mark, minutes and whole seconds (rounded down, so a mark never
    points past its beat).

    >>> clock(0), clock(75.33), clock(600)
    ('0:00', '1:15', '10:00')
    """
    whole = int(seconds)
    return f"{whole // 60}:{whole % 60:02d}"


def with_settings(scene_class: type, **settings: Any) -> type:
    """A subclass of ``scene_class`` with ``settings`` as class attributes."""
    return types.new_class(scene_class.__name__, (scene_class,), exec_body=lambda ns: ns.update(settings))


def _check_layout(scene, beat: BeatRecord) -> None:
    caption = getattr(scene, "_caption_mobject", None)
    beat.problems = tuple(layout_problems(scene, caption=caption, exempt=getattr(scene, "layout_exempt", ())))


def _run(scene_class: type, options: dict, on_beat, skip: bool = False) -> tuple[Any, float]:
    from manim import tempconfig

    with tempconfig(options):
        # skip: every animation jumps to its end and no frame is drawn (manim's own skipping).
        scene = scene_class(skip_animations=True) if skip else scene_class()
        scene.beat_hook = on_beat
        scene.render()
        return scene, float(scene.time)


def dry_run(scene_class: type, check_layout: bool = True, **settings: Any) -> Storyboard:
    """Run ``scene_class`` (with ``settings`` applied) without drawing and return its beats.

    ``validate()`` runs first, as the course build does, so bad settings raise here.
    """
    if settings:
        scene_class = with_settings(scene_class, **settings)
    with bounds_unchecked():  # this run is the dry run; its beats show the lengths
        scene_class.validate()
    with tempfile.TemporaryDirectory(prefix="dry-run-") as media:
        options = {
            "media_dir": media,
            "dry_run": True,
            "write_to_movie": False,
            "save_last_frame": False,
            "disable_caching": True,
            "verbosity": "ERROR",
            "progress_bar": "none",
            "pixel_width": 854,
            "pixel_height": 480,
            "frame_rate": 15,
            **_tex_cache(),
        }
        scene, duration = _run(scene_class, options, _check_layout if check_layout else None, skip=True)
    return Storyboard(scene_class.__name__, scene.beats, duration, title=scene.title)


def _tex_cache() -> dict[str, str]:
    """``tex_dir`` and ``text_dir`` in the cache every process shares (safe: :mod:`scenes.kit.tex_cache`)."""
    tex_cache.install()
    return tex_cache.shared_dirs()


def contact_sheet(scene_class: type, out: Path, columns: int = 3, width: int = 480, **settings: Any) -> Storyboard:
    """Render ``scene_class`` small and write the last frame of every beat, tiled with its
    caption, to the PNG ``out``. Returns the storyboard (its layout checked too)."""
    from PIL import Image, ImageDraw, ImageFont

    if settings:
        scene_class = with_settings(scene_class, **settings)
    with bounds_unchecked():  # this run is the dry run; its beats show the lengths
        scene_class.validate()
    frames: list[tuple[str, np.ndarray]] = []

    def grab(scene, beat: BeatRecord) -> None:
        _check_layout(scene, beat)
        # Draw the scene as it is now: the last frame rendered is one frame short of the
        # end of the last animation (a title card fading out still shows, half there).
        scene.renderer.update_frame(scene)
        frames.append((beat.text, np.array(scene.renderer.get_frame())))

    height = round(width * 9 / 16)
    with tempfile.TemporaryDirectory(prefix="sheet-") as media:
        options = {
            "media_dir": media,
            "disable_caching": True,
            "verbosity": "ERROR",
            "progress_bar": "none",
            "pixel_width": width * 2,
            "pixel_height": height * 2,
            "frame_rate": 5,
            "write_to_movie": True,
            "format": "mp4",
            **_tex_cache(),
        }
        scene, duration = _run(scene_class, options, grab)
    font = label_font(LABEL_SIZE)
    label_h = 4 * LABEL_SIZE
    rows = max(1, -(-len(frames) // columns))
    sheet = Image.new("RGB", (columns * width, rows * (height + label_h)), (255, 255, 255))
    draw = ImageDraw.Draw(sheet)
    for index, (text, frame) in enumerate(frames):
        picture = Image.fromarray(frame[..., :3]).resize((width, height))
        x, y = (index % columns) * width, (index // columns) * (height + label_h)
        sheet.paste(picture, (x, y))
        words = "\n".join(wrap_to_width(f"{index + 1}. {text}", font, width - 8)[:3])
        draw.multiline_text((x + 4, y + height + 2), words, fill=(0, 0, 0), font=font, spacing=2)
    _save_sheet(sheet, Path(out))
    return Storyboard(scene_class.__name__, scene.beats, duration, title=scene.title)


#: The text chunk every contact sheet carries: a sheet may be written over, nothing else.
SHEET_MARK = ("Software", "lessons storyboard")


def _save_sheet(sheet, out: Path) -> None:
    """Write ``sheet`` to ``out`` with :data:`SHEET_MARK`, whole or not at all (a temporary
    file beside it, renamed over it)."""
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text(*SHEET_MARK)
    out.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            sheet.save(file, format="PNG", pnginfo=info)
        os.chmod(temporary, 0o644)
        os.replace(temporary, out)
    except BaseException:
        os.unlink(temporary)
        raise


def is_contact_sheet(path: Path) -> bool:
    """Whether ``path`` is a PNG that :func:`contact_sheet` wrote: it carries :data:`SHEET_MARK`,
    or (written before sheets were marked) has a default sheet's size."""
    try:
        with open(path, "rb") as file:
            head = file.read(1 << 16)
    except OSError:
        return False
    key, value = SHEET_MARK
    if not head.startswith(b"\x89PNG") or len(head) < 24:
        return False
    if b"tEXt" + key.encode() + b"\0" + value.encode() in head:
        return True
    # A sheet written before sheets were marked: 3 tiles of 480 px across, rows of 270 + 52 px.
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    return width == 3 * 480 and height > 0 and height % (270 + 4 * LABEL_SIZE) == 0


def check_sheet_path(out: Path, default: bool = False) -> None:
    """``ValueError`` (one line) unless a contact sheet may be written at ``out``: a ``.png``
    path whose folders are folders, and nothing there yet but a sheet this tool wrote (in the
    ``default`` folder, media/storyboards/, any PNG: sheets written before they were marked)."""
    out = Path(out)
    if out.suffix.lower() != ".png":
        raise ValueError("a contact sheet is a PNG: give a path ending in .png")
    for parent in out.parents:
        if os.path.lexists(parent) and not parent.is_dir():
            raise ValueError(f"{parent} is a file, not a folder")
    if not os.path.lexists(out):
        return
    if out.is_symlink() or not out.is_file():
        raise ValueError(f"{out} is a {'symbolic link' if out.is_symlink() else 'folder or device'}, not a contact sheet; move it away or choose another path")
    if not is_contact_sheet(out) and not (default and out.read_bytes()[:4] == b"\x89PNG"):
        raise ValueError(f"{out} is not a contact sheet lessons made; it is kept: move it away or choose another path")


#: Pixel size of the tile labels on a contact sheet.
LABEL_SIZE = 13
#: TrueType fonts with Greek letters (η, μ, ∇), tried in order before asking fontconfig.
LABEL_FONTS = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/arial.ttf",
)


def label_font(size: int = LABEL_SIZE):
    """A TrueType font for the tile labels that draws Greek letters and real word spaces
    (PIL's default bitmap font draws η and μ as empty boxes): DejaVu Sans where it is, else
    what fontconfig (``fc-match``) offers for it, else PIL's scalable default font."""
    import shutil
    import subprocess

    from PIL import ImageFont

    candidates = list(LABEL_FONTS)
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(
                ["fc-match", "-f", "%{file}", "DejaVu Sans:charset=3b7"], capture_output=True, text=True, timeout=5
            ).stdout.strip()
            candidates.append(found)
        except (OSError, subprocess.SubprocessError):
            pass
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            try:
                return ImageFont.truetype(candidate, size)
            except OSError:
                continue
    return ImageFont.load_default(size)


def wrap_to_width(text: str, font, width: int) -> list[str]:
    """``text`` in lines no wider than ``width`` pixels in ``font`` (a word longer than a line
    gets a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _load_class(path: str, name: str) -> type:
    """The lesson scene ``name`` of the file or module ``path``; ``ValueError`` in one line."""
    try:
        if path.endswith(".py") or "/" in path:
            if not Path(path).is_file():
                raise ValueError(f"{path}: no such file")
            spec = importlib.util.spec_from_file_location(Path(path).stem, path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module
            spec.loader.exec_module(module)
        else:
            module = importlib.import_module(path)
    except ValueError:
        raise
    except ModuleNotFoundError as error:
        raise ValueError(f"{path}: no module named {error.name!r} (give a file such as scenes/descent.py or a module such as scenes.descent)") from None
    except SyntaxError as error:
        raise ValueError(f"{path}: line {error.lineno}: {error.msg}") from None
    except Exception as error:  # the file's own code failed while it loaded
        raise ValueError(f"{path} failed to load: {type(error).__name__}: {error}") from None
    scenes = sorted(key for key, value in vars(module).items() if isinstance(value, type) and hasattr(value, "parameters") and hasattr(value, "validate"))
    found = getattr(module, name, None)
    if name not in scenes or found is None:
        close = difflib.get_close_matches(name, scenes, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        raise ValueError(f"{path} has no lesson scene {name[:60]!r}{hint} (it has: {', '.join(scenes) or 'none'})")
    return found


def parse_settings(items: list[str]) -> dict[str, Any]:
    """``key=value`` pairs; values are Python literals when they parse as one, else text."""
    settings = {}
    for item in items:
        key, sep, raw = item.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"--set {item[:60]!r}: expected key=value")
        if key.strip() in settings:
            raise ValueError(f"--set {key.strip()[:60]!r} is given twice; give each setting once")
        try:
            value = ast.literal_eval(raw)
        except (ValueError, SyntaxError, TypeError, MemoryError):
            value = raw
        except RecursionError:
            raise ValueError(f"--set {key.strip()[:60]}: the value is nested too deeply") from None
        settings[key.strip()] = value
    return settings


def _check_names(scene_class: type, settings: dict[str, Any]) -> None:
    """``ValueError`` for a setting ``scene_class`` does not have (with the closest name)."""
    known = scene_class.parameters()
    for key in settings:
        if key not in known:
            close = difflib.get_close_matches(key, list(known), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise ValueError(f"--set {key[:60]!r}: {scene_class.__name__} has no setting {key[:60]!r}{hint}")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {' '.join(message.split())} (see {self.prog} --help)\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(prog="storyboard", description="Contact sheet of every beat of a lesson scene.")
    parser.add_argument("module", help="a scene file (scenes/descent.py) or module (scenes.lessons.descent.scene)")
    parser.add_argument("scene")
    parser.add_argument("--set", dest="settings", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("-o", "--out", default=None, help="PNG to write (default media/storyboards/SCENE.png)")
    parser.add_argument("--dry", action="store_true", help="only list the beats and problems, no pictures")
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else 2
    try:
        settings = parse_settings(args.settings)
        scene_class = _load_class(args.module, args.scene)
        _check_names(scene_class, settings)
        if args.dry:
            board = dry_run(scene_class, **settings)
        else:
            if args.out is not None and not args.out.strip():
                raise ValueError("--out: an empty path")
            out = Path(args.out or f"media/storyboards/{args.scene}.png")
            check_sheet_path(out, default=args.out is None)
            board = contact_sheet(scene_class, out, **settings)
            print(f"wrote {out}")
    except (ValueError, ArithmeticError) as error:
        print(f"storyboard: error: {' '.join(str(error).split())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("storyboard: interrupted; no sheet written", file=sys.stderr)
        return 130
    print("\n".join(board.report()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
