# Two commands do everything on a fresh Debian machine (see README.md):
#   make video   install what is missing, then build the lesson course into media/course/
#   make test    install what is missing (with the browser the gallery test uses), then run all tests
QUALITY ?= high
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
PYTEST_ARGS ?=

.PHONY: video test bench fuzz setup clean

setup:
	@bash scripts/setup.sh

video: setup
	.venv/bin/lessons build --quality $(QUALITY) --jobs $(JOBS)

test:
	@bash scripts/setup.sh --browser
	.venv/bin/python -m pytest -n 2 --dist loadfile $(PYTEST_ARGS)

fuzz: setup
	.venv/bin/python -m tests.fuzz.run --count $(or $(COUNT),200) --jobs $(JOBS)

bench: setup
	.venv/bin/python benchmarks/bench_mathcore.py
	.venv/bin/python benchmarks/bench_scenes.py --2d
	.venv/bin/python benchmarks/bench_dry_run.py
	.venv/bin/python benchmarks/bench_surfaces.py
	.venv/bin/python benchmarks/bench_course.py

clean:
	rm -rf media/videos media/images media/texts media/Tex tests/media .pytest_cache
