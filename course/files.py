"""Writing build outputs safely: atomic replacement, hashes, and one build per folder."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

__all__ = ["BuildLocked", "LOCK_NAME", "OutputRefused", "atomic_write_text", "build_lock", "read_regular_text", "sha256_of"]

LOCK_NAME = ".lessons-build.lock"


class OutputRefused(ValueError):
    """An output folder (or a file or link in it) the build will not write into, in one line."""


class BuildLocked(RuntimeError):
    """Another build is writing into the same folder."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_regular_text(path: Path, limit: int, follow: bool = True) -> str:
    """The UTF-8 text of the regular file ``path``, at most ``limit`` bytes.

    Raises ``OSError`` for a missing file, a directory, a device or FIFO (checked on the open
    file, which a FIFO does not block), a file larger than ``limit`` and, with
    ``follow=False``, a symbolic link; ``UnicodeDecodeError`` for text that is not UTF-8.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow else os.O_NOFOLLOW)
    with open(os.open(path, flags), "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than {limit:,} bytes", str(path))
    return data.decode("utf-8")


@contextmanager
def atomic_file(path: Path, mode: str = "wb"):
    """Open a new file to write that appears at ``path`` whole when the block ends (readers see
    the old file or the new one, never half), or not at all if the block raises.

    The temporary file beside ``path`` is created new (never through a link someone left in its
    place), readable by a web server, flushed to disk, then renamed over ``path``: the rename
    replaces a link at ``path`` itself, never the file it points to.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)  # O_EXCL: a new file
    temporary = Path(name)
    try:
        os.fchmod(fd, 0o644)  # readable by a web server, as a file written with open() would be
        with open(fd, mode, **({"encoding": "utf-8"} if "b" not in mode else {})) as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half
    (:func:`atomic_file`)."""
    with atomic_file(path, "w") as handle:
        handle.write(text)


@contextmanager
def build_lock(folder: Path):
    """Hold the folder's build lock for the duration, or raise :class:`BuildLocked`.

    The lock is an ``flock`` on ``folder/.lessons-build.lock``: the kernel drops it when the
    process ends, however it ends (even SIGKILL), so a stale lock never blocks a later build.
    The file is opened without following a link; a link or non-regular file there raises
    :class:`OutputRefused`.
    """
    folder.mkdir(parents=True, exist_ok=True)
    lock_path = folder / LOCK_NAME
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o644)
    except OSError as error:
        what = "it is a symbolic link" if error.errno == errno.ELOOP else error.strerror or str(error)
        raise OutputRefused(f"{lock_path}: cannot be the build's lock file ({what})") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OutputRefused(f"{lock_path}: cannot be the build's lock file (not a regular file)")
    handle = open(fd, "r+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            handle.seek(0)
            holder = handle.read(200).strip() or "another process"
            raise BuildLocked(f"another build is already writing into {folder} ({holder}); wait for it to finish") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()
