"""The SCORM 1.2 package (course.scorm): its manifest, its files, the build's ownership of
it, and its SCO reporting to a real SCORM runtime (scorm-again's Scorm12API) in Chromium."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path, PurePosixPath
from xml.etree import ElementTree as ET

import pytest

from course import build as build_module
from course.course_file import Clip, Course
from course.files import OutputRefused
from course.output import owned_output
from course.scorm import ADLCP, IMSCP, SCORM_NAME, SCRIPT_NAME, write_scorm_zip

from .clip_files import SCORM_AGAIN, chromium, make_clip, served

NS = {"cp": IMSCP, "adlcp": ADLCP}


@pytest.fixture
def course(tmp_path) -> tuple[Path, dict]:
    site = tmp_path / "site"
    clips = [make_clip(site, "slope", 'Slopes & "tangents"'), make_clip(site, "plain", "No chapters", chapters=False)]
    return site, {"title": "A course <b>", "clips": clips}


def test_the_manifest_is_scorm_1_2_with_one_sco_per_clip_and_lists_exactly_the_files_in_the_zip(course, tmp_path):
    site, manifest = course
    package = write_scorm_zip(site, manifest, tmp_path / SCORM_NAME)
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        root = ET.fromstring(archive.read("imsmanifest.xml"))
        pages = {name: archive.read(name).decode() for name in names if name.endswith("embed.html")}
        script = archive.read(SCRIPT_NAME).decode()
    assert root.tag == f"{{{IMSCP}}}manifest" and root.get("identifier")
    assert root.findtext("cp:metadata/cp:schema", namespaces=NS) == "ADL SCORM"
    assert root.findtext("cp:metadata/cp:schemaversion", namespaces=NS) == "1.2"
    organizations = root.find("cp:organizations", NS)
    (organization,) = organizations.findall("cp:organization", NS)
    assert organizations.get("default") == organization.get("identifier")
    assert organization.findtext("cp:title", namespaces=NS) == "A course <b>"
    resources = {r.get("identifier"): r for r in root.findall("cp:resources/cp:resource", NS)}
    identifiers = [e.get("identifier") for e in root.iter() if e.get("identifier")]
    assert len(identifiers) == len(set(identifiers))
    items = organization.findall("cp:item", NS)
    assert [item.findtext("cp:title", namespaces=NS) for item in items] == [clip["title"] for clip in manifest["clips"]]
    referenced = set()
    for item, clip in zip(items, manifest["clips"]):
        resource = resources[item.get("identifierref")]
        assert resource.get(f"{{{ADLCP}}}scormtype") == "sco" and resource.get("type") == "webcontent"
        files = [f.get("href") for f in resource.findall("cp:file", NS)]
        assert resource.get("href") == files[0] == f"clips/{clip['id']}-abc/embed.html"
        wanted = {clip["files"][kind] for kind in ("mp4", "webm", "poster", "vtt", "chapters", "transcript") if kind in clip["files"]}
        assert set(files[1:]) == wanted
        for dependency in resource.findall("cp:dependency", NS):
            shared = resources[dependency.get("identifierref")]
            assert shared.get(f"{{{ADLCP}}}scormtype") == "asset"
            referenced |= {f.get("href") for f in shared.findall("cp:file", NS)}
        referenced |= set(files)
    assert referenced == names - {"imsmanifest.xml"}  # every file listed is there, every file there is listed
    assert SCRIPT_NAME in referenced
    for name, page in pages.items():  # each page loads the script from the package's root
        assert f'<script src="../../{SCRIPT_NAME}"></script>' in page
        assert PurePosixPath(PurePosixPath(name).parent, "../..", SCRIPT_NAME).as_posix().endswith(SCRIPT_NAME)
    assert "LMSInitialize" in script and "cmi.core.lesson_status" in script and "LMSFinish" in script
    with zipfile.ZipFile(package) as archive:  # videos stored as they are, text deflated
        kinds = {Path(i.filename).suffix: i.compress_type for i in archive.infolist()}
    assert kinds[".mp4"] == kinds[".webm"] == zipfile.ZIP_STORED and kinds[".xml"] == zipfile.ZIP_DEFLATED


def test_the_zip_is_reproducible_and_a_missing_file_is_named(course, tmp_path):
    site, manifest = course
    first = write_scorm_zip(site, manifest, tmp_path / "a.zip").read_bytes()
    assert write_scorm_zip(site, manifest, tmp_path / "b.zip").read_bytes() == first
    (site / manifest["clips"][1]["files"]["webm"]).unlink()
    with pytest.raises(ValueError, match="needs clips/plain-abc/plain.webm"):
        write_scorm_zip(site, manifest, tmp_path / "c.zip")
    assert not (tmp_path / "c.zip").exists() and not list(tmp_path.glob(".c.zip.*"))


def test_a_build_never_replaces_a_package_it_did_not_write(tmp_path, capsys):
    out = tmp_path / "site"
    with owned_output(out) as output:  # a course folder the build made
        pass
    foreign = out / SCORM_NAME
    foreign.write_bytes(b"someone's own package")
    with owned_output(out) as output:
        with pytest.raises(OutputRefused, match="not written by lessons build"):
            output.check_own_file(SCORM_NAME)
        output.drop_own_file(SCORM_NAME)  # not the build's: stays
    assert foreign.read_bytes() == b"someone's own package"
    course_file = tmp_path / "course.toml"
    course_file.write_text('title = "T"\n[[clips]]\nid = "a"\ntitle = "A"\nscene = "TangentSlope"\n')
    from course.cli import main

    assert main(["build", str(course_file), "--out", str(out), "--quality", "low", "--scorm"]) == 2
    error = capsys.readouterr().err
    assert "course-scorm.zip was not written by lessons build" in error and len(error.strip().splitlines()) == 1
    assert foreign.read_bytes() == b"someone's own package" and not (out / "clips").exists()
    foreign.unlink()
    foreign.symlink_to(tmp_path / "elsewhere.zip")
    with owned_output(out) as output, pytest.raises(OutputRefused, match="symbolic link"):
        output.check_own_file(SCORM_NAME)


def test_build_with_scorm_writes_pages_and_package_and_a_build_without_removes_its_package(tmp_path, monkeypatch):
    """The build's own steps, with clips that need no render (their folders are made here
    and taken as up to date)."""
    out = tmp_path / "site"
    loaded = Course(  # checked as a course file would be, less the dry runs of its scenes
        title="Two clips",
        clips=(Clip("one", "One", "TangentSlope"), Clip("two", "Two", "TangentSlope", {"function": "x**2"})),
        source="<test>",
    )
    with owned_output(out) as output:
        output.claim_clip_folders(["one-abc", "two-abc"])
    entries = {clip_id: make_clip(out, clip_id, clip_id, chapters=clip_id == "one", template_dir=tmp_path / "media") for clip_id in ("one", "two")}

    def record(folder: Path, key: str) -> dict:
        entry = entries[folder.name.split("-")[0]]
        return {**entry, "key": key, "files": {k: Path(v).name for k, v in entry["files"].items()}}

    monkeypatch.setattr(build_module, "input_key", lambda *args, **kwargs: "abc")  # folders <id>-abc
    monkeypatch.setattr(build_module, "clip_record_ok", record)
    index = build_module.build_course(loaded, out, quality="low", jobs=1, live=False, scorm=True)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["scorm"] == SCORM_NAME and (out / SCORM_NAME).is_file()
    assert [clip["embed"] for clip in manifest["clips"]] == ["clips/one-abc/embed.html", "clips/two-abc/embed.html"]
    assert all((out / clip["embed"]).is_file() for clip in manifest["clips"])
    gallery = index.read_text()
    assert 'href="course-scorm.zip"' in gallery and gallery.count("&lt;iframe src=") == 2
    assert SCORM_NAME in json.loads((out / ".lessons-course.json").read_text())["files"]
    with zipfile.ZipFile(out / SCORM_NAME) as archive:
        assert "clips/one-abc/one.chapters.vtt" in archive.namelist()
    build_module.build_course(loaded, out, quality="low", jobs=1, live=False, scorm=True)  # its own: replaced
    assert (out / SCORM_NAME).is_file()
    build_module.build_course(loaded, out, quality="low", jobs=1, live=False)
    assert not (out / SCORM_NAME).exists() and "scorm" not in json.loads((out / "manifest.json").read_text())


PARENT = """<!doctype html><html><head><meta charset="utf-8"><script src="/scorm12.js"></script>
<script>
  window.calls = [];
  window.API = new Scorm12API({ logLevel: 5, autocommit: false });
  for (const name of ["LMSInitialize", "LMSCommit", "LMSFinish"]) {
    window.API.on(name, () => window.calls.push([name]));
  }
  window.API.on("LMSSetValue.cmi.*", (element, value) => window.calls.push(["LMSSetValue", element, value, String(window.API.LMSGetLastError())]));
