"""Tests of the optimizer race (scenes/optimizers.py, scenes/lessons/optimizer_race/).

Facts and captions are checked without manim over several surfaces (the default plateau,
Rosenbrock's curved valley, Booth's bowl, a rate that diverges, racers that coincide): who
arrives first is read off the exact paths and checked point by point against a pixel of
the picture; every caption's claims hold for its facts; the phrases refuse claims their
facts do not make. The setting ``optimizers`` is refused in one line for each kind of bad
value, and a course file sets it from TOML. One dry run checks beats, pace, layout and the
picture; one small render checks what is drawn against mathcore's walks.
"""

from __future__ import annotations

import numpy as np
import pytest

from mathcore import ScalarField, descend, make_optimizer
from mathcore.numeric import CREEP_SHARE, PIXEL_SHARE, typical_slope
from scenes.kit import style
from scenes.kit.claims import claim_problems
from scenes.kit.phrases import ClaimError
from scenes.kit.settings import SettingError
from scenes.lessons.common.hill import fitted_value_range
from scenes.lessons.optimizer_race import captions as say
from scenes.lessons.optimizer_race.cast import RACER_COLORS
from scenes.lessons.optimizer_race.facts import RacerFacts, arrival_step, display_names, race_facts, racer_facts
from scenes.lessons.rolling.digits import Digits, value_decimals
from scenes.optimizers import OptimizerRace

DEFAULT = (OptimizerRace.function, OptimizerRace.start, OptimizerRace.optimizers, (-3.0, 3.0), (-3.0, 3.0), 300)
ROSENBROCK = ("(1 - n)**2 + 5*(e - n**2)**2", (-1.5, 2.0), (("sgd", 0.02), ("momentum", 0.02), ("adam", 0.1)), (-2.0, 2.0), (-1.0, 3.0), 300)
BOOTH = ("(n + 2*e - 7)**2 + (2*n + e - 5)**2", (-4.0, -4.0), (("sgd", 0.02), ("nesterov", 0.02), ("adam", 0.5)), (-5.0, 5.0), (-5.0, 5.0), 300)
VALLEY = "0.1*n**2 + 2*e**2"
DIVERGING = (VALLEY, (2.5, 2.0), (("sgd", 0.6), ("momentum", 0.45), ("adam", 0.1)), (-3.0, 3.0), (-3.0, 3.0), 300)
TWINS = (VALLEY, (2.5, 2.0), (("rmsprop", 0.1), ("rmsprop", 0.1)), (-3.0, 3.0), (-3.0, 3.0), 200)


def _race(case):
    """The race's walks and facts, as the scene makes them, without manim (the view is the
    one given: these cases stay inside it or leave it for good)."""
    function, start, optimizers, n_range, e_range, steps = case
    field = ScalarField(function, ("n", "e"))
    paths = [descend(field, start, make_optimizer(key, rate), max_steps=steps) for key, rate in optimizers]
    heights = fitted_value_range(field, n_range, e_range)[:2]
    names = display_names(optimizers)
    racers = []
    for name, (key, _), path in zip(names, optimizers, paths):
        inside = [i for i, p in enumerate(path.points) if n_range[0] <= p[0] <= n_range[1] and e_range[0] <= p[1] <= e_range[1]]
        shown = next((i - 1 for i in range(len(path.points)) if i not in inside), path.steps)
        racers.append(racer_facts(name, key, path, field, n_range, e_range, heights, max(shown, 0)))
    span = max(n_range[1] - n_range[0], e_range[1] - e_range[0])
    digits = Digits(2, value_decimals(heights[1] - heights[0]))
    return field, paths, race_facts(racers, paths, span), digits, span


def _all_lines(race, digits):
    lines = [*say.start_lines(race, digits), say.roll_line(race)]
    for racer in race.racers:
        lines += say.race_lines(racer, digits)
    return [line for line in lines + say.summary_lines(race, digits) if line is not None]


def _no_false_claims(lines):
    for line in lines:
        assert not claim_problems(line.text, line.facts), (line.text, claim_problems(line.text, line.facts))


