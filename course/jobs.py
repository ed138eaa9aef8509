"""Render one clip in its own process and publish it as a finished folder.

``python -m course.jobs JOB.json`` renders the clip the job file describes with
manim's own Python API into a private temporary media folder, makes the web files (faststart
mp4, webm, poster PNG, .srt and .vtt captions) and a ``clip.json`` record, then publishes
the whole folder with one atomic rename to ``clips/<id>-<key>/``. A folder under ``clips/`` is
therefore always complete; an interrupted render leaves only a temporary folder, which the
next build removes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import tempfile
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from .files import atomic_write_text, sha256_of

__all__ = ["ClipJob", "QUALITIES", "clip_record_ok", "input_key", "render_clip"]

ROOT = Path(__file__).resolve().parents[1]
BUILD_FORMAT = 2  # bump when the outputs of a clip change shape

#: --quality name -> manim's quality setting
QUALITIES = {"low": "low_quality", "medium": "medium_quality", "high": "high_quality", "4k": "fourk_quality"}

FILE_KINDS = ("mp4", "webm", "poster", "vtt", "srt")


@dataclass(frozen=True)
class ClipJob:
    """Everything a worker needs to render one clip."""

    id: str
    scene: str
    params: dict
    quality: str
    key: str
    clips_dir: str
    work_dir: str

    @property
    def folder_name(self) -> str:
        return f"{self.id}-{self.key[:12]}"


@cache
def sources_digest() -> str:
    """A hash of the code a clip's pixels depend on: mathcore and the scenes (not the build)."""
    digest = hashlib.sha256()
    for package in ("mathcore", "scenes"):
        for path in sorted((ROOT / package).rglob("*.py")):
            if "course" in path.relative_to(ROOT).parts:
                continue
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def input_key(scene: str, params: dict, quality: str) -> str:
    """What decides a clip's output: scene code, parameters, quality and manim's version."""
    import manim

    payload = json.dumps(
        {
            "scene": scene,
            "params": params,
            "quality": quality,
            "manim": manim.__version__,
            "sources": sources_digest(),
            "format": BUILD_FORMAT,
        },
        sort_keys=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def clip_record_ok(folder: Path, key: str) -> dict | None:
    """The folder's ``clip.json`` if it is for ``key`` and every file is intact, else None."""
    from .media import decodes

    try:
        record = json.loads((folder / "clip.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if record.get("key") != key or set(record.get("files", {})) != set(FILE_KINDS):
        return None
    for kind, name in record["files"].items():
        path = folder / name
        if not path.is_file() or sha256_of(path) != record["sha256"].get(kind):
            return None
    if not decodes(folder / record["files"]["mp4"]):
        return None
    return record


def render_clip(job: ClipJob) -> dict:
    """Render ``job`` and publish its folder; return the clip record."""
    from manim import tempconfig

    from . import captions, encoding, media
    from .registry import make_scene_class, scene_classes

    work = Path(tempfile.mkdtemp(prefix=f"{job.id}-", dir=job.work_dir))
    media_dir, staged = work / "media", work / job.folder_name
    staged.mkdir()
    scene_class = make_scene_class(scene_classes()[job.scene], job.params)
    options = {
        "media_dir": str(media_dir),
        "quality": QUALITIES[job.quality],
        "disable_caching": True,
        "progress_bar": "none",
        "verbosity": "WARNING",
        "format": "mp4",
        "output_file": job.id,
        **encoding.manim_options(),
    }
    with tempconfig(options):
        scene = scene_class()
        writer = encoding.use_twin_writer(scene)  # the webm and poster come from the same frames
        scene.render()
        movie = Path(writer.movie_file_path)

    names = {kind: f"{job.id}.{ext}" for kind, ext in zip(FILE_KINDS, ("mp4", "webm", "png", "vtt", "srt"))}
    media.remux_faststart(movie, staged / names["mp4"])
    os.replace(writer.webm_file_path, staged / names["webm"])
    writer.save_poster(staged / names["poster"])
    srt_file = movie.with_suffix(".srt")
    cues = captions.read_srt(srt_file.read_text(encoding="utf-8")) if srt_file.exists() else []
    (staged / names["srt"]).write_text(captions.to_srt(cues), encoding="utf-8")
    (staged / names["vtt"]).write_text(captions.to_vtt(cues), encoding="utf-8")

    record = {
        "key": job.key,
        "id": job.id,
        "scene": job.scene,
        "params": job.params,
        **media.probe(staged / names["mp4"]),
        "files": names,
        "sha256": {kind: sha256_of(staged / name) for kind, name in names.items()},
        "captions": len(cues),
    }
    atomic_write_text(staged / "clip.json", json.dumps(record, indent=2))
    final = Path(job.clips_dir) / job.folder_name
    final.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.rename(staged, final)  # atomic: the folder appears complete or not at all
    except OSError:
        if clip_record_ok(final, job.key) is None:  # a broken leftover of the same key
            shutil.rmtree(final)
            os.rename(staged, final)
    shutil.rmtree(work, ignore_errors=True)
    return record


def main(argv: list[str]) -> int:
    job = ClipJob(**json.loads(Path(argv[0]).read_text(encoding="utf-8")))
    render_clip(job)
    return 0


def write_job(job: ClipJob, path: Path) -> None:
    path.write_text(json.dumps(asdict(job)), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
