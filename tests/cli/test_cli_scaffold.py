"""``new`` and ``init``: complete output, refusals that leave nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mkdocs_archdesign.core.document.scanner import scan_design
from mkdocs_archdesign.core.document.template import load_template, normalise_heading
from mkdocs_archdesign.core.scaffold.design import module_name, slugify, yaml_str

from .helpers import assert_one_line_error, invoke, run


def front_matter(text: str) -> dict[str, object]:
    assert text.startswith("---\n")
    data = yaml.safe_load(text.split("---\n", 2)[1])
    assert isinstance(data, dict)
    return data


def files_under(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.mark.parametrize("runner", [invoke, run])
def test_new_writes_every_template_section(runner, tmp_path: Path) -> None:
    out = runner(["new", "Order Service", "--owner", "@me", "--date", "2024-05-06"], tmp_path)
    assert out.code == 0, out
    assert out.stdout == "docs/design/order-service-design.md\n"
    text = (tmp_path / out.stdout.strip()).read_text(encoding="utf-8")
    headings = {normalise_heading(h.text) for h in scan_design(text).headings}
    required = {section.key for section in load_template().required}
    assert required <= headings
    assert front_matter(text) | {"handoffs": None} == {
        "title": "Order Service",
        "module": "order_service",
        "owner": "@me",
        "status": "Draft",
        "tags": [],
        "depends_on": [],
        "handoffs": None,
    }


def test_new_design_passes_check_as_a_draft(tmp_path: Path) -> None:
    assert invoke(["new", "Order Service"], tmp_path).code == 0
    out = invoke(["check"], tmp_path)
    assert out.code == 0, out
    assert " 0 errors, 0 warnings" in out.stdout


@pytest.mark.parametrize(
    "title", ['Orders <v2>: "fast" & cheap', "Zahlungsdienst Über", "a: b # c", "- [x] {y}"]
)
def test_awkward_titles_stay_valid_yaml(title: str, tmp_path: Path) -> None:
    out = invoke(["new", "--", title], tmp_path)
    assert out.code == 0, out
    text = (tmp_path / out.stdout.strip()).read_text(encoding="utf-8")
    assert front_matter(text)["title"] == title
    assert title.partition('"')[0] in text.splitlines()[1]  # readable, no \\u escapes


def test_module_owner_and_docs_dir_options(tmp_path: Path) -> None:
    out = invoke(
        ["new", "Billing", "--module", "acme.billing", "--owner", "@bo", "--docs-dir", "site"],
        tmp_path,
    )
    assert out.code == 0, out
    assert out.stdout.strip() == "site/design/billing-design.md"
    meta = front_matter((tmp_path / "site/design/billing-design.md").read_text(encoding="utf-8"))
    assert (meta["module"], meta["owner"]) == ("acme.billing", "@bo")


def test_folder_comes_from_the_config(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "docs_dir: content\nplugins:\n  - archdesign:\n      designs: [architecture/**/*.md]\n",
        encoding="utf-8",
    )
    out = invoke(["new", "Order Service"], tmp_path)
    assert out.code == 0, out
    assert out.stdout.strip() == "content/architecture/order-service-design.md"


def test_refuses_to_overwrite_then_force_works(tmp_path: Path) -> None:
    assert invoke(["new", "Order Service"], tmp_path).code == 0
    target = tmp_path / "docs/design/order-service-design.md"
    target.write_text("mine\n", encoding="utf-8")
    out = run(["new", "Order Service"], tmp_path)
    assert_one_line_error(out, "exists", "--force")
    assert target.read_text(encoding="utf-8") == "mine\n"
    out = invoke(["new", "Order Service", "--force", "--owner", "@x"], tmp_path)
    assert out.code == 0
    assert front_matter(target.read_text(encoding="utf-8"))["owner"] == "@x"
    assert files_under(tmp_path) == ["docs/design/order-service-design.md"]


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["../x"], "path"),
        (["/etc/evil"], "path"),
        (["Ok", "--folder", "../out"], "--folder"),
        (["Ok", "--folder", "/abs"], "--folder"),
        ([".."], ".."),
        (["   "], "empty"),
        ([""], "empty"),
        (["!!!"], "no letters"),
        (["Ok", "--template", "missing.md"], "missing.md"),
        (["Ok", "--module", "not-a-module"], "--module"),
        (["Ok", "--date", "2024-02-30"], "--date"),
    ],
)
@pytest.mark.parametrize("runner", [invoke, run])
def test_refusals_leave_nothing_behind(
    runner, args: list[str], needle: str, tmp_path: Path
) -> None:
    assert_one_line_error(runner(["new", *args], tmp_path), needle)
    assert files_under(tmp_path) == []


def test_custom_madr_template(tmp_path: Path) -> None:
    template = tmp_path / "madr.md"
    template.write_text(
        "---\ntitle: {{ title | yaml_str }}\nstatus: Draft\n---\n\n# {{ title }}\n\n"
        "## Context and Problem Statement\n\nTODO\n\n## Decision Drivers\n\nTODO\n\n"
        "## Considered Options\n\nTODO\n\n## Decision Outcome\n\nTODO\n\n"
        "## Links (Optional)\n\n{{ undefined_variable }}\n",
        encoding="utf-8",
    )
    out = invoke(["new", "Use Postgres", "--template", "madr.md"], tmp_path)
    assert out.code == 0, out
    text = (tmp_path / "docs/design/use-postgres-design.md").read_text(encoding="utf-8")
    assert "## Decision Drivers" in text
    assert front_matter(text)["title"] == "Use Postgres"


def test_broken_jinja_template_is_exit_2(tmp_path: Path) -> None:
    (tmp_path / "t.md").write_text("## A\n\n{% if %}\n", encoding="utf-8")
    assert_one_line_error(invoke(["new", "X", "--template", "t.md"], tmp_path), "t.md")
    assert files_under(tmp_path) == ["t.md"]


def test_slug_module_and_yaml_str_helpers() -> None:
    assert slugify("Order Service") == "order-service"
    assert slugify("Crème Brûlée_API  v2") == "crème-brûlée-api-v2"
    assert slugify("注文サービス") == "注文サービス"
    assert slugify("CI/CD Pipeline") == "ci-cd-pipeline"
    assert module_name("Order Service v2") == "order_service_v2"
    assert module_name("3D Renderer") == "_3d_renderer"
    for value in ['a "b": c', "x\ny", "\x85\u2028\x7f", "é<>&"]:
        assert yaml.safe_load(f"k: {yaml_str(value)}") == {"k": value}


@pytest.mark.parametrize("runner", [invoke, run])
def test_init_writes_a_site_that_checks_clean(runner, tmp_path: Path) -> None:
    out = runner(["init", "site", "--owner", "@me", "--date", "2024-01-02"], tmp_path)
    assert out.code == 0, out
    assert out.stdout.splitlines() == [
        "site/mkdocs.yml",
        "site/docs/index.md",
        "site/docs/design/example-service-design.md",
    ]
    assert "Next steps:\n  cd site\n" in out.stderr and "mkdocs serve" in out.stderr
    site = tmp_path / "site"
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    for needle in ("name: material", "archdesign", "pymdownx.superfences", "attr_list"):
        assert needle in config
    assert invoke(["check"], site).code == 0


def test_init_config_loads_in_mkdocs(tmp_path: Path) -> None:
    from mkdocs.config import load_config

    assert invoke(["init", "--site-name", "Payments <Arch>"], tmp_path).code == 0
    config = load_config(str(tmp_path / "mkdocs.yml"))
    assert config.site_name == "Payments <Arch>"
    assert "archdesign" in config.plugins
    assert config.docs_dir == str(tmp_path / "docs")


def test_init_refuses_existing_config_and_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", encoding="utf-8")
    assert_one_line_error(run(["init"], tmp_path), "mkdocs.yml")
    assert files_under(tmp_path) == ["mkdocs.yml"]
    other = tmp_path / "other"
    (other / "docs").mkdir(parents=True)
    (other / "docs" / "index.md").write_text("mine\n", encoding="utf-8")
    assert_one_line_error(invoke(["init", "other"], tmp_path), "index.md")
    assert files_under(other) == ["docs/index.md"]
    assert (other / "docs" / "index.md").read_text(encoding="utf-8") == "mine\n"
