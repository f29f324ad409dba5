"""Real MkDocs builds of sites with designs in every status: page, links, catalog.json, CLI."""

from __future__ import annotations

import json
import logging
import posixpath
import re
import subprocess
import sys
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jsonschema
import pytest
from catalog_corpus import HOSTILE_DEPENDENCY, HOSTILE_TITLE, SPECS, write_specs
from click.testing import CliRunner

from mkdocs_archdesign.cli import main

MERMAID_FENCE = {
    "pymdownx.superfences": {
        "custom_fences": [
            {
                "name": "mermaid",
                "class": "mermaid",
                "format": "!!python/name:pymdownx.superfences.fence_code_format",
            }
        ]
    }
}
PLUGIN = {"archdesign": {"fail_on": "never"}}


def schema() -> dict[str, Any]:
    source = resources.files("mkdocs_archdesign").joinpath("schemas/catalog.schema.json")
    return json.loads(source.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def save_config_with_tags(site: Any) -> None:
    """mkdocs.yml with the !!python/name tag written as a tag, not a quoted string."""
    path = site.save_config()
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "'!!python/name:pymdownx.superfences.fence_code_format'",
            "!!python/name:pymdownx.superfences.fence_code_format",
        ),
        encoding="utf-8",
    )


def build(site: Any, **overrides: Any) -> Any:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    save_config_with_tags(site)
    config = load_config(str(site.root / "mkdocs.yml"), **overrides)
    mkdocs_build(config)
    return config


def material_site(make_site: Callable[..., Any], **extra: Any) -> Any:
    site = make_site(
        plugins=["search", PLUGIN],
        theme={"name": "material", "features": ["navigation.instant"]},
        markdown_extensions=[MERMAID_FENCE],
        **extra,
    )
    write_specs(site.docs)
    return site


def local_targets(html: str) -> list[str]:
    links = re.findall(r'(?:href|src)="([^"]+)"', html)
    return [u for u in links if not urlsplit(u).scheme and not u.startswith(("#", "//"))]


def assert_links_resolve(site_dir: Path, page_dest: str, html: str) -> None:
    base = posixpath.dirname(page_dest)
    missing = []
    for link in local_targets(html):
        path = unquote(urlsplit(link).path.replace("&amp;", "&"))
        target = posixpath.normpath(posixpath.join(base, path))
        if link.split("#")[0].endswith("/") or (site_dir / target).is_dir():
            target = posixpath.join(target, "index.html")
        if not (site_dir / target).is_file():
            missing.append(link)
    assert not missing, missing


