"""The one reading policy: reading times and caption splitting."""

from hypothesis import given, strategies as st

from scenes.kit.pacing import CHARS_PER_SECOND, LINE_WIDTH, MAX_SECONDS, MIN_SECONDS, READING_LIMIT, reading_time, split_caption, wrap_caption


def test_reading_time_is_below_the_reading_limit_and_above_the_minimum():
    assert reading_time("Hi.") == MIN_SECONDS
    text = "x" * 84
    assert len(text) / reading_time(text) < READING_LIMIT
    assert reading_time(text) <= MAX_SECONDS


def test_split_caption_keeps_short_text_whole():
    assert split_caption("Start at w = 3.00.") == ["Start at w = 3.00."]


def test_split_caption_cuts_at_sentences_first():
    text = "The slope is negative here, so the walk heads right. After three steps f has fallen from 4.50 to 0.56."
    parts = split_caption(text)
    assert parts == ["The slope is negative here, so the walk heads right.", "After three steps f has fallen from 4.50 to 0.56."]


words = st.text(alphabet="abcdefghij", min_size=1, max_size=12)


@given(st.lists(words, min_size=1, max_size=60))
def test_every_part_fits_two_lines_and_reads_in_time(ws):
    text = " ".join(ws)
    parts = split_caption(text)
    assert " ".join(parts).split() == text.split()  # nothing lost, nothing reordered
    for part in parts:
        assert len(wrap_caption(part, LINE_WIDTH)) <= 2
        assert reading_time(part) <= MAX_SECONDS
        assert len(part) / reading_time(part) <= CHARS_PER_SECOND
