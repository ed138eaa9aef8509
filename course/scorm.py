"""The course as one SCORM 1.2 package: ``OUT/course-scorm.zip`` (``lessons build --scorm``).

SCORM 1.2 is the exchange format every major LMS (Moodle, Canvas, Blackboard, edX through
its SCORM block) imports. The package holds:

- ``imsmanifest.xml``: ``<schema>ADL SCORM</schema>``, ``<schemaversion>1.2</schemaversion>``,
  one organization (the course) with **one SCO per clip**, in the course's order, so the
  LMS lists the clips as the course's parts and records each one's completion; a resource
  per clip names every file its page needs, and a shared asset resource holds the script.
- each clip's page (``clips/<folder>/embed.html``, see :mod:`course.embed`) with its video
  (mp4 and webm), poster, captions and, when the clip has them, chapters and transcript;
- ``sco.js`` (:data:`SCO_SCRIPT`): finds the LMS's API (``window.API``) by the standard walk
  up ``window.parent`` and then ``window.opener``'s parents, calls ``LMSInitialize``, marks
  the clip ``incomplete`` when first opened, sets ``cmi.core.lesson_status`` to
  ``completed`` (and ``LMSCommit``) when the video has played to its end, and when the page
  is left reports ``cmi.core.session_time`` (the time it was open) and calls ``LMSFinish``. Without an LMS (or in a frame of another origin) it
  does nothing and the page plays as it does on its own.

The zip is reproducible (entries in a fixed order with a fixed date), stores the videos and
posters as they are (they are compressed already) and deflates the text. It is written to a
temporary file beside it and renamed into place, and it is the build's own file: a build
refuses to replace a ``course-scorm.zip`` it did not write (see :mod:`course.output`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree as ET

from .embed import embed_page, page_path
from .files import atomic_file

__all__ = ["ADLCP", "IMSCP", "SCORM_NAME", "SCO_SCRIPT", "SCRIPT_NAME", "package_files", "scorm_manifest", "write_scorm_zip"]

SCORM_NAME = "course-scorm.zip"
SCRIPT_NAME = "sco.js"
IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
#: the files of a clip its page uses, in the order they are listed
PAGE_KINDS = ("mp4", "webm", "poster", "vtt", "chapters", "transcript")
_STORED = {".mp4", ".webm", ".png"}
_DATE = (1980, 1, 1, 0, 0, 0)

SCO_SCRIPT = """\
// SCORM 1.2 for one clip: report "completed" to the LMS once the video has played to its end.
(function () {
  "use strict";
  function apiIn(win) {  // the standard walk up the frames (at most 7 levels)
    for (var level = 0; win && level <= 7; level++) {
      try {
        if (win.API && typeof win.API.LMSInitialize === "function") return win.API;
        if (win.parent === win) return null;
        win = win.parent;
      } catch (error) {
        return null;  // a frame of another origin: no API reachable there
      }
    }
    return null;
  }
  var api = apiIn(window);
  if (!api) {
    try { api = window.opener ? apiIn(window.opener) : null; } catch (error) { api = null; }
  }
  if (!api) return;  // no LMS: the page plays as it is
  var started = String(api.LMSInitialize("")) === "true";
  if (!started) return;
  var done = false, finished = false;
  try {
    var status = String(api.LMSGetValue("cmi.core.lesson_status"));
    done = status === "completed" || status === "passed";
    if (status === "not attempted" || status === "") {
      api.LMSSetValue("cmi.core.lesson_status", "incomplete");
      api.LMSCommit("");
    }
  } catch (error) { /* an LMS that cannot read the status: report completion anyway */ }
  function complete() {
    if (done || finished) return;
    done = true;
    api.LMSSetValue("cmi.core.lesson_status", "completed");
    api.LMSCommit("");
  }
  var opened = Date.now();
  function timespan(ms) {  // CMITimespan: HHHH:MM:SS.SS
    var seconds = ms / 1000, hours = Math.floor(seconds / 3600), minutes = Math.floor(seconds / 60) % 60;
    var rest = (seconds % 60).toFixed(2);
    return ("000" + hours).slice(-4) + ":" + ("0" + minutes).slice(-2) + ":" + (rest.length < 5 ? "0" : "") + rest;
  }
  function finish() {
    if (finished) return;
    finished = true;
    api.LMSSetValue("cmi.core.session_time", timespan(Date.now() - opened));
    api.LMSFinish("");
  }
  function watch() {
    var video = document.querySelector("video");
    if (video) video.addEventListener("ended", complete);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
"""


def _identifier(text: str) -> str:
    return "lessons-" + hashlib.sha256(text.encode()).hexdigest()[:16]


def package_files(manifest: dict[str, Any]) -> list[tuple[str, list[str]]]:
    """For each clip (in order): its page's path and the paths of every file the page uses
    (the page first), all relative to the course folder and to the package's root."""
    listed = []
    for clip in manifest["clips"]:
        files = clip["files"]
        page = page_path(clip)
        listed.append((page, [page] + [files[kind] for kind in PAGE_KINDS if kind in files]))
    return listed


def scorm_manifest(manifest: dict[str, Any]) -> str:
    """``imsmanifest.xml`` for the course ``manifest`` (one SCO per clip)."""
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    cp = lambda tag: f"{{{IMSCP}}}{tag}"  # noqa: E731
    root = ET.Element(cp("manifest"), {"identifier": _identifier(manifest["title"]), "version": "1.0"})
    metadata = ET.SubElement(root, cp("metadata"))
    ET.SubElement(metadata, cp("schema")).text = "ADL SCORM"
    ET.SubElement(metadata, cp("schemaversion")).text = "1.2"
    organizations = ET.SubElement(root, cp("organizations"), {"default": "ORG-1"})
    organization = ET.SubElement(organizations, cp("organization"), {"identifier": "ORG-1"})
    ET.SubElement(organization, cp("title")).text = str(manifest["title"])
    resources = ET.SubElement(root, cp("resources"))
    for number, (clip, (page, paths)) in enumerate(zip(manifest["clips"], package_files(manifest)), start=1):
        item = ET.SubElement(organization, cp("item"), {"identifier": f"ITEM-{number}", "identifierref": f"RES-{number}", "isvisible": "true"})
        ET.SubElement(item, cp("title")).text = str(clip["title"])
        resource = ET.SubElement(
            resources, cp("resource"), {"identifier": f"RES-{number}", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco", "href": page}
        )
        for path in paths:
            ET.SubElement(resource, cp("file"), {"href": path})
        ET.SubElement(resource, cp("dependency"), {"identifierref": "RES-SCRIPT"})
    shared = ET.SubElement(resources, cp("resource"), {"identifier": "RES-SCRIPT", "type": "webcontent", f"{{{ADLCP}}}scormtype": "asset"})
    ET.SubElement(shared, cp("file"), {"href": SCRIPT_NAME})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _script_from(page: str) -> str:
    """The path of ``sco.js`` (at the package's root) from the folder of ``page``."""
    depth = len(PurePosixPath(page).parts) - 1
    return "../" * depth + SCRIPT_NAME


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=_DATE)
    info.external_attr = 0o644 << 16
    info.compress_type = zipfile.ZIP_STORED if PurePosixPath(name).suffix in _STORED else zipfile.ZIP_DEFLATED
    return info


def _open_plain(path: Path):
    """``path`` opened for reading, not through a symbolic link, and only if a regular file."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(f"{path} is not a regular file")
    return open(fd, "rb")


def write_scorm_zip(root: Path, manifest: dict[str, Any], target: Path) -> Path:
    """Write the SCORM package of the course in ``root`` (its ``manifest``) to ``target``,
    atomically (a temporary file beside it, then a rename). Returns ``target``.

    ``ValueError`` (naming the file) if a file a page needs is missing.
    """
    root, target = Path(root), Path(target)
    listed = package_files(manifest)
    for _, paths in listed:
        for path in paths[1:]:
            if not (root / path).is_file():
                raise ValueError(f"the SCORM package needs {path}, which is missing from {root}")
    with atomic_file(target) as handle, zipfile.ZipFile(handle, "w") as package:
        package.writestr(_entry("imsmanifest.xml"), scorm_manifest(manifest))
        package.writestr(_entry(SCRIPT_NAME), SCO_SCRIPT)
        for clip, (page, paths) in zip(manifest["clips"], listed):
            package.writestr(_entry(page), embed_page(clip, sco_script=_script_from(page)))
            for path in paths[1:]:
                size = (root / path).stat().st_size
                with _open_plain(root / path) as source, package.open(_entry(path), "w", force_zip64=size >= 1 << 31) as sink:
                    shutil.copyfileobj(source, sink, 1 << 20)
    return target
