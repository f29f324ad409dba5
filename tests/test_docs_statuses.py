"""The MADR and KEP set-ups of configuration.md, copied exactly, run ``new``, ``check``,
``review`` and a real ``mkdocs build`` in the team's own words."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parent / "cli"))
from helpers import invoke, run

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIGURATION = REPO_ROOT / "docs" / "configuration.md"


def _snippet(opening: str) -> str:
    text = CONFIGURATION.read_text(encoding="utf-8")
    match = re.search(rf"{re.escape(opening)}\n(.*?)\n```\n", text, re.S)
    assert match is not None, f"configuration.md lost {opening}"
    return match.group(1) + "\n"


def _site(root: Path, name: str) -> None:
    """A folder with the documented mkdocs.yml and template for ``name`` (madr or kep)."""
    (root / "mkdocs.yml").write_text(
        _snippet(f'```yaml title="mkdocs.yml: {name.upper()} statuses"'), encoding="utf-8"
    )
    template = root / "templates" / f"{name}.md.j2"
    template.parent.mkdir(parents=True)
    template.write_text(_snippet(f'```markdown title="templates/{name}.md.j2"'), encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")


def _new(root: Path, title: str) -> Path:
    created = invoke(["new", title, "--owner", "@me"], cwd=root)
    assert created.code == 0, created
    design = root / created.stdout.strip()
    design.write_text(design.read_text(encoding="utf-8").replace("TODO", "Written."), "utf-8")
    return design


def _review(root: Path, design: Path, *args: str) -> str:
    outcome = invoke(["review", str(design.relative_to(root)), *args], cwd=root)
    assert outcome.code == 0, outcome
    return outcome.stderr + outcome.stdout


def _status_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"(status:|\*\*Status\*\*:)", line)]


def test_the_madr_set_up_reviews_builds_and_shows_the_team_words(tmp_path: Path) -> None:
    _site(tmp_path, "madr")
    postgres = _new(tmp_path, "Use PostgreSQL")
    redis = _new(tmp_path, "Use Redis")
    checked = run(["check"], cwd=tmp_path)
    assert checked.code == 0, checked
    assert "2 designs, 0 errors, 0 warnings" in checked.stdout + checked.stderr

    assert "Draft -> Proposed" in _review(tmp_path, postgres, "request")
    assert _status_lines(postgres.read_text(encoding="utf-8")) == [
        "status: Proposed",
        "**Status**: Proposed",
    ]
    assert "Proposed -> Accepted" in _review(tmp_path, postgres, "approve", "--reviewer", "@lead")
    assert "Draft -> Proposed" in _review(tmp_path, redis, "request")
    superseded = _review(tmp_path, postgres, "supersede", "--by", "use-redis")
    assert "Accepted -> superseded by use-redis" in superseded
    assert _status_lines(postgres.read_text(encoding="utf-8")) == [
        "status: superseded by use-redis",
        "**Status**: superseded by use-redis",
    ]
    checked = run(["check"], cwd=tmp_path)
    assert checked.code == 0, checked

    config = load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    build(config)
    site = tmp_path / "site"
    page = (site / "design" / "use-redis-design" / "index.html").read_text(encoding="utf-8")
    badge = re.search(r'<div class="archdesign-badge [^"]*".*?</div>', page, re.S)
    assert badge is not None
    assert 'class="archdesign-badge archdesign-status--pending-review"' in badge.group(0)
    assert '<span class="archdesign-badge__value">Proposed</span>' in badge.group(0)
    # The next step is the review's, not the Draft's "completes the Level 1 design".
    step = re.search(r'<p class="archdesign-next-step"[^>]*>(.*?)</p>', page, re.S)
    assert step is not None
    assert "reviews the Level 1 design, then approves it" in step.group(1)

    old = (site / "design" / "use-postgresql-design" / "index.html").read_text(encoding="utf-8")
    assert "archdesign-status--superseded" in old
    assert "superseded by use-redis" in old
    assert "No next step: this design is superseded by use-redis." in old

    catalog = (site / "design" / "index.html").read_text(encoding="utf-8")
    column = re.search(r'archdesign-board__column--pending-review">(.*?)</section>', catalog, re.S)
    assert column is not None
    assert "Use Redis" in column.group(1)
    assert "Use PostgreSQL" not in column.group(1)
    assert '<option value="pending-review">Proposed</option>' in catalog
    assert '<option value="superseded">superseded by use-redis</option>' in catalog
    assert 'data-status="pending-review"' in catalog
    listed = json.loads((site / "catalog.json").read_text(encoding="utf-8"))["designs"]
    designs = {d["id"]: d for d in listed}
    assert (designs["use-redis"]["status"], designs["use-redis"]["stage"]) == (
        "Proposed",
        "pending-review",
    )
    assert designs["use-postgresql"]["stage"] == "superseded"


def test_the_kep_set_up_reviews_folder_designs_in_kep_words(tmp_path: Path) -> None:
    _site(tmp_path, "kep")
    written = _new(tmp_path, "Pod limits")
    folder = tmp_path / "docs" / "design" / "1234-pod-limits"
    folder.mkdir()
    design = folder / "README.md"
    written.rename(design)
    checked = run(["check"], cwd=tmp_path)
    assert checked.code == 0, checked
    assert "1 designs, 0 errors, 0 warnings" in checked.stdout + checked.stderr

    assert "Draft -> provisional" in _review(tmp_path, design, "request")
    approved = _review(tmp_path, design, "approve", "--reviewer", "@sig-node-lead")
    assert "provisional -> implementable" in approved
    assert _status_lines(design.read_text(encoding="utf-8")) == [
        "status: implementable",
        "**Status**: implementable",
    ]
    status = run(["status", "--format", "json"], cwd=tmp_path)
    assert status.code == 0, status
    record = json.loads(status.stdout)[0]
    assert (record["id"], record["status"], record["stage"]) == (
        "1234-pod-limits",
        "implementable",
        "approved",
    )
    assert record["ready_for_handoff"] is True
    # An illegal transition names the team word and the stage it stands for.
    changes = invoke(
        ["review", "docs/design/1234-pod-limits/README.md", "approve", "--reviewer", "@x"],
        cwd=tmp_path,
    )
    assert changes.code == 1
    assert "is implementable (stage approved)" in changes.stderr


@pytest.mark.parametrize("name", ["madr", "kep"])
def test_the_documented_set_ups_parse_to_every_stage(tmp_path: Path, name: str) -> None:
    from mkdocs_archdesign.core.config.project import discover_project
    from mkdocs_archdesign.core.model import Status

    _site(tmp_path, name)
    statuses = discover_project(tmp_path).settings.statuses
    assert {entry.stage for entry in statuses.entries} == set(Status)
    assert all(statuses.name_for(stage) is not None for stage in Status)
