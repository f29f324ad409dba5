"""The ``review`` and ``status`` commands, through CliRunner and a real subprocess."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mkdocs_archdesign.cli import main

from .helpers import complete_text

DESIGN = "docs/design/inventory-design.md"
JOURNEY = [
    (["request"], "Draft -> Pending Review"),
    (["changes", "--reviewer", "@lead", "--note", "Add p99 targets"], "-> Changes Requested"),
    (["request"], "Changes Requested -> Pending Review"),
    (["approve", "--reviewer", "@lead", "--date", "2024-05-01"], "Pending Review -> Approved"),
]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder with docs/design holding the complete design as a Draft; cwd is set to it."""
    design = tmp_path / DESIGN
    design.parent.mkdir(parents=True)
    design.write_text(complete_text("Draft"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


def test_full_journey_with_clirunner(project: Path) -> None:
    for args, change in JOURNEY:
        result = _run("review", DESIGN, *args)
        assert result.exit_code == 0, result.output
        assert change in result.stdout
    text = (project / DESIGN).read_text(encoding="utf-8")
    assert "status: Approved  # kept in step" in text
    assert "**Status**: Approved\n**Reviewer**: @lead\n**Review Date**: 2024-05-01\n" in text
    assert "- " in text.split("**Review Notes**:")[1]
    status = _run("status", "--format", "json")
    assert status.exit_code == 0
    (record,) = json.loads(status.stdout)
    assert record["status"] == "Approved"
    assert record["ready_for_handoff"] is True


def test_full_journey_in_a_subprocess(project: Path) -> None:
    for args, change in JOURNEY:
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs_archdesign", "review", DESIGN, *args],
            capture_output=True,
            text=True,
            check=False,
            cwd=project,
        )
        assert done.returncode == 0, done.stderr
        assert change in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", "status"],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )
    assert done.returncode == 0
    assert done.stdout.splitlines()[1].split() == [
        "inventory",
        "Approved",
        "@lead",
        "2024-05-01",
        "yes",
        "-",
        "-",
    ]
    bad = subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", "review", DESIGN, "request"],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )
    assert bad.returncode == 1
    assert "Traceback" not in bad.stderr
    assert "allowed from Approved: supersede, escalate, resolve" in bad.stderr


def test_gate_refusal_lists_findings_and_writes_nothing(project: Path) -> None:
    path = project / DESIGN
    broken = complete_text("Draft").replace("## 9. Alternatives Considered", "## Nine")
    path.write_text(broken, encoding="utf-8")
    result = _run("review", DESIGN, "request")
    assert result.exit_code == 1
    assert "refused" in result.stderr
    assert f"{DESIGN}:" in result.stderr
    assert "AD101 error: missing required section 'Alternatives Considered'" in result.stderr
    assert path.read_text(encoding="utf-8") == broken


def test_force_records_the_override_in_the_file(project: Path) -> None:
    path = project / DESIGN
    path.write_text(complete_text().replace("- [x] Goals", "- [ ] Goals"), encoding="utf-8")
    args = ["--reviewer", "@lead", "--date", "2024-05-01", "--force", "--note", "agreed"]
    result = _run("review", DESIGN, "approve", *args)
    assert result.exit_code == 0, result.output
    assert "overridden" in result.stderr
    assert "**Override**: 2024-05-01 by @lead: agreed\n" in path.read_text(encoding="utf-8")


def test_dry_run_prints_a_diff_and_writes_nothing(project: Path) -> None:
    path = project / DESIGN
    before = path.read_bytes()
    mtime = path.stat().st_mtime_ns
    result = _run("review", DESIGN, "request", "--dry-run")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"--- a/{DESIGN}\n+++ b/{DESIGN}\n")
    assert (
        "-status: Draft  # kept in step with the Design Review block\n+status: Pending Review  #"
        in result.stdout
    )
    assert "-**Status**: Draft\n+**Status**: Pending Review\n" in result.stdout
    assert "nothing written" in result.stderr
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in path.parent.iterdir()) == ["inventory-design.md"]


