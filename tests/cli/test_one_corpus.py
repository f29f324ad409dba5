"""One corpus: ``check FILE`` and ``status FILE`` see every configured design."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mkdocs_archdesign.core.document.catalog_fence import is_catalog_page

from .helpers import run

REPO_ROOT = Path(__file__).resolve().parents[2]
# The catalog page (docs/design/index.md, an `archdesign-catalog` fence) is not a design.
EXAMPLES = sorted(
    p
    for p in (REPO_ROOT / "docs" / "design").rglob("*.md")
    if not is_catalog_page(p.read_text(encoding="utf-8"))
)


@pytest.fixture(scope="module")
def whole_corpus() -> dict[str, list[dict[str, Any]]]:
    outcome = run(["check", "--format", "json", "--fail-on", "never"], cwd=REPO_ROOT)
    assert outcome.code == 0, outcome
    by_path: dict[str, list[dict[str, Any]]] = {}
    for finding in json.loads(outcome.stdout)["findings"]:
        by_path.setdefault(finding["path"], []).append(finding)
    return by_path


@pytest.mark.parametrize("design", EXAMPLES, ids=lambda p: p.name)
def test_check_file_equals_that_files_findings_in_the_whole_corpus(
    design: Path, whole_corpus: dict[str, list[dict[str, Any]]]
) -> None:
    shown = design.relative_to(REPO_ROOT).as_posix()
    outcome = run(["check", "--format", "json", "--fail-on", "never", shown], cwd=REPO_ROOT)
    assert outcome.code == 0, outcome
    report = json.loads(outcome.stdout)
    assert report["summary"]["designs"] == 1
    assert report["findings"] == whole_corpus.get(shown, [])


def test_the_examples_do_cross_reference() -> None:
    # The equality above only proves something if some example names another design.
    texts = [p.read_text(encoding="utf-8") for p in EXAMPLES]
    assert any("depends_on:" in text and "- " in text for text in texts)


def _pair(root: Path) -> Path:
    design = root / "docs" / "design"
    design.mkdir(parents=True)
    (design / "ledger-design.md").write_text("---\nstatus: Draft\n---\n# Ledger\n", "utf-8")
    webhooks = design / "payment-webhooks-design.md"
    webhooks.write_text(
        "---\nstatus: Draft\ndepends_on: [ledger]\n---\n# Payment webhooks\n", "utf-8"
    )
    (root / "mkdocs.yml").write_text("site_name: S\nplugins:\n  - archdesign\n", "utf-8")
    return webhooks


def test_check_and_status_of_one_file_resolve_its_sibling(tmp_path: Path) -> None:
    webhooks = _pair(tmp_path)
    shown = webhooks.relative_to(tmp_path).as_posix()
    checked = run(["check", "--format", "json", shown], cwd=tmp_path)
    codes = [f["code"] for f in json.loads(checked.stdout)["findings"]]
    assert codes and "AD004" not in codes
    assert {f["path"] for f in json.loads(checked.stdout)["findings"]} == {shown}
    one = json.loads(run(["status", "--format", "json", shown], cwd=tmp_path).stdout)
    every = json.loads(run(["status", "--format", "json"], cwd=tmp_path).stdout)
    assert [r["path"] for r in one] == [shown]
    assert one[0] == next(r for r in every if r["path"] == shown)
    # An unknown name is still caught when checking one file.
    webhooks.write_text(webhooks.read_text("utf-8").replace("[ledger]", "[ledgr]"), "utf-8")
    again = run(["check", "--format", "json", shown], cwd=tmp_path)
    assert "AD004" in [f["code"] for f in json.loads(again.stdout)["findings"]]


def test_the_build_agrees_with_check_file(make_site: Any, caplog_mkdocs: Any) -> None:
    site = make_site()
    webhooks = _pair(site.root)
    site.build()
    assert "AD004" not in caplog_mkdocs.text
    outcome = run(["check", "--format", "json", str(webhooks)], cwd=site.root)
    assert "AD004" not in [f["code"] for f in json.loads(outcome.stdout)["findings"]]
