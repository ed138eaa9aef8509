"""A narrated clip's sound: each cue's speech placed at its cue, silence elsewhere, as long
as the video, loudness normalised, muxed as AAC into the mp4 and as Opus into the webm.

- :func:`mix` places the utterances (:class:`scenes.kit.lesson.SpokenCue`) on a silent track
  of exactly the video's length, at 48 kHz mono: each one starts on the sample of its cue's
  start (the clip's clock is the video's: frames / fps).
- :func:`normalise` brings it to :data:`TARGET_LUFS` integrated loudness (ITU-R BS.1770, by
  pyloudnorm), then lowers it if its true peak (measured 4x oversampled) would pass
  :data:`PEAK_DBTP`; nothing clips.
- :func:`mux` copies the video packets (no re-encoding) and encodes the track beside them, in
  time order, with PyAV (there is no ffmpeg program); the encoded sound's true peak is
  checked and the track turned down and encoded again if the codec pushed it above
  :data:`ENCODED_PEAK_DBTP`.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from scenes.kit.voice import decode_mono

__all__ = ["PEAK_DBTP", "RATE", "TARGET_LUFS", "loudness", "mix", "mux", "normalise", "true_peak_db"]

RATE = 48000  # Opus works at 48 kHz; AAC takes it too
TARGET_LUFS = -16.0
#: The true peak after encoding, at most (what streaming loudness guides ask for).
ENCODED_PEAK_DBTP = -1.2
PEAK_DBTP = -2.0  # the track before encoding: room for the codecs (checked after, see mux)
_CODECS = {"mp4": ("aac", {"b": "128k"}), "webm": ("libopus", {"b": "64k"})}  # below 128k, FFmpeg's AAC overshoots speech peaks by 2 dB


def mix(cues: Iterable, duration: float, rate: int = RATE) -> np.ndarray:
    """A mono float32 track of ``duration`` seconds with each cue's utterance at its start.

    A cue is anything with ``start`` (s) and ``utterance.path``. Speech that would run past
    the end of the video is cut there.
    """
    track = np.zeros(max(int(round(duration * rate)), 0), np.float32)
    for cue in cues:
        samples, _ = decode_mono(Path(cue.utterance.path), rate)
        at = int(round(cue.start * rate))
        if at >= track.size:
            continue
        piece = samples[: track.size - at]
        track[at : at + piece.size] += piece
    return track


def loudness(track: np.ndarray, rate: int = RATE) -> float:
    """Integrated loudness in LUFS (-inf for silence). A 48 kHz track is measured at 24 kHz
    (speech has next to nothing above 12 kHz; the meter takes half the time)."""
    import pyloudnorm
    from scipy.signal import resample_poly

    if rate == 48000 and track.size:
        track, rate = resample_poly(track.astype(np.float64), 1, 2), 24000
    if track.size < rate // 2:  # the meter needs at least one 400 ms block
        track = np.pad(track, (0, rate // 2 - track.size))
    return float(pyloudnorm.Meter(rate).integrated_loudness(track.astype(np.float64)))


def true_peak_db(track: np.ndarray, rate: int = RATE) -> float:
    """The true peak in dBTP: the largest sample of the track oversampled to at least 192 kHz
    (ITU-R BS.1770's 4 times 48 kHz)."""
    if not track.size:
        return -np.inf
    peak = float(np.max(_oversampled_peaks(track, rate)))
    return 20 * np.log10(peak) if peak > 0 else -np.inf


def normalise(track: np.ndarray, rate: int = RATE, target: float = TARGET_LUFS, peak: float = PEAK_DBTP) -> np.ndarray:
    """``track`` at ``target`` LUFS with its true peak at most ``peak`` dBTP: a gain, and a
    look-ahead limiter (:func:`limit`) on the few peaks that gain would push above ``peak``."""
    level = loudness(track, rate)
    if not np.isfinite(level):
        return track
    gain_db, previous = target - level, None
    for _ in range(4):  # the limiter takes some loudness away: find the gain that gives it back
        out = limit((track * 10 ** (gain_db / 20)).astype(np.float32), rate, peak)
        reached = loudness(out, rate)
        if abs(target - reached) < 0.1:
            break
        slope = 1.0  # loudness gained per dB of gain (less than 1 where the limiter works)
        if previous is not None and gain_db != previous[0]:
            slope = min(max((reached - previous[1]) / (gain_db - previous[0]), 0.1), 1.0)
        previous = (gain_db, reached)
        gain_db += (target - reached) / slope
    over = true_peak_db(out, rate) - peak
    if over > 0:  # between the oversampled points: a last, tiny, plain gain
        out = (out * 10 ** (-(over + 0.05) / 20)).astype(np.float32)
    return out


def limit(track: np.ndarray, rate: int = RATE, ceiling_db: float = PEAK_DBTP, window: float = 0.02) -> np.ndarray:
    """``track`` with every (4x oversampled) peak above ``ceiling_db`` turned down, smoothly.

    The gain each sample needs is spread over ``window`` seconds on both sides (a minimum
    filter: the limiter looks ahead) and then smoothed by a moving average half as wide, which
    stays below the gain needed everywhere; quieter passages are untouched.
    """
    from scipy.ndimage import minimum_filter1d, uniform_filter1d

    if not track.size:
        return track
    ceiling = 10 ** (ceiling_db / 20)
    envelope = _oversampled_peaks(track, rate)
    if envelope.max() <= ceiling:
        return track
    width = max(int(window * rate), 1)
    gain = minimum_filter1d(np.minimum(1.0, ceiling / np.maximum(envelope, 1e-12)), size=2 * width + 1)
    gain = uniform_filter1d(gain, size=width)
    return (track * gain).astype(np.float32)


def _oversampled_peaks(track: np.ndarray, rate: int) -> np.ndarray:
    """Per sample, the largest magnitude between it and the next, oversampled to >= 192 kHz."""
    from scipy.signal import resample_poly

    factor = max(2, -(-192000 // rate))
    over = np.abs(resample_poly(track.astype(np.float32), factor, 1))
    over = np.pad(over[: track.size * factor], (0, max(track.size * factor - over.size, 0)))
    return np.maximum(over.reshape(-1, factor).max(axis=1), np.abs(track))


def mux(video: Path, track: np.ndarray, target: Path, rate: int = RATE, ceiling: float = ENCODED_PEAK_DBTP) -> None:
    """Write ``target`` (mp4, faststart, with AAC; or webm, with Opus): the video packets of
    ``video`` copied and ``track`` encoded, interleaved in time order.

    The encoded sound is decoded again and its true peak measured: a codec can overshoot the
    track's peak by a decibel or two, so if it is above ``ceiling`` the track is turned down by
    the excess and encoded again (at most twice)."""
    from scenes.kit.voice import decode_mono

    for _ in range(3):
        _mux_once(video, track, target, rate)
        if not track.any():
            return
        samples, got = decode_mono(target, rate)
        over = true_peak_db(samples, got) - ceiling
        if over <= 0:
            return
        track = (track * 10 ** (-(over + 0.1) / 20)).astype(np.float32)


def _mux_once(video: Path, track: np.ndarray, target: Path, rate: int) -> None:
    kind = "mp4" if target.suffix == ".mp4" else "webm"
    codec, options = _CODECS[kind]
    container_options = {"movflags": "+faststart"} if kind == "mp4" else {}
    packets = []
    with av.open(str(target), "w", format=kind, options=container_options) as out:
        audio = out.add_stream(codec, rate=rate, layout="mono", options=options)
        audio.time_base = Fraction(1, rate)
        with av.open(str(video)) as inp:
            stream_in = inp.streams.video[0]
            stream_out = out.add_stream_from_template(stream_in)
            for packet in _encode(audio, track, rate):
                packets.append((float(packet.pts * packet.time_base), 1, packet))
            for packet in inp.demux(stream_in):
                if packet.dts is None:
                    continue
                packet.stream = stream_out
                packets.append((float(packet.dts * packet.time_base), 0, packet))
            packets.sort(key=lambda item: (item[0], item[1]))
            for _, _, packet in packets:
                out.mux(packet)


def _encode(stream, track: np.ndarray, rate: int):
    """The encoded packets of ``track``, in frames of the codec's size (mono: one plane, so
    ``flt`` and ``fltp`` hold the same array)."""
    size = stream.codec_context.frame_size or 1024
    form = "fltp" if stream.codec_context.codec.name == "aac" else "flt"
    for begin in range(0, track.size, size):
        chunk = np.ascontiguousarray(track[begin : begin + size], dtype=np.float32)
        frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format=form, layout="mono")
        frame.sample_rate, frame.pts, frame.time_base = rate, begin, Fraction(1, rate)
        yield from stream.encode(frame)
    yield from stream.encode(None)
