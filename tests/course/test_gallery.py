from html.parser import HTMLParser

from course.gallery import embed_snippet, gallery_html

CLIP = {
    "id": "one",
    "title": 'Slopes <script>alert("x")</script> & "quotes"',
    "scene": "TangentSlope",
    "params": {"function": "x**3 < 2"},
    "duration": 12.5,
    "width": 854,
    "height": 480,
    "fps": 15.0,
    "files": {k: f"clips/one-abc/one.{e}" for k, e in [("mp4", "mp4"), ("webm", "webm"), ("poster", "png"), ("vtt", "vtt"), ("srt", "srt")]},
    "sha256": {},
}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_gallery_escapes_titles_and_params():
    page = gallery_html({"title": "Course <b>1</b>", "clips": [CLIP]})
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert "<title>Course &lt;b&gt;1&lt;/b&gt;</title>" in page
    assert "x**3 &lt; 2" in page


def test_gallery_has_a_playable_video_with_poster_and_captions_per_clip():
    page = gallery_html({"title": "C", "clips": [CLIP, {**CLIP, "id": "two"}]})
    parser = _Tags()
    parser.feed(page)
    videos = [attrs for tag, attrs in parser.tags if tag == "video"]
    tracks = [attrs for tag, attrs in parser.tags if tag == "track"]
    assert len(videos) == 2
    assert all("controls" in v and v["poster"].endswith(".png") for v in videos)
    assert all(t["kind"] == "captions" and t["src"].endswith(".vtt") for t in tracks)


def test_embed_snippet_prefixes_base_url_and_quotes_title():
    snippet = embed_snippet(CLIP, base_url="https://cdn.example/course/")
    assert 'src="https://cdn.example/course/clips/one-abc/one.mp4"' in snippet
    assert 'title="Slopes &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;quotes&quot;"' in snippet
