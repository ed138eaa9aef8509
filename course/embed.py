"""A page per clip made to sit in an ``<iframe>``: ``clips/<folder>/embed.html``.

The page holds only the video: both formats, its poster, its captions track and, when the
clip has them, its chapters track and a link to its transcript. It fills the frame it is
put in and keeps the clip's shape (16:9): the video is the largest box of that shape the
frame holds, centred, with no scrollbars; what is left around it is transparent, so the
course page shows through. The transcript link (for readers who want the text, WCAG's
media alternative) sits in the top right corner, shown while the pointer is over the page
or the link has the keyboard's focus.

The build writes the pages after every clip is ready (a page names the clip's title from
the course file, which is not part of a clip's key) and lists each in the manifest as
``embed``. The SCORM package (:mod:`course.scorm`) carries the same page with its SCORM
script added (``sco_script``).
"""

from __future__ import annotations

from fractions import Fraction
from html import escape
from pathlib import Path, PurePosixPath
from typing import Any

from .files import atomic_write_text

__all__ = ["EMBED_NAME", "embed_page", "iframe_snippet", "page_path", "write_embed_pages"]

EMBED_NAME = "embed.html"

_STYLE = """
html, body { margin: 0; width: 100%; height: 100%; overflow: hidden; background: transparent; }
body { display: grid; place-items: center; }
video { display: block; width: min(100vw, 100vh * {ratio}); height: auto; aspect-ratio: {aspect};
        max-height: 100vh; background: #000; }
a.transcript { position: fixed; top: .5rem; right: .5rem; padding: .25rem .55rem; border-radius: 4px;
               font: 600 .8rem/1.2 system-ui, sans-serif; color: #f2f2f2; background: rgba(17, 19, 24, .88);
               text-decoration: none; opacity: 0; transition: opacity .2s; }
body:hover a.transcript, a.transcript:focus { opacity: 1; }
"""

# Chapters cues load only when their track is not disabled (players that show chapters do).
_SCRIPT = """
for (const track of document.querySelector("video").textTracks) {
  if (track.kind === "chapters") track.mode = "hidden";
}
"""


def _aspect(clip: dict[str, Any]) -> Fraction:
    width, height = int(clip["width"]), int(clip["height"])
    if width <= 0 or height <= 0:
        raise ValueError(f"clip {clip.get('id')!r}: width and height must be positive, not {width}x{height}")
    return Fraction(width, height)


def page_path(clip: dict[str, Any]) -> str:
    """Where ``clip``'s page is, relative to the course folder: beside its video."""
    return str(PurePosixPath(clip["files"]["mp4"]).parent / EMBED_NAME)


def embed_page(clip: dict[str, Any], sco_script: str | None = None) -> str:
    """The page for ``clip`` (a manifest entry: ``files`` are paths relative to the course).

    The page lies in the clip's folder, so it names the files by their own names.
    ``sco_script``: the path (from the page) of a script to load as well (the SCORM one).
    """
    files = clip["files"]
    name = lambda kind: escape(PurePosixPath(files[kind]).name, quote=True)  # noqa: E731
    aspect = _aspect(clip)
    title = escape(str(clip["title"]))
    style = _STYLE.replace("{ratio}", f"{float(aspect):.6g}").replace("{aspect}", f"{aspect.numerator} / {aspect.denominator}")
    tracks = [f'<track kind="captions" src="{name("vtt")}" srclang="en" label="English" default>']
    if "chapters" in files:
        tracks.append(f'<track kind="chapters" src="{name("chapters")}" srclang="en" label="Chapters">')
    head_links, body_links = "", ""
    if "transcript" in files:
        head_links = f'<link rel="alternate" type="text/plain" href="{name("transcript")}" title="Transcript">\n'
        body_links = f'<a class="transcript" href="{name("transcript")}" target="_blank" rel="noopener">Transcript</a>\n'
    sco = f'<script src="{escape(sco_script, quote=True)}"></script>\n' if sco_script else ""
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{title}</title>\n{head_links}<style>{style}</style>\n</head>\n<body>\n"
        f'<video controls preload="metadata" playsinline poster="{name("poster")}" title="{escape(str(clip["title"]), quote=True)}">\n'
        f'<source src="{name("webm")}" type="video/webm">\n'
        f'<source src="{name("mp4")}" type="video/mp4">\n'
        + "".join(track + "\n" for track in tracks)
        + "</video>\n"
        + body_links
        + f"<script>{_SCRIPT}</script>\n{sco}</body>\n</html>\n"
    )


def iframe_snippet(clip: dict[str, Any], base_url: str = "") -> str:
    """The ``<iframe>`` a course author pastes to embed ``clip``'s page: as wide as the page
    it sits in (at most the clip's own width), in the clip's shape."""
    aspect = _aspect(clip)
    src = escape(base_url + clip.get("embed", page_path(clip)), quote=True)
    title = escape(str(clip["title"]), quote=True)
    return (
        f'<iframe src="{src}" title="{title}" loading="lazy" allowfullscreen\n'
        f'  style="display: block; width: 100%; max-width: {int(clip["width"])}px; height: auto; '
        f'aspect-ratio: {aspect.numerator} / {aspect.denominator}; border: 0;"></iframe>'
    )


def write_embed_pages(root: Path, manifest: dict[str, Any]) -> None:
    """Write every clip's page into its folder under ``root`` and name it in the manifest
    (``embed``). The clip folders are the build's own; a page is replaced atomically."""
    for clip in manifest["clips"]:
        relative = page_path(clip)
        atomic_write_text(Path(root) / relative, embed_page(clip))
        clip["embed"] = relative
