"""The project's own docs site builds strictly and shows its own design and the examples."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO_ROOT = Path(__file__).resolve().parent.parent
OWN_DESIGN = "design/mkdocs-archdesign-design/index.html"
EXAMPLES = {
    "order-service": "Approved",
    "payment-gateway": "Approved",  # handed off: its Level 2 spec is a draft
    "inventory-sync": "Changes Requested",
    "notification-hub": "Draft",
    "legacy-order-export": "Superseded",
}


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build of the real docs site, shared by the tests of this module."""
    site_dir = tmp_path_factory.mktemp("docs-site")
    config = load_config(str(REPO_ROOT / "mkdocs.yml"), strict=True, site_dir=str(site_dir))
    build(config)
    return site_dir


def test_the_site_builds_strict_with_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, build_total_of_check: Callable[[Path], str]
) -> None:
    caplog.set_level(logging.INFO, logger="mkdocs")
    config = load_config(str(REPO_ROOT / "mkdocs.yml"), strict=True, site_dir=str(tmp_path))
    build(config)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert warnings == []
    # The build's total counts designs and Level 2 specs as `check` does, on the same docs.
    total = build_total_of_check(REPO_ROOT)
    assert "2 Level 2 spec(s)" in total
    assert total in caplog.text


def test_own_design_page_is_published_with_its_badge(built_site: Path) -> None:
    html = (built_site / OWN_DESIGN).read_text(encoding="utf-8")
    assert "mkdocs-archdesign — Level 1 Architecture Design" in html
    assert "archdesign-badge" in html
    assert "Pending Review" in html


def test_own_design_page_has_architecture_and_handoff_diagrams(built_site: Path) -> None:
    html = (built_site / OWN_DESIGN).read_text(encoding="utf-8")
    # The design's own Design Overview diagram, and the plugin's HTML stepper.
    assert len(re.findall(r'class="mermaid"', html)) >= 1
    assert html.count('<div class="archdesign-handoff" data-search-exclude>') == 1


@pytest.mark.parametrize(("design_id", "status"), sorted(EXAMPLES.items()))
def test_every_example_design_is_published_with_its_status(
    built_site: Path, design_id: str, status: str
) -> None:
    page = built_site / "design" / "examples" / f"{design_id}-design" / "index.html"
    html = page.read_text(encoding="utf-8")
    badge = re.search(r'<[^>]*class="archdesign-badge[ "].*?</div>', html, re.S)
    assert badge is not None, f"no badge on {page}"
    assert status in html


def test_catalog_lists_every_design_and_catalog_json_is_served(built_site: Path) -> None:
    html = (built_site / "design" / "index.html").read_text(encoding="utf-8")
    for design_id in [*EXAMPLES, "mkdocs-archdesign"]:
        assert f"{design_id}-design/" in html, design_id
    catalog = json.loads((built_site / "catalog.json").read_text(encoding="utf-8"))
    ids = {design["id"]: design["status"] for design in catalog["designs"]}
    assert ids == {**EXAMPLES, "mkdocs-archdesign": "Pending Review"}


def test_every_documentation_page_is_published(built_site: Path) -> None:
    for page in ("getting-started", "configuration", "cli", "ci-recipes", "rules", "security"):
        assert (built_site / page / "index.html").is_file(), page


def _documented_template(name: str) -> str:
    text = (REPO_ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    match = re.search(rf'```markdown title="templates/{name}.md.j2"\n(.*?)\n```\n', text, re.S)
    assert match is not None, f"configuration.md lost its {name} template"
    return match.group(1) + "\n"


@pytest.mark.parametrize(("name", "optional"), [("kep", "Drawbacks"), ("madr", "Decision Drivers")])
def test_documented_custom_templates_work_with_new_and_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, optional: str
) -> None:
    from click.testing import CliRunner

    from mkdocs_archdesign.cli import main
    from mkdocs_archdesign.core.document.template import load_template

    monkeypatch.chdir(tmp_path)
    template = tmp_path / "templates" / f"{name}.md.j2"
    template.parent.mkdir()
    template.write_text(_documented_template(name), encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - archdesign:\n"
        f"      template: templates/{name}.md.j2\n"
        "      rules:\n        AD404: 'off'\n",
        encoding="utf-8",
    )
    assert optional not in [s.title for s in load_template(template).required]

    runner = CliRunner()
    created = runner.invoke(main, ["new", "Use PostgreSQL", "--owner", "@me"])
    assert created.exit_code == 0, created.output
    design = tmp_path / created.output.strip()
    filled = design.read_text(encoding="utf-8").replace("TODO", "Written.")
    design.write_text(filled.replace("Draft", "Pending Review"), encoding="utf-8")

    checked = runner.invoke(main, ["check"])
    assert checked.exit_code == 0, checked.output
    assert "1 designs, 0 errors, 0 warnings, 0 info" in checked.output
