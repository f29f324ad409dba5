"""One project: every command finds the nearest mkdocs.yml upward, like ruff and git."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_archdesign.core.config.project import (
    ProjectConfigError,
    discover_project,
    find_config_file,
)

from .helpers import BAD, GOOD, assert_one_line_error, run

MADR = "# {{ title }}\n\n## Context\n\n## Decision\n\n## Consequences\n"


def _site(root: Path) -> Path:
    """A project with docs_dir site-docs, a MADR-like template and two designs."""
    (root / "tpl").mkdir(parents=True)
    (root / "tpl" / "madr.md").write_text(MADR, encoding="utf-8")
    design = root / "site-docs" / "design"
    design.mkdir(parents=True)
    (design / "ok-design.md").write_text(
        "---\nstatus: Approved\n---\n# OK\n\n## Context\n\nWhy.\n\n## Decision\n\nThis.\n\n"
        "## Consequences\n\nThat.\n",
        encoding="utf-8",
    )
    shutil.copy(BAD / "broken-gateway-design.md", design)
    config = {
        "site_name": "S",
        "docs_dir": "site-docs",
        "plugins": [{"archdesign": {"template": "tpl/madr.md", "rules": {"ad203": "off"}}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def _findings(stdout: str, cwd: Path) -> list[tuple[str, Any, str, str]]:
    """(absolute path, line, code, message) of every finding in a JSON report."""
    report = json.loads(stdout)
    return sorted(
        (str((cwd / f["path"]).resolve()), f["line"], f["code"], f["message"])
        for f in report["findings"]
    )


def test_check_gives_the_same_findings_from_every_folder(tmp_path: Path) -> None:
    root = _site(tmp_path / "p")
    top = run(["check", "--format", "json"], cwd=root)
    assert top.code == 1, top
    expected = _findings(top.stdout, root)
    assert expected and not any(code == "AD101" for _, _, code, _ in expected if "ok-" in _)
    for sub in (root / "site-docs", root / "site-docs" / "design"):
        outcome = run(["check", "--format", "json"], cwd=sub)
        assert outcome.code == 1, outcome
        assert _findings(outcome.stdout, sub) == expected
    # Paths are shown relative to where the user stands.
    inside = run(["check"], cwd=root / "site-docs" / "design")
    assert "broken-gateway-design.md:" in inside.stdout
    assert "site-docs/design/broken-gateway-design.md" not in inside.stdout
    outside = run(["check"], cwd=root / "tpl")
    assert "../site-docs/design/broken-gateway-design.md:" in outside.stdout


def test_check_of_a_folder_uses_the_project_template(tmp_path: Path) -> None:
    root = _site(tmp_path / "p")
    outcome = run(["check", "--format", "json", "."], cwd=root / "site-docs" / "design")
    report = json.loads(outcome.stdout)
    assert report["summary"]["designs"] == 2
    ok = [f for f in report["findings"] if f["path"] == "ok-design.md"]
    assert "AD101" not in [f["code"] for f in ok]  # the default template would miss 9 sections


def test_new_from_a_subfolder_writes_into_the_design_folder(tmp_path: Path) -> None:
    root = _site(tmp_path / "p")
    outcome = run(["new", "Ledger", "--owner", "@a"], cwd=root / "site-docs" / "design")
    assert outcome.code == 0, outcome
    assert outcome.stdout.strip() == "ledger-design.md"
    assert (root / "site-docs" / "design" / "ledger-design.md").is_file()
    assert not (root / "site-docs" / "design" / "site-docs").exists()


def test_a_broken_config_upward_is_one_line_with_path_and_line(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "docs" / "design").mkdir(parents=True)
    (root / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - archdesign: [\n", "utf-8")
    outcome = run(["check"], cwd=root / "docs" / "design")
    assert_one_line_error(outcome, "../../mkdocs.yml:", "not valid YAML")
    line = outcome.stderr.split("mkdocs.yml:", 1)[1].split(":", 1)[0]
    assert line.isdigit()


def test_no_config_anywhere_keeps_the_defaults(tmp_path: Path) -> None:
    assert find_config_file(tmp_path) is None  # nothing above a pytest tmp folder
    design = tmp_path / "docs" / "design"
    design.mkdir(parents=True)
    shutil.copy(GOOD / "payment-gateway-design.md", design)
    outcome = run(["check"], cwd=tmp_path)
    assert outcome.code == 0, outcome
    assert "1 designs" in outcome.stdout or "1 design" in outcome.stdout


def test_explicit_config_wins_over_the_search(tmp_path: Path) -> None:
    root = _site(tmp_path / "p")
    other = tmp_path / "other.yml"
    other.write_text("site_name: O\ndocs_dir: p/site-docs\n", encoding="utf-8")
    project = discover_project(root / "site-docs", other)
    assert project.path == other
    assert project.settings.template is None  # the plugin is not listed in other.yml
    found = discover_project(root / "site-docs" / "design")
    assert found.settings.template is not None
    assert Path(found.settings.template).resolve() == (root / "tpl" / "madr.md").resolve()


def test_discovery_from_a_file_uses_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _site(tmp_path / "p")
    monkeypatch.chdir(tmp_path)
    found = find_config_file(root / "site-docs" / "design" / "ok-design.md")
    assert found is not None and found.resolve() == (root / "mkdocs.yml").resolve()
    with pytest.raises(ProjectConfigError):
        discover_project(root, tmp_path / "missing.yml")


def test_build_and_check_from_a_subfolder_report_the_same_codes(
    make_site: Any, caplog_mkdocs: Any
) -> None:
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    site.write("design/broken-gateway-design.md", (BAD / "broken-gateway-design.md").read_text())
    site.build()
    logged = sorted(
        r.getMessage().split(" ")[0].split(":", 1)[0] + " " + code
        for r in caplog_mkdocs.records
        for code in [w for w in r.getMessage().split() if w.startswith("AD") and w[2:5].isdigit()][
            :1
        ]
        if "broken-gateway-design.md" in r.getMessage()
    )
    outcome = run(["check", "--format", "json"], cwd=site.docs / "design")
    codes = sorted(f["code"] for f in json.loads(outcome.stdout)["findings"])
    assert sorted(entry.split()[-1] for entry in logged) == codes
