"""A small course built for real at low quality: outputs, gallery in Chromium, rebuilds,
interruption and the one-build-per-folder rule."""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path

import av
import pytest

from course.captions import read_srt
from course.files import build_lock, sha256_of

ROOT = Path(__file__).resolve().parents[2]

# Short timings keep the renders quick; the parameters also exercise the course file path.
QUICK = """
title_hold = 0.2
read_time = 0.3
shrink_time = 0.6
sweep_time = 1.0
flat_pause = 0.2
end_hold = 0.3
"""

COURSE = f"""
title = "Test course <with> & escapes"

[[clips]]
id = "default-cubic"
title = "The default cubic"
scene = "TangentSlope"
[clips.params]
{QUICK}

[[clips]]
id = "parabola"
title = "A parabola & its slope"
scene = "TangentSlope"
[clips.params]
function = "x**2 - 1"
{QUICK}
"""


def lessons(*args: str, timeout: float = 600, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}  # the project's code, from any folder
    return subprocess.run(
        [sys.executable, "-m", "course.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=environment
    )


@pytest.fixture(scope="module")
def course_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("course") / "course.toml"
    path.write_text(COURSE)
    return path


@pytest.fixture(scope="module")
def built(course_file, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = lessons("build", str(course_file), "--out", str(out), "--quality", "low", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    assert f"Open the gallery: {out / 'index.html'}" in result.stdout
    assert "[2/2] done" in result.stdout
    return out


def test_build_writes_every_file_with_matching_hashes(built):
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["title"] == "Test course <with> & escapes"
    assert [clip["id"] for clip in manifest["clips"]] == ["default-cubic", "parabola"]
    for clip in manifest["clips"]:
        assert set(clip["files"]) == {"mp4", "webm", "poster", "vtt", "srt", "chapters", "description", "transcript"}
        for kind, relative in clip["files"].items():
            path = built / relative
            assert path.is_file() and path.stat().st_size > 0, relative
            assert sha256_of(path) == clip["sha256"][kind]
    assert manifest["clips"][1]["params"]["function"] == "x**2 - 1"


def test_build_videos_decode_with_the_manifest_durations(built):
    manifest = json.loads((built / "manifest.json").read_text())
    for clip in manifest["clips"]:
        for kind, codec in (("mp4", "h264"), ("webm", "vp9")):
            with av.open(str(built / clip["files"][kind])) as container:
                stream = container.streams.video[0]
                assert stream.codec_context.name == codec
                assert (stream.codec_context.width, stream.codec_context.height) == (clip["width"], clip["height"]) == (854, 480)
                times = [frame.time for frame in container.decode(stream)]
            # a still picture is one frame shown longer, so count time, not frames: every
            # frame sits on the 1/fps grid and the last one ends the clip
            assert all(abs(t * clip["fps"] - round(t * clip["fps"])) < 0.05 for t in times)
            assert times[-1] + 1 / clip["fps"] == pytest.approx(clip["duration"], abs=0.2)


def test_build_captions_are_the_scene_subcaptions(built):
    manifest = json.loads((built / "manifest.json").read_text())
    for clip in manifest["clips"]:
        vtt = (built / clip["files"]["vtt"]).read_text()
        srt_cues = read_srt((built / clip["files"]["srt"]).read_text())
        assert vtt.startswith("WEBVTT\n")
        assert len(srt_cues) >= 4
        assert vtt.count(" --> ") == len(srt_cues)
        assert all(cue.end.total_seconds() <= clip["duration"] + 0.5 for cue in srt_cues)
        for cue in srt_cues:
            assert html.escape(cue.content.splitlines()[0], quote=False) in vtt  # WebVTT text is escaped
        # The reading rules hold in the published captions: <= 17 characters a second, no overlap.
        for cue in srt_cues:
            seconds = (cue.end - cue.start).total_seconds()
            assert len(" ".join(cue.content.split())) / seconds <= 17.0 + 1e-6, cue
        for a, b in zip(srt_cues, srt_cues[1:]):
            assert b.start >= a.end - timedelta(milliseconds=1), (a, b)


def test_build_chapters_and_transcript_follow_the_lessons_parts(built):
    manifest = json.loads((built / "manifest.json").read_text())
    for clip in manifest["clips"]:
        marks = clip["chapters"]
        # TangentSlope's parts, as its captions module names them
        assert [m["title"] for m in marks] == ["Rise over run", "From secant to tangent", "Sliding the tangent"]
        assert marks[0]["start"] == 0 and marks[-1]["end"] == clip["duration"]
        assert all(a["end"] == b["start"] < b["end"] for a, b in zip(marks, marks[1:]))
        vtt = (built / clip["files"]["chapters"]).read_text()
        assert vtt.startswith("WEBVTT\n") and vtt.count(" --> ") == len(marks)
        lines = (built / clip["files"]["description"]).read_text().splitlines()
        assert lines == clip["description"] and lines[0].startswith("0:00 ")
        transcript = (built / clip["files"]["transcript"]).read_text()
        assert transcript == clip["transcript"]
        for cue in read_srt((built / clip["files"]["srt"]).read_text())[1:]:  # the first is the title card
            assert " ".join(cue.content.split()) in transcript
        assert all(f"\n\n{m['title']}\n" in transcript for m in marks)


def test_gallery_plays_every_clip_with_captions_in_chromium(built):
    sync_api = pytest.importorskip("playwright.sync_api")
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is not installed: run `bash scripts/setup.sh --browser`")
    handler = functools.partial(_QuietHandler, directory=str(built))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_api.sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium,
                args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/index.html")
            assert "Test course &lt;with&gt; &amp; escapes" in page.content()
            page.wait_for_function(
                """() => { const v = [...document.querySelectorAll('video')];
                   return v.length === 2 && v.every(x => x.readyState >= 1 && x.textTracks.length === 2
                          && [...x.textTracks].every(t => t.cues && t.cues.length > 0)); }""",
                timeout=30000,
            )
            state = page.evaluate(
                "() => [...document.querySelectorAll('video')].map(v => ({d: v.duration, w: v.videoWidth, cues: v.textTracks[0].cues.length, mode: v.textTracks[0].mode,"
                " chapters: [...v.textTracks[1].cues].map(c => [c.startTime, c.text]), kind: v.textTracks[1].kind,"
                " ready: [...v.querySelectorAll('track')].map(t => t.readyState)}))"
            )
            # a chapter button seeks its video; the transcript opens and closes
            section = page.locator("section.clip").nth(1)
            # (the test server sends no byte ranges, so the browser cannot stay there: record the seek asked for)
            page.evaluate("() => { const v = document.querySelectorAll('video')[1]; window.seeks = [];"
                          " const d = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'currentTime');"
                          " Object.defineProperty(v, 'currentTime', {get() { return d.get.call(this); },"
                          " set(x) { window.seeks.push(x); d.set.call(this, x); }}); }")
            section.locator("button[data-seek]").nth(2).click()
            page.wait_for_function("() => window.seeks.length > 0", timeout=10000)
            seeked = page.evaluate("() => window.seeks[0]")
            toggle = section.locator("details.transcript")
            assert not toggle.evaluate("d => d.open") and not section.locator("details.transcript h3").first.is_visible()
            toggle.locator("summary").click()
            assert toggle.evaluate("d => d.open") and section.locator("details.transcript h3").first.is_visible()
            toggle.locator("summary").click()
            assert not toggle.evaluate("d => d.open")
            browser.close()
    finally:
        server.shutdown()
    manifest = json.loads((built / "manifest.json").read_text())
    for seen, clip in zip(state, manifest["clips"]):
        assert seen["w"] == 854
        assert seen["d"] == pytest.approx(clip["duration"], abs=0.2)
        assert seen["cues"] == len(read_srt((built / clip["files"]["srt"]).read_text()))
        assert seen["mode"] == "showing"
        assert seen["kind"] == "chapters" and seen["ready"] == [2, 2]  # both tracks LOADED
        assert seen["chapters"] == [[pytest.approx(m["start"], abs=1e-3), m["title"]] for m in clip["chapters"]]
    assert seeked == pytest.approx(manifest["clips"][1]["chapters"][2]["start"], abs=0.1)


def test_rebuild_with_nothing_changed_reuses_every_clip(built, course_file):
    before = {p: p.stat().st_mtime_ns for p in (built / "clips").rglob("*.mp4")}
    start = time.monotonic()
    result = lessons("build", str(course_file), "--out", str(built), "--quality", "low", "--jobs", "2")
    elapsed = time.monotonic() - start
    assert result.returncode == 0, result.stderr
    assert "2 up to date, 0 to render" in result.stdout
    assert {p: p.stat().st_mtime_ns for p in (built / "clips").rglob("*.mp4")} == before
    assert elapsed < 60  # generous: it is a few seconds of Python start-up and hashing


def test_rebuild_rerenders_a_clip_whose_video_is_truncated(built, course_file, tmp_path):
    site = tmp_path / "copy"
    shutil.copytree(built, site)
    manifest = json.loads((site / "manifest.json").read_text())
    mp4 = site / manifest["clips"][1]["files"]["mp4"]
    mp4.write_bytes(mp4.read_bytes()[: mp4.stat().st_size // 2])
    result = lessons("build", str(course_file), "--out", str(site), "--quality", "low", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert "1 up to date, 1 to render" in result.stdout
    manifest = json.loads((site / "manifest.json").read_text())
    assert sha256_of(site / manifest["clips"][1]["files"]["mp4"]) == manifest["clips"][1]["sha256"]["mp4"]


def test_second_build_into_the_same_folder_is_refused(built, course_file):
    with build_lock(built):
        result = lessons("build", str(course_file), "--out", str(built), "--quality", "low")
    assert result.returncode == 2
    assert "another build is already writing into" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_killed_with_sigkill_then_rebuilt_is_complete(course_file, tmp_path):
    out = tmp_path / "site"
    process = subprocess.Popen(
        [sys.executable, "-m", "course.cli", "build", str(course_file), "--out", str(out), "--quality", "low", "--jobs", "2"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    # Kill it in the middle of rendering: once a worker has started writing frames.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any((out / ".work").glob("build-*/*/media/**/*.mp4")) and process.poll() is None:
        time.sleep(0.1)
    assert process.poll() is None, f"the build ended before it could be killed:\n{process.communicate()[0]}"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert not (out / "manifest.json").exists()
    time.sleep(0.5)  # the workers die with their parent

    result = lessons("build", str(course_file), "--out", str(out), "--quality", "low", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["clips"]) == 2
    for clip in manifest["clips"]:
        for kind, relative in clip["files"].items():
            assert sha256_of(out / relative) == clip["sha256"][kind]
    assert not (out / ".work").exists()
    assert sorted(p.name for p in (out / "clips").iterdir()) == sorted(
        Path(clip["files"]["mp4"]).parent.name for clip in manifest["clips"]
    )


def test_rebuild_keeps_what_the_build_did_not_make(built, course_file, tmp_path):
    site = tmp_path / "copy"
    shutil.copytree(built, site, symlinks=True)
    old = json.loads((site / "manifest.json").read_text())
    (site / "clips" / "family-photos").mkdir()
    (site / "clips" / "family-photos" / "beach.jpg").write_text("beach")
    (site / ".work").mkdir()
    (site / ".work" / "notes.txt").write_text("notes")
    (site / "parabola.failed.log").write_text("an author's own file")
    changed = tmp_path / "changed.toml"
    changed.write_text(course_file.read_text().replace('function = "x**2 - 1"', 'function = "x**2 - 3"'))
    result = lessons("build", str(changed), "--out", str(site), "--quality", "low", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    assert "1 up to date, 1 to render" in result.stdout
    new = json.loads((site / "manifest.json").read_text())
    folders = {Path(clip["files"]["mp4"]).parent.name for clip in new["clips"]}
    assert sorted(p.name for p in (site / "clips").iterdir()) == sorted(folders | {"family-photos"})
    assert not (site / Path(old["clips"][1]["files"]["mp4"]).parent).exists()  # its own old version goes
    assert (site / "clips" / "family-photos" / "beach.jpg").read_text() == "beach"
    assert [p.name for p in (site / ".work").iterdir()] == ["notes.txt"]
    assert (site / "parabola.failed.log").read_text() == "an author's own file"
    assert (site / "index.html").read_text().count("<video") == 2


def test_build_into_a_foreign_folder_is_refused(course_file, tmp_path):
    out = tmp_path / "v"
    (out / "clips" / "family-photos").mkdir(parents=True)
    result = lessons("build", str(course_file), "--out", str(out), "--quality", "low")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "not a course built by lessons" in result.stderr
    assert [str(p.relative_to(out)) for p in sorted(out.rglob("*"))] == ["clips", "clips/family-photos"]


def test_build_refuses_a_symlinked_clips_folder_and_leaves_its_target(built, course_file, tmp_path):
    site = tmp_path / "copy"
    shutil.copytree(built, site, symlinks=True)
    elsewhere = tmp_path / "elsewhere"
    (site / "clips").rename(elsewhere)
    (elsewhere / "family-photos").mkdir()
    (site / "clips").symlink_to(elsewhere)
    before = sorted(str(p.relative_to(elsewhere)) for p in elsewhere.rglob("*"))
    result = lessons("build", str(course_file), "--out", str(site), "--quality", "low")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "symbolic link" in result.stderr
    assert sorted(str(p.relative_to(elsewhere)) for p in elsewhere.rglob("*")) == before


def test_a_second_render_keeps_the_first(tmp_path):
    quick_descent = ["steps=1", "starts=[3.0]", "move_time=0.3", "read_time=0.3"]
    quick_slope = [line.replace(" ", "") for line in QUICK.strip().splitlines()]
    first = lessons("render", "TangentSlope", *[f"--set={item}" for item in quick_slope], cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    second = lessons("render", "GradientDescent1D", *[f"--set={item}" for item in quick_descent], cwd=tmp_path)
    assert second.returncode == 0, second.stderr
    renders = tmp_path / "media" / "render"
    assert sorted(p.name for p in renders.iterdir()) == ["gradientdescent1d", "tangentslope"]
    for name in ("tangentslope", "gradientdescent1d"):
        manifest = json.loads((renders / name / "manifest.json").read_text())
        for kind, relative in manifest["clips"][0]["files"].items():
            assert sha256_of(renders / name / relative) == manifest["clips"][0]["sha256"][kind]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _ctrl_c_as_in_a_terminal() -> None:  # runs in the child before exec
    # A job started in the background (``cmd &`` in a script, as CI may run the tests)
    # inherits SIGINT ignored, and Python then never raises KeyboardInterrupt. Ctrl-C in a
    # terminal reaches a build whose SIGINT is at its default: give it that.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_build_interrupted_leaves_the_previous_course_intact(built, course_file, tmp_path, signum):
    site = tmp_path / "copy"
    shutil.copytree(built, site)
    manifest_before = (site / "manifest.json").read_text()
    changed = tmp_path / "changed.toml"
    changed.write_text(course_file.read_text().replace('function = "x**2 - 1"', 'function = "x**2 - 2"'))
    process = subprocess.Popen(
        [sys.executable, "-m", "course.cli", "build", str(changed), "--out", str(site), "--quality", "low"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=_ctrl_c_as_in_a_terminal,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not any((site / ".work").glob("build-*/*/media")) and process.poll() is None:
        time.sleep(0.1)
    assert process.poll() is None, f"the build ended before it could be interrupted:\n{process.communicate()}"
    process.send_signal(signum)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "interrupted" in err and "Traceback" not in err
    assert (site / "manifest.json").read_text() == manifest_before
    assert not (site / ".work").exists()
    for clip in json.loads(manifest_before)["clips"]:
        for kind, relative in clip["files"].items():
            assert sha256_of(site / relative) == clip["sha256"][kind]
