"""``python -m scenes.storyboard FILE SCENE``: a mistake is one line on stderr and exit code 2,
before anything is drawn (no renders here: every case stops at its check)."""

from __future__ import annotations

import pytest

from scenes.kit import storyboard

PHOTO = b"\x89PNG\r\n\x1a\n" + b"\0" * 32  # a PNG someone else made (no storyboard mark)


@pytest.fixture(autouse=True)
def never_draw(monkeypatch):
    def contact_sheet(*args, **kwargs):
        raise AssertionError("a case reached drawing")

    def dry_run(scene_class, **settings):  # its first step, the scene's own checks, then stop
        storyboard.with_settings(scene_class, **settings).validate()
        raise AssertionError("a case passed the scene's checks")

    monkeypatch.setattr(storyboard, "contact_sheet", contact_sheet)
    monkeypatch.setattr(storyboard, "dry_run", dry_run)


CASES = [
    (["scenes/derivative.py", "TangentSlop", "--dry"], ["has no lesson scene 'TangentSlop'", "did you mean 'TangentSlope'?", "(it has: TangentSlope)"]),
    (["scenes/derivative.py", "sys"], ["has no lesson scene 'sys'"]),
    (["scenes/no_such_file.py", "X"], ["scenes/no_such_file.py: no such file"]),
    (["scenes.no_such_module", "X"], ["no module named 'scenes.no_such_module'"]),
    (["{tmp}/broken.py", "X"], ["broken.py: line 1:", "never closed"]),
    (["{tmp}/raises.py", "X"], ["raises.py failed to load: ZeroDivisionError"]),
    (["scenes/derivative.py", "TangentSlope", "--set", "fucntion=x"], ["--set 'fucntion'", "did you mean 'function'?"]),
    (["scenes/derivative.py", "TangentSlope", "--set", "x0=1", "--set", "x0=2"], ["given twice"]),
    (["scenes/derivative.py", "TangentSlope", "--set", "x0"], ["expected key=value"]),
    (["scenes/derivative.py", "TangentSlope", "--dry", "--set", "x_range=" + "[" * 3000 + "]" * 3000], ["TangentSlope.x_range = '[[[[", "expected a list"]),
    (["scenes/derivative.py", "TangentSlope", "--dry", "--set", "title=a\nb"], ["TangentSlope.title", "U+000A"]),
    (["scenes/derivative.py", "TangentSlope", "-o", "{tmp}/sheet.jpg"], ["a contact sheet is a PNG"]),
    (["scenes/derivative.py", "TangentSlope", "--out", "{tmp}/photo.png"], ["photo.png is not a contact sheet lessons made"]),
    (["scenes/derivative.py", "TangentSlope", "--out", ""], ["--out: an empty path"]),
    (["scenes/derivative.py"], ["the following arguments are required: scene", "storyboard --help"]),
    (["scenes/derivative.py", "TangentSlope", "--bogus"], ["unrecognized arguments: --bogus"]),
]


@pytest.mark.parametrize("argv, words", CASES, ids=[f"case-{n}" for n in range(len(CASES))])
def test_a_mistake_is_one_line_and_exit_2(capsys, tmp_path, argv, words):
    (tmp_path / "broken.py").write_text("x = (\n")
    (tmp_path / "raises.py").write_text("1 / 0\n")
    (tmp_path / "photo.png").write_bytes(PHOTO)
    code = storyboard.main([arg.replace("{tmp}", str(tmp_path)) for arg in argv])
    err = capsys.readouterr().err
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("storyboard: error: ") and "Traceback" not in err, err
    for word in words:
        assert word in lines[0], lines[0]
    assert (tmp_path / "photo.png").read_bytes() == PHOTO
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.py", "photo.png", "raises.py"]
