"""The zones of the frame and the collision check."""

from manim import DOWN, Scene, Square, Text

from scenes.kit.caption_band import make_caption_group
from scenes.kit.layout import ZONES, Box, layout_problems


class Holder(Scene):
    def construct(self):
        pass


def _scene(*mobjects):
    scene = Holder()
    scene.add(*mobjects)
    return scene


def test_zones_tile_the_frame_without_overlap():
    z = ZONES
    for zone in (z.title, z.stage, z.side, z.caption):
        assert zone.inside(z.frame)
    assert not z.title.overlaps(z.stage) and not z.stage.overlaps(z.caption) and not z.title.overlaps(z.caption)
    assert z.plot.right < z.side.left


def test_a_caption_on_its_plate_sits_in_the_caption_band():
    caption = make_caption_group("A caption that is long enough to need two lines on the screen here.")
    assert layout_problems(_scene(caption), caption=caption) == []
    assert caption.words.height > 1.5 * make_caption_group("One line.").words.height  # two lines


def test_overlapping_texts_are_found():
    a = Text("first label").move_to([0, 1, 0])
    b = Text("second label").move_to([0.3, 1.05, 0])
    problems = layout_problems(_scene(a, b))
    assert any("overlaps" in p for p in problems), problems


def test_text_leaving_the_frame_is_found():
    t = Text("over the edge").move_to([7.5, 0, 0])
    assert any("leaves the frame" in p for p in layout_problems(_scene(t)))


def test_a_plot_running_into_the_caption_band_is_found():
    square = Square(2).to_edge(DOWN, buff=0.1)
    caption = make_caption_group("A caption.")
    problems = layout_problems(_scene(square, caption), caption=caption)
    assert any("enters the caption band" in p for p in problems), problems


def test_box_geometry():
    a, b = Box(0, 1, 0, 1), Box(0.5, 2, 0.5, 2)
    assert a.overlaps(b) and not a.overlaps(Box(1.0, 2, 0, 1))
    assert Box(0.2, 0.8, 0.2, 0.8).inside(a)
