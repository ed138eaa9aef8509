"""The shared TeX and text caches hand every process whole files (scenes.kit.tex_cache).

The concurrency test starts several processes that typeset the same new formulas and texts
(unique to the run, so nothing is cached) at the same moment (a barrier), round after round.
``LESSONS_CACHE_ROUNDS=20`` runs 20 rounds (the acceptance run); the suite runs 2.
``LESSONS_CACHE_UNSAFE=1`` runs the workers with manim's own writers, to see the race.
"""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import uuid
from pathlib import Path

import pytest

from scenes.kit import tex_cache

WORKERS = 4
ROUNDS = int(os.environ.get("LESSONS_CACHE_ROUNDS", "2"))


def _formulas(token: str, round_: int) -> list[str]:
    number = int(token[:6], 16)
    return [rf"x^{{{number + round_}}} + \frac{{{round_}}}{{{number}}}", rf"\sqrt{{{number}}} - {round_}w"]


def _texts(token: str, round_: int) -> list[str]:
    return [f"cache {token} round {round_}"]


def _worker(cache: str, token: str, rounds: int, barrier, results, safe: bool) -> None:
    """Typeset the run's formulas and texts in step with the other workers; report per round."""
    from manim import MathTex, Text, tempconfig

    if safe:
        tex_cache.install()
    options = {"tex_dir": str(Path(cache) / "Tex"), "text_dir": str(Path(cache) / "texts"), "verbosity": "CRITICAL"}
    with tempconfig(options):
        for round_ in range(rounds):
            barrier.wait(timeout=120)
            try:
                sizes = [len(MathTex(f).submobjects[0]) for f in _formulas(token, round_)]
                sizes += [len(Text(t)) for t in _texts(token, round_)]
                results.put((round_, "ok", sizes))
            except Exception as error:  # noqa: BLE001 - report any failure to the parent
                import traceback

                where = [l for l in traceback.format_exc().splitlines() if l.startswith("  File")][-6:]
                results.put((round_, "failed", f"{type(error).__name__}: {error} {where}"))


def _run_workers(cache: Path, rounds: int, safe: bool = True) -> list[tuple[int, str, object]]:
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(WORKERS), context.Queue()
    token = uuid.uuid4().hex
    workers = [
        context.Process(target=_worker, args=(str(cache), token, rounds, barrier, results, safe)) for _ in range(WORKERS)
    ]
    for worker in workers:
        worker.start()
    got = [results.get(timeout=300) for _ in range(WORKERS * rounds)]
    for worker in workers:
        worker.join(timeout=60)
    assert all(worker.exitcode == 0 for worker in workers)
    return got


def _svg_complete(path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    return text.lstrip().startswith("<?xml") and text.rstrip().endswith("</svg>")


def test_processes_typesetting_the_same_new_formulas_at_once_all_get_whole_files(tmp_path):
    safe = os.environ.get("LESSONS_CACHE_UNSAFE") != "1"
    got = _run_workers(tmp_path, ROUNDS, safe=safe)
    failed = [entry for entry in got if entry[1] != "ok"]
    assert not failed, failed
    for round_ in range(ROUNDS):  # every process drew the same glyphs in every round
        assert len({tuple(sizes) for r, _, sizes in got if r == round_}) == 1
    svgs = sorted((tmp_path / "Tex").glob("*.svg")) + sorted((tmp_path / "texts").glob("*.svg"))
    assert len(svgs) == ROUNDS * (len(_formulas("0" * 6, 0)) + len(_texts("", 0)))
    assert all(_svg_complete(path) for path in svgs)
    assert not list((tmp_path / "Tex").glob(".*")), "no staging file is left behind"
    assert not [p for p in (tmp_path / "Tex.work").iterdir()], "no private folder is left behind"


def test_a_cached_formula_is_read_not_typeset_again(tmp_path, monkeypatch):
    from manim import MathTex, Text, tempconfig

    tex_cache.install()
    formula, words = rf"y = {uuid.uuid4().int % 10**9}", f"words {uuid.uuid4().hex[:8]}"
    with tempconfig({"tex_dir": str(tmp_path / "Tex"), "text_dir": str(tmp_path / "texts")}):
        first, first_text = MathTex(formula), Text(words)

        def no_latex(*args, **kwargs):
            raise AssertionError("LaTeX ran for a cached formula")

        monkeypatch.setattr(subprocess, "run", no_latex)
        again, again_text = MathTex(formula), Text(words)
    assert len(again.submobjects[0]) == len(first.submobjects[0])
    assert len(again_text) == len(first_text)
    assert [p.suffix for p in (tmp_path / "Tex").iterdir()] == [".svg"]  # no .tex/.dvi/.log in the shared folder


def test_a_broken_formula_raises_manims_error_and_publishes_nothing(tmp_path):
    from manim import MathTex, tempconfig

    tex_cache.install()
    with tempconfig({"tex_dir": str(tmp_path / "Tex"), "verbosity": "CRITICAL"}):
        with pytest.raises(ValueError, match="latex error converting to dvi"):
            MathTex(r"\nosuchcommand" + uuid.uuid4().hex[:6])
    assert not list((tmp_path / "Tex").glob("*.svg"))
    assert [p.suffix for p in next((tmp_path / "Tex.work").iterdir()).iterdir() if p.suffix == ".log"] == [".log"]  # kept for the message


def test_publish_replaces_in_one_step_and_leaves_no_staging_file(tmp_path):
    made, final = tmp_path / "made.svg", tmp_path / "cache" / "entry.svg"
    made.write_text("<svg>new</svg>", encoding="utf-8")
    final.parent.mkdir()
    final.write_text("<svg>old</svg>", encoding="utf-8")
    tex_cache.publish(made, final)
    assert final.read_text(encoding="utf-8") == "<svg>new</svg>"
    assert [p.name for p in final.parent.iterdir()] == ["entry.svg"]


def test_the_kit_installs_the_safe_writers():
    import manim.mobject.text.tex_mobject as tex_mobject
    from manim import Text

    import scenes.kit.lesson  # noqa: F401 - importing the kit installs them

    assert tex_cache.installed()
    assert tex_mobject.tex_to_svg_file is tex_cache.typeset_svg
    assert hasattr(Text._text2svg, "__wrapped__")


def test_shared_dirs_follow_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("LESSONS_CACHE_DIR", str(tmp_path / "c"))
    dirs = tex_cache.shared_dirs()
    assert dirs == {"tex_dir": str(tmp_path / "c" / "Tex"), "text_dir": str(tmp_path / "c" / "texts")}
    assert all(Path(d).is_dir() for d in dirs.values())
