"""The output folder of a build, and the rule that a build touches only what it made.

A course folder carries a marker, ``.lessons-course.json``, written by the build. It is also
the build's ledger: the clip folders, temporary folders and failure logs the build created.

- A folder that is not empty and has no marker is refused (:class:`OutputRefused`), before
  anything in it is created, changed or removed.
- Nothing is reached through a symbolic link the build did not create: ``clips/``,
  ``.work/``, the lock file and the files the build writes are opened without following links,
  and a link where the build expects its own file or folder is refused.
- Only what the ledger (or the previous ``manifest.json``) names is ever removed; anything
  else in ``clips/`` or ``.work/`` stays.
- A file the build adds beside the course (``course-scorm.zip``) is recorded in the ledger
  before it is written; one the ledger does not name is never replaced or removed.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from .files import LOCK_NAME as LOCK
from .files import OutputRefused, atomic_write_text, build_lock, read_regular_text

__all__ = ["MARKER", "OutputFolder", "owned_output"]

MARKER = ".lessons-course.json"
WORK = ".work"
CLIPS = "clips"
_LEDGER_KINDS = ("clip_folders", "work_dirs", "failed_logs", "files")
_MARKER_LIMIT = 1 << 20


def _kind(path: Path) -> str | None:
    """``"dir"``, ``"file"``, ``"link"`` or ``"other"`` for ``path`` itself (no link followed); None if absent."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(mode):
        return "link"
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def _own_dir(path: Path, what: str) -> Path:
    """``path`` as a real folder (made if missing); :class:`OutputRefused` for a link or file there."""
    kind = _kind(path)
    if kind is None:
        path.mkdir()
    elif kind != "dir":
        raise OutputRefused(f"{path} is a {'symbolic link' if kind == 'link' else 'file'}, not {what}; move it away")
    return path


def _plain_name(name: object) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and "\0" not in name


class OutputFolder:
    """A course folder this process holds the build lock of (made by :func:`owned_output`)."""

    def __init__(self, root: Path, ledger: dict[str, set[str]]):
        self.root = root
        self._ledger = ledger
        self._work: Path | None = None

    # -- the ledger --------------------------------------------------------------------------
    def _save(self) -> None:
        data = {"made_by": "lessons build", "format": 1, **{kind: sorted(self._ledger[kind]) for kind in _LEDGER_KINDS}}
        atomic_write_text(self.root / MARKER, json.dumps(data, indent=2) + "\n")

    def claim_clip_folders(self, names: Iterable[str]) -> None:
        """Record clip folders before they are made, so a later build may remove them."""
        self._ledger["clip_folders"].update(names)
        self._save()

    # -- the parts of the folder -------------------------------------------------------------
    def clips_dir(self) -> Path:
        """``clips/``, made if missing; refused if it is a link or not a folder."""
        return _own_dir(self.root / CLIPS, "a folder the build made")

    def check_clip_folder(self, name: str) -> None:
        """Refuse a link or file where the build would put (or reuse) the clip folder ``name``."""
        path = self.root / CLIPS / name
        if _kind(path) not in (None, "dir"):
            raise OutputRefused(f"{path} is not a folder the build made (a link or a file); move it away")

    def new_work_dir(self) -> Path:
        """A fresh temporary folder for this build under ``.work/``, recorded in the ledger."""
        work = _own_dir(self.root / WORK, "the build's work folder")
        self._work = Path(tempfile.mkdtemp(prefix="build-", dir=work))
        self._ledger["work_dirs"].add(self._work.name)
        self._save()
        return self._work

    def drop_work_dir(self) -> None:
        """Remove this build's temporary folder (and ``.work/`` if nothing else is in it)."""
        if self._work is None:
            return
        shutil.rmtree(self._work, ignore_errors=True)
        self._ledger["work_dirs"].discard(self._work.name)
        self._save()
        self._work = None
        try:
            (self.root / WORK).rmdir()
        except OSError:
            pass  # someone else's files are in it: they stay

    def _remove_leftover_work_dirs(self) -> None:
        for name in list(self._ledger["work_dirs"]):
            path = self.root / WORK / name
            if _kind(path) == "dir" and _kind(self.root / WORK) == "dir":
                shutil.rmtree(path, ignore_errors=True)
            self._ledger["work_dirs"].discard(name)

    # -- failure logs ------------------------------------------------------------------------
    def keep_failed_log(self, clip_id: str, log: Path) -> Path:
        """Copy a failed clip's log next to the course as ``<id>.failed.log``; return its path."""
        kept = self.root / f"{clip_id}.failed.log"
        self._ledger["failed_logs"].add(kept.name)
        self._save()
        atomic_write_text(kept, log.read_text(encoding="utf-8", errors="replace"))
        return kept

    def clear_failed_logs(self) -> None:
        """Remove the failure logs earlier builds wrote (after a build that succeeded)."""
        for name in list(self._ledger["failed_logs"]):
            path = self.root / name
            if _kind(path) == "file":
                path.unlink()
            self._ledger["failed_logs"].discard(name)
        self._save()

    # -- files of the build beside the course ------------------------------------------------
    def check_own_file(self, name: str) -> None:
        """Refuse (:class:`OutputRefused`) to make ``name`` if something the build did not
        make is there: a file this folder's ledger does not name, a link or a folder."""
        path = self.root / name
        kind = _kind(path)
        if kind is None:
            return
        if kind != "file":
            what = "symbolic link" if kind == "link" else "folder" if kind == "dir" else "special file"
            raise OutputRefused(f"{path} is a {what} the build did not make; move it away")
        if name not in self._ledger["files"]:
            raise OutputRefused(f"{path} was not written by lessons build; move it away (the build will not replace it)")

    def write_own_file(self, name: str, write: Callable[[Path], object]) -> Path:
        """Record ``name`` as the build's own, then let ``write(path)`` make it (atomically)."""
        if not _plain_name(name):
            raise ValueError(f"not a plain file name: {name!r}")
        self.check_own_file(name)
        self._ledger["files"].add(name)
        self._save()
        path = self.root / name
        write(path)
        return path

    def drop_own_file(self, name: str) -> None:
        """Remove ``name`` if the ledger records it as the build's own (nothing else)."""
        if name not in self._ledger["files"]:
            return
        path = self.root / name
        if _kind(path) == "file":
            path.unlink()
        self._ledger["files"].discard(name)
        self._save()

    # -- publishing --------------------------------------------------------------------------
    def publish(self, manifest_text: str, gallery_text: str, keep: set[str]) -> None:
        """Replace the gallery, then the manifest; then remove the recorded clip folders not in ``keep``.

        Each file is replaced atomically; the gallery goes first so the manifest is the
        commit point, and :func:`owned_output` rewrites a gallery that disagrees with it.
        """
        atomic_write_text(self.root / "index.html", gallery_text)
        atomic_write_text(self.root / "manifest.json", manifest_text)
        for name in sorted(self._ledger["clip_folders"] - keep):
            path = self.root / CLIPS / name
            if _kind(path) == "dir" and _kind(self.root / CLIPS) == "dir":
                shutil.rmtree(path)
            self._ledger["clip_folders"].discard(name)
        self._ledger["clip_folders"] |= keep
        self.clear_failed_logs()

    def repair_gallery(self, gallery_html: Callable[[dict], str]) -> None:
        """Rewrite ``index.html`` from ``manifest.json`` if a kill left them disagreeing."""
        manifest = self._read_manifest()
        if manifest is None:
            return
        try:
            wanted = gallery_html(manifest)
        except (KeyError, TypeError, ValueError):
            return  # not a manifest this build wrote: leave both alone
        index = self.root / "index.html"
        try:
            current = read_regular_text(index, _MARKER_LIMIT * 16, follow=False) if _kind(index) == "file" else None
        except OSError:
            current = None
        if current != wanted:
            atomic_write_text(index, wanted)

    def _read_manifest(self) -> dict | None:
        path = self.root / "manifest.json"
        if _kind(path) != "file":
            return None
        try:
            data = json.loads(read_regular_text(path, _MARKER_LIMIT * 16, follow=False))
        except (OSError, ValueError, RecursionError):
            return None
        return data if isinstance(data, dict) else None

    def _manifest_clip_folders(self) -> set[str]:
        """Clip folder names the previous ``manifest.json`` lists (``clips/<name>/<file>``)."""
        manifest = self._read_manifest() or {}
        names = set()
        for clip in manifest.get("clips", []) if isinstance(manifest.get("clips"), list) else []:
            files = clip.get("files") if isinstance(clip, dict) else None
            for relative in files.values() if isinstance(files, dict) else ():
                parts = str(relative).split("/")
                if len(parts) == 3 and parts[0] == CLIPS and _plain_name(parts[1]):
                    names.add(parts[1])
        return names


