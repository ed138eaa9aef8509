"""The twin encoder: one render gives an mp4 and a webm of the same frames, and a poster."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest
from manim._config.video_encoder import VideoEncoderSpec
from manim import BLUE, RED, Circle, Create, Scene, Square, tempconfig
from PIL import Image

from course import encoding
from course.encoding import TwinSegmentEncoder, manim_options, use_twin_writer

pytestmark = pytest.mark.render


def draw_pause_draw(t: float) -> float:
    """Half drawn in the first 0.3, still until 0.7, then the rest."""
    return 0.5 * min(t / 0.3, 1.0) + 0.5 * max(t - 0.7, 0.0) / 0.3


class TwoShapes(Scene):
    """1 s of drawing, a 0.5 s still wait, then a red square drawn for 1 s with a pause."""

    def construct(self):
        self.play(Create(Circle(color=BLUE)), run_time=1.0)
        self.wait(0.5)
        self.play(Create(Square(color=RED).shift(2 * np.array([1.0, 0.0, 0.0])), rate_func=draw_pause_draw), run_time=1.0)


def psnr(a: np.ndarray, b: np.ndarray) -> float:
    mse = float(np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2))
    return 99.0 if mse == 0 else 10 * np.log10(255**2 / mse)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    options = {"media_dir": str(media), "quality": "low_quality", "disable_caching": True, "progress_bar": "none", "verbosity": "WARNING", "output_file": "shapes", "frame_rate": 30, **manim_options()}
    with tempconfig(options):
        scene = TwoShapes()
        writer = use_twin_writer(scene)
        spec = scene.session_spec.video_encoder
        scene.render()
    poster = media / "poster.png"
    writer.save_poster(poster)
    return writer, spec, poster


def test_course_encoder_options_reach_manims_config(rendered):
    writer, spec, _ = rendered
    assert dict(spec.options) == encoding.H264_OPTIONS
    assert writer.settings.max_inflight_encoders == encoding.MAX_INFLIGHT_ENCODERS


def shown_at(path: Path) -> list[tuple[float, np.ndarray]]:
    """(time in s, picture) of every frame of a video."""
    with av.open(str(path)) as container:
        return [(float(frame.time), frame.to_ndarray(format="rgb24")) for frame in container.decode(video=0)]


def test_webm_shows_the_pictures_of_the_mp4_at_the_same_times(rendered):
    writer, spec, _ = rendered
    mp4, webm = shown_at(writer.movie_file_path), shown_at(writer.webm_file_path)
    with av.open(str(writer.webm_file_path)) as container:
        assert container.streams.video[0].codec_context.name == "vp9"
    for path in (writer.movie_file_path, writer.webm_file_path):
        with av.open(str(path)) as container:
            assert container.duration / av.time_base == pytest.approx(2.5, abs=0.6 / 30)
    assert [t for t, _ in mp4] == pytest.approx([t for t, _ in webm], abs=0.002)
    # the first, one from the still wait, and the last picture match
    for index in (0, len(mp4) // 2, -1):
        assert psnr(mp4[index][1], webm[index][1]) > 30


def test_a_still_wait_is_one_picture_shown_longer(rendered):
    writer, _, _ = rendered
    times = [t for t, _ in shown_at(writer.movie_file_path)]
    # 30 frames of the circle; the wait (its own segment) encoded at its first and last
    # frame only; then the square from 1.5 s
    assert [round(t * 30) for t in times[:33]] == [*range(30), 30, 44, 45]
    # the square: drawn for 10 frames, still for 12 (encoded once), drawn again
    square = [round(t * 30) - 45 for t in times[32:]]
    assert square[:11] == [*range(10), 22] and square[-1] == 29


def test_poster_is_the_last_frame(rendered):
    writer, _, poster = rendered
    image = np.asarray(Image.open(poster))
    assert image.shape == writer.last_frame.shape[:2] + (3,)
    assert psnr(image, shown_at(writer.movie_file_path)[-1][1]) > 30
    assert image[..., 0].max() > 200  # the red square of the last animation is there


def test_each_animation_has_a_webm_segment(rendered):
    writer, _, _ = rendered
    segments = list(Path(writer.partial_movie_directory).glob("*.webm"))
    assert len(segments) == 3  # one per animation, next to manim's mp4 segments


@pytest.fixture
def spec():
    return VideoEncoderSpec(
        container_format="mp4", codec="libx264", pixel_format="yuv420p", width=64, height=48,
        frame_rate=Fraction(30), options=tuple(sorted(encoding.H264_OPTIONS.items())),
    )


def test_a_repeated_picture_is_encoded_at_its_first_and_last_frame(spec, tmp_path):
    segment = TwinSegmentEncoder(tmp_path / "a.mp4", spec)
    green, red = np.zeros((48, 64, 4), np.uint8), np.zeros((48, 64, 4), np.uint8)
    green[..., 1], red[..., 0] = 200, 200
    segment.write_frame(green, repeat=40)
    segment.write_frame(green.copy())  # drawn again, unchanged
    segment.write_frame(red, repeat=4)
    segment.finish()
    assert segment.frames_encoded == 3
    for path in (tmp_path / "a.mp4", tmp_path / "a.webm"):
        shown = shown_at(path)
        assert [round(t * 30) for t, _ in shown] == [0, 41, 44]
        assert [int(np.argmax(picture[10, 10])) for _, picture in shown] == [1, 0, 0]
        with av.open(str(path)) as container:
            assert container.duration / av.time_base == pytest.approx(45 / 30, abs=0.6 / 30)


def test_frames_are_encoded_in_display_order_around_a_hold(spec, tmp_path):
    """Manim joins segments with the decode timestamps dropped: reordered (B-) frames around
    a gap in the timestamps would make the join fail."""
    rng = np.random.default_rng(1)
    segment = TwinSegmentEncoder(tmp_path / "a.mp4", spec)
    for repeat in [1] * 12 + [30] + [1] * 12:
        segment.write_frame(rng.integers(0, 255, (48, 64, 4), np.uint8), repeat=repeat)
    segment.finish()
    with av.open(str(tmp_path / "a.mp4")) as container:
        packets = [(packet.pts, packet.dts) for packet in container.demux(video=0) if packet.dts is not None]
    assert len(packets) == 25
    assert all(pts == dts for pts, dts in packets)


def test_many_short_webm_segments_join_on_the_frame_grid(tmp_path):
    """Webm rounds times to milliseconds; joined by rounded lengths, 40 segments of one frame
    at 15 fps would drift by about 13 ms (a fifth of a frame)."""
    spec15 = VideoEncoderSpec(
        container_format="mp4", codec="libx264", pixel_format="yuv420p", width=64, height=48,
        frame_rate=Fraction(15), options=tuple(sorted(encoding.H264_OPTIONS.items())),
    )
    segments = []
    for index in range(40):
        segment = TwinSegmentEncoder(tmp_path / f"{index:02}.mp4", spec15)
        segment.write_frame(np.full((48, 64, 4), index * 6, np.uint8))
        segment.finish()
        segments.append(segment.webm_target)
    encoding.join_on_frame_grid(segments, tmp_path / "joined.webm", Fraction(15))
    times = [t for t, _ in shown_at(tmp_path / "joined.webm")]
    assert [round(t * 15) for t in times] == list(range(40))
    assert max(abs(t * 15 - round(t * 15)) for t in times) < 0.02


@pytest.mark.parametrize("repeat", [0, -1, 1.5, True])
def test_a_bad_repeat_is_refused(spec, tmp_path, repeat):
    segment = TwinSegmentEncoder(tmp_path / "a.mp4", spec)
    with pytest.raises(ValueError, match="repeat"):
        segment.write_frame(np.zeros((48, 64, 4), np.uint8), repeat=repeat)
    segment.abort()


def test_abort_removes_both_files(spec, tmp_path):
    segment = TwinSegmentEncoder(tmp_path / "a.mp4", spec)
    segment.write_frame(np.zeros((48, 64, 4), np.uint8))
    segment.abort()
    assert list(tmp_path.iterdir()) == []


def test_writer_needs_h264_segments(tmp_path):
    options = {"media_dir": str(tmp_path), "quality": "low_quality", "disable_caching": True, "progress_bar": "none", "verbosity": "WARNING", "format": "webm"}
    with tempconfig(options):
        scene = TwoShapes()
        use_twin_writer(scene)
        with pytest.raises(RuntimeError, match="libx264"):
            scene.render()
