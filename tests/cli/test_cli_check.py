"""``check`` end to end: exit codes, formats, select/ignore, config discovery."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .helpers import BAD, GOOD, Outcome, assert_one_line_error, invoke, run

GITHUB_LINE = re.compile(
    r"^::(?P<cmd>error|warning|notice) file=(?P<file>[^,:]*),line=(?P<line>\d+),"
    r"title=(?P<title>[^,:]*)::(?P<msg>.*)$"
)
TEXT_LINE = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+): (?P<code>AD\d{3})(?: \[\*\])? "
    r"\[(?P<sev>error|warning|info)\] "
    r"(?P<name>[a-z0-9-]+): (?P<msg>.*)$"
)


@pytest.mark.parametrize("runner", [invoke, run])
def test_complete_design_exits_0(runner, tmp_path: Path) -> None:
    out = runner(["check", str(GOOD)], tmp_path)
    assert out.code == 0, out
    assert out.stdout.strip().splitlines()[-1] == "1 designs, 0 errors, 0 warnings, 0 info"


@pytest.mark.parametrize("runner", [invoke, run])
def test_default_paths_without_config_report_every_problem(runner, project: Path) -> None:
    out = runner(["check"], project)
    assert out.code == 1, out
    lines = out.stdout.splitlines()
    parsed = [TEXT_LINE.match(line) for line in lines[:-1]]
    assert all(parsed), lines
    codes = {(m["path"], m["code"], m["sev"]) for m in parsed if m}
    assert ("docs/design/broken-gateway-design.md", "AD101", "error") in codes
    assert ("docs/design/broken-gateway-design.md", "AD105", "warning") in codes
    assert any(line.endswith("(section: Data Model Overview)") for line in lines)
    assert lines[-1] == "2 designs, 1 errors, 1 warnings, 0 info"


def test_every_file_is_reported_in_one_run(tmp_path: Path) -> None:
    for name in ("a-design.md", "b-design.md"):
        shutil.copy(BAD / "broken-gateway-design.md", tmp_path / name)
    (tmp_path / "c-design.md").write_bytes(b"\xff\xfe not utf-8")
    out = invoke(["check", "."], tmp_path)
    assert out.code == 1
    paths = {line.split(":")[0] for line in out.stdout.splitlines()[:-1]}
    assert paths == {"a-design.md", "b-design.md", "c-design.md"}
    assert "AD000" in out.stdout


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--fail-on", "never"], 0),
        (["--fail-on", "error"], 1),
        (["--ignore", "AD101"], 0),
        (["--ignore", "AD101", "--fail-on", "warning"], 1),
        (["--ignore", "AD101,AD105", "--fail-on", "warning"], 0),
        (["--ignore", "ad101", "--ignore", "AD105", "--fail-on", "warning"], 0),
        (["--select", "AD105"], 0),
        (["--select", "AD1", "--fail-on", "warning"], 1),
        (["--select", "AD2,AD3,AD4"], 0),
    ],
)
def test_fail_on_select_ignore(args: list[str], code: int, project: Path) -> None:
    out = invoke(["check", *args], project)
    assert out.code == code, out


def test_select_limits_reported_codes(project: Path) -> None:
    out = invoke(["check", "--select", "AD105", "--format", "json"], project)
    assert {f["code"] for f in json.loads(out.stdout)["findings"]} == {"AD105"}


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_rule_code_is_a_usage_error(option: str, project: Path) -> None:
    out = invoke(["check", option, "AD101,AD999"], project)
    assert_one_line_error(out, option, "AD999", "AD101, AD102")


def test_json_format(project: Path) -> None:
    out = invoke(["check", "--format", "json"], project)
    assert out.code == 1
    report = json.loads(out.stdout)
    assert report["version"] == 1
    assert report["summary"] == {"designs": 2, "error": 1, "warning": 1, "info": 0}
    first = report["findings"][0]
    assert list(first) == [
        "path",
        "line",
        "code",
        "name",
        "severity",
        "section",
        "message",
        "fixable",
    ]
    assert first["fixable"] is True
    assert first["path"] == "docs/design/broken-gateway-design.md"
    assert first["code"] == "AD101"
    assert first["section"] == "Data Model Overview"


@pytest.mark.parametrize("runner", [invoke, run])
def test_github_format_parses_back(runner, project: Path) -> None:
    out = runner(["check", "--format", "github", "--fail-on", "warning"], project)
    assert out.code == 1
    lines = out.stdout.splitlines()
    annotations = [GITHUB_LINE.match(line) for line in lines[:-1]]
    assert all(annotations), lines
    got = {(m["cmd"], m["file"], m["title"]) for m in annotations if m}
    assert got == {
        ("error", "docs/design/broken-gateway-design.md", "AD101 missing-section"),
        ("warning", "docs/design/broken-gateway-design.md", "AD105 duplicate-section"),
    }
    assert lines[-1] == "2 designs, 1 errors, 1 warnings, 0 info"


@pytest.mark.parametrize(("fail_on", "failures"), [("error", 1), ("warning", 2), ("never", 0)])
def test_junit_format_parses_back(fail_on: str, failures: int, project: Path) -> None:
    out = invoke(["check", "--format", "junit", "--fail-on", fail_on], project)
    root = ET.fromstring(out.stdout)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    # One testcase per finding (grouped by design in classname), one for a clean design.
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("docs/design/broken-gateway-design.md", "AD101 missing-section (line 91)"),
        ("docs/design/broken-gateway-design.md", "AD105 duplicate-section (line 140)"),
        ("docs/design/payment-gateway-design.md", "docs/design/payment-gateway-design.md"),
    ]
    assert suite.get("tests") == "3"
    assert suite.get("failures") == str(failures)
    assert [len(c.findall("failure")) for c in cases] == [
        int(failures >= 1),
        int(failures >= 2),
        0,
    ]
    assert all(len(c.findall("failure")) <= 1 for c in cases)
    if failures < 2:
        assert "AD105" in (cases[1].findtext("system-out") or "")


def test_output_file(project: Path) -> None:
    out = invoke(["check", "--format", "junit", "--output", "report.xml"], project)
    assert out.code == 1
    assert out.stdout == ""
    ET.parse(project / "report.xml")


@pytest.mark.parametrize("runner", [invoke, run])
def test_missing_path_is_one_line_exit_2(runner, tmp_path: Path) -> None:
    out = runner(["check", "nope/never.md"], tmp_path)
    assert_one_line_error(out, "nope/never.md")


@pytest.mark.parametrize("runner", [invoke, run])
def test_no_design_folder_is_exit_2(runner, tmp_path: Path) -> None:
    assert_one_line_error(runner(["check"], tmp_path), "docs/design")


def test_missing_template_is_exit_2(project: Path) -> None:
    assert_one_line_error(invoke(["check", "--template", "t.md"], project), "t.md")


def test_missing_explicit_config_is_exit_2(project: Path) -> None:
    assert_one_line_error(invoke(["check", "--config", "other.yml"], project), "other.yml")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


REAL_WORLD_CONFIG = """\
INHERIT: config/base.yml
site_name: !ENV [ARCHDESIGN_TEST_SITE, "Architecture"]
extra:
  home: !relative $config_dir