def _read_ledger(root: Path) -> dict[str, set[str]] | None:
    """The marker's ledger; None if there is no marker; :class:`OutputRefused` if it is damaged."""
    path = root / MARKER
    kind = _kind(path)
    if kind is None:
        return None
    try:
        if kind != "file":
            raise ValueError("not a regular file")
        data = json.loads(read_regular_text(path, _MARKER_LIMIT, follow=False))
        if not isinstance(data, dict) or data.get("made_by") != "lessons build":
            raise ValueError("not written by lessons")
    except (OSError, ValueError, RecursionError) as error:
        raise OutputRefused(f"{path} is damaged ({error}); this folder is not a course the build can trust") from None
    return {kind: {name for name in data.get(kind, []) if _plain_name(name)} for kind in _LEDGER_KINDS}


def _check_ours(root: Path) -> None:
    """Refuse ``root`` unless it is a new or empty folder, or a course a build made."""
    try:
        if not root.is_dir():
            if root.exists() or root.is_symlink():
                raise OutputRefused(f"--out {root} is not a folder")
            root.mkdir(parents=True)
        entries = set(os.listdir(root))
    except OSError as error:
        raise OutputRefused(f"--out {root}: cannot use it as the output folder ({error.strerror or error})") from None
    # A course built before the marker existed always has the lock file the build made.
    if entries - {LOCK} and MARKER not in entries and _kind(root / LOCK) != "file":
        raise OutputRefused(
            f"--out {root} is not empty and is not a course built by lessons (no {MARKER}); choose a new or empty folder"
        )


@contextmanager
def owned_output(out: Path, gallery_html: Callable[[dict], str] | None = None) -> Iterator[OutputFolder]:
    """Check that ``out`` may be written, lock it, and yield it as an :class:`OutputFolder`.

    Raises :class:`OutputRefused` (or :class:`BuildLocked`) before anything is written if the
    folder is someone else's.
    """
    root = Path(out).absolute()
    _check_ours(root)
    with build_lock(root):
        ledger = _read_ledger(root)
        folder = OutputFolder(root, ledger or {kind: set() for kind in _LEDGER_KINDS})
        if ledger is None:  # a new folder, or one built before the marker existed
            folder._ledger["clip_folders"] |= folder._manifest_clip_folders()
        folder._remove_leftover_work_dirs()
        folder._save()
        if gallery_html is not None:
            folder.repair_gallery(gallery_html)
        yield folder