def cli_json(root: Path, *args: str) -> dict[str, Any]:
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=root):
        result = runner.invoke(main, ["catalog", "--config", str(root / "mkdocs.yml"), *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)  # type: ignore[no-any-return]


def without_generated(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if key != "generated"}


def test_catalog_page_lists_every_design_with_badge_and_link(make_site: Callable[..., Any]) -> None:
    site = material_site(make_site)
    docs_before = sorted(p.relative_to(site.docs) for p in site.docs.rglob("*"))
    build(site)
    assert sorted(p.relative_to(site.docs) for p in site.docs.rglob("*")) == docs_before
    html = site.html("design/index.html")
    rows = re.findall(r"<tr data-status=\"([a-z-]+)\".*?</tr>", html, re.S)
    assert rows == [
        "draft",
        "draft",
        "pending-review",
        "changes-requested",
        "approved",
        "superseded",
    ]
    for status in ("Draft", "Pending Review", "Changes Requested", "Approved", "Superseded"):
        slug = status.lower().replace(" ", "-")
        assert f'archdesign-catalog__status--{slug}">{status}</span>' in html
    assert '<a href="orders-design/">Order Service</a>' in html
    assert '<a href="legacy/old-orders-design/">Old Orders</a>' in html
    assert '<a href="../catalog.json"><code>catalog.json</code></a>' in html
    assert 'class="mermaid"' in html and "flowchart LR" in html
    assert "archdesign-board__column--approved" in html
    assert "assets/archdesign/catalog.js" in html
    assert_links_resolve(site.site_dir, "design/index.html", html)
    # The generated page is in the auto-generated nav.
    assert 'href="./"' in html or "Design catalog" in site.html("index.html")


def test_hostile_values_are_escaped_everywhere(make_site: Callable[..., Any]) -> None:
    site = material_site(make_site)
    build(site)
    # Only the catalog's own content: the theme's nav renders page titles itself.
    html = site.html("design/index.html").split("<article", 1)[1].split("</article>", 1)[0]
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "say &quot;hi&quot; &#x27;there&#x27;" in html
    mermaid = re.search(r'<pre class="mermaid"><code>(.*?)</code></pre>', html, re.S)
    assert mermaid is not None
    source = mermaid.group(1)
    assert "onerror" in source and "<img" not in source and "&lt;img" not in source
    assert HOSTILE_DEPENDENCY not in source
    for line in source.splitlines():
        if "[&quot;" in line:
            label = line.split("[&quot;", 1)[1].rsplit("&quot;]", 1)[0]
            assert "&quot;" not in label and "]" not in label, line
    data = json.loads((site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    titles = [design["title"] for design in data["designs"]]
    assert HOSTILE_TITLE in titles
    deps = [dep for design in data["designs"] for dep in design["depends_on"]]
    assert HOSTILE_DEPENDENCY in deps


def test_catalog_json_validates_and_equals_cli(make_site: Callable[..., Any]) -> None:
    site = material_site(make_site)
    build(site)
    data = json.loads((site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema()).validate(data)
    assert len(data["designs"]) == len(SPECS)
    by_id = {design["id"]: design for design in data["designs"]}
    assert by_id["orders"]["url"] == "design/orders-design/"
    assert by_id["orders"]["complexity"] == "Complex"
    assert by_id["inventory"]["complexity"] == "Medium"
    assert by_id["search"]["complexity"] == "Simple"
    cli = cli_json(site.root)
    jsonschema.Draft202012Validator(schema()).validate(cli)
    assert without_generated(cli) == without_generated(data)
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", "catalog", "--format", "json"],
        cwd=site.root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    assert without_generated(json.loads(process.stdout)) == without_generated(data)


def test_use_directory_urls_false(make_site: Callable[..., Any]) -> None:
    site = material_site(make_site, use_directory_urls=False)
    build(site)
    html = site.html("design/index.html")
    assert '<a href="orders-design.html">Order Service</a>' in html
    assert '<a href="legacy/old-orders-design.html">Old Orders</a>' in html
    assert_links_resolve(site.site_dir, "design/index.html", html)
    data = json.loads((site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    assert {d["url"] for d in data["designs"]} >= {"design/orders-design.html"}
    assert without_generated(cli_json(site.root)) == without_generated(data)


def test_mkdocs_theme_and_other_catalog_path(make_site: Callable[..., Any]) -> None:
    site = make_site(plugins=[{"archdesign": {"fail_on": "never", "catalog_page": "catalog.md"}}])
    write_specs(site.docs)
    build(site)
    html = site.html("catalog/index.html")
    assert '<a href="../design/orders-design/">Order Service</a>' in html
    assert '<a href="../catalog.json">' in html
    assert_links_resolve(site.site_dir, "catalog/index.html", html)


def test_existing_page_is_kept_with_a_warning(
    make_site: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    site = material_site(make_site)
    site.write("design/index.md", "# Our own design index\n")
    caplog.set_level(logging.INFO)
    build(site)
    assert "Our own design index" in site.html("design/index.html")
    assert "data-archdesign-catalog" not in site.html("design/index.html")
    assert any(
        r.levelno == logging.WARNING and "catalog_page" in r.getMessage() for r in caplog.records
    )
    assert (site.site_dir / "catalog.json").is_file()


def test_explicit_nav_logs_the_line_to_add(
    make_site: Callable[..., Any], caplog: pytest.LogCaptureFixture
) -> None:
    site = material_site(make_site, nav=["index.md", {"Orders": "design/orders-design.md"}])
    caplog.set_level(logging.INFO)
    build(site)
    hints = [r for r in caplog.records if "Design catalog: design/index.md" in r.getMessage()]
    assert hints and hints[0].levelno == logging.INFO
    assert (site.site_dir / "design" / "index.html").is_file()


def test_catalog_off(make_site: Callable[..., Any]) -> None:
    site = make_site(plugins=[{"archdesign": {"fail_on": "never", "catalog": False}}])
    write_specs(site.docs)
    build(site)
    assert not (site.site_dir / "catalog.json").exists()
    assert not (site.site_dir / "design" / "index.html").exists()


@pytest.mark.parametrize("bad", ["/abs.md", "../out.md", "design/index.html", "a//b.md"])
def test_bad_catalog_page_is_a_config_error(
    make_site: Callable[..., Any], bad: str, caplog: pytest.LogCaptureFixture
) -> None:
    from mkdocs.exceptions import Abort

    site = make_site(plugins=[{"archdesign": {"catalog_page": bad}}])
    caplog.set_level(logging.ERROR)
    with pytest.raises(Abort):
        site.load()
    assert any("catalog_page" in record.getMessage() for record in caplog.records)
