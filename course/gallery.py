"""The gallery page: every clip playing with its poster, captions and chapters (a list that
seeks, and a transcript to open), beside its embed code."""

from __future__ import annotations

from html import escape
from typing import Any

from .chapters import clock
from .embed import iframe_snippet

__all__ = ["chapter_list", "embed_snippet", "gallery_html", "transcript_block"]

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 1100px; padding: 1.5rem;
       background: #111318; color: #f2f2f2; }
h1 { font-weight: 600; }
.clip { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.25rem;
        margin: 2rem 0; align-items: start; }
video { width: 100%; height: auto; background: #000; border-radius: 6px; }
pre { white-space: pre-wrap; word-break: break-all; background: #1d2129; padding: .75rem;
      border-radius: 6px; font-size: .8rem; }
button { background: #56B4E9; color: #111318; border: 0; border-radius: 4px; padding: .4rem .8rem;
         cursor: pointer; font-weight: 600; }
.meta { color: #8c8c8c; font-size: .85rem; }
.meta a { color: #56B4E9; }
.chapters { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .35rem; }
.chapters button { background: #1d2129; color: #f2f2f2; font-weight: 400; }
.chapters button .at { color: #8c8c8c; margin-right: .4rem; font-variant-numeric: tabular-nums; }
details.transcript { background: #1d2129; border-radius: 6px; padding: .5rem .75rem; margin-top: .5rem; }
details.transcript summary { cursor: pointer; font-weight: 600; }
details.transcript h3 { font-size: .95rem; margin: .8rem 0 .2rem; }
details.transcript p { margin: .2rem 0; line-height: 1.45; }
@media (max-width: 760px) { .clip { grid-template-columns: 1fr; } }
body.light { background: #ffffff; color: #1a1a1a; }
body.light pre, body.light .chapters button, body.light details.transcript { background: #eef1f5; color: #1a1a1a; }
body.light .meta, body.light .chapters button .at { color: #595959; }
body.light .meta a { color: #0072B2; }
body.light button { background: #0072B2; color: #ffffff; }
"""

_SCRIPT = """
for (const button of document.querySelectorAll("button[data-copy]")) {
  button.addEventListener("click", async () => {
    const text = document.getElementById(button.dataset.copy).textContent;
    try { await navigator.clipboard.writeText(text); button.textContent = "Copied"; }
    catch (error) { button.textContent = "Select the code and copy it"; }
  });
}
for (const video of document.querySelectorAll("video")) {
  for (const track of video.textTracks) { if (track.kind === "chapters") track.mode = "hidden"; }  // load its cues
}
for (const button of document.querySelectorAll("button[data-seek]")) {
  button.addEventListener("click", () => {
    const video = button.closest("section").querySelector("video");
    video.currentTime = Number(button.dataset.seek);
    video.focus();
  });
}
"""


def embed_snippet(clip: dict[str, Any], base_url: str = "") -> str:
    """The HTML a course author pastes to embed ``clip`` (paths relative to ``base_url``):
    as wide as the page it sits in, at most the clip's own width, in the clip's shape."""
    files = clip["files"]
    url = lambda key: escape(base_url + files[key], quote=True)  # noqa: E731
    title = escape(clip["title"], quote=True)
    shape = f'{int(clip["width"])} / {int(clip["height"])}'
    return (
        f'<video controls preload="metadata" poster="{url("poster")}" title="{title}"\n'
        f'  style="display: block; width: 100%; max-width: {int(clip["width"])}px; height: auto; aspect-ratio: {shape};">\n'
        f'  <source src="{url("webm")}" type="video/webm">\n'
        f'  <source src="{url("mp4")}" type="video/mp4">\n'
        f'  <track kind="captions" src="{url("vtt")}" srclang="en" label="English" default>\n'
        + (f'  <track kind="chapters" src="{url("chapters")}" srclang="en" label="Chapters">\n' if "chapters" in files else "")
        + "</video>"
    )


def chapter_list(clip: dict[str, Any]) -> str:
    """The clip's chapters as a list of buttons that seek its video ("" without chapters)."""
    items = [
        f'<li><button type="button" data-seek="{float(c["start"]):.3f}"><span class="at">{clock(float(c["start"]))}</span>'
        f'{escape(str(c["title"]))}</button></li>'
        for c in clip.get("chapters") or []
    ]
    return f'<ol class="chapters" aria-label="Chapters">{"".join(items)}</ol>' if items else ""


def transcript_block(clip: dict[str, Any]) -> str:
    """The clip's transcript in a ``<details>`` toggle, a heading per part ("" without one)."""
    text = clip.get("transcript") or ""
    blocks = [block.strip().splitlines() for block in text.split("\n\n") if block.strip()]
    if not blocks:
        return ""
    body = "".join(f"<p>{escape(line)}</p>" for line in blocks[0])
    for block in blocks[1:]:
        body += f"<h3>{escape(block[0])}</h3>" + "".join(f"<p>{escape(line)}</p>" for line in block[1:])
    return f'<details class="transcript"><summary>Transcript</summary>{body}</details>'



def _scorm_link(manifest: dict[str, Any]) -> str:
    name = manifest.get("scorm")
    if not name:
        return ""
    return f'<p class="meta">For an LMS: <a href="{escape(name, quote=True)}" download>the SCORM 1.2 package</a> (one SCO per clip).</p>\n'


def _light(manifest: dict[str, Any]) -> bool:
    """A course whose clips are all in the light theme gets a white gallery page too."""
    clips = manifest["clips"]
    return bool(clips) and all(clip.get("params", {}).get("theme") == "light" for clip in clips)


def _body_tag(manifest: dict[str, Any]) -> str:
    return '<body class="light">' if _light(manifest) else "<body>"


def gallery_html(manifest: dict[str, Any]) -> str:
    """The whole ``index.html`` for a course manifest."""
    title = escape(manifest["title"])
    sections = []
    for number, clip in enumerate(manifest["clips"], start=1):
        snippet = embed_snippet(clip)
        code_id = f"embed-{number}"
        params = ", ".join(f"{key} = {value!r}" for key, value in clip["params"].items())
        sections.append(
            f'<section class="clip" id="{escape(clip["id"], quote=True)}">\n'
            f"<div>{snippet}\n{chapter_list(clip)}\n{transcript_block(clip)}</div>\n"
            f"<div>\n<h2>{number}. {escape(clip['title'])}</h2>\n"
            f'<p class="meta">{escape(clip["scene"])}{escape(" (" + params + ")") if params else ""} · '
            f'{clip["duration"]:.1f} s · {clip["width"]}×{clip["height"]} at {clip["fps"]:g} fps</p>\n'
            f'<pre><code id="{code_id}">{escape(snippet)}</code></pre>\n'
            f'<button type="button" data-copy="{code_id}">Copy embed code</button>\n'
            + (
                f'<p class="meta">Or its page, in an iframe:</p>\n<pre><code id="frame-{number}">{escape(iframe_snippet(clip))}</code></pre>\n'
                f'<button type="button" data-copy="frame-{number}">Copy iframe code</button>\n'
                if clip.get("embed")
                else ""
            )
            +             f"</div>\n</section>"
        )
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n{_body_tag(manifest)}\n"
        f"<h1>{title}</h1>\n" + _scorm_link(manifest) + "\n".join(sections) + f"\n<script>{_SCRIPT}</script>\n</body>\n</html>\n"
    )