markdown_extensions:
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""

BASE_CONFIG = """\
# Relative to the inheriting mkdocs.yml, as in MkDocs.
docs_dir: content
theme:
  name: material
# The mapping form, so an inheriting file can override single options.
plugins:
  search: {}
  archdesign:
    designs: ["arch/**/*.md"]
    rules:
      AD101: warning
"""


@pytest.fixture
def configured(tmp_path: Path) -> Path:
    write(tmp_path / "mkdocs.yml", REAL_WORLD_CONFIG)
    write(tmp_path / "config" / "base.yml", BASE_CONFIG)
    arch = tmp_path / "content" / "arch"
    arch.mkdir(parents=True)
    shutil.copy(BAD / "broken-gateway-design.md", arch)
    # Not a design: selecting it would add AD101 errors.
    write(tmp_path / "content" / "index.md", "# Home\n")
    write(tmp_path / "content" / "design" / "x-design.md", "# Not selected\n")
    return tmp_path


@pytest.mark.parametrize("runner", [invoke, run])
def test_config_with_real_world_tags_and_inherit(runner, configured: Path) -> None:
    out: Outcome = runner(["check"], configured)
    assert out.code == 0, out
    assert "content/arch/broken-gateway-design.md" in out.stdout
    assert "AD101 [*] [warning] missing-section" in out.stdout
    assert out.stdout.splitlines()[-1] == "1 designs, 0 errors, 2 warnings, 0 info"


