#!/bin/sh
# Create .venv-zensical: Zensical (the successor of Material for MkDocs) plus this package,
# so tests/zensical/ can build sites with the `mkdocs_archdesign.extension` Markdown
# extension. Idempotent: an environment that finished setting up is left as it is; a
# changed pin (ZENSICAL_SPEC) rebuilds it.
#
# Zensical runs no MkDocs plugin, so the package is installed with --no-deps: MkDocs and
# Material would only hide an accidental import of them from the extension. Its own
# non-MkDocs dependencies (PyYAML, Jinja2, MarkupSafe, click) are listed explicitly.
#
# 0.1.x needs a zensical-ui release the registry here does not serve; 0.0.73 installs
# and is what the tests were written against.
set -eu

ROOT=$(CDPATH= cd -- "$(dirname -- "$0")/.." && pwd)
VENV="$ROOT/.venv-zensical"
PYTHON=${PYTHON:-python3}
ZENSICAL_SPEC=${ZENSICAL_SPEC:-"zensical>=0.0.73,<0.0.74"}

READY="$VENV/.archdesign-ready"

# The package's metadata changes with pyproject.toml, the environment with the pin.
STAMP="$ZENSICAL_SPEC $(cat "$ROOT/pyproject.toml" "$0" | sha256sum | cut -c1-16)"
if [ -f "$READY" ] && [ "$(cat "$READY")" = "$STAMP" ]; then
    echo "zensical-env: $VENV already exists"
    exit 0
fi

[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check \
    "$ZENSICAL_SPEC" "pyyaml>=6.0" "jinja2>=3.1" "markupsafe>=2.1" "click>=8.1"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps -e "$ROOT"
"$VENV/bin/zensical" --version
echo "$STAMP" > "$READY"