def test_failed_rename_leaves_the_original_and_no_temp_file(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = project / DESIGN
    before = path.read_bytes()

    def broken_replace(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    result = _run("review", DESIGN, "request")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "the original is unchanged" in result.stderr
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["inventory-design.md"]


def test_file_mode_is_kept(project: Path) -> None:
    path = project / DESIGN
    path.chmod(0o640)
    assert _run("review", DESIGN, "request").exit_code == 0
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_symlink_leading_outside_is_not_written(project: Path, tmp_path_factory: Any) -> None:
    outside = tmp_path_factory.mktemp("outside") / "victim-design.md"
    outside.write_text(complete_text("Draft"), encoding="utf-8")
    link = project / "docs/design/linked-design.md"
    link.symlink_to(outside)
    result = _run("review", "docs/design/linked-design.md", "request")
    assert result.exit_code == 2
    assert "refusing to write" in result.stderr
    assert outside.read_text(encoding="utf-8") == complete_text("Draft")


def test_supersede_by_a_design_in_the_same_folder(project: Path) -> None:
    (project / "docs/design/inventory-v2-design.md").write_text(
        complete_text("Draft"), encoding="utf-8"
    )
    result = _run("review", DESIGN, "supersede", "--by", "inventory-v2")
    assert result.exit_code == 0, result.output
    assert "superseded_by: inventory-v2\n---\n" in (project / DESIGN).read_text(encoding="utf-8")
    missing = _run("review", DESIGN, "supersede", "--by", "ghost")
    assert missing.exit_code == 2
    assert "not a design in this project" in missing.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["review", DESIGN, "merge"], "unknown action 'merge'"),
        (["review", DESIGN, "approve", "--date", "2024-13-01"], "invalid --date"),
        (["review", DESIGN, "approve", "--date", "1/5/2024"], "invalid --date"),
        (["review", "docs/design/nope.md", "request"], "design not found"),
        (["review", "docs/design", "request"], "not a file"),
        (["review", DESIGN, "changes"], "changes needs --note"),
        (["status", "docs/nowhere"], "does not exist"),
    ],
)
def test_input_errors_exit_2_with_one_line(project: Path, args: list[str], message: str) -> None:
    result = _run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_non_utf8_file_exits_2(project: Path) -> None:
    path = project / DESIGN
    path.write_bytes(b"---\nstatus: Draft\n---\n\xff\xfe oops\n")
    result = _run("review", DESIGN, "request")
    assert result.exit_code == 2
    assert "not UTF-8" in result.stderr
    assert path.read_bytes() == b"---\nstatus: Draft\n---\n\xff\xfe oops\n"


def test_status_table(project: Path) -> None:
    (project / "docs/design/inventory-v2-design.md").write_text(
        complete_text("Approved").replace("**Review Date**: TBD", "**Review Date**: 2024-05-02"),
        encoding="utf-8",
    )
    result = _run("status")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "ID", "STATUS", "REVIEWER", "DATE", "READY", "LEVEL", "2", "ESCALATED"
    ]  # fmt: skip
    assert lines[1].split() == ["inventory", "Draft", "@python-tech-lead", "TBD", "no", "-", "-"]
    assert lines[2].split() == [
        "inventory-v2",
        "Approved",
        "@python-tech-lead",
        "2024-05-02",
        "yes",
        "-",
        "-",
    ]


def test_status_with_mkdocs_yml_uses_its_designs(project: Path) -> None:
    (project / "mkdocs.yml").write_text(
        "site_name: x\ndocs_dir: docs\nplugins:\n  - archdesign:\n      designs: ['design/*.md']\n",
        encoding="utf-8",
    )
    (project / "docs/notes.md").write_text("# not a design\n", encoding="utf-8")
    result = _run("status", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [r["id"] for r in json.loads(result.stdout)] == ["inventory"]


def test_help_teaches_with_examples() -> None:
    review_help = _run("review", "--help")
    assert review_help.exit_code == 0
    for text in (
        "request",
        "approve",
        "changes",
        "supersede",
        "Examples:",
        "--check-all",
        "Exit codes",
    ):
        assert text in review_help.stdout
    status_help = _run("status", "--help")
    assert "ready for handoff" in status_help.stdout.lower()


def test_each_step_shows_on_the_built_page(project: Path, make_site: Callable[..., Any]) -> None:
    site = make_site()
    site.write("design/inventory-design.md", complete_text("Draft"))
    design = site.docs / "design/inventory-design.md"
    for args, _ in [([], None), *JOURNEY]:
        if args:
            result = _run("review", str(design), *args)
            assert result.exit_code == 0, result.output
        site.build()
        html = site.html("design/inventory-design/index.html")
        status = design.read_text(encoding="utf-8").split("**Status**: ")[1].split("\n")[0]
        slug = status.lower().replace(" ", "-")
        assert f"archdesign-status--{slug}" in html


def test_hostile_note_renders_as_text(project: Path, make_site: Callable[..., Any]) -> None:
    site = make_site()
    site.write("design/inventory-design.md", complete_text())
    design = site.docs / "design/inventory-design.md"
    note = "<script>window.__xss=1</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>"
    result = _run("review", str(design), "changes", "--reviewer", "@lead", "--note", note)
    assert result.exit_code == 0, result.output
    site.build()
    html = site.html("design/inventory-design/index.html")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "<script>window.__xss" not in html
    assert 'href="javascript:' not in html
    assert "<img src=x" not in html