# -- facts --------------------------------------------------------------------------------------
@pytest.mark.parametrize("case", [DEFAULT, ROSENBROCK, BOOTH, DIVERGING, TWINS], ids=["plateau", "rosenbrock", "booth", "diverging", "twins"])
def test_arrival_is_read_off_the_exact_path_within_a_pixel(case):
    field, paths, race, _, span = _race(case)
    pixel = PIXEL_SHARE * span
    for racer, path in zip(race.racers, paths):
        if racer.arrival is None:
            continue
        points = np.asarray(path.points)
        after = np.linalg.norm(points[racer.arrival:] - points[-1], axis=1)
        assert np.all(after <= pixel)
        if racer.arrival > 0:
            assert np.linalg.norm(points[racer.arrival - 1] - points[-1]) > pixel
        assert field.classify(tuple(points[-1]), tolerance=PIXEL_SHARE, scale=span) == "minimum"
    arrived = [r.arrival for r in race.racers if r.arrival is not None]
    assert [race.racers[i].arrival for i in race.first] == [min(arrived)] * len(race.first) if arrived else race.first == ()


def test_the_default_race_teaches_a_plateau():
    _, paths, race, digits, _ = _race(DEFAULT)
    sgd, heavy, adam = race.racers
    assert sgd.stalled and sgd.arrival is None and sgd.walk.status == "max_steps"
    assert heavy.overshoots and heavy.arrived and adam.arrived and adam.arrival < heavy.arrival
    assert race.first == (2,)
    summary = [line.text for line in say.summary_lines(race, digits)]
    assert summary[0] == f"Adam arrives first after {adam.arrival} steps. Then Momentum after {heavy.arrival}."
    assert summary[1].startswith("After 300 steps SGD stalls where the hill is almost flat: its slope is only ")
    assert any(text.startswith(f"Momentum overshoots: on {heavy.rises} of its") for text in summary)
    _no_false_claims(_all_lines(race, digits))


def test_a_stall_is_a_gentle_slope_far_from_any_minimum():
    field, paths, race, _, _ = _race(DEFAULT)
    sgd = race.racers[0]
    typical = typical_slope(field, (-3.0, 3.0), (-3.0, 3.0))
    assert sgd.walk.end_slope < CREEP_SHARE * typical
    with pytest.raises(ValueError):  # not a flat point: the walk is not resting anywhere
        field.classify(tuple(paths[0].points[-1]), tolerance=PIXEL_SHARE, scale=6.0)
    _, _, booth, _, _ = _race(BOOTH)
    assert not any(r.stalled for r in booth.racers if r.arrived)


@pytest.mark.parametrize("steps", [1, 30, 5000])  # MaxSteps' bounds and a short walk between
def test_a_stall_is_read_off_the_walk_and_names_its_steps(steps):
    """A racer stalls only where the walk shows it (a stride under a pixel, the slope a
    hundredth of the typical one, no flat point near); one that ran out of steps while still
    moving visibly has not arrived, and is told so, not called stalled."""
    for case in (DEFAULT, BOOTH):
        field, paths, race, digits, span = _race(case[:5] + (steps,))
        typical = typical_slope(field, case[3], case[4])
        for racer in race.racers:
            moving = racer.last_step >= PIXEL_SHARE * span
            gentle = racer.walk.end_slope < CREEP_SHARE * typical
            if racer.stalled:
                assert racer.walk.status == "max_steps" and not moving and gentle and not racer.arrived
            elif racer.walk.status == "max_steps" and not racer.arrived and racer.near is None:
                assert moving or not gentle
        texts = [line.text for line in _all_lines(race, digits)]
        for i in race.stalled:
            assert any(t.startswith(f"After {steps} step{'s' if steps > 1 else ''} {race.names[i]} stalls") for t in texts)
        _no_false_claims(_all_lines(race, digits))
    _, _, booth, digits, _ = _race(BOOTH[:5] + (30,))
    assert not booth.stalled and not booth.arrived  # a bowl walked for 30 steps: still moving, not stalled
    assert any(line.text.startswith("SGD used all 30 steps") for line in _all_lines(booth, digits))
    _, _, long_race, _, _ = _race(DEFAULT[:5] + (5000,))
    assert not long_race.stalled and len(long_race.arrived) == 3  # given the steps, the plateau's SGD gets down too


def test_rosenbrock_and_booth_arrivals_end_at_their_minima():
    for case, minimum in ((ROSENBROCK, (1.0, 1.0)), (BOOTH, (1.0, 3.0))):
        _, paths, race, digits, span = _race(case)
        assert race.arrived
        for i in race.arrived:
            assert np.linalg.norm(np.asarray(paths[i].points[-1]) - minimum) <= PIXEL_SHARE * span
        _no_false_claims(_all_lines(race, digits))
    _, _, race, _, _ = _race(ROSENBROCK)
    assert race.names[race.first[0]] == "Momentum" and race.racers[0].stalled  # SGD creeps along the floor


