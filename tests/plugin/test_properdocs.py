"""The plugin under properdocs, the maintained MkDocs 1.x fork, in its own environment.

``scripts/properdocs-env.sh`` creates ``.venv-properdocs`` (properdocs plus this package,
without MkDocs); the Makefile's test target runs it before pytest.
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

import pytest
from plugin_helpers import REPO_ROOT, write_complete

PROPERDOCS = REPO_ROOT / ".venv-properdocs" / "bin" / "properdocs"

pytestmark = pytest.mark.skipif(
    not PROPERDOCS.is_file(),
    reason="no .venv-properdocs: run scripts/properdocs-env.sh to create it",
)


def test_properdocs_builds_a_design_site_with_badges(make_site):
    site = make_site(plugins=[{"archdesign": {"handoff_graph": True}}])
    write_complete(site)
    config_file: Path = site.save_config()
    result = subprocess.run(
        [str(PROPERDOCS), "build", "-f", str(config_file)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "4 design(s) checked: 0 error(s), 0 warning(s)" in result.stderr
    html = site.html("design/order-service-design/index.html")
    assert "archdesign-badge archdesign-status--approved" in html
    assert 'class="archdesign-handoff"' in html  # the workflow stepper
    assert (site.site_dir / "assets/archdesign/archdesign.css").is_file()


def test_properdocs_fails_the_build_on_errors(make_site):
    site = make_site()
    site.write("design/half-design.md", "---\nstatus: Pending Review\n---\n# Half\n")
    result = subprocess.run(
        [str(PROPERDOCS), "build", "-f", str(site.save_config())],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 1
    assert "at or above fail_on: error" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_plugin_is_declared_for_properdocs() -> None:
    # ProperDocs reads `properdocs.plugins` before `mkdocs.plugins`: declared, not borrowed.
    python = PROPERDOCS.parent / "python"
    code = (
        "from properdocs.plugins import get_plugins; "
        "from importlib.metadata import entry_points; "
        "print([e.value for e in entry_points(group='properdocs.plugins') "
        "if e.name == 'archdesign']); print(get_plugins()['archdesign'].group)"
    )
    result = subprocess.run(
        [str(python), "-c", code], capture_output=True, text=True, check=False, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == [
        "['mkdocs_archdesign.plugin:ArchDesignPlugin']",
        "properdocs.plugins",
    ]


def test_properdocs_builds_the_docs_site(tmp_path: Path, build_total_of_check: Any) -> None:
    # The project's own site, strict (mkdocs.yml says so), with the classic theme: the
    # Material theme is MkDocs'; the plugin, the extension entry and the catalog fence are ours.
    result = subprocess.run(
        [
            str(PROPERDOCS),
            "build",
            "-f",
            str(REPO_ROOT / "mkdocs.yml"),
            "-t",
            "mkdocs",
            # The classic theme draws no mermaid, and the plugin says so in a warning that
            # strict mode would turn into a failure; that warning is tested on its own.
            "--no-strict",
            "-d",
            str(tmp_path / "site"),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    # Six Level 1 designs and two Level 2 specs, counted as `check` counts them.
    total = build_total_of_check(REPO_ROOT)
    assert total.startswith("6 design(s), 2 Level 2 spec(s) checked: 0 error(s), 0 warning(s)")
    assert total in result.stderr
    order = (tmp_path / "site/design/examples/order-service-design/index.html").read_text("utf-8")
    assert "archdesign-badge archdesign-status--approved" in order
    assert "archdesign-next-step" in order
    catalog = (tmp_path / "site/design/index.html").read_text(encoding="utf-8")
    assert catalog.count("<tr data-status=") == 6
    assert "```archdesign-catalog" not in catalog
