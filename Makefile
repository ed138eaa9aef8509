# Two commands do everything on a fresh Debian machine (see README.md):
#   make video   install what is missing, then render every lesson video into media/
#   make test    install what is missing, then run the whole test suite
QUALITY ?= h
PYTEST_ARGS ?=

.PHONY: video test bench setup clean

setup:
	@bash scripts/setup.sh

video: setup
	.venv/bin/python scripts/render_lessons.py --quality $(QUALITY)

test: setup
	.venv/bin/python -m pytest -n 2 $(PYTEST_ARGS)

bench: setup
	.venv/bin/python benchmarks/bench_mathcore.py

clean:
	rm -rf media/videos media/images media/texts media/Tex tests/media .pytest_cache
