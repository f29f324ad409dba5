"""Reading mkdocs.yml without MkDocs: tags, INHERIT, both plugin forms, errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_archdesign.core.config.project import (
    ProjectConfigError,
    deep_merge,
    load_project_config,
    load_yaml_with_inherit,
)
from mkdocs_archdesign.core.config.settings import DEFAULT_DESIGNS
from mkdocs_archdesign.core.model import FailOn, Status


def config(tmp_path: Path, text: str, name: str = "mkdocs.yml") -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_env_tag_scalar_and_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AD_TEST_NAME", "from-env")
    monkeypatch.setenv("AD_TEST_FLAG", "false")
    monkeypatch.delenv("AD_TEST_UNSET", raising=False)
    data = load_yaml_with_inherit(
        config(
            tmp_path,
            "a: !ENV AD_TEST_NAME\n"
            "b: !ENV [AD_TEST_UNSET, AD_TEST_NAME, fallback]\n"
            "c: !ENV [AD_TEST_UNSET, fallback]\n"
            "d: !ENV AD_TEST_UNSET\n"
            "e: !ENV [AD_TEST_FLAG, true]\n",
        )
    )
    assert data == {"a": "from-env", "b": "from-env", "c": "fallback", "d": None, "e": False}


def test_unknown_and_python_tags_are_inert(tmp_path: Path) -> None:
    marker = tmp_path / "PWNED"
    data = load_yaml_with_inherit(
        config(
            tmp_path,
            "a: !!python/name:material.extensions.emoji.twemoji\n"
            f"b: !!python/object/apply:os.system ['touch {marker}']\n"
            "c: !custom {x: 1}\n"
            "d: !relative $config_dir\n"
            "e: !!python/object:os.Thing {x: 1}\n",
        )
    )
    assert not marker.exists()
    assert isinstance(data["a"], str)
    assert data["b"] == [f"touch {marker}"]
    assert data["c"] == {"x": 1}
    assert data["d"] == str(tmp_path)
    assert data["e"] == {"x": 1}


def test_inherit_deep_merges_child_over_parent(tmp_path: Path) -> None:
    config(tmp_path, "INHERIT: ../grand.yml\na: {x: 1, y: 1}\nlist: [1, 2]\n", "base/parent.yml")
    config(tmp_path, "a: {z: 0}\nkeep: g\n", "grand.yml")
    child = config(tmp_path, "INHERIT: base/parent.yml\na: {y: 2}\nlist: [3]\n")
    assert load_yaml_with_inherit(child) == {
        "a": {"x": 1, "y": 2, "z": 0},
        "list": [3],
        "keep": "g",
    }


def test_inherit_loop_is_an_error(tmp_path: Path) -> None:
    config(tmp_path, "INHERIT: mkdocs.yml\n", "other.yml")
    path = config(tmp_path, "INHERIT: other.yml\n")
    with pytest.raises(ProjectConfigError, match="INHERIT"):
        load_yaml_with_inherit(path)


def test_deep_merge_does_not_modify_inputs() -> None:
    parent = {"a": {"b": 1}}
    merged = deep_merge(parent, {"a": {"c": 2}})
    assert merged == {"a": {"b": 1, "c": 2}}
    assert parent == {"a": {"b": 1}}


@pytest.mark.parametrize(
    "plugins",
    [
        "plugins:\n  - search\n  - archdesign:\n      designs: arch/*.md\n",
        "plugins:\n  search: {}\n  archdesign:\n    designs: [arch/*.md]\n",
    ],
)
def test_both_plugin_forms(tmp_path: Path, plugins: str) -> None:
    project = load_project_config(config(tmp_path, "docs_dir: src-docs\n" + plugins))
    assert project.enabled
    assert project.settings.designs == ("arch/*.md",)
    assert project.docs_dir == tmp_path / "src-docs"


def test_plugin_without_options_and_absent_plugin(tmp_path: Path) -> None:
    listed = load_project_config(config(tmp_path, "plugins: [search, archdesign]\n"))
    assert listed.enabled
    assert listed.settings.designs == DEFAULT_DESIGNS
    absent = load_project_config(config(tmp_path, "site_name: x\n"))
    assert not absent.enabled
    assert absent.docs_dir == tmp_path / "docs"


def test_all_options(tmp_path: Path) -> None:
    project = load_project_config(
        config(
            tmp_path,
            "plugins:\n"
            "  - archdesign:\n"
            "      enabled: false\n"
            "      template: templates/kep.md\n"
            "      section_levels: [2, 3]\n"
            "      rules: {AD203: off, AD104: error}\n"
            "      fail_on: warning\n"
            "      draft_findings: keep\n"
            "      statuses: [Draft, Accepted]\n",
            "site/mkdocs.yml",
        )
    )
    settings = project.settings
    assert not project.enabled
    assert settings.template == str(tmp_path / "site" / "templates" / "kep.md")
    assert settings.section_levels == (2, 3)
    assert settings.rules == {"AD203": "off", "AD104": "error"}
    assert settings.fail_on is FailOn.WARNING
    assert settings.draft_findings == "keep"
    assert settings.statuses.names == ("Draft", "Accepted")
    # The list form keeps its old meaning: a name outside the defaults is a draft.
    assert settings.stage_of("accepted") is Status.DRAFT


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("a: [\n", "not valid YAML"),
        ("42\n", "not a mapping"),
        ("plugins: 5\n", "plugins"),
        ("plugins:\n  - archdesign: [x]\n", "archdesign"),
        ("plugins:\n  - archdesign:\n      designs: [1]\n", "designs"),
        ("plugins:\n  - archdesign:\n      template: 3\n", "template"),
        ("plugins:\n  - archdesign:\n      section_levels: [9]\n", "section_levels"),
        ("plugins:\n  - archdesign:\n      rules: [AD101]\n", "rules"),
        ("plugins:\n  - archdesign:\n      draft_findings: maybe\n", "draft_findings"),
        ("plugins:\n  - archdesign:\n      enabled: sometimes\n", "enabled"),
        ("docs_dir: 3\n", "docs_dir"),
    ],
)
def test_errors_name_file_and_option(tmp_path: Path, text: str, needle: str) -> None:
    path = config(tmp_path, text)
    with pytest.raises(ProjectConfigError) as info:
        load_project_config(path)
    message = str(info.value)
    assert str(path) in message
    assert needle in message
    assert "\n" not in message


def test_unreadable_files(tmp_path: Path) -> None:
    with pytest.raises(ProjectConfigError, match="not found"):
        load_project_config(tmp_path / "missing.yml")
    with pytest.raises(ProjectConfigError, match="directory"):
        load_project_config(tmp_path)
    bad = tmp_path / "latin1.yml"
    bad.write_bytes(b"site_name: caf\xe9\n")
    with pytest.raises(ProjectConfigError, match="UTF-8"):
        load_project_config(bad)


def test_empty_file_and_bom(tmp_path: Path) -> None:
    assert load_project_config(config(tmp_path, "")).settings.designs == DEFAULT_DESIGNS
    path = tmp_path / "bom.yml"
    path.write_bytes("\ufeffplugins: [archdesign]\n".encode())
    assert load_project_config(path).enabled


def test_real_material_config_loads_like_mkdocs(make_site) -> None:
    # The same file MkDocs itself accepts: our reading agrees on the plugin options.
    site = make_site(
        plugins=[{"archdesign": {"designs": ["arch/**/*.md"]}}],
        theme={"name": "material"},
    )
    path = site.save_config()
    project = load_project_config(path)
    assert project.settings.designs == ("arch/**/*.md",)
    assert project.docs_dir == site.docs
