import os
import subprocess
import sys
import textwrap

import pytest

from course.files import BuildLocked, atomic_write_text, build_lock, sha256_of


def test_atomic_write_text_replaces_whole_file(tmp_path):
    target = tmp_path / "a" / "manifest.json"
    atomic_write_text(target, "old")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert [p.name for p in target.parent.iterdir()] == ["manifest.json"]


def test_sha256_of_matches_hashlib(tmp_path):
    import hashlib

    path = tmp_path / "f"
    path.write_bytes(b"abc" * 100000)
    assert sha256_of(path) == hashlib.sha256(b"abc" * 100000).hexdigest()


def test_build_lock_refuses_a_second_holder_in_another_process(tmp_path):
    with build_lock(tmp_path):
        code = textwrap.dedent(
            f"""
            from pathlib import Path
            from course.files import BuildLocked, build_lock
            try:
                with build_lock(Path({str(tmp_path)!r})):
                    print("acquired")
            except BuildLocked as error:
                print("refused:", error)
            """
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.startswith("refused:")
    assert f"pid {os.getpid()}" in result.stdout


def test_build_lock_is_released_when_its_holder_is_killed(tmp_path):
    code = f"import time; from pathlib import Path; from course.files import build_lock\nwith build_lock(Path({str(tmp_path)!r})):\n    print('held', flush=True); time.sleep(60)"
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    with pytest.raises(BuildLocked):
        with build_lock(tmp_path):
            pass
    holder.kill()
    holder.wait()
    with build_lock(tmp_path):
        pass
