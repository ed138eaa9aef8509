"""The page per clip for an <iframe> (course.embed), and snippets that scale to the page."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from course.embed import embed_page, iframe_snippet, page_path, write_embed_pages
from course.gallery import embed_snippet, gallery_html

from .clip_files import chromium, make_clip, served


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def of(self, tag):
        return [attrs for name, attrs in self.tags if name == tag]


def tags(page: str) -> _Tags:
    parser = _Tags()
    parser.feed(page)
    return parser


CLIP = {
    "id": "one",
    "title": 'Slopes <script>alert("x")</script> & "quotes"',
    "width": 1920,
    "height": 1080,
    "files": {
        "mp4": "clips/one-abc/one.mp4",
        "webm": "clips/one-abc/one.webm",
        "poster": "clips/one-abc/one.png",
        "vtt": "clips/one-abc/one.vtt",
        "srt": "clips/one-abc/one.srt",
        "chapters": "clips/one-abc/one.chapters.vtt",
        "transcript": "clips/one-abc/one.transcript.txt",
    },
}


def test_the_page_names_its_files_beside_it_and_escapes_the_title():
    page = embed_page(CLIP)
    found = tags(page)
    (video,) = found.of("video")
    assert video["poster"] == "one.png" and "controls" in video
    assert [s["src"] for s in found.of("source")] == ["one.webm", "one.mp4"]
    tracks = {t["kind"]: t for t in found.of("track")}
    assert tracks["captions"]["src"] == "one.vtt" and "default" in tracks["captions"]
    assert tracks["chapters"]["src"] == "one.chapters.vtt"
    assert [a["href"] for a in found.of("a")] == ["one.transcript.txt"]
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page
    assert "clips/" not in page
    assert page_path(CLIP) == "clips/one-abc/embed.html"
    assert "overflow: hidden" in page and "aspect-ratio: 16 / 9" in page


def test_without_chapters_or_transcript_the_page_has_neither_and_a_sco_page_loads_its_script():
    files = {k: v for k, v in CLIP["files"].items() if k not in ("chapters", "transcript")}
    found = tags(embed_page({**CLIP, "files": files}, sco_script="../../sco.js"))
    assert [t["kind"] for t in found.of("track")] == ["captions"]
    assert found.of("a") == []
    assert [s.get("src") for s in found.of("script") if s.get("src")] == ["../../sco.js"]
    assert not [s for s in tags(embed_page(CLIP)).of("script") if s.get("src")]
    with pytest.raises(ValueError, match="width and height must be positive"):
        embed_page({**CLIP, "width": 0})


def test_both_snippets_scale_to_the_page_in_the_clips_shape():
    video = embed_snippet(CLIP)
    frame = iframe_snippet({**CLIP, "embed": "clips/one-abc/embed.html"}, base_url="https://cdn.example/c/")
    for snippet in (video, frame):
        assert 'width="' not in snippet and 'height="' not in snippet  # no fixed 1920x1080 box
        assert "width: 100%" in snippet and "max-width: 1920px" in snippet and "height: auto" in snippet
    assert "aspect-ratio: 1920 / 1080" in video and "aspect-ratio: 16 / 9" in frame
    (iframe,) = tags(frame).of("iframe")
    assert iframe["src"] == "https://cdn.example/c/clips/one-abc/embed.html" and "allowfullscreen" in iframe
    assert iframe["title"] == CLIP["title"]  # the parser unescapes: the attribute was quoted safely


def test_the_gallery_shows_the_iframe_snippet_beside_the_video_one_and_the_scorm_link():
    clip = {**CLIP, "scene": "TangentSlope", "params": {}, "duration": 3.0, "fps": 15.0, "sha256": {}}
    plain = gallery_html({"title": "C", "clips": [clip]})
    assert "iframe" not in plain and "SCORM" not in plain
    page = gallery_html({"title": "C", "scorm": "course-scorm.zip", "clips": [{**clip, "embed": "clips/one-abc/embed.html"}]})
    assert "&lt;iframe src=&quot;clips/one-abc/embed.html&quot;" in page
    assert 'data-copy="frame-1"' in page and 'href="course-scorm.zip"' in page


def _frame(page, name: str):
    """The frame whose address ends with ``name``, once it exists (iframes load lazily)."""
    for _ in range(100):
        frame = page.frame(url=lambda url: url.endswith(name))
        if frame is not None:
            return frame
        page.wait_for_timeout(100)
    raise AssertionError(f"no frame loaded {name}: {[f.url for f in page.frames]}")


def test_embed_pages_fill_any_frame_in_16_9_without_scrollbars_and_load_their_tracks(tmp_path):
    site = tmp_path / "site"
    manifest = {"title": "C", "clips": [make_clip(site, "one", "One"), make_clip(site, "two", "Two", chapters=False)]}
    write_embed_pages(site, manifest)
    assert [clip["embed"] for clip in manifest["clips"]] == ["clips/one-abc/embed.html", "clips/two-abc/embed.html"]
    one, two = manifest["clips"]
    one = {**one, "width": 1920, "height": 1080}  # as a 1080p clip: wider than the column
    host = (
        f'<div style="width: 320px">{iframe_snippet(one)}</div>'
        f'<iframe src="{two["embed"]}" style="width: 300px; height: 300px; border: 0"></iframe>'
        f'<div style="width: 320px">{embed_snippet(one)}</div>'
    )
    (site / "host.html").write_text(f"<!doctype html><html><body style='margin: 0'>{host}</body></html>")
    measure = """() => {
        const v = document.querySelector('video');
        const r = v.getBoundingClientRect();
        const byKind = k => [...v.textTracks].filter(t => t.kind === k).map(t => t.cues ? t.cues.length : -1);
        return {w: r.width, h: r.height, x: r.left, y: r.top, vw: innerWidth, vh: innerHeight, ready: v.readyState,
                scrollW: document.documentElement.scrollWidth, scrollH: document.documentElement.scrollHeight,
                captions: byKind('captions'), chapters: byKind('chapters')};
    }"""
    loaded = """() => { const v = document.querySelector('video');
        return v.readyState >= 1 && [...v.textTracks].every(t => t.mode === 'disabled' || (t.cues && t.cues.length > 0)); }"""
    with served(site) as base, chromium() as browser:
        page = browser.new_page(viewport={"width": 800, "height": 600})
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(f"{base}/host.html")
        seen = []
        for name in ("one-abc/embed.html", "two-abc/embed.html"):
            frame = _frame(page, name)
            frame.wait_for_function(loaded, timeout=20000)
            seen.append(frame.evaluate(measure))
        snippet_video = page.evaluate("() => { const r = document.querySelector('video').getBoundingClientRect(); return [r.width, r.height]; }")
        page.close()
    assert not errors
    wide, square = seen
    # The iframe snippet in a 320 px column: 320 x 180; the page's video fills it exactly.
    assert (wide["vw"], wide["vh"]) == (320, 180)
    assert (wide["w"], wide["h"], wide["x"], wide["y"]) == pytest.approx((320, 180, 0, 0), abs=1)
    # A square frame: the largest 16:9 box, centred; no scrollbars in either.
    assert (square["w"], square["h"]) == pytest.approx((300, 168.75), abs=1)
    assert square["y"] == pytest.approx((300 - 168.75) / 2, abs=1)
    for state in seen:
        assert state["ready"] >= 1
        assert state["scrollW"] <= state["vw"] and state["scrollH"] <= state["vh"]
    assert wide["captions"] == [2] and wide["chapters"] == [2]
    assert square["captions"] == [2] and square["chapters"] == []
    assert snippet_video == pytest.approx([320, 180], abs=1)  # the <video> snippet scales as well
