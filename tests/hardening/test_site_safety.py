"""Real Material builds from hostile designs: no page of the site carries live markup.

The theme prints front matter itself (nav, tabs, ``<title>``, header, footer, ``<meta>``,
tag lists, the search index), so every HTML file of the site is parsed, not just the
plugin's fragments.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .corpus import hostile_corpus
from .hostile import XSS
from .safety import assert_safe_html

# tests/plugin is not a package: reach its helpers the way pytest would from there.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugin"))
from plugin_helpers import with_superfences


def _material_site(make_site: Callable[..., Any]) -> Any:
    options = {"fail_on": "never", "show_findings": "always"}
    return with_superfences(
        make_site(
            plugins=["search", "tags", {"archdesign": options}],
            theme={"name": "material", "features": ["navigation.tabs", "navigation.footer"]},
        )
    )


def test_every_page_of_a_material_site_is_safe(make_site: Callable[..., Any]) -> None:
    site = _material_site(make_site)
    for path, text in hostile_corpus(body=False):
        site.write(path, text)
    site.build()
    pages = sorted(site.site_dir.rglob("*.html"))
    assert len(pages) > len(XSS)
    for page in pages:
        assert_safe_html(page.read_text(encoding="utf-8"), str(page.relative_to(site.site_dir)))
    # The title still reads as the author wrote it: escaped once, not twice.
    home = site.html("index.html")
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in home
    assert "&amp;amp;lt;script" not in home  # the title that is literally "&lt;script&gt;"


def test_search_index_titles_are_text(make_site: Callable[..., Any]) -> None:
    site = _material_site(make_site)
    for path, text in hostile_corpus(body=False):
        site.write(path, text)
    site.build()
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        # Material's search renders titles as HTML, so they must hold no live markup.
        assert_safe_html(doc["title"], doc["location"])


@pytest.mark.parametrize("key", ["title", "tags", "description", "subtitle"])
def test_alias_bomb_in_a_theme_key_builds_quickly(make_site: Callable[..., Any], key: str) -> None:
    site = _material_site(make_site)
    levels = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    levels += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    site.write(
        "design/bomb-design.md",
        "---\n" + "\n".join(levels) + f"\n{key}: *a8\n---\n\n# Bomb\n\nBody.\n",
    )
    started = time.perf_counter()
    site.build()
    # A billion values would take hours to print; a bounded walk takes milliseconds.
    assert time.perf_counter() - started < 60
    page = site.html("design/bomb-design/index.html")
    assert "AD001" in page and "more than 10000 values" in page
