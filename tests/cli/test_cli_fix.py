"""``check --fix``/``--diff``, ``rules CODE`` and the new options, through the real CLI."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from fix.helpers import blocks, join, scaffold

from .helpers import assert_one_line_error, invoke, run

DESIGN = Path("docs") / "design" / "order-service-design.md"


def broken() -> str:
    """A scaffold without Data Model, with a status mismatch and no review checklist."""
    head, sections = blocks(scaffold())
    text = join(head, [s for s in sections if not s.startswith("## 5.")])
    text = text.replace("status: Draft", "status: Approved  # keep me", 1)
    return text[: text.index("**Review Checklist**")].rstrip("\n").replace("\n", "\r\n")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / DESIGN).parent.mkdir(parents=True)
    (tmp_path / DESIGN).write_bytes(broken().encode("utf-8"))
    return tmp_path


@pytest.mark.parametrize("runner", [invoke, run])
def test_fix_resolves_and_reports_what_it_changed(runner, site: Path) -> None:
    before = (site / DESIGN).read_bytes()
    marked = runner(["check", "--format", "json"], site)
    fixable = {f["code"] for f in json.loads(marked.stdout)["findings"] if f["fixable"]}
    assert fixable == {"AD101", "AD003", "AD404"}
    out = runner(["check", "--fix", "--format", "json"], site)
    after = (site / DESIGN).read_bytes()
    assert after != before
    assert b"status: Draft  # keep me\r\n" in after
    assert b"\n" not in after.replace(b"\r\n", b"")  # CRLF kept, inserted lines too
    assert not after.endswith(b"\n")  # no final newline, as before
    remaining = {f["code"] for f in json.loads(out.stdout)["findings"]}
    assert not remaining & fixable
    stderr = out.stderr.splitlines()
    assert any("AD101 insert section '5. Data Model Overview'" in line for line in stderr)
    assert any("AD003 set front matter status to 'Draft'" in line for line in stderr)
    assert any("AD404 add the review checklist" in line for line in stderr)
    assert stderr[-1] == "3 fixes applied in 1 designs"
    again = runner(["check", "--fix"], site)
    assert (site / DESIGN).read_bytes() == after
    assert "fixes applied" not in again.stderr


def test_diff_shows_without_writing(site: Path) -> None:
    before = (site / DESIGN).read_bytes()
    out = invoke(["check", "--diff"], site)
    assert out.code == 1
    assert (site / DESIGN).read_bytes() == before
    assert out.stdout.startswith("--- a/docs/design/order-service-design.md\n+++ b/")
    assert "+## 5. Data Model Overview" in out.stdout
    assert "-status: Approved  # keep me" in out.stdout
    invoke(["check", "--fix"], site)
    clean = invoke(["check", "--diff"], site)
    assert clean.code == 0 and clean.stdout == ""


def test_fix_refuses_a_read_only_file(site: Path) -> None:
    path = site / DESIGN
    before = path.read_bytes()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        out = invoke(["check", "--fix"], site)
    finally:
        path.chmod(0o644)
    assert_one_line_error(out, "read-only", "nothing written")
    assert path.read_bytes() == before


def test_fix_refuses_a_symlink_outside_the_project(tmp_path: Path) -> None:
    project, outside = tmp_path / "project", tmp_path / "outside"
    (project / DESIGN).parent.mkdir(parents=True)
    outside.mkdir()
    target = outside / "elsewhere-design.md"
    target.write_bytes(broken().encode("utf-8"))
    (project / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - archdesign\n", encoding="utf-8"
    )
    os.symlink(target, project / DESIGN)
    out = invoke(["check", "--fix"], project)
    assert_one_line_error(out, "outside", "nothing written")
    assert target.read_bytes() == broken().encode("utf-8")


def test_fix_never_touches_unparsable_front_matter(site: Path) -> None:
    text = broken().replace("tags: []", "tags: [open", 1)
    (site / DESIGN).write_bytes(text.encode("utf-8"))
    out = invoke(["check", "--fix"], site)
    assert (site / DESIGN).read_bytes() == text.encode("utf-8")
    assert "not fixed: docs/design/order-service-design.md: front matter cannot be parsed" in (
        out.stderr
    )


def test_a_clean_design_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / DESIGN).parent.mkdir(parents=True)
    (tmp_path / DESIGN).write_text(scaffold(), encoding="utf-8")
    stamp = (tmp_path / DESIGN).stat().st_mtime_ns
    out = invoke(["check", "--fix"], tmp_path)
    assert out.code == 0
    assert (tmp_path / DESIGN).read_text(encoding="utf-8") == scaffold()
    assert (tmp_path / DESIGN).stat().st_mtime_ns == stamp


@pytest.mark.parametrize("runner", [invoke, run])
def test_rules_code_prints_the_rule_documentation(runner, tmp_path: Path) -> None:
    out = runner(["rules", "ad207"], tmp_path)
    assert out.code == 0
    text = out.stdout
    assert text.splitlines()[0] == "AD207 too-few-alternatives"
    for heading in ("What it checks", "Why it matters", "Example", "Fix"):
        assert f"\n{heading}\n" in text
    assert "Default severity: error" in text
    assert "rules: {AD207: off|info|warning|error}" in text
    assert text.rstrip().endswith("/rules/#ad207")
    fixable = runner(["rules", "AD101", "--format", "json"], tmp_path)
    assert json.loads(fixable.stdout)["fixable"] is True


def test_rules_lists_every_code_including_ad000(tmp_path: Path) -> None:
    out = invoke(["rules"], tmp_path)
    codes = [line.split()[0] for line in out.stdout.splitlines()[1:]]
    assert codes[0] == "AD000"
    assert codes == sorted(codes)
    listed = json.loads(invoke(["rules", "--format", "json"], tmp_path).stdout)
    assert [r["code"] for r in listed] == codes


@pytest.mark.parametrize(
    ("args", "needles"),
    [
        (["rules", "AD999"], ("unknown rule code", "AD999")),
        (["check", "--min-severity", "loud"], ("--min-severity", "loud")),
        (["check", "--format", "sarif", "-o", "missing/x.sarif"], ("missing", "does not exist")),
    ],
)
def test_bad_input_is_one_line_exit_2(
    args: list[str], needles: tuple[str, ...], site: Path
) -> None:
    assert_one_line_error(run(args, site), *needles)
    assert not (site / "missing").exists()


def test_quiet_and_min_severity_never_change_the_exit_code(site: Path) -> None:
    loud = run(["check"], site)
    quiet = run(["check", "--quiet"], site)
    assert quiet.code == loud.code == 1
    assert all("[error]" in line for line in quiet.stdout.splitlines()[:-1])
    assert quiet.stdout.splitlines()[-1] == loud.stdout.splitlines()[-1]
    assert quiet.stderr == ""
    hidden = run(["check", "--min-severity", "error", "--fail-on", "warning"], site)
    assert hidden.code == 1
    assert "findings below error not shown" in hidden.stderr


def test_github_format_appends_a_job_summary(site: Path, tmp_path: Path) -> None:
    summary = tmp_path / "step-summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    out = run(["check", "--format", "github"], site, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert out.code == 1
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## mkdocs-archdesign check failed\n")
    assert "docs/design/order\\-service\\-design\\.md" in text
    assert "[AD101](https://mkdocs-archdesign.readthedocs.io/en/latest/rules/#ad101)" in text
    plain = run(["check"], site, env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert plain.code == 1
    assert summary.read_text(encoding="utf-8") == text  # only --format github writes it
