"""The layering the project promises: an MkDocs-free core and two thin adapters over it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import mkdocs_archdesign

PACKAGE = Path(mkdocs_archdesign.__file__).resolve().parent

# Runs in a fresh interpreter: the test process itself has imported mkdocs long ago.
_IMPORT_CORE = """
import importlib, json, pkgutil, sys
import mkdocs_archdesign.core as core
names = [core.__name__]
for info in pkgutil.walk_packages(core.__path__, core.__name__ + "."):
    importlib.import_module(info.name)
    names.append(info.name)
leaked = sorted(m for m in sys.modules if m == "mkdocs" or m.startswith("mkdocs."))
print(json.dumps({"modules": names, "leaked": leaked}))
"""


def test_core_imports_nothing_from_mkdocs() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_CORE], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["leaked"] == []
    # The walk really imported the core, not just its __init__.
    assert "mkdocs_archdesign.core.scanner" in report["modules"]
    assert "mkdocs_archdesign.core.validator" in report["modules"]


def test_core_sources_never_mention_an_mkdocs_import() -> None:
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "core").rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.lstrip().startswith(("import mkdocs", "from mkdocs "))
        or line.lstrip().startswith("from mkdocs.")
    ]
    assert offenders == []


def test_package_layout_is_core_and_two_adapters() -> None:
    for folder in ("core", "cli", "plugin"):
        assert (PACKAGE / folder / "__init__.py").is_file(), folder
    assert (PACKAGE / "py.typed").is_file()
    assert (PACKAGE / "templates" / "design.md.j2").is_file()


def test_the_plugin_is_registered_as_an_mkdocs_entry_point() -> None:
    from importlib.metadata import entry_points

    plugins = {ep.name: ep.value for ep in entry_points(group="mkdocs.plugins")}
    assert plugins.get("archdesign") == "mkdocs_archdesign.plugin:ArchDesignPlugin"
