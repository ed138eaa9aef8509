from datetime import timedelta

from course.captions import Cue, read_srt, to_srt, to_vtt

SRT = """2
00:00:03,500 --> 00:00:05,000
Second cue

1
00:00:00,250 --> 00:00:03,000
First cue, with an arrow --> inside
"""


def test_read_srt_sorts_cues_by_start():
    cues = read_srt(SRT)
    assert [c.content for c in cues] == ["First cue, with an arrow --> inside", "Second cue"]
    assert cues[0].start == timedelta(milliseconds=250)


def test_to_vtt_has_header_timestamps_and_no_arrow_in_text():
    vtt = to_vtt(read_srt(SRT))
    lines = vtt.splitlines()
    assert lines[0] == "WEBVTT"
    assert "00:00:00.250 --> 00:00:03.000" in lines
    assert "00:00:03.500 --> 00:00:05.000" in lines
    assert "First cue, with an arrow --&gt; inside" in lines
    assert vtt.count("-->") == 2


def test_to_vtt_escapes_ampersand_and_angle_brackets():
    cue = Cue(index=1, start=timedelta(0), end=timedelta(seconds=1), content="Loss < 1 & rising > 0 <b>")
    assert "Loss &lt; 1 &amp; rising &gt; 0 &lt;b&gt;" in to_vtt([cue]).splitlines()


def test_to_vtt_drops_blank_lines_inside_a_cue():
    cue = Cue(index=1, start=timedelta(0), end=timedelta(seconds=1), content="one\n\ntwo")
    assert "one\ntwo" in to_vtt([cue])


def test_to_vtt_of_long_times_uses_hours():
    cue = Cue(index=1, start=timedelta(hours=1, minutes=2, seconds=3.004), end=timedelta(hours=1, minutes=2, seconds=4), content="x")
    assert "01:02:03.004 --> 01:02:04.000" in to_vtt([cue])


def test_to_srt_renumbers_from_one():
    text = to_srt(read_srt(SRT))
    assert text.startswith("1\n00:00:00,250")
    assert "\n2\n00:00:03,500" in text
