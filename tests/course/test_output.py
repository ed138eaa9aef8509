"""The output folder: a build touches only what it made (no rendering here; see test_build)."""

from __future__ import annotations

import json
import os

import pytest

from course.files import LOCK_NAME, BuildLocked, OutputRefused, build_lock
from course.gallery import gallery_html
from course.output import MARKER, owned_output


def _tree(folder) -> dict[str, str]:
    """Every path under ``folder`` (links not followed) with its content or link target."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        found[key] = "->" + os.readlink(path) if path.is_symlink() else "dir" if path.is_dir() else path.read_bytes().decode()
    return found


@pytest.fixture
def precious(tmp_path):
    """A folder someone cares about, outside every output folder."""
    folder = tmp_path / "precious"
    (folder / "album").mkdir(parents=True)
    (folder / "album" / "photo.jpg").write_text("photo")
    return folder


def test_a_new_folder_becomes_a_course_with_a_marker(tmp_path):
    out = tmp_path / "new" / "site"
    with owned_output(out) as folder:
        assert folder.root == out
    marker = json.loads((out / MARKER).read_text())
    assert marker["made_by"] == "lessons build"


def test_a_non_empty_foreign_folder_is_refused_and_untouched(tmp_path):
    out = tmp_path / "v"
    (out / "clips" / "family-photos").mkdir(parents=True)
    (out / "clips" / "family-photos" / "a.jpg").write_text("a")
    before = _tree(out)
    with pytest.raises(OutputRefused, match="not a course built by lessons"):
        with owned_output(out):
            pass
    assert _tree(out) == before  # not even a lock file


@pytest.mark.parametrize("make", ["file", "devnull", "dangling link"])
def test_out_that_is_not_a_folder_is_refused(tmp_path, make):
    out = tmp_path / "out"
    if make == "file":
        out.write_text("keep me")
    elif make == "devnull":
        out = type(out)("/dev/null")
    else:
        out.symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputRefused, match="is not a folder"):
        with owned_output(out):
            pass
    assert not (tmp_path / "nowhere").exists()
    if make == "file":
        assert out.read_text() == "keep me"


def test_clip_folders_not_in_the_ledger_survive_and_recorded_ones_go(tmp_path):
    out = tmp_path / "site"
    with owned_output(out) as folder:
        clips = folder.clips_dir()
        folder.claim_clip_folders(["a-1", "b-1"])
        for name in ("a-1", "b-1"):
            (clips / name).mkdir()
        folder.publish("{}", "<html>", keep={"a-1", "b-1"})
    (out / "clips" / "family-photos").mkdir()
    (out / "clips" / "family-photos" / "x.jpg").write_text("x")
    with owned_output(out) as folder:
        folder.claim_clip_folders(["b-2"])
        (out / "clips" / "b-2").mkdir()
        folder.publish("{}", "<html>", keep={"a-1", "b-2"})
    assert sorted(p.name for p in (out / "clips").iterdir()) == ["a-1", "b-2", "family-photos"]
    assert (out / "clips" / "family-photos" / "x.jpg").read_text() == "x"


def test_a_recorded_clip_folder_replaced_by_a_link_is_not_followed(tmp_path, precious):
    out = tmp_path / "site"
    with owned_output(out) as folder:
        folder.clips_dir()
        folder.claim_clip_folders(["old-1"])
        (out / "clips" / "old-1").symlink_to(precious / "album")
        with pytest.raises(OutputRefused, match="not a folder the build made"):
            folder.check_clip_folder("old-1")
        folder.publish("{}", "<html>", keep=set())
    assert _tree(precious) == {"album": "dir", "album/photo.jpg": "photo"}


@pytest.mark.parametrize("name", ["clips", ".work"])
def test_a_symlinked_clips_or_work_folder_is_refused_and_its_target_untouched(tmp_path, precious, name):
    out = tmp_path / "site"
    with owned_output(out):
        pass
    (out / name).symlink_to(precious)
    before = _tree(precious)
    with pytest.raises(OutputRefused, match="symbolic link"):
        with owned_output(out) as folder:
            folder.clips_dir() if name == "clips" else folder.new_work_dir()
    assert _tree(precious) == before


def test_a_symlinked_lock_file_is_refused_and_its_target_untouched(tmp_path):
    out = tmp_path / "site"
    with owned_output(out):
        pass
    target = tmp_path / "important.txt"
    target.write_text("important")
    (out / LOCK_NAME).unlink()
    (out / LOCK_NAME).symlink_to(target)
    with pytest.raises(OutputRefused, match="symbolic link"):
        with owned_output(out):
            pass
    assert target.read_text() == "important"


def test_a_fifo_as_lock_file_is_refused_without_blocking(tmp_path):
    os.mkfifo(tmp_path / LOCK_NAME)
    with pytest.raises(OutputRefused, match="not a regular file"):
        with build_lock(tmp_path):
            pass


def test_work_folder_keeps_what_it_did_not_make(tmp_path):
    out = tmp_path / "site"
    with owned_output(out) as folder:
        work = folder.new_work_dir()
        (work / "frames").mkdir()
        (out / ".work" / "notes.txt").write_text("mine")
        folder.drop_work_dir()
    assert not work.exists()
    assert (out / ".work" / "notes.txt").read_text() == "mine"


def test_a_killed_builds_work_folder_is_removed_by_the_next_build(tmp_path):
    out = tmp_path / "site"
    with owned_output(out) as folder:
        work = folder.new_work_dir()
        (work / "half.mp4").write_text("half")
        # the process dies here: drop_work_dir never runs
    with owned_output(out) as folder:
        assert not work.exists()
        assert json.loads((out / MARKER).read_text())["work_dirs"] == []


def test_failed_logs_it_wrote_are_cleared_on_success_and_others_kept(tmp_path):
    out = tmp_path / "site"
    log = tmp_path / "render.log"
    log.write_text("Traceback ...\nValueError: boom\n")
    with owned_output(out) as folder:
        kept = folder.keep_failed_log("cubic", log)
    assert kept.read_text().endswith("boom\n")
    (out / "mine.failed.log").write_text("someone's own file")
    with owned_output(out) as folder:
        folder.publish("{}", "<html>", keep=set())
    assert not kept.exists()
    assert (out / "mine.failed.log").read_text() == "someone's own file"


def test_a_failed_log_path_that_is_a_link_is_replaced_not_followed(tmp_path):
    out = tmp_path / "site"
    target = tmp_path / "important.txt"
    target.write_text("important")
    log = tmp_path / "render.log"
    log.write_text("boom")
    with owned_output(out) as folder:
        (out / "cubic.failed.log").symlink_to(target)
        folder.keep_failed_log("cubic", log)
    assert target.read_text() == "important"
    assert (out / "cubic.failed.log").read_text() == "boom"


MANIFEST = {
    "title": "T",
    "quality": "low",
    "clips": [
        {
            "id": "a", "title": "A", "scene": "TangentSlope", "params": {}, "duration": 1.0, "width": 854,
            "height": 480, "fps": 15.0, "sha256": {},
            "files": {kind: f"clips/a-1/a.{kind}" for kind in ("mp4", "webm", "poster", "vtt", "srt")},
        }
    ],
}


def test_a_gallery_left_disagreeing_with_the_manifest_is_rewritten_from_it(tmp_path):
    out = tmp_path / "site"
    with owned_output(out) as folder:
        folder.publish(json.dumps(MANIFEST), "<html>stale</html>", keep=set())  # as if killed in between
    with owned_output(out, gallery_html):
        pass
    assert (out / "index.html").read_text() == gallery_html(MANIFEST)


def test_a_course_built_before_the_marker_is_adopted_with_its_manifest_folders(tmp_path):
    out = tmp_path / "site"
    (out / "clips" / "a-1").mkdir(parents=True)
    (out / "clips" / "family-photos").mkdir()
    (out / LOCK_NAME).write_text("pid 1")
    (out / "manifest.json").write_text(json.dumps(MANIFEST))
    with owned_output(out) as folder:
        folder.publish(json.dumps(MANIFEST), "<html>", keep=set())
    assert sorted(p.name for p in (out / "clips").iterdir()) == ["family-photos"]


def test_a_damaged_marker_is_refused(tmp_path):
    out = tmp_path / "site"
    out.mkdir()
    (out / MARKER).write_text("{not json")
    with pytest.raises(OutputRefused, match="damaged"):
        with owned_output(out):
            pass


def test_a_second_holder_is_refused(tmp_path):
    out = tmp_path / "site"
    with owned_output(out):
        with pytest.raises(BuildLocked):
            with owned_output(out):
                pass
