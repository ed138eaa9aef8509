"""The poster is a still, complete moment of the lesson (course.poster), chosen while encoding."""

from __future__ import annotations

from types import SimpleNamespace

import av
import numpy as np
import pytest

from course.poster import PosterChooser, same_picture

FPS = 10.0


def picture(value: int) -> np.ndarray:
    return np.full((4, 6, 4), value, dtype=np.uint8)


class Clip:
    """Frames offered to a chooser as a scene would: which beat is open at each frame."""

    def __init__(self):
        self.open = None
        self.chooser = PosterChooser(lambda: self.open, FPS)

    def show(self, value: int, repeat: int = 1, beat=None) -> int:
        """Show ``value`` for ``repeat`` frames with ``beat`` open; return its first frame."""
        first = self.chooser.frames
        self.open = beat
        self.chooser.offer(picture(value), repeat)
        return first

    def beat(self, start_frame: int) -> SimpleNamespace:
        return SimpleNamespace(start=start_frame / FPS, end=None)


def test_the_hold_of_the_last_beat_not_the_fading_last_frame():
    clip = Clip()
    title = clip.beat(0)
    clip.show(1, 8, title)
    title.end = 0.8
    for value in (2, 3, 4):  # the next caption fades in: no beat open
        clip.show(value)
    first = clip.beat(clip.chooser.frames)
    clip.show(5, 12, first)  # a hold
    clip.show(6, 1, first)  # something moves
    first.end = clip.chooser.frames / FPS
    clip.show(7)  # the swap ends on the picture the second beat then holds
    second = clip.beat(clip.chooser.frames)
    hold = clip.show(7, 6, second)
    clip.show(7, 1, second)
    second.end = clip.chooser.frames / FPS
    for value in (8, 9, 10):  # the caption fades out, then the last frame
        clip.show(value)
    poster = clip.chooser.choose()
    assert poster.reason == "still" and poster.beat == 2
    assert same_picture(poster.pixels, picture(7))
    assert hold <= poster.frame < hold + 7  # the middle of the frames the beat was open
    assert poster.frame == hold + 3 and poster.time == pytest.approx((hold + 3) / FPS)


def test_a_longer_hold_of_the_same_beat_wins_and_a_lone_frame_never_does():
    clip = Clip()
    beat = clip.beat(0)
    clip.show(1, 3, beat)
    clip.show(2, 1, beat)  # a single frame, unlike its neighbours
    long_hold = clip.show(3, 9, beat)
    clip.show(4, 1, beat)
    beat.end = clip.chooser.frames / FPS
    poster = clip.chooser.choose()
    assert same_picture(poster.pixels, picture(3)) and poster.frame == long_hold + 4

    clip = Clip()
    beat = clip.beat(0)
    for value in range(1, 6):  # always moving
        clip.show(value, 1, beat)
    beat.end = clip.chooser.frames / FPS
    clip.show(9, 3)
    poster = clip.chooser.choose()
    assert poster.reason == "caption" and same_picture(poster.pixels, picture(5))


def test_a_still_that_outlasts_its_beat_is_refused():
    """A caption faded out inside one long animation (TimedCaptionFade): the scene keeps
    the beat open, but frames after the beat's end show no caption."""
    clip = Clip()
    early = clip.beat(0)
    clip.show(1, 5, early)
    early.end = 0.5
    late = clip.beat(clip.chooser.frames)
    clip.show(2, 1, late)
    clip.show(3, 10, late)  # still, but the beat ended after 0.3 s of it
    late.end = late.start + 0.3
    poster = clip.chooser.choose()
    assert poster.beat == 0 and same_picture(poster.pixels, picture(1))


def test_one_picture_across_two_beats_is_no_moment_of_either_and_no_beats_gives_the_last_frame():
    clip = Clip()
    a = clip.beat(0)
    clip.show(1, 4, a)
    a.end = 0.4
    b = clip.beat(4)
    clip.show(1, 4, b)  # a caption swapped without a change on screen
    b.end = 0.8
    assert clip.chooser.choose().reason == "caption"

    clip = Clip()
    clip.show(1, 5)
    clip.show(2)
    poster = clip.chooser.choose()
    assert poster.reason == "last" and poster.frame == 5 and same_picture(poster.pixels, picture(2))
    with pytest.raises(ValueError, match="no video frames"):
        Clip().chooser.choose()
    with pytest.raises(ValueError, match="fps must be positive"):
        PosterChooser(lambda: None, 0)


@pytest.mark.render
def test_a_rendered_lesson_gets_its_poster_from_a_still_moment_of_its_last_beat(tmp_path):
    """A small lesson rendered for real: the poster is the frame at its time, its
    neighbours are the same picture, its caption is the last beat's at full strength (the
    clip's last frame, after the caption faded out, has none)."""
    from manim import LEFT, RIGHT, Dot, tempconfig

    from course import encoding
    from scenes.kit.beats import NO_FACTS, Line
    from scenes.kit.lesson import LessonScene

    class Sketch(LessonScene):
        def construct(self):
            dot = Dot()
            self.add(dot)
            self.beat(Line("A dot sits in the middle.", NO_FACTS), dot.animate.shift(RIGHT), run_time=0.5)
            self.beat(Line("Now it moves to the left.", NO_FACTS), dot.animate.shift(3 * LEFT), run_time=0.5)
            self.clear_caption()
            self.play(dot.animate.shift(RIGHT), run_time=0.4)

    frames = []
    options = {
        "media_dir": str(tmp_path / "media"),
        "pixel_width": 320,
        "pixel_height": 180,
        "frame_rate": 15,
        "disable_caching": True,
        "progress_bar": "none",
        "verbosity": "WARNING",
        "format": "mp4",
        "output_file": "sketch",
        **encoding.manim_options(),
    }
    with tempconfig(options):
        scene = Sketch()
        writer = encoding.use_twin_writer(scene)
        offer = writer.poster_chooser.offer

        def keep(pixels, repeat=1):
            frames.extend([pixels] * repeat)
            offer(pixels, repeat)

        writer.poster_chooser.offer = keep
        scene.render()
        poster = writer.save_poster(tmp_path / "poster.png")
        movie = writer.movie_file_path

    last_beat = scene.beats[-1]
    assert poster.reason == "still" and poster.beat == len(scene.beats) - 1
    assert last_beat.start <= poster.time <= last_beat.end
    index = poster.frame
    assert np.array_equal(poster.pixels, frames[index])
    assert np.array_equal(frames[index - 1], frames[index]) and np.array_equal(frames[index + 1], frames[index])
    band = slice(int(180 * 0.8), 180)  # the caption band, at the bottom
    assert frames[index][band, :, :3].max() > 200  # light caption text on it
    assert frames[-1][band, :, :3].max() < 120  # the last frame: the caption is gone (the old poster)
    with av.open(str(movie)) as container:  # the poster is what the video shows at its time
        shown = None
        for frame in container.decode(video=0):
            if frame.time > poster.time + 1e-6:
                break
            shown = frame.to_ndarray(format="rgb24")
    assert np.abs(shown.astype(int) - poster.pixels[..., :3].astype(int)).mean() < 4