def test_a_diverging_rate_is_told_and_never_arrives():
    _, paths, race, digits, _ = _race(DIVERGING)
    sgd = race.racers[0]
    assert sgd.walk.status == "diverged" and not sgd.arrived and sgd.walk.left_picture
    texts = [line.text for line in _all_lines(race, digits)]
    assert "SGD diverged: its η = 0.6 is too large here." in texts
    assert not any(text.startswith("SGD overshoots") for text in texts)  # told as diverging, not as overshooting
    _no_false_claims(_all_lines(race, digits))


def test_racers_that_coincide_are_one_walk_and_arrive_together():
    _, paths, race, digits, _ = _race(TWINS)
    assert race.names == ("RMSProp (1)", "RMSProp (2)")
    assert race.groups == ((0, 1),) and race.first == (0, 1)
    texts = [line.text for line in say.summary_lines(race, digits)]
    assert texts[0].startswith("RMSProp (1) and RMSProp (2) arrive together after ")
    assert "RMSProp (1) and RMSProp (2) take the same walk: on the picture they are one." in texts
    _, _, apart, _, _ = _race(DEFAULT)
    assert apart.groups == ()


def test_a_racer_resting_by_a_saddle_is_told_so_and_neither_arrives_nor_stalls():
    case = ("n**2 - e**2 + 0.1*e**4", (1.5, 0.0), (("sgd", 0.1), ("adam", 0.1)), (-3.0, 3.0), (-3.0, 3.0), 300)
    _, _, race, digits, _ = _race(case)
    sgd, adam = race.racers
    assert sgd.walk.status == "converged" and sgd.walk.kind == "saddle" and adam.near == "saddle"
    assert not (adam.arrived or adam.stalled) and race.first == ()
    (line,) = say.race_lines(adam, digits)
    assert line.text == "Adam used all 300 steps; it ends within a pixel of a saddle, not a minimum."
    assert not claim_problems(line.text, line.facts)
    assert say.summary_lines(race, digits)[0].text == "SGD took 88 steps, Adam took 300."


def test_every_line_carries_its_spoken_form():
    from scenes.kit.spoken import spoken_problems

    for case in (DEFAULT, BOOTH, TWINS):
        _, _, race, digits, _ = _race(case)
        for line in _all_lines(race, digits):
            assert line.spoken is not None and not spoken_problems(line.text, line.spoken), line.text
    _, _, race, digits, _ = _race(TWINS)
    assert say.summary_lines(race, digits)[0].spoken.startswith("R M S prop, number one and R M S prop, number two arrive together")


def test_arrival_step_and_names():
    assert arrival_step(np.array([[0.0, 0.0]]), 0.1) == 0
    assert arrival_step(np.array([[2.0, 0.0], [0.05, 0.0], [0.3, 0.0], [0.0, 0.0]]), 0.1) == 3
    assert display_names((("momentum", 0.1), ("nesterov", 0.1))) == ("Momentum", "Nesterov")


def test_phrases_refuse_claims_their_facts_do_not_make():
    calm = RacerFacts(name="SGD")
    with pytest.raises(ClaimError):
        say.stalls(calm)
    with pytest.raises(ClaimError):
        say.overshoots(calm)
    with pytest.raises(ClaimError):
        say.arrives_first(None)
    _, _, race, digits, _ = _race(DEFAULT)
    with pytest.raises(ClaimError):
        say.take_one_walk(race, (0, 1))
    assert say.stalls(race.racers[0]) == "After 300 steps SGD stalls where the hill is almost flat"


def test_rule_lines_quote_mathcores_settings():
    rules = OptimizerRace.rules(type("R", (), {"optimizers": (("nesterov", 0.02), ("adam", 0.1)), "names": ("Nesterov", "Adam")})())
    texts = [say.rule_line(rule).text for rule in rules]
    assert texts[0] == "Nesterov is momentum (0.9) that reads the slope where it will land, η = 0.02."
    assert texts[1].endswith("η = 0.1.") and all(len(t) <= 84 for t in texts)


