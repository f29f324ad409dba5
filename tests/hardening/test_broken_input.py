"""Broken input at every entry point: one line naming the file, a documented exit code.

Each command runs as a real subprocess (the way a user meets it), and its output must
name every broken file with its line and never show a Python traceback.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .corpus import COMPLETE

CLI = [sys.executable, "-m", "mkdocs_archdesign"]

#: File name -> (bytes, the line its finding points at, the rule code).
BROKEN: dict[str, tuple[bytes, int, str]] = {
    "malformed-design.md": (b"---\ntitle: [unclosed\n---\n# A\n", 3, "AD001"),
    "deep-design.md": (b"---\nx: " + b"[" * 10_000 + b"\n---\n# Deep\n", 2, "AD001"),
    "list-design.md": (b"---\n- a\n- b\n---\n# List\n", 2, "AD001"),
    "bomb-design.md": (
        b"---\na0: &a0 [x,x,x,x,x,x,x,x,x,x]\n"
        + b"".join(f"a{i}: &a{i} [{','.join([f'*a{i - 1}'] * 10)}]\n".encode() for i in range(1, 9))
        + b"title: *a8\n---\n# Bomb\n",
        1,
        "AD001",
    ),
    "types-design.md": (
        b"---\ntitle: {a: 1}\nstatus: [1]\nowner: 5\ntags: {x: y}\ndepends_on: 7\n"
        b"handoffs: hello\nsuperseded_by: [a]\ncomplexity: 12\n---\n# Types\n",
        2,
        "AD001",
    ),
    "binary-design.md": (b"\xff\xfe\x00\x01binary\x00", 1, "AD000"),
    "latin1-design.md": (b"---\ntitle: caf\xe9\n---\n# Caf\xe9\n", 1, "AD000"),
    "empty-design.md": (b"", 1, "AD101"),
}


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the CLI as a subprocess with captured text output."""
    env = {**os.environ, "PYTHONWARNINGS": "ignore", "NO_COLOR": "1"}
    return subprocess.run(
        [*CLI, *args], check=False, cwd=cwd, capture_output=True, text=True, timeout=120, env=env
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose docs/design holds every kind of broken design plus two huge ones."""
    root = tmp_path_factory.mktemp("broken")
    design = root / "docs" / "design"
    design.mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    for name, (data, _, _) in BROKEN.items():
        (design / name).write_bytes(data)
    complete = (COMPLETE / "order-service-design.md").read_text(encoding="utf-8")
    filler = ("A sentence that says little about the design. " * 3 + "\n") * 150_000
    (design / "huge-design.md").write_text(complete + "\n" + filler, encoding="utf-8")
    long_section = complete.replace(
        "## 9. Alternatives Considered", "## 9. Alternatives Considered\n" + "- item\n" * 10_000
    )
    (design / "long-design.md").write_text(long_section, encoding="utf-8")
    config = {
        "site_name": "Broken",
        "plugins": [{"archdesign": {"fail_on": "error"}}],
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def test_the_huge_design_is_really_20_mb(project: Path) -> None:
    assert (project / "docs/design/huge-design.md").stat().st_size > 20_000_000


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit"])
def test_check_names_every_broken_file_and_line(project: Path, fmt: str) -> None:
    result = run("check", "--format", fmt, cwd=project)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    for name, (_, line, code) in BROKEN.items():
        assert name in result.stdout, (name, fmt)
        if fmt == "text":
            assert f"docs/design/{name}:{line}: {code}" in result.stdout, name


@pytest.mark.parametrize(
    "args",
    [("catalog",), ("catalog", "--format", "csv"), ("status",), ("status", "--format", "json")],
)
def test_catalog_and_status_list_broken_designs_without_crashing(
    project: Path, args: tuple[str, ...]
) -> None:
    result = run(*args, cwd=project)
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "malformed" in result.stdout and "binary" in result.stdout


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_review_refuses_broken_designs_with_one_line(project: Path, name: str) -> None:
    path = project / "docs" / "design" / name
    before = path.read_bytes()
    result = run("review", f"docs/design/{name}", "request", cwd=project)
    assert result.returncode in (1, 2), result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith("mkdocs-archdesign: ") and name in first, first
    assert path.read_bytes() == before


def test_review_never_writes_through_a_symlink_leaving_docs(project: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside-design.md"
    text = (COMPLETE / "order-service-design.md").read_text(encoding="utf-8")
    outside.write_text(text.replace("Approved", "Draft"), encoding="utf-8")
    before = outside.read_bytes()
    link = project / "docs" / "design" / "link-design.md"
    link.symlink_to(outside)
    try:
        result = run(
            "review",
            "docs/design/link-design.md",
            "request",
            "--force",
            "--note",
            "n",
            "--reviewer",
            "@r",
            cwd=project,
        )
    finally:
        link.unlink()
    assert result.returncode == 2
    assert "outside" in result.stderr and "Traceback" not in result.stderr
    assert outside.read_bytes() == before


def test_missing_template_is_one_line(project: Path) -> None:
    for args in (("check", "--template", "nope.md"), ("new", "X", "--template", "nope.md")):
        result = run(*args, cwd=project)
        assert result.returncode == 2, (args, result.stdout)
        assert "nope.md" in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_unreadable_template_is_one_line(project: Path, tmp_path: Path) -> None:
    template = tmp_path / "binary.md"
    template.write_bytes(b"\xff\xfe\x00")
    result = run("check", "--template", str(template), cwd=project)
    assert result.returncode == 2
    assert "binary.md" in result.stderr and "Traceback" not in result.stderr


def test_init_and_new_refuse_to_overwrite(project: Path) -> None:
    result = run("init", ".", cwd=project)
    assert result.returncode == 2 and "mkdocs.yml" in result.stderr
    path = project / "docs" / "design" / "malformed-design.md"
    before = path.read_bytes()
    result = run("new", "Malformed", cwd=project)
    assert result.returncode == 2 and "malformed-design.md" in result.stderr
    assert path.read_bytes() == before
    assert "Traceback" not in result.stderr


def _mkdocs_build(root: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(root / "site"), *extra],
        check=False,
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )


def test_plugin_build_reports_every_broken_design_and_aborts_cleanly(project: Path) -> None:
    result = _mkdocs_build(project)
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "archdesign:" in output and "finding(s) at or above fail_on: error" in output
    for name, (_, line, code) in BROKEN.items():
        assert f"design/{name}:{line} {code}" in output, name


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"no_such_option": 1}, "no_such_option"),
        ({"fail_on": "sometimes"}, "fail_on"),
        ({"badge": "maybe"}, "badge"),
        ({"designs": [5]}, "designs"),  # a single string is one glob; a number is not
        ({"rules": {"AD101": "loud"}}, "rules"),
        ({"template": "missing.md"}, "template"),
    ],
)
def test_misconfigured_plugin_names_the_option(
    tmp_path: Path, options: dict[str, object], named: str
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    config = {"site_name": "Bad", "plugins": [{"archdesign": options}]}
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    # MkDocs only warns about an unknown option; --strict turns the warning into a failure.
    result = _mkdocs_build(tmp_path, "--strict")
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "Traceback" not in output
    assert f"option '{named}'" in output, output
