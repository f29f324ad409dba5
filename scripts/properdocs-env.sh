#!/bin/sh
# Create .venv-properdocs: properdocs (the maintained MkDocs 1.x fork) plus this package,
# so tests/plugin/test_properdocs.py can build a site with it. Idempotent: an existing
# environment that finished setting up is left as it is.
#
# The package is installed with --no-deps on purpose: its `mkdocs` dependency would make
# the test pass against MkDocs itself; properdocs provides every `mkdocs.*` import.
set -eu

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
VENV="$ROOT/.venv-properdocs"
PYTHON=${PYTHON:-python3}

READY="$VENV/.archdesign-ready"

# The package's metadata (its entry points) changes with pyproject.toml, the environment
# with this script: set up again when either changed.
STAMP=$(cat "$ROOT/pyproject.toml" "$0" | sha256sum | cut -c1-16)
if [ -f "$READY" ] && [ "$(cat "$READY")" = "$STAMP" ]; then
    echo "properdocs-env: $VENV already exists"
    exit 0
fi

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
# properdocs ships no theme; the tests build with the classic `mkdocs` theme (the docs
# site too, with `-t mkdocs`; its mermaid fence needs pymdown-extensions).
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    properdocs properdocs-theme-mkdocs "pymdown-extensions>=10"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e "$ROOT"
"$VENV/bin/properdocs" --version
echo "$STAMP" > "$READY"
