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
    assert "mkdocs_archdesign.core.document.scanner" in report["modules"]
    assert "mkdocs_archdesign.core.validation.validator" in report["modules"]


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


#: The core's layers, lowest first: a module may import from its own layer and those before
#: it, never from a later one. Top-level modules of ``core`` (model, escape, files, graphs,
#: textedit) are the shared base.
LAYERS = (
    "",
    "config",
    "document",
    "rules",
    "validation",
    "fix",
    "output",
    "catalog",
    "review",
    "scaffold",
)


def _layer_of(module: str) -> int:
    parts = module.split(".")
    assert parts[:2] == ["mkdocs_archdesign", "core"], module
    if len(parts) == 2 or parts[2] not in LAYERS:  # core.model, core.escape: the shared base
        return 0
    return LAYERS.index(parts[2])


def _core_imports(path: Path) -> set[str]:
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "mkdocs_archdesign.core":
                found.update(f"mkdocs_archdesign.core.{alias.name}" for alias in node.names)
            elif node.module.startswith("mkdocs_archdesign.core."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("mkdocs_archdesign.core."))
    return found


def test_core_packages_import_one_way() -> None:
    core = PACKAGE / "core"
    packages = {p.name for p in core.iterdir() if (p / "__init__.py").is_file()}
    assert packages == set(LAYERS[1:]), "a new core package needs its place in LAYERS"
    offenders = []
    for path in core.rglob("*.py"):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(relative.parts).removesuffix(".__init__")
        own = _layer_of(module)
        for imported in _core_imports(path):
            if _layer_of(imported) > own:
                offenders.append(f"{module} imports {imported}")
    assert sorted(offenders) == []
