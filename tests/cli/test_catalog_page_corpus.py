"""The site's catalog page is never a design of the configured corpus, and ``check`` reads once.

A page holding the ``archdesign-catalog`` fence is where the plugin renders the catalog.
``check``, ``catalog``, ``status`` and the language server leave it out of the designs the
``designs`` globs select (it gets no findings and cross-design rules do not see it), as the
plugin does. A file named on the command line is checked as given, the catalog page too.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mkdocs_archdesign.core.validation import parallel
from mkdocs_archdesign.lsp.projects import Projects

from .helpers import invoke

CATALOG_PAGE = "# Design catalog\n\nEvery design of this site.\n\n```archdesign-catalog\n```\n"
# ``depends_on: [design]`` names the id the catalog page would have (its folder's name):
# it resolves only while the catalog page is in the corpus, so AD004 shows it is not.
DESIGNS = {
    "ledger-design.md": "---\nstatus: Draft\n---\n# Ledger\n",
    "billing-design.md": "---\nstatus: Draft\ndepends_on: [ledger]\n---\n# Billing\n",
    "webhooks-design.md": "---\nstatus: Draft\ndepends_on: [design]\n---\n# Webhooks\n",
}


def _project(root: Path, config: bool = True) -> Path:
    design = root / "docs" / "design"
    design.mkdir(parents=True)
    for name, text in DESIGNS.items():
        (design / name).write_text(text, encoding="utf-8")
    (design / "index.md").write_text(CATALOG_PAGE, encoding="utf-8")
    if config:
        (root / "mkdocs.yml").write_text(
            "site_name: S\nplugins:\n  - archdesign:\n      fail_on: never\n", encoding="utf-8"
        )
    return design


def _check(root: Path, *args: str) -> dict[str, Any]:
    outcome = invoke(["check", "--format", "json", "--fail-on", "never", *args], cwd=root)
    assert outcome.code == 0, outcome
    report: dict[str, Any] = json.loads(outcome.stdout)
    return report


def _paths(report: dict[str, Any]) -> set[str]:
    return {finding["path"] for finding in report["findings"]}


def _unknown_references(report: dict[str, Any]) -> list[str]:
    return [f["path"] for f in report["findings"] if f["code"] == "AD004"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_leaves_the_catalog_page_out_of_the_configured_designs(
    tmp_path: Path, jobs: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One design per process is enough to start workers, so ``--jobs 2`` really uses two.
    monkeypatch.setattr(parallel, "MIN_FILES_PER_JOB", 1)
    _project(tmp_path)
    report = _check(tmp_path, "--jobs", jobs)
    assert report["summary"]["designs"] == 3
    assert "docs/design/index.md" not in _paths(report)
    assert _unknown_references(report) == ["docs/design/webhooks-design.md"]


def test_a_named_design_does_not_see_the_catalog_page_among_the_others(tmp_path: Path) -> None:
    _project(tmp_path)
    report = _check(tmp_path, "docs/design/webhooks-design.md")
    assert report["summary"]["designs"] == 1
    assert _paths(report) == {"docs/design/webhooks-design.md"}
    assert _unknown_references(report) == ["docs/design/webhooks-design.md"]


def test_a_catalog_page_named_on_the_command_line_is_checked_as_given(tmp_path: Path) -> None:
    # As before: files and folders named on the command line are checked as they are;
    # only the designs the globs select leave the catalog page out.
    _project(tmp_path)
    alone = _check(tmp_path, "docs/design/index.md")
    assert alone["summary"]["designs"] == 1
    assert _paths(alone) == {"docs/design/index.md"}
    folder = _check(tmp_path, "docs/design")
    assert folder["summary"]["designs"] == 4
    assert "docs/design/index.md" in _paths(folder)
    assert _unknown_references(folder) == []


def test_without_a_config_the_design_folder_is_checked_as_a_named_folder(tmp_path: Path) -> None:
    # As before: without mkdocs.yml there are no globs, and docs/design is walked like a
    # folder named on the command line.
    _project(tmp_path, config=False)
    report = _check(tmp_path)
    assert report["summary"]["designs"] == 4


def test_catalog_and_status_leave_the_catalog_page_out(tmp_path: Path) -> None:
    _project(tmp_path)
    catalog = invoke(["catalog"], cwd=tmp_path)
    assert catalog.code == 0, catalog
    designs = json.loads(catalog.stdout)["designs"]
    assert sorted(d["path"] for d in designs) == [f"design/{name}" for name in sorted(DESIGNS)]
    status = invoke(["status", "--format", "json"], cwd=tmp_path)
    assert status.code == 0, status
    assert len(json.loads(status.stdout)) == 3


def test_the_review_gate_does_not_count_the_catalog_page_among_the_designs(
    tmp_path: Path,
) -> None:
    # ``design`` is the id the catalog page would have; as a design it would be accepted.
    _project(tmp_path)
    args = ["review", "docs/design/ledger-design.md", "supersede", "--by", "design", "--dry-run"]
    outcome = invoke(args, cwd=tmp_path)
    assert outcome.code == 2, outcome
    assert "--by 'design' is not a design in this project" in outcome.stderr


def test_the_language_servers_corpus_leaves_the_catalog_page_out(tmp_path: Path) -> None:
    design = _project(tmp_path)
    project = Projects(lambda: [tmp_path]).project_for(design / "ledger-design.md")
    assert project is not None
    assert len(project.corpus) == 3
    assert "docs/design/index.md" not in project.corpus
    assert "docs/design/index.md" not in project.files
    findings = project.corpus.findings("docs/design/webhooks-design.md")
    assert [f.code for f in findings if f.code == "AD004"] == ["AD004"]


def test_check_opens_each_design_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Telling the catalog page apart used to read every selected file once more before
    # checking it. Both ways a file gets opened are counted: os.open (the design reader)
    # and io.open (open() and pathlib's read_text/read_bytes).
    _project(tmp_path)
    opened: list[str] = []

    def counting(real: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(path: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(path, (str, bytes, os.PathLike)):
                name = Path(os.fsdecode(path))
                if name.parent.name == "design":
                    opened.append(name.name)
            return real(path, *args, **kwargs)

        return wrapper

    monkeypatch.setattr(os, "open", counting(os.open))
    monkeypatch.setattr(io, "open", counting(io.open))
    report = _check(tmp_path)
    assert report["summary"]["designs"] == 3
    assert sorted(opened) == sorted([*DESIGNS, "index.md"])


def test_a_catalog_page_check_cannot_read_is_a_design_with_ad000(tmp_path: Path) -> None:
    # Without its text nothing says it is the catalog page: the plugin, the Zensical
    # extension and now check all report the file as unreadable.
    design = _project(tmp_path)
    (design / "index.md").write_bytes(CATALOG_PAGE.encode("utf-8") + b"\xff\n")
    report = _check(tmp_path)
    assert report["summary"]["designs"] == 4
    unreadable = [f for f in report["findings"] if f["path"] == "docs/design/index.md"]
    assert [f["code"] for f in unreadable] == ["AD000"]


def test_without_a_config_a_named_design_does_not_see_the_catalog_page(tmp_path: Path) -> None:
    # The other designs (context) never count the catalog page, with a config or
    # without: before, docs/design walked without a config let ``design`` resolve to it.
    _project(tmp_path, config=False)
    report = _check(tmp_path, "docs/design/webhooks-design.md")
    assert _unknown_references(report) == ["docs/design/webhooks-design.md"]
