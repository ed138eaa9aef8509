"""Encode a clip once into both web formats while manim draws it, still frames for free.

Manim hands every frame it draws (or, for a still wait, one frame and a repeat count) to a
segment encoder, one H.264 file per animation, and joins the segments at the end. The
course needs the same pictures as VP9 in a webm too. Instead of decoding the finished mp4
and encoding it again, :class:`TwinFileWriter` gives manim a segment encoder that converts
each drawn frame to YUV once and feeds it to both encoders. A picture equal to the one
before (a still wait, or a redraw in which nothing moved) is not encoded again: the one
before is simply shown longer (its next frame gets a later timestamp), so a hold costs one
comparison per frame whatever its length. The files are variable frame rate on a 1/fps
grid; players show exactly the same pictures at the same times. The webm segments are
joined like manim joins the mp4 ones, and the poster is chosen from the frames as they pass
(:class:`~course.poster.PosterChooser`: a still moment of the last beat, its caption fully
shown, not the last frame).

Settings (see the README's performance section for the measurements behind them):

- H.264: :data:`H264_OPTIONS`: x264 preset ``veryfast`` at CRF 21 instead of manim's
  ``medium`` at CRF 23 (as sharp, about half the encoding time), and no B-frames: manim
  joins segments dropping the decode timestamps, which only works when frames are encoded
  in display order once a held picture leaves a gap in the timestamps.
- VP9: :data:`VP9_OPTIONS` (the realtime settings the course already used for its webm).
- :data:`MAX_INFLIGHT_ENCODERS` segment encoders run while the next animation is drawn.
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path
from typing import Any

import av
import numpy as np
from manim._config.video_encoder import VideoEncoderSpec
from manim.scene.scene_file_writer import SceneFileWriter
from PIL import Image

from .poster import Poster, PosterChooser

__all__ = [
    "join_on_frame_grid",
    "use_twin_writer",
    "H264_OPTIONS",
    "MAX_INFLIGHT_ENCODERS",
    "VP9_OPTIONS",
    "TwinFileWriter",
    "TwinSegmentEncoder",
    "manim_options",
]

#: x264 settings for the mp4 (manim's ``video_encoder_options``).
H264_OPTIONS: dict[str, str] = {"preset": "veryfast", "crf": "21", "bf": "0"}
#: libvpx-vp9 settings for the webm: constant quality, realtime speed, row threading.
VP9_OPTIONS: dict[str, str] = {"crf": "34", "b": "0", "deadline": "realtime", "cpu-used": "8", "row-mt": "1"}
#: Animations whose segments may still be encoding while the scene draws the next one.
MAX_INFLIGHT_ENCODERS = 2


def manim_options() -> dict[str, Any]:
    """The manim config entries that select the course's mp4 encoding and pipelining."""
    return {"video_encoder_options": dict(H264_OPTIONS), "max_inflight_encoders": MAX_INFLIGHT_ENCODERS}


class TwinSegmentEncoder:
    """One animation's segment: H.264 into ``target`` (as manim's encoder would write it)
    and VP9 into ``target`` with the suffix ``.webm``, from one YUV conversion per frame.

    Same interface as manim's ``VideoSegmentEncoder``: :meth:`write_frame`, :meth:`finish`,
    :meth:`abort`, and the ``target`` attribute.
    """

    def __init__(self, target: Path, spec: VideoEncoderSpec, vp9_options: dict[str, str] | None = None) -> None:
        self.target = Path(target)
        self.webm_target = self.target.with_suffix(".webm")
        self.spec = spec
        self._time_base = Fraction(spec.frame_rate.denominator, spec.frame_rate.numerator)
        self._next_pts = 0  # the frame after the last one encoded
        self._shown: tuple[np.ndarray, av.VideoFrame] | None = None  # last picture: pixels, frame
        self._held = 0  # frames it is shown for beyond the one encoded
        self.frames_encoded = 0
        self._closed = False
        self._outputs: list[tuple[av.container.OutputContainer, av.video.stream.VideoStream]] = []
        try:
            self._outputs.append(self._open(self.target, spec.container_format, spec.codec, dict(spec.options)))
            self._outputs.append(self._open(self.webm_target, "webm", "libvpx-vp9", dict(vp9_options or VP9_OPTIONS)))
        except BaseException:
            self.abort()
            raise

    def _open(self, path: Path, container_format: str, codec: str, options: dict[str, str]):
        path.parent.mkdir(parents=True, exist_ok=True)
        container = av.open(str(path), mode="w", format=container_format)
        try:
            stream = container.add_stream(codec, rate=self.spec.frame_rate, options=options)
            stream.pix_fmt = self.spec.pixel_format
            stream.width, stream.height = self.spec.width, self.spec.height
        except BaseException:
            container.close()
            raise
        return container, stream

    def write_frame(self, pixels: np.ndarray, *, repeat: int = 1) -> None:
        """Show ``pixels`` (height x width x 4 RGBA) for ``repeat`` frames.

        A picture equal to the one before (a still wait, or a redraw where nothing moved)
        only lengthens how long that one is shown; it is not converted or encoded again.
        """
        if self._closed:
            raise RuntimeError(f"the segment {self.target} is closed")
        if isinstance(repeat, bool) or not isinstance(repeat, int) or repeat <= 0:
            raise ValueError(f"repeat must be a positive integer, not {repeat!r}")
        if self._shown is not None and _same_picture(pixels, self._shown[0]):
            self._held += repeat
            return
        frame = av.VideoFrame.from_ndarray(pixels, format="rgba").reformat(format=self.spec.pixel_format)
        self._encode(frame, self._next_pts + self._held)
        self._next_pts += self._held + 1
        self._shown, self._held = (pixels, frame), repeat - 1

    def _encode(self, frame: av.VideoFrame, pts: int) -> None:
        frame.pts, frame.time_base = pts, self._time_base
        self.frames_encoded += 1
        for container, stream in self._outputs:
            for packet in stream.encode(frame):
                container.mux(packet)

    def finish(self) -> None:
        """End the last hold, flush both encoders and close both files."""
        if self._closed:
            return
        self._closed = True
        try:
            if self._shown is not None and self._held:
                # the picture once more at the hold's last frame, so the segment lasts as long
                self._encode(self._shown[1], self._next_pts + self._held - 1)
            for container, stream in self._outputs:
                for packet in stream.encode():
                    container.mux(packet)
        finally:
            for container, _ in self._outputs:
                container.close()

    def abort(self) -> None:
        """Close both files and remove them (the segment is incomplete)."""
        self._closed = True
        for container, _ in self._outputs:
            try:
                container.close()
            except av.error.FFmpegError:
                pass
        for path in (self.target, self.webm_target):
            path.unlink(missing_ok=True)


