from manim import Circle, Create
from scenes.kit.lesson import LessonScene
from scenes.kit.beats import NO_FACTS

class Smoke(LessonScene):
    title = "Smoke"
    def construct(self):
        self.play_title_card(hold=0.2, facts=NO_FACTS)
        self.caption("A circle appears.", facts=NO_FACTS)
        self.play(Create(Circle()))
        self.caption("That is all, with a rather long caption that should wrap onto a second line nicely.", facts=NO_FACTS)
        self.wait(0.5)

def test_lesson_scene_captions_become_subcaptions(render):
    r = render(Smoke)
    assert r.movie.exists(), r.movie
    print(r.subcaptions())
    # A caption longer than two lines of 42 characters is shown in two parts.
    assert r.subcaptions() == ["Smoke", "A circle appears.", "That is all, with a rather long caption", "that should wrap onto a second line nicely."]
