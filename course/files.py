"""Writing build outputs safely: atomic replacement, hashes, and one build per folder."""

from __future__ import annotations

import errno
import fcntl
import hashlib
import os
from contextlib import contextmanager
from pathlib import Path

__all__ = ["BuildLocked", "atomic_write_text", "build_lock", "sha256_of"]


class BuildLocked(RuntimeError):
    """Another build is writing into the same folder."""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


@contextmanager
def build_lock(folder: Path):
    """Hold the folder's build lock for the duration, or raise :class:`BuildLocked`.

    The lock is an ``flock`` on ``folder/.lessons-build.lock``: the kernel drops it when the
    process ends, however it ends (even SIGKILL), so a stale lock never blocks a later build.
    """
    folder.mkdir(parents=True, exist_ok=True)
    lock_path = folder / ".lessons-build.lock"
    handle = open(lock_path, "a+", encoding="utf-8")
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno not in (errno.EAGAIN, errno.EACCES):
                raise
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise BuildLocked(f"another build is already writing into {folder} ({holder}); wait for it to finish") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()
