"""Completeness that means something: an untouched scaffold is not complete."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from helpers import run

COMPLETE = Path(__file__).resolve().parents[1] / "fixtures" / "complete"


def _scaffold(root: Path, title: str = "Ledger") -> Path:
    outcome = run(["new", title, "--owner", "@a", "--date", "2026-01-02"], cwd=root)
    assert outcome.code == 0, outcome
    return root / outcome.stdout.strip()


def test_an_untouched_scaffold_is_zero_complete_with_no_api(tmp_path: Path) -> None:
    _scaffold(tmp_path)
    entry = json.loads(run(["catalog", "--format", "json"], cwd=tmp_path).stdout)["designs"][0]
    assert entry["completeness"] == 0.0
    assert entry["api_count"] == 0
    assert entry["findings"]["info"] > 0  # a Draft's findings are downgraded to info
    table = run(["catalog", "--format", "markdown"], cwd=tmp_path).stdout
    assert f"{entry['findings']['info']} to do" in table
    assert "0/10" in table


def test_filling_one_section_counts_one(tmp_path: Path) -> None:
    path = _scaffold(tmp_path)
    text = path.read_text("utf-8").replace(
        "**Problem statement**: TODO: what problem does `ledger` solve, and why now?",
        "**Problem statement**: payments post twice when the gateway retries.",
    )
    path.write_text(text, "utf-8")
    entry = json.loads(run(["catalog", "--format", "json"], cwd=tmp_path).stdout)["designs"][0]
    assert entry["completeness"] == 0.1


def test_a_complete_design_stays_complete(tmp_path: Path) -> None:
    design = tmp_path / "docs" / "design"
    design.mkdir(parents=True)
    for source in COMPLETE.glob("*.md"):
        (design / source.name).write_text(source.read_text("utf-8"), "utf-8")
    designs = json.loads(run(["catalog", "--format", "json"], cwd=tmp_path).stdout)["designs"]
    assert designs and all(d["completeness"] == 1.0 for d in designs)
    assert all(d["api_count"] > 0 for d in designs)


def test_the_built_badge_and_catalog_say_what_is_left(make_site: Any) -> None:
    site = make_site()
    _scaffold(site.root)
    site.build()
    page = site.html("design/ledger-design/index.html")
    badge = re.search(r'<div class="archdesign-badge.*?</div>', page, re.S)
    assert badge is not None
    text = re.sub(r"<[^>]+>", "", badge.group(0))
    assert "0/10 sections" in text
    catalog = json.loads((site.site_dir / "catalog.json").read_text("utf-8"))
    info = catalog["designs"][0]["findings"]["info"]
    assert info > 0 and f"Findings {info} to do" in text
    assert catalog["designs"][0]["api_count"] == 0
    index = site.html("design/index.html")
    assert f"{info} to do" in index
    assert ">none<" not in index.split("<tbody", 1)[1].split("</tbody>", 1)[0]