def test_racer_colours_read_and_keep_their_meaning():
    meanings = [style.FUNCTION, *style.STATUS_COLORS.values()]
    for colour in RACER_COLORS:
        assert style.contrast_ratio(colour, style.BACKGROUND) >= 4.5
        for other in meanings:
            assert np.linalg.norm(np.array(colour.to_rgb()) - np.array(other.to_rgb())) > 0.25, colour
    assert len({c.to_hex() for c in RACER_COLORS}) == 5


# -- settings -----------------------------------------------------------------------------------
@pytest.mark.parametrize("value, words", [
    ((("sgd", 0.1), ("adamw", 0.1)), "racer 2 'adamw': unknown optimizer 'adamw'; choose one of: sgd, momentum"),
    ((("sgd", 0.0),), "must be >= 0.000001 and <= 100"),
    ((("adam", 250.0),), "must be >= 0.000001 and <= 100"),
    ((), "needs 1 to 5 items, got 0"),
    (tuple(("sgd", 0.1) for _ in range(6)), "needs 1 to 5 items, got 6"),
    ((("sgd", True),), "expected a number"),
    ((("sgd", float("nan")),), "expected a finite number"),
    ((("sgd",),), "expected a list of 2 items"),
])
def test_bad_optimizers_are_refused_in_one_line(value, words):
    bad = type("Bad", (OptimizerRace,), {"optimizers": value})
    with pytest.raises(ValueError) as caught:
        bad.validate()
    message = str(caught.value)
    assert "\n" not in message and message.startswith("Bad.optimizers") and words in message


def test_the_setting_is_declared_with_its_bounds():
    annotation, value = OptimizerRace.parameters()["optimizers"]
    from scenes.kit.settings import check_value, setting_of

    setting = setting_of(annotation)
    assert (setting.low, setting.high, setting.items) == (1e-6, 100.0, (1, 5))
    assert "sgd, momentum, nesterov, adagrad, rmsprop, adam" in setting.doc
    check_value("OptimizerRace.optimizers", annotation, value)
    with pytest.raises(SettingError):
        check_value("OptimizerRace.optimizers", annotation, (("sgd", -1.0),))


def test_a_course_file_sets_the_optimizers(tmp_path, monkeypatch):
    import course.course_file as course_file

    class QuickCourseRace(OptimizerRace):
        pass

    monkeypatch.setattr(course_file, "scene_classes", lambda: {"OptimizerRace": QuickCourseRace})
    monkeypatch.setattr("scenes.kit.lesson.check_clip_bounds", lambda *args, **kwargs: None)  # the clip's length is not at stake here
    good = tmp_path / "good.toml"
    good.write_text('title = "T"\n[[clips]]\nid = "race"\ntitle = "Race"\nscene = "OptimizerRace"\n'
                    '[clips.params]\noptimizers = [["sgd", 0.2], ["adam", 1]]\n', encoding="utf-8")
    clip = course_file.load_course(good).clips[0]
    assert clip.params["optimizers"] == (("sgd", 0.2), ("adam", 1.0))
    for bad, words in (('[["sgd", 0]]', "must be >= 0.000001"), ('[["foo", 0.1]]', "unknown optimizer 'foo'"), ("[]", "needs 1 to 5")):
        path = tmp_path / "bad.toml"
        path.write_text(good.read_text(encoding="utf-8").replace('[["sgd", 0.2], ["adam", 1]]', bad), encoding="utf-8")
        with pytest.raises(course_file.CourseError) as caught:
            course_file.load_course(path)
        assert "'params.optimizers'" in str(caught.value) and words in str(caught.value) and "\n" not in str(caught.value)


# -- the scene ----------------------------------------------------------------------------------
class QuickRace(OptimizerRace):
    title = ""
    look_turn = 10.0
    step_time = 0.05
    roll_time = 2.0
    resolution = 12


def test_a_dry_run_is_true_paced_laid_out_and_shows_every_racer():
    from scenes.kit.storyboard import dry_run

    settings = dict(function=VALLEY, max_steps=200, optimizers=(("sgd", 0.6), ("momentum", 0.2), ("adam", 0.1), ("adam", 0.1)))
    board = dry_run(QuickRace, **settings)
    assert not board.problems(), board.problems()
    assert [name for name, _ in board.chapters()] == list(say.PARTS)
    texts = board.captions
    assert "SGD diverged: its η = 0.6 is too large here." in texts
    assert "Adam (1) and Adam (2) take the same walk: on the picture they are one." in texts
    assert any(t.startswith("Momentum overshoots") for t in texts)
    last = board.beats[-1].picture
    assert {"momentum", "adam (1)", "adam (2)", "map"} <= last.visible


