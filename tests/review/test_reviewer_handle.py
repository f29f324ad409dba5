"""Review arguments checked: a reviewer is a handle, and --reviewer works with request."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from helpers import assert_one_line_error, run


def _draft(root: Path) -> Path:
    assert run(["new", "Ledger", "--owner", "@a"], cwd=root).code == 0
    return root / "docs" / "design" / "ledger-design.md"


@pytest.mark.parametrize("reviewer", ["tom", "Tom Smith", "@", "@tom lead", "@@x", "<b>@x</b>"])
@pytest.mark.parametrize("action", ["request", "changes", "approve"])
def test_a_reviewer_that_is_not_a_handle_is_refused(
    tmp_path: Path, reviewer: str, action: str
) -> None:
    path = _draft(tmp_path)
    before = path.read_bytes()
    args = ["review", str(path), action, "--reviewer", reviewer, "--note", "n", "--force"]
    assert_one_line_error(run(args, cwd=tmp_path), "--reviewer", "handle")
    assert path.read_bytes() == before


def test_request_with_a_reviewer_names_them(tmp_path: Path) -> None:
    path = _draft(tmp_path)
    args = ["review", str(path), "request", "--reviewer", "@org/leads", "--force", "--note", "x"]
    outcome = run(args, cwd=tmp_path)
    assert outcome.code == 0, outcome
    assert "**Reviewer**: @org/leads" in path.read_text("utf-8")


def test_the_build_shows_the_requested_reviewer(make_site: Any) -> None:
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    path = _draft(site.root)
    args = ["review", str(path), "request", "--reviewer", "@tech-lead", "--force", "--note", "x"]
    assert run(args, cwd=site.root).code == 0
    site.build()
    assert "@tech-lead" in site.html("design/ledger-design/index.html")
