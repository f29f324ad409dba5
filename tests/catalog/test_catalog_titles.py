"""Titles written in Markdown read as text in the catalog, catalog.json, board and graph."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
from catalog_corpus import Spec, write_specs
from test_catalog_site import build, material_site, schema

KEP_TITLE = "[KEP-3063](https://example.com): Dynamic *Resource* Allocation"
KEP_TEXT = "KEP-3063: Dynamic Resource Allocation"
SPECS = (
    Spec("design/kep-3063-design.md", KEP_TITLE, "Approved", "@sig-node", reviewer="@lead"),
    Spec(
        "design/driver-design.md",
        "The `driver` & **plugin**",
        "Draft",
        "@sig-node",
        depends_on=("kep-3063",),
    ),
)


def catalog_command(root: Path, form: str) -> str:
    """``mkdocs-archdesign catalog --format FORM`` as a process; its output."""
    process = subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", "catalog", "--format", form],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == 0, process.stderr
    return process.stdout


def kep_site(make_site: Callable[..., Any]) -> Any:
    site = material_site(make_site)
    for path in site.docs.joinpath("design").rglob("*.md"):
        path.unlink()
    write_specs(site.docs, SPECS)
    return site


def test_a_kep_title_is_text_in_the_built_catalog(make_site: Callable[..., Any]) -> None:
    site = kep_site(make_site)
    build(site)
    html = site.html("design/index.html")
    assert f'<a href="kep-3063-design/">{KEP_TEXT}</a>' in html
    assert '<a href="driver-design/">The driver &amp; plugin</a>' in html
    # Only MkDocs' own navigation (outside the catalog) still shows the source title.
    catalog = html[html.index('<article class="md-content__inner') :]
    assert "](https://example.com)" not in catalog
    assert "*Resource*" not in catalog
    # The handoff board's card and the dependency graph's node read the same text.
    assert re.search(rf'archdesign-board__card"><a href="[^"]+">{re.escape(KEP_TEXT)}</a>', html)
    assert f"{KEP_TEXT} (Approved)" in html
    # The page's own heading is MkDocs' rendering of what the author wrote: a link.
    page = site.html("design/kep-3063-design/index.html")
    assert '<a href="https://example.com">KEP-3063</a>: Dynamic <em>Resource</em>' in page

    data = json.loads((site.site_dir / "catalog.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema()).validate(data)
    by_id = {design["id"]: design for design in data["designs"]}
    assert by_id["kep-3063"]["title"] == KEP_TEXT
    assert by_id["kep-3063"]["title_markdown"] == KEP_TITLE
    assert by_id["driver"]["title"] == "The driver & plugin"


def test_catalog_json_from_the_command_line_has_the_text_title(
    make_site: Callable[..., Any],
) -> None:
    site = kep_site(make_site)
    site.save_config()
    data = json.loads(catalog_command(site.root, "json"))
    jsonschema.Draft202012Validator(schema()).validate(data)
    titles = {design["id"]: design["title"] for design in data["designs"]}
    assert titles == {"kep-3063": KEP_TEXT, "driver": "The driver & plugin"}
    markdown = catalog_command(site.root, "markdown")
    assert f"[{KEP_TEXT}](<design/kep-3063-design.md>)" in markdown
