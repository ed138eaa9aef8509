"""Video files for the web with PyAV: faststart mp4, probing, and checks (the webm and the
poster are made while rendering, see :mod:`course.encoding`)."""

from __future__ import annotations

from pathlib import Path

import av

__all__ = ["VideoInfo", "decodes", "probe", "remux_faststart"]


class VideoInfo(dict):
    """``duration`` (s), ``width``, ``height``, ``fps`` of a video file."""


def probe(path: Path) -> VideoInfo:
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        duration = float(container.duration / av.time_base) if container.duration else float(stream.duration * stream.time_base)
        rate = stream.guessed_rate or stream.average_rate
        return VideoInfo(
            duration=round(duration, 3),
            width=stream.codec_context.width,
            height=stream.codec_context.height,
            fps=round(float(rate), 3) if rate else 0.0,
        )


def remux_faststart(source: Path, target: Path) -> None:
    """Copy ``source`` into ``target`` with the index at the front, so browsers start playing
    before the whole file has arrived. The video is not re-encoded."""
    with av.open(str(source)) as inp, av.open(str(target), "w", format="mp4", options={"movflags": "+faststart"}) as out:
        stream_in = inp.streams.video[0]
        stream_out = out.add_stream_from_template(stream_in)
        for packet in inp.demux(stream_in):
            if packet.dts is None:
                continue
            packet.stream = stream_out
            out.mux(packet)


def decodes(path: Path) -> bool:
    """A quick check that the video at ``path`` is whole: every packet can be read, and the
    first frame and the frames of the last second decode. Catches truncated files."""
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            packets = sum(1 for packet in container.demux(stream) if packet.size)
            if packets == 0 or stream.frames and packets < stream.frames:
                return False
            container.seek(0)
            next(container.decode(stream))
            end = container.duration / av.time_base if container.duration else 0.0
            container.seek(int(max(end - 1.0, 0.0) * av.time_base))
            return sum(1 for _ in container.decode(stream)) > 0
    except (av.error.FFmpegError, OSError, ValueError, IndexError, StopIteration):
        return False
