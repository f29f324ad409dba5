"""Scaffolding that respects names: every letter kept, "/" accepted, --folder, wide columns."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from mkdocs_archdesign.core.escape import terminal_width

from .helpers import assert_one_line_error, run


def _files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("注文サービス", "注文サービス-design.md"),
        # Decomposed input (as macOS file names come) is stored composed.
        (unicodedata.normalize("NFD", "注文サービス"), "注文サービス-design.md"),
        ("Crème Brûlée", "crème-brûlée-design.md"),
        ("CI/CD Pipeline", "ci-cd-pipeline-design.md"),
        ("हिन्दी सेवा", "हिन्दी-सेवा-design.md"),
    ],
)
def test_new_keeps_every_letter(tmp_path: Path, title: str, name: str) -> None:
    outcome = run(["new", title, "--owner", "@a"], cwd=tmp_path)
    assert outcome.code == 0, outcome
    assert _files(tmp_path) == [f"docs/design/{name}"]
    assert outcome.stdout.strip() == f"docs/design/{name}"


def test_folder_writes_into_a_subfolder_of_the_design_folder(tmp_path: Path) -> None:
    outcome = run(["new", "Card Vault", "--folder", "payments/cards", "--owner", "@a"], tmp_path)
    assert outcome.code == 0, outcome
    assert _files(tmp_path) == ["docs/design/payments/cards/card-vault-design.md"]


@pytest.mark.parametrize("folder", ["../escape", "/tmp/x", "a/../../b", ""])
def test_folder_outside_the_design_folder_is_refused(tmp_path: Path, folder: str) -> None:
    outcome = run(["new", "X", "--folder", folder], cwd=tmp_path)
    assert_one_line_error(outcome, "--folder")
    assert _files(tmp_path) == []


def test_folder_through_a_symlink_out_is_refused(tmp_path: Path) -> None:
    (tmp_path / "docs" / "design").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "docs" / "design" / "link").symlink_to(tmp_path / "elsewhere")
    outcome = run(["new", "X", "--folder", "link"], cwd=tmp_path)
    assert_one_line_error(outcome, "outside")
    assert list((tmp_path / "elsewhere").iterdir()) == []


def test_status_lines_up_wide_characters(tmp_path: Path) -> None:
    for title in ("注文サービス", "Order Service"):
        assert run(["new", title, "--owner", "@a"], cwd=tmp_path).code == 0
    lines = run(["status"], cwd=tmp_path).stdout.splitlines()
    assert len(lines) == 3
    columns = {terminal_width(line.split("Draft")[0]) for line in lines[1:]}
    header = terminal_width(lines[0].split("STATUS")[0])
    assert columns == {header}


def test_the_build_shows_the_new_page(make_site: Any) -> None:
    site = make_site()
    assert run(["new", "注文サービス", "--folder", "jp", "--owner", "@a"], site.root).code == 0
    site.build()
    catalog = json.loads((site.site_dir / "catalog.json").read_text("utf-8"))
    assert [d["id"] for d in catalog["designs"]] == ["注文サービス"]
    assert (site.site_dir / "design" / "jp" / "注文サービス-design" / "index.html").is_file()