</script></head><body><iframe id="sco" src="SRC" style="width: 640px; height: 360px"></iframe></body></html>"""

PLAY_TO_END = """async () => {
  const v = document.querySelector('video');
  if (v.readyState < 1) await new Promise(r => v.addEventListener('loadedmetadata', r, {once: true}));
  v.muted = true; v.playbackRate = 4; v.currentTime = Math.max(0, v.duration - 0.3);
  await v.play();
  await new Promise(r => v.ended ? r() : v.addEventListener('ended', r, {once: true}));
  return v.ended;
}"""


def test_the_sco_reports_completed_to_scorm_again_when_the_video_ends_and_finishes_on_leaving(course, tmp_path):
    if not SCORM_AGAIN.is_file():
        pytest.fail(f"scorm-again is not installed ({SCORM_AGAIN}): run `bash scripts/setup.sh --browser`")
    site, manifest = course
    package = write_scorm_zip(site, manifest, tmp_path / SCORM_NAME)
    root = tmp_path / "lms"
    with zipfile.ZipFile(package) as archive:
        archive.extractall(root / "package")
        launch = ET.fromstring(archive.read("imsmanifest.xml")).find("cp:resources/cp:resource", NS).get("href")
    (root / "scorm12.js").write_bytes(SCORM_AGAIN.read_bytes())
    (root / "lms.html").write_text(PARENT.replace("SRC", f"package/{launch}"))
    with served(root) as base, chromium() as browser:
        page = browser.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/lms.html")
        page.wait_for_function("() => window.calls.some(c => c[0] === 'LMSInitialize')", timeout=20000)
        sco = page.frame(url=lambda url: url.endswith(launch))
        assert not page.evaluate("() => window.calls.some(c => c[2] === 'completed')")  # not before the end
        assert sco.evaluate(PLAY_TO_END)
        page.wait_for_function("() => window.calls.some(c => c[2] === 'completed')", timeout=20000)
        status_at_end = page.evaluate("() => window.API.cmi.core.lesson_status")
        page.evaluate("() => { document.getElementById('sco').src = 'about:blank'; }")  # the learner leaves
        page.wait_for_function("() => window.calls.some(c => c[0] === 'LMSFinish')", timeout=20000)
        calls = page.evaluate("() => window.calls")
        alone = browser.new_page()  # no LMS around it: the page plays as it is
        alone.on("pageerror", lambda error: errors.append(str(error)))
        alone.goto(f"{base}/package/{launch}")
        assert alone.evaluate(PLAY_TO_END)
    assert not errors
    names = [call[0] for call in calls]
    assert names[0] == "LMSInitialize" and names[-1] == "LMSFinish" and names.count("LMSFinish") == 1
    assert {call[3] for call in calls if call[0] == "LMSSetValue"} == {"0"}  # each value accepted
    sets = [call[1:3] for call in calls if call[0] == "LMSSetValue"]
    assert sets[:2] == [["cmi.core.lesson_status", "incomplete"], ["cmi.core.lesson_status", "completed"]]
    (element, spent), = sets[2:]  # on leaving: how long the page was open, as SCORM 1.2 writes time
    assert element == "cmi.core.session_time" and re.fullmatch(r"\d{4}:\d{2}:\d{2}\.\d{2}", spent)
    assert 0 < float(spent.split(":")[2]) < 60
    assert names.index("LMSCommit", names.index("LMSSetValue", names.index("LMSSetValue") + 1)) < names.index("LMSFinish")
    assert status_at_end == "completed"
