"""Small real clip folders (tiny H.264 and VP9 videos, a poster, captions, chapters and a
transcript) and a Chromium served over HTTP, for the embed page and SCORM tests."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from contextlib import contextmanager
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
SCORM_AGAIN = ROOT / ".cache" / "npm" / "node_modules" / "scorm-again" / "dist" / "scorm12.js"
WIDTH, HEIGHT, FPS, SECONDS = 160, 90, 10, 2

VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nA first caption.\n\n00:00:01.000 --> 00:00:02.000\nA second one.\n"
CHAPTERS = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nThe start\n\n00:00:01.000 --> 00:00:02.000\nThe end\n"


def _video(path: Path, container_format: str, codec: str) -> None:
    with av.open(str(path), "w", format=container_format, options={"movflags": "+faststart"} if container_format == "mp4" else {}) as out:
        stream = out.add_stream(codec, rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        stream.time_base = Fraction(1, FPS)
        for index in range(FPS * SECONDS):
            pixels = np.zeros((HEIGHT, WIDTH, 3), dtype=np.uint8)
            pixels[:, : (index + 1) * WIDTH // (FPS * SECONDS)] = (86, 180, 233)  # a bar that grows
            frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
            frame.pts = index
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)


@functools.lru_cache(maxsize=1)
def _template(folder: str) -> Path:
    """One set of media files per process, copied for every clip folder."""
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    _video(path / "clip.mp4", "mp4", "libx264")
    _video(path / "clip.webm", "webm", "libvpx-vp9")
    Image.new("RGB", (WIDTH, HEIGHT), (17, 19, 24)).save(path / "clip.png")
    return path


def make_clip(root: Path, clip_id: str, title: str, chapters: bool = True, template_dir: Path | None = None) -> dict:
    """A clip folder ``root/clips/<id>-abc/`` with real files; its manifest entry."""
    template = _template(str(template_dir or root.parent / "media-template"))
    folder = root / "clips" / f"{clip_id}-abc"
    folder.mkdir(parents=True, exist_ok=True)
    names = {"mp4": f"{clip_id}.mp4", "webm": f"{clip_id}.webm", "poster": f"{clip_id}.png", "vtt": f"{clip_id}.vtt", "srt": f"{clip_id}.srt"}
    for kind in ("mp4", "webm", "poster"):
        shutil.copyfile(template / f"clip.{names[kind].rsplit('.', 1)[1]}", folder / names[kind])
    (folder / names["vtt"]).write_text(VTT)
    (folder / names["srt"]).write_text("1\n00:00:00,000 --> 00:00:01,000\nA first caption.\n")
    if chapters:
        names["chapters"] = f"{clip_id}.chapters.vtt"
        names["transcript"] = f"{clip_id}.transcript.txt"
        (folder / names["chapters"]).write_text(CHAPTERS)
        (folder / names["transcript"]).write_text("A first caption.\nA second one.\n")
    return {
        "id": clip_id,
        "title": title,
        "scene": "TangentSlope",
        "params": {},
        "duration": float(SECONDS),
        "width": WIDTH,
        "height": HEIGHT,
        "fps": float(FPS),
        "files": {kind: f"clips/{clip_id}-abc/{name}" for kind, name in names.items()},
        "sha256": {},
    }


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@contextmanager
def served(folder: Path):
    """``folder`` on http://127.0.0.1:<port>/ while the block runs; yields the base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    """Debian's headless Chromium driven by Playwright; yields the browser."""
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed: run `bash scripts/setup.sh --browser`")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--autoplay-policy=no-user-gesture-required"],
        )
        try:
            yield browser
        finally:
            browser.close()
