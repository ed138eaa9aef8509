"""``lessons``: list the lesson scenes, render one with your parameters, or build a course.

Examples
--------
::

    lessons list
    lessons render TangentSlope --set 'function=x**3 - 3*x' --quality low   # media/render/tangentslope/
    lessons build                       # the default course into media/course/
    lessons build my_course.toml --out site/clips --quality medium --jobs 2
    lessons storyboard GradientDescent1D --set 'function=w**4 - 3*w**2'   # a PNG of every beat
    lessons build --scheduler tcp://render-1:8786   # clips rendered by a Dask cluster's workers
    lessons build my_course.toml --scorm            # also OUT/course-scorm.zip for an LMS
    lessons render GradientDescent1D --narrate espeak-ng:en-us   # spoken (default voice: piper)
    lessons build my_course.toml --silent           # no voice, even with [narration]
    lessons build my_course.toml --theme light      # white backgrounds (or theme = "light" in the file)
    lessons script my_course.toml --out script/     # each clip's cues, to record a voice

Mistakes in what you typed (unknown scene or parameter, a wrong type, a bad formula, a
broken course file, an output folder the build did not make, an option argparse refuses) end
with exit code 2 and one line saying what and where (with the closest name to one mistyped),
before anything is rendered, written or removed; Ctrl-C is one line and exit code 130. Every
command spells its output ``-o`` or ``--out``; ``script`` and ``storyboard`` write over only
files they wrote themselves.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from pathlib import Path

# Only the standard library above: the rest (manim among it) is imported inside main(), so
# that Ctrl-C while it loads is one line too, not a traceback.

__all__ = ["main"]

DEFAULT_OUT = Path("media/course")
RENDER_OUT = Path("media/render")
INTERRUPTED = "lessons: interrupted; finished clips are kept and an earlier build of the course is left as it was. Run the same command again to finish."


class _Parser(argparse.ArgumentParser):
    """argparse with its mistakes in one line (no usage block), a close name suggested."""

    def error(self, message: str):
        import re

        message = re.sub(r"'([^']{60})[^']{4,}'", r"'\1...'", message)  # a value pasted by mistake stays short
        choice = re.search(r"invalid choice: '(.*?)(?:\.\.\.)?' \(choose from (.*)\)$", message)
        if choice:
            from .registry import did_you_mean

            message += did_you_mean(choice.group(1), re.findall(r"'([^']*)'", choice.group(2))).replace(" (", "; ", 1).rstrip(")")
        where = self.prog.removeprefix("lessons").strip()
        self.exit(2, f"lessons: error: {where + ': ' if where else ''}{_one_line(message)} (see {self.prog} --help)\n")


def _path(text: str) -> Path:
    """A path typed on the command line: not empty (an unset shell variable), no NUL."""
    if not text.strip():
        raise argparse.ArgumentTypeError("an empty path")
    if "\0" in text:
        raise argparse.ArgumentTypeError(f"{text[:60]!r} holds a NUL character")
    return Path(text)


def _parser() -> argparse.ArgumentParser:
    from .jobs import QUALITIES

    parser = _Parser(prog="lessons", description="Lesson videos about the calculus behind deep learning.")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("list", help="list the scenes, their parameters, and the default course")

    render = commands.add_parser("render", help="render one scene, optionally with other parameters")
    render.add_argument("scene", help="a scene class name, e.g. TangentSlope")
    render.add_argument("--set", dest="params", action="append", default=[], metavar="KEY=VALUE", help="override a parameter (repeatable); VALUE is TOML or plain text")
    render.add_argument("--quality", choices=list(QUALITIES), default="low")
    render.add_argument("-o", "--out", type=_path, default=RENDER_OUT, help=f"each scene renders into its own folder OUT/<scene> (default {RENDER_OUT})")
    render.add_argument("--narrate", nargs="?", const="piper", default=None, metavar="VOICE", help="speak the captions: piper (the default voice) or espeak-ng:<name>")
    render.add_argument("--rate", type=float, default=None, help="speed of the voice with --narrate (0.5 to 2, default 1)")
    render.add_argument("--theme", default=None, metavar="THEME", help="the look: dark (the default) or light (a white background)")

    script = commands.add_parser("script", help="write the narration script of a course: each clip's cues, their text, spoken form and time")
    script.add_argument("course", nargs="?", type=_path, help="a course file in TOML (default: the lesson itself)")
    script.add_argument("-o", "--out", type=_path, required=True, help="folder for <clip-id>.txt and script.json")

    board = commands.add_parser("storyboard", help="a contact sheet (PNG) of the last frame of every beat of a scene, or --dry: its beats and problems")
    board.add_argument("scene", help="a scene class name, e.g. GradientDescent1D")
    board.add_argument("--set", dest="params", action="append", default=[], metavar="KEY=VALUE", help="override a parameter (repeatable)")
    board.add_argument("-o", "--out", type=_path, default=None, help="the PNG to write (default media/storyboards/<scene>.png)")
    board.add_argument("--dry", action="store_true", help="no pictures: list the beats, their times and any problem")

    build = commands.add_parser("build", help="render every clip of a course, with posters, captions, manifest and gallery")
    build.add_argument("course", nargs="?", type=_path, help="a course file in TOML (default: the lesson itself)")
    build.add_argument("-o", "--out", type=_path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    build.add_argument("--quality", choices=list(QUALITIES), default="high")
    build.add_argument("--silent", action="store_true", help="no narration, even if the course has [narration]")
    build.add_argument("--theme", default=None, metavar="THEME", help="the look of clips that choose none: dark or light (a white background)")
    build.add_argument("--scorm", action="store_true", help="also write OUT/course-scorm.zip, a SCORM 1.2 package (one SCO per clip) for an LMS")
    build.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="clips rendered at once (default: the number of cores)")
    build.add_argument(
        "--scheduler",
        default=None,
        metavar="tcp://HOST:PORT",
        help="render the clips on this Dask scheduler's workers instead (default: $LESSONS_SCHEDULER, if set)",
    )
    return parser


def max_jobs() -> int:
    """The most clips ``--jobs`` renders at once here: 4 per core (at least 4). Beyond that
    clips only share the same cores, each in a process of its own that holds memory."""
    return max(4, 4 * (os.cpu_count() or 1))


def _parse_set(items: list[str], parameters: dict) -> dict:
    """``--set KEY=VALUE`` items as parameters: VALUE read as TOML, else as plain text.

    A setting that takes text gets the text as typed (``--set title=2024`` is the title
    "2024", not a number).
    """
    import tomllib

    from .course_file import CourseError
    from .registry import accepts_text

    params = {}
    for item in items:
        key, sep, text = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise CourseError(f"--set {item[:60]!r}: expected KEY=VALUE")
        if key in params:
            raise CourseError(f"--set {key[:60]!r} is given twice; give each setting once")
        try:
            value = tomllib.loads(f"value = {text}")["value"]
        except tomllib.TOMLDecodeError:
            value = text  # plain text, e.g. a formula typed without quotes
        except RecursionError:
            raise CourseError(f"--set {key}: the value is nested too deeply") from None
        if not isinstance(value, str) and key in parameters and accepts_text(parameters[key][0]):
            value = text.strip()
        params[key] = value
    return params


def _list() -> None:
    from scenes.kit.settings import setting_of, value_text

    from .course_file import default_course
    from .registry import render_module, scene_classes

    classes = scene_classes()
    print("Scenes and their parameters:")
    for name, scene in classes.items():
        print(f"\n  {name}  ({render_module(name).replace('.', '/')}.py)")
        for key, (annotation, value) in scene.parameters().items():
            setting = setting_of(annotation)
            doc = f"  # {setting.doc} ({setting.limits_text(annotation)})" if setting is not None else ""
            print(f"      {key} = {value_text(value)}{doc}")
    print("\nThe default course:")
    for number, clip in enumerate(default_course().clips, start=1):
        print(f"  {number}. {clip.id}: {clip.title} [{clip.scene}]")


def _run(args: argparse.Namespace) -> int:
    from .build import build_course
    from .course_file import Clip, Course, CourseError, check_clip, check_course_theme, default_course, load_course, unknown_scene
    from .registry import scene_classes

    if args.command == "list":
        _list()
        return 0
    if args.command == "render":
        scene = scene_classes().get(args.scene)
        if scene is None:
            raise unknown_scene(args.scene, "")
        narration = _narration_option(args)
        params = _parse_set(args.params, scene.parameters())
        if args.theme is not None:
            if "theme" in params:
                raise CourseError("--theme and --set theme=...: give the theme once")
            params["theme"] = check_course_theme(args.theme, "--theme")
        clip = Clip(id=args.scene.lower(), title=args.scene, scene=args.scene, params=params)
        clip = check_clip(clip, f"lessons render {args.scene}")
        course = Course(title=args.scene, clips=(clip,), source="<command line>", narration=narration)
        index = build_course(course, args.out / clip.id, quality=args.quality, jobs=1)
        print(f"video: {index.parent / 'manifest.json'} lists the files; gallery: {index}")
        return 0
    if args.command == "storyboard":
        return _storyboard(args)
    if args.command == "script":
        from .build import checked_narration
        from .narration import write_script

        course = checked_narration(load_course(args.course) if args.course else default_course())
        check_script_folder(args.out, course)
        written = write_script(course, args.out)
        print(f"narration script: {len(written) - 1} clips in {args.out} (script.json has them all)")
        return 0
    if not 1 <= args.jobs <= max_jobs():
        raise CourseError(f"--jobs {args.jobs}: give 1 to {max_jobs()} (clips rendered at once on this machine, 4 per core at most)")
    if args.scheduler is not None and not args.scheduler.strip():
        raise CourseError("--scheduler '': expected a Dask scheduler address such as tcp://HOST:8786")
    scheduler, label = args.scheduler, "--scheduler"
    if scheduler is None and os.environ.get("LESSONS_SCHEDULER", "").strip():
        scheduler, label = os.environ["LESSONS_SCHEDULER"], "$LESSONS_SCHEDULER"
    try:
        if scheduler:
            from .cluster import check_address

            check_address(scheduler)  # before the course's dry runs: a typo here is found at once
    except CourseError as error:
        raise CourseError(label + str(error).removeprefix("--scheduler")) from None
    course = load_course(args.course) if args.course else default_course()
    if args.theme is not None:  # over the course file's theme; a clip's own theme still wins
        from dataclasses import replace

        course = replace(course, theme=check_course_theme(args.theme, "--theme"))
    if args.silent:
        from dataclasses import replace

        course = replace(course, narration=None)
    try:
        return _build(args, course, scheduler)
    except CourseError as error:  # name where the address came from
        if label != "--scheduler" and str(error).startswith("--scheduler "):
            raise CourseError(label + str(error).removeprefix("--scheduler")) from None
        raise


def _build(args: argparse.Namespace, course, scheduler: str | None) -> int:
    from .build import build_course

    index = build_course(course, args.out, quality=args.quality, jobs=args.jobs, scheduler=scheduler, scorm=args.scorm)
    print(f"\nCourse ready. Open the gallery: {index}")
    if args.scorm:
        print(f"SCORM 1.2 package (one SCO per clip): {index.parent / 'course-scorm.zip'}")
    return 0


def _narration_option(args: argparse.Namespace):
    """``lessons render --narrate [VOICE] --rate R`` as a :class:`~course.narration.Narration`."""
    from .course_file import CourseError

    if args.narrate is None:
        if args.rate is not None:
            raise CourseError(f"--rate {args.rate:g} is the speed of the voice: give it with --narrate")
        return None
    from .narration import Narration
    from scenes.kit.voice import VoiceError, check_voice

    rate = 1.0 if args.rate is None else args.rate
    try:
        engine = check_voice(args.narrate, rate)[0]
    except VoiceError as error:
        raise CourseError(f"--narrate {args.narrate[:60]} --rate {rate:g}: {error}") from None
    if engine == "espeak-ng" and shutil.which("espeak-ng"):  # (a missing engine is named by the build)
        from .build import missing_voice

        missing = missing_voice(args.narrate)
        if missing:
            raise CourseError(f"--narrate {args.narrate[:60]}: {missing}")
    return Narration(voice=args.narrate.strip(), rate=rate)


def check_script_folder(out: Path, course) -> None:
    """Refuse (``OutputRefused``) a ``lessons script --out`` that is not a folder, or holds a
    file the script would replace that is not a script ``lessons script`` wrote (a
    ``<clip-id>.txt`` starting ``<clip-id>: ``, a ``script.json`` with the script's keys)."""
    import json

    from .files import OutputRefused, read_regular_text

    if out.exists() and not out.is_dir():
        raise OutputRefused(f"--out {out}: is a file, not a folder")
    for parent in out.parents:
        if parent.exists() and not parent.is_dir():
            raise OutputRefused(f"--out {out}: {parent} is a file, not a folder")
    targets = {f"{clip.id}.txt": f"{clip.id}: " for clip in course.clips}
    for name in (*targets, "script.json"):
        path = out / name
        if not os.path.lexists(path):
            continue
        try:
            text = read_regular_text(path, 1 << 24, follow=False)
            ours = text.startswith(targets[name]) if name in targets else set(json.loads(text)) == {"title", "voice", "clips"}
        except (OSError, ValueError, TypeError):
            ours = False
        if not ours:
            raise OutputRefused(f"--out {out}: {path} is not a narration script lessons wrote; move it away or choose another folder")


def _storyboard(args: argparse.Namespace) -> int:
    from scenes.kit.storyboard import check_sheet_path, contact_sheet, dry_run

    from .course_file import Clip, CourseError, check_clip, unknown_scene
    from .registry import scene_classes

    scene = scene_classes().get(args.scene)
    if scene is None:
        raise unknown_scene(args.scene, "")
    clip = Clip(id=args.scene.lower(), title=args.scene, scene=args.scene, params=_parse_set(args.params, scene.parameters()))
    clip = check_clip(clip, f"lessons storyboard {args.scene}")
    out = args.out or Path("media/storyboards") / f"{args.scene}.png"
    if not args.dry:
        try:
            check_sheet_path(out, default=args.out is None)
        except ValueError as error:
            raise CourseError(f"--out {out}: {error}") from None
    try:
        board = dry_run(clip.scene_class()) if args.dry else contact_sheet(clip.scene_class(), out)
    except ValueError as error:  # a setting the scene's checks let through but its build refused
        raise CourseError(f"lessons storyboard {args.scene}: {error}") from None
    if not args.dry:
        print(f"contact sheet: {out}")
    print("\n".join(board.report()))
    return 0


def _one_line(error: Exception) -> str:
    return " ".join(str(error).split())  # a name or formula with a line break stays on one line


def _stdout_gone() -> bool:
    """True if standard output is a pipe whose reader has left; it then goes to /dev/null, so
    that Python's own flush at exit does not complain either."""
    import select

    try:
        poll = select.poll()
        poll.register(sys.stdout.fileno(), select.POLLOUT)
        gone = any(events & select.POLLERR for _, events in poll.poll(0))  # a pipe with no reader
        if gone:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return gone
    except (OSError, ValueError, AttributeError):
        return False


def main(argv: list[str] | None = None) -> int:
    """Run ``lessons`` with ``argv``; return the exit code (2 for a mistake in the input)."""
    try:
        try:
            args = _parser().parse_args(argv)
        except SystemExit as stop:  # --help (0), or a mistake argparse found (2, one line)
            return stop.code if isinstance(stop.code, int) else 2
        from .build import BuildFailed
        from .course_file import CourseError
        from .files import BuildLocked, OutputRefused

        try:
            return _run(args)
        except (CourseError, OutputRefused, BuildLocked) as error:
            print(f"lessons: error: {_one_line(error)}", file=sys.stderr)
            return 2
        except BuildFailed as error:
            print(f"lessons: build failed: {_one_line(error)}", file=sys.stderr)
            return 1
        except OSError as error:  # a disk that is full or gone, a permission taken away
            if isinstance(error, BrokenPipeError) and _stdout_gone():
                return 1  # ``lessons list | head``: the reader has all it wanted
            print(f"lessons: cannot continue: {_one_line(error)}", file=sys.stderr)
            return 1
    except KeyboardInterrupt:
        words = sys.argv[1:] if argv is None else argv
        building = next((word for word in words if not word.startswith("-")), None) in ("build", "render")
        print(INTERRUPTED if building else "lessons: interrupted; nothing was left half-written.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
