"""`lessons storyboard`: a contact sheet of every beat of a scene."""


def test_lessons_storyboard_writes_a_contact_sheet(tmp_path, capsys):
    from PIL import Image

    from course.cli import main
    from scenes.kit.storyboard import is_contact_sheet

    out = tmp_path / "sheet.png"
    # -o as python -m scenes.storyboard spells it (--out works too)
    assert main(["storyboard", "TangentSlope", "-o", str(out), "--set", "function=x**2", "--set", "x_range=[-2.0, 2.0]"]) == 0
    printed = capsys.readouterr().out
    assert "0 problems" in printed
    with Image.open(out) as sheet:
        assert sheet.width >= 480 and sheet.height >= 270
    assert is_contact_sheet(out)  # marked: a later run may write over it, and over nothing else
    assert [p.name for p in tmp_path.iterdir()] == ["sheet.png"]  # no temporary file left
