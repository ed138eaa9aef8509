#!/usr/bin/env bash
# Install everything the project needs, skipping whatever is already there.
#
#   bash scripts/setup.sh            system packages (apt-get), .venv, the project (editable, dev and voice extras)
#   bash scripts/setup.sh --browser  also Debian's chromium (for the browser tests) and scorm-again
#                                    (the SCORM runtime the SCORM test's LMS page uses) into .cache/npm
#
# Without apt-get (or without root), it prints the packages to install and stops.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON="${PYTHON:-python3}"
packages=(
  libcairo2-dev libpango1.0-dev pkg-config        # manimpango builds from source
  texlive-latex-extra texlive-fonts-recommended    # MathTex (standalone.cls, fonts)
  dvisvgm                                          # LaTeX -> SVG for manim
  espeak-ng                                        # narration: the espeak-ng voices (other languages)
)
if [[ " $* " == *" --browser "* ]]; then
  packages+=(chromium)
  command -v npm >/dev/null 2>&1 || packages+=(npm)  # fetches scorm-again for the SCORM test
fi

command -v gcc >/dev/null 2>&1 || packages+=(build-essential)
if ! "$PYTHON" -c 'import sysconfig, os, sys; sys.exit(not os.path.exists(os.path.join(sysconfig.get_paths()["include"], "Python.h")))' 2>/dev/null; then
  packages+=(python3-dev)
fi
"$PYTHON" -c 'import ensurepip, venv' 2>/dev/null || packages+=(python3-venv)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  if command -v apt-get >/dev/null 2>&1 && [[ "$(id -u)" == 0 ]]; then
    echo "setup: installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1; then
    echo "setup: installing system packages with sudo: ${missing[*]}"
    sudo DEBIAN_FRONTEND=noninteractive apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: please install these system packages first, then run this again:" >&2
    echo "    ${missing[*]}" >&2
    exit 1
  fi
fi

if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv with $("$PYTHON" --version)"
  "$PYTHON" -m venv .venv
fi

# Reinstall only when the project's dependencies changed.
stamp=".venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)"
if [[ ! -f "$stamp" ]]; then
  echo "setup: installing the project and its dependencies into .venv (manimpango compiles: a few minutes)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[dev,voice]'
  rm -f .venv/.installed-*
  touch "$stamp"
fi

# The SCORM test's LMS side: scorm-again's Scorm12API from the npm registry, pinned, into the
# project's .cache/npm (ignored by git). Reinstalled only when the pinned version changes.
SCORM_AGAIN_VERSION=3.4.3
if [[ " $* " == *" --browser "* ]]; then
  installed="$(node -p "require('./.cache/npm/node_modules/scorm-again/package.json').version" 2>/dev/null || true)"
  if [[ "$installed" != "$SCORM_AGAIN_VERSION" ]]; then
    echo "setup: installing scorm-again $SCORM_AGAIN_VERSION into .cache/npm (for the SCORM test)"
    npm install --prefix .cache/npm --no-save --no-audit --no-fund --loglevel=error "scorm-again@$SCORM_AGAIN_VERSION" >/dev/null
  fi
fi
