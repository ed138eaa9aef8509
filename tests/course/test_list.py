"""``lessons list``: every scene with each setting's value, meaning and limits."""

from __future__ import annotations

import re

from course.cli import main
from scenes.catalog import LESSON


def test_list_shows_every_lesson_with_the_limits_of_each_setting(capsys):
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    for entry in LESSON:
        assert f"  {entry.scene}  ({entry.path})" in out
    settings = [line for line in out.splitlines() if re.match(r"^ {6}\w+ = ", line)]
    assert settings and all(line.rstrip().endswith(")") and " # " in line for line in settings), settings[:3]
    scientific = re.compile(r"\d[eE][+-]?\d")
    assert not [line for line in settings if scientific.search(line)], "a value or limit written as 1e-08 or 1e+06"
    assert re.search(r"tolerance = 0\.00000001  # .*\(number, >= 0\.000000000000001 \(10\^-15\) and <= 1\)", out)
    assert "at least 0.000001 wide" in out
    # the settings of the learning lessons, with their limits
    assert re.search(r"learning_rate = [\d.]+  # .*\(number, >= 0\.000001 and <= 100\)", out)
    assert re.search(r"optimizers = \(\('sgd'.*each number >= 0\.000001 and <= 100, 1 to 5 items\)", out)
    assert re.search(r"data = \(\(.*\(list of lists of 2 numbers, .*2 to 200 items\)", out)
    assert re.search(r"title = .*\(text, at most 60 characters\)", out)