@pytest.mark.render
def test_render_draws_each_racer_where_mathcore_walked(render):
    class RenderRace(QuickRace):
        optimizers = (("sgd", 0.2), ("adam", 0.1))
        max_steps = 150

    r = render(RenderRace)
    scene = r.scene
    field = ScalarField(OptimizerRace.function, ("n", "e"))
    for rider, (key, rate) in zip(scene.riders, RenderRace.optimizers):
        path = descend(field, OptimizerRace.start, make_optimizer(key, rate), max_steps=150)
        assert rider.path.steps == path.steps
        np.testing.assert_allclose(rider.place(), path.points[rider.shown], atol=1e-9)
    words = [" ".join(t.text for t in label) for label in scene.panel.labels]
    assert words == ["SGD: stalled", "Adam: arrived"]
    assert scene.panel.labels[1][1].color.to_hex() == style.status_color("converged").to_hex()
    subs = r.subcaptions()
    adam = scene.race.racers[1]
    assert f"Adam arrives first after {adam.arrival} steps. No other racer gets there." in subs


@pytest.mark.parametrize("scale", ["1e-6", "1e-3", "1e6"])
def test_a_scaled_hill_is_told_truly(scale):
    """The default plateau scaled: at 1e-6 every slope is below the tolerance (a flat
    start, not "the slope is zero"); at 1e-3 a stall's slope rounds to 0 (said, too)."""
    function, start, optimizers, n_range, e_range, steps = DEFAULT
    _, _, race, digits, _ = _race((f"{scale}*({function})", start, optimizers, n_range, e_range, steps))
    lines = _all_lines(race, digits)
    _no_false_claims(lines)
    from scenes.kit.spoken import spoken_problems

    assert all(line.spoken is not None and not spoken_problems(line.text, line.spoken) for line in lines)
    texts = [line.text for line in lines]
    if scale == "1e-6":
        assert all(r.walk.status == "flat_start" for r in race.racers)
        assert "SGD takes no step: the slope at the start is already below the tolerance." in texts
        assert not any("slope is zero" in t for t in texts)
    if scale == "1e-3":
        assert race.stalled and any(t.startswith("After 300 steps SGD stalls") for t in texts)


@pytest.mark.parametrize(("theme", "words"), [("dark", "SGD is yellow, Momentum pink and Adam white."),
                                              ("light", "SGD is olive, Momentum dark pink and Adam black.")])
def test_the_racers_colours_are_named_as_each_theme_draws_them(theme, words):
    from scenes.kit.theme import colour_word, use_theme

    _, _, race, digits, _ = _race(DEFAULT)
    try:
        use_theme(theme)
        colours = [colour_word(c) for c in RACER_COLORS[:3]]  # as the scene reads them
    finally:
        use_theme("dark")
    line = say.start_lines(race, digits, colours)[-1]
    assert line.text == words and line.spoken.startswith("S G D is ")
    _no_false_claims([line])
    five = _race((VALLEY, (2.5, 2.0), tuple((k, 0.1) for k in ("sgd", "momentum", "nesterov", "rmsprop", "adam")), (-3.0, 3.0), (-3.0, 3.0), 5))
    named = say.start_lines(five[2], five[3], ["a", "b", "c", "d", "e"])[-1].text
    assert named == "SGD is a, Momentum b, Nesterov c, RMSProp d and Adam e."


def test_step_counts_do_not_run_into_a_rate_at_the_end_of_a_name():
    """Fuzz seed 3013 (two RMSProp racers): "RMSProp 1.8 300" read, and was said, as one run
    of numbers; each count now follows "took"."""
    from types import SimpleNamespace as N

    racers = [N(name=name, walk=N(steps=steps)) for name, steps in (("RMSProp 0.6", 28), ("RMSProp 1.8", 300))]
    race = N(racers=racers, stalled=[], overshooting=[], groups=(), arrival_facts=lambda: None, of=lambda status: [])
    (line,) = say.summary_lines(race, None)
    assert line.text == "RMSProp 0.6 took 28 steps, RMSProp 1.8 took 300."
    assert line.spoken.endswith("one point eight took three hundred.")
