"""Unique ids: ``id:`` front matter, else the file stem, else (README/index) the folder."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from mkdocs_archdesign.core.model import design_id_from_path

from .helpers import run

KEPS = ["sig-node/1234-pod-limits", "sig-node/2000-swap", "sig-apps/3001-job-index"]


def _kep(folder: Path, name: str, depends: str = "") -> None:
    (folder / name).mkdir(parents=True)
    front = f"depends_on: [{depends}]\n" if depends else ""
    (folder / name / "README.md").write_text(f"---\n{front}---\n# KEP {name}\n", "utf-8")


def _kep_site(root: Path) -> Path:
    keps = root / "docs" / "keps"
    for index, name in enumerate(KEPS):
        _kep(keps, name, depends="1234-pod-limits" if index == 1 else "")
    config = "site_name: K\nplugins:\n  - archdesign:\n      designs: ['keps/**/README.md']\n"
    (root / "mkdocs.yml").write_text(config, "utf-8")
    return keps


def test_readme_per_folder_ids_are_the_folder_names(tmp_path: Path) -> None:
    _kep_site(tmp_path)
    rows = json.loads(run(["status", "--format", "json"], cwd=tmp_path).stdout)
    assert sorted(r["id"] for r in rows) == sorted(Path(k).name for k in KEPS)
    checked = json.loads(run(["check", "--format", "json"], cwd=tmp_path).stdout)
    codes = {f["code"] for f in checked["findings"]}
    assert "AD004" not in codes and "AD006" not in codes  # depends_on finds 1234-pod-limits


def test_the_id_is_the_same_from_inside_the_folder(tmp_path: Path) -> None:
    keps = _kep_site(tmp_path)
    inside = keps / KEPS[0]
    rows = json.loads(run(["status", "--format", "json", "README.md"], cwd=inside).stdout)
    assert [r["id"] for r in rows] == ["1234-pod-limits"]


def test_duplicate_stems_are_an_error_naming_both_paths(tmp_path: Path) -> None:
    design = tmp_path / "docs" / "design"
    for folder in ("payments", "risk"):
        (design / folder).mkdir(parents=True)
        (design / folder / "fraud-scoring-design.md").write_text("# Fraud\n", "utf-8")
    outcome = run(["check", "--format", "json"], cwd=tmp_path)
    dup = [f for f in json.loads(outcome.stdout)["findings"] if f["code"] == "AD006"]
    assert len(dup) == 2
    assert all(
        "docs/design/payments/fraud-scoring-design.md" in f["message"]
        and "docs/design/risk/fraud-scoring-design.md" in f["message"]
        for f in dup
    )
    # A front-matter id separates them and is what depends_on names.
    risk = design / "risk" / "fraud-scoring-design.md"
    risk.write_text("---\nid: risk-fraud-scoring\n---\n# Fraud\n", "utf-8")
    (design / "user-design.md").write_text(
        "---\ndepends_on: [risk-fraud-scoring, fraud-scoring]\n---\n# U\n", "utf-8"
    )
    again = json.loads(run(["check", "--format", "json"], cwd=tmp_path).stdout)
    codes = [f["code"] for f in again["findings"]]
    assert "AD006" not in codes and "AD004" not in codes
    ids = {r["id"] for r in json.loads(run(["status", "--format", "json"], cwd=tmp_path).stdout)}
    assert ids == {"fraud-scoring", "risk-fraud-scoring", "user"}


def test_the_build_catalog_has_distinct_kep_ids_and_reports_duplicates(
    make_site: Any, caplog_mkdocs: Any
) -> None:
    site = make_site(plugins=[{"archdesign": {"designs": ["keps/**/README.md"]}}])
    for name in KEPS:
        _kep(site.docs / "keps", name)
    site.build()
    catalog = json.loads((site.site_dir / "catalog.json").read_text("utf-8"))
    assert sorted(d["id"] for d in catalog["designs"]) == sorted(Path(k).name for k in KEPS)
    assert "AD006" not in caplog_mkdocs.text
    _kep(site.docs / "keps", "sig-apps/1234-pod-limits")
    # Draft findings are one summary line per design unless MkDocs runs with -v (DEBUG).
    caplog_mkdocs.set_level(logging.DEBUG, logger="mkdocs")
    site.build()
    assert caplog_mkdocs.text.count("AD006") >= 2


def test_path_ids() -> None:
    assert design_id_from_path("keps/sig-x/1234-name/README.md") == "1234-name"
    assert design_id_from_path("docs/design/order-service-design.md") == "order-service"
    assert design_id_from_path("a/b/index.md") == "b"
    assert design_id_from_path("README.md") == "README"