def test_config_fail_on_is_read_and_cli_overrides_it(configured: Path) -> None:
    text = (configured / "mkdocs.yml").read_text(encoding="utf-8")
    write(configured / "mkdocs.yml", text + "plugins:\n  archdesign:\n    fail_on: warning\n")
    assert invoke(["check"], configured).code == 1
    assert invoke(["check", "--fail-on", "error"], configured).code == 0


def test_explicit_config_elsewhere(
    configured: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    out = invoke(["check", "--config", str(configured / "mkdocs.yml")], elsewhere)
    assert out.code == 0, out
    assert "1 designs" in out.stdout


@pytest.mark.parametrize(
    ("config", "needle"),
    [
        ("site_name: [unclosed\n", "not valid YAML"),
        ("- just\n- a list\n", "not a mapping"),
        ("plugins:\n  - archdesign:\n      designs: 5\n", "designs"),
        ("plugins:\n  - archdesign:\n      fail_on: sometimes\n", "fail_on"),
        ("plugins:\n  - archdesign:\n      rules: {AD101: loud}\n", "AD101"),
        ("INHERIT: missing.yml\n", "INHERIT"),
    ],
)
@pytest.mark.parametrize("runner", [invoke, run])
def test_bad_config_is_one_line_exit_2(runner, config: str, needle: str, project: Path) -> None:
    write(project / "mkdocs.yml", config)
    out = runner(["check"], project)
    assert_one_line_error(out, "mkdocs.yml", needle)


def test_config_without_plugin_uses_default_globs(project: Path) -> None:
    write(project / "mkdocs.yml", "site_name: x\n")
    write(project / "docs" / "index.md", "# Home\n")
    out = invoke(["check"], project)
    assert out.code == 1
    assert out.stdout.splitlines()[-1].startswith("2 designs")


def test_rules_table_and_json() -> None:
    out = invoke(["rules"], Path.cwd())
    assert out.code == 0
    assert re.search(r"^AD101\s+missing-section\s+error\s+\S", out.stdout, re.M)
    rules = json.loads(invoke(["rules", "--format", "json"], Path.cwd()).stdout)
    by_code = {r["code"]: r for r in rules}
    assert by_code["AD004"]["corpus"] is True
    assert by_code["AD101"] == {
        "code": "AD101",
        "name": "missing-section",
        "severity": "error",
        "summary": by_code["AD101"]["summary"],
        "corpus": False,
    }


def test_rules_markdown(tmp_path: Path) -> None:
    out = run(["rules", "--format", "markdown"], tmp_path)
    assert out.code == 0, out
    assert "AD101" in out.stdout
    assert "missing-section" in out.stdout
    docs_page = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    if docs_page.exists():
        assert out.stdout == docs_page.read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["check", "rules", "new", "init"])
def test_help_teaches_examples_and_exit_codes(command: str) -> None:
    out = invoke([command, "--help"], Path.cwd())
    assert out.code == 0
    assert "Examples:" in out.stdout
    assert "Exit codes:" in out.stdout
    assert "mkdocs-archdesign " + command in out.stdout


def test_cli_startup_does_not_import_heavy_modules(tmp_path: Path) -> None:
    code = (
        "import sys; import mkdocs_archdesign.cli.check, mkdocs_archdesign.cli.scaffold; "
        "print(sorted(m for m in ('jinja2', 'mkdocs', 'yaml', 'markdown') if m in sys.modules))"
    )
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert proc.stdout.strip() == "[]"