def _same_picture(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two RGBA frames are equal, pixel for pixel (about 1 ms at 1080p)."""
    if a is b:
        return True
    if a.shape != b.shape:
        return False
    return bool(np.array_equal(a.reshape(-1).view(np.uint64), b.reshape(-1).view(np.uint64)))


class TwinFileWriter(SceneFileWriter):
    """Manim's file writer, writing a webm next to the mp4 and choosing a poster frame.

    After ``scene.render()``: the mp4 is at ``movie_file_path``, the webm at
    :attr:`webm_file_path`, and :meth:`save_poster` writes the poster as a PNG: the frame
    :attr:`poster_chooser` picked (see :func:`use_twin_writer`), else the last frame.
    """

    last_frame: np.ndarray | None = None
    poster_chooser: PosterChooser | None = None

    @property
    def webm_file_path(self) -> Path:
        return self.movie_file_path.with_suffix(".webm")

    def _create_segment_encoder(self, target: Path) -> TwinSegmentEncoder:  # manim's hook for one segment
        if self.video_encoder is None or self.video_encoder.codec != "libx264":
            raise RuntimeError("TwinFileWriter needs manim's mp4 output (libx264)")
        return TwinSegmentEncoder(target, self.video_encoder)

    def write_frame(self, pixels: np.ndarray, *, repeat: int = 1) -> None:
        if self.output_spec.is_video and getattr(self, "_current_encode_job", self) is not None:  # frames in the file
            self.last_frame = pixels  # manim hands the array over and never changes it again
            if self.poster_chooser is not None:
                self.poster_chooser.offer(pixels, repeat)
        super().write_frame(pixels, repeat=repeat)

    def combine_to_movie(self) -> None:
        super().combine_to_movie()
        segments = [Path(path).with_suffix(".webm") for path in self.partial_movie_files if path is not None]
        if segments:
            join_on_frame_grid(segments, self.webm_file_path, self.video_encoder.frame_rate)

    def save_poster(self, path: Path) -> Poster:
        """Write the poster as an RGB PNG at ``path``; return it (its frame, time and why)."""
        if self.last_frame is None:
            raise ValueError("the scene wrote no video frames")
        if self.poster_chooser is not None:
            poster = self.poster_chooser.choose()
        else:
            frame = -1  # not counted without a chooser
            poster = Poster(self.last_frame, frame, float("nan"), "last")
        Image.fromarray(poster.pixels).convert("RGB").save(path)
        return poster


def join_on_frame_grid(segments: list[Path], target: Path, frame_rate: Fraction) -> None:
    """Join video ``segments`` into ``target`` without re-encoding, each starting on the frame
    after the last frame of the one before.

    Webm keeps times in milliseconds, so a segment's length is rounded there; joining by
    those lengths (as a concat demuxer does) would let the rounding add up over many
    segments. Each segment ends with its last frame (see :class:`TwinSegmentEncoder`), so
    frames are counted, not milliseconds.
    """
    offset = 0  # frames before the current segment
    with av.open(str(target), "w", format="webm") as out:
        stream_out = None
        for segment in segments:
            last = -1
            with av.open(str(segment)) as inp:
                stream_in = inp.streams.video[0]
                if stream_out is None:
                    stream_out = out.add_stream_from_template(stream_in)
                for packet in inp.demux(stream_in):
                    if packet.pts is None:
                        continue
                    frame = round(packet.pts * packet.time_base * frame_rate)
                    last = max(last, frame)
                    packet.pts = packet.dts = round((offset + frame) / frame_rate / packet.time_base)
                    packet.stream = stream_out
                    out.mux(packet)
            offset += last + 1


def use_twin_writer(scene: Any) -> TwinFileWriter:
    """Give a constructed (not yet rendered) ``scene`` a :class:`TwinFileWriter`.

    Render with manim's ``disable_caching``: a segment manim reuses from its cache has no
    webm beside it. The poster is chosen from the lesson's beats: a frame is a candidate
    while the scene has a beat open with its caption on screen (``_open_beat`` and
    ``_caption_mobject`` of :class:`~scenes.kit.lesson.LessonMixin`; a scene without them
    gets its last frame).
    """
    renderer = scene.renderer
    writer = TwinFileWriter(scene.file_writer_settings)

    def open_beat() -> Any:
        if getattr(scene, "_caption_mobject", None) is None:
            return None
        return getattr(scene, "_open_beat", None)

    writer.poster_chooser = PosterChooser(open_beat, renderer.camera.frame_rate)
    renderer.file_writer = writer
    return writer
