"""Front matter the theme prints or interprets: escaped, validated, never aborting the build.

The printed keys were enumerated from the installed theme templates (Material and MkDocs'
own themes); each is built for real with a hostile value and looked for in the HTML.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mkdocs_archdesign.cli import main
from mkdocs_archdesign.core.document.theme_keys import PRINTED_TEXT_KEYS

from .corpus import COMPLETE
from .safety import assert_safe_html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugin"))
from plugin_helpers import with_superfences

HOSTILE = '<img src=x onerror="window.__xss=1">'
ESCAPED = "&lt;img src=x onerror=&#34;window.__xss=1&#34;&gt;"
BASE = (COMPLETE / "order-service-design.md").read_text(encoding="utf-8")
PAGE = "design/order-service-design/index.html"


def _with_front(extra: str) -> str:
    """The complete design with ``extra`` front-matter lines added after ``---``."""
    assert BASE.startswith("---\n")
    return "---\n" + extra + "\n" + BASE[4:]


def _site(make_site: Callable[..., Any], theme: Any = None) -> Any:
    options = {"fail_on": "never", "show_findings": "always"}
    tags = [] if theme == "mkdocs" else ["tags"]  # Material's tags plugin needs Material
    site = with_superfences(
        make_site(
            plugins=["search", *tags, {"archdesign": options}],
            theme=theme or {"name": "material", "features": ["navigation.footer"]},
        )
    )
    # with_superfences moves make_site's default theme to Material; a test asking for the
    # mkdocs theme means it.
    site.config["theme"] = theme or site.config["theme"]
    return site


def _escaped_once(html: str) -> bool:
    return ESCAPED in html or "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in html


@pytest.mark.parametrize("key", [k for k in PRINTED_TEXT_KEYS if k not in ("title", "location")])
def test_each_printed_key_is_escaped_in_a_material_build(
    make_site: Callable[..., Any], key: str
) -> None:
    site = _site(make_site)
    site.write("design/order-service-design.md", _with_front(f"{key}: {json.dumps(HOSTILE)}"))
    site.build()
    html = site.html(PAGE)
    assert_safe_html(html, f"{key} on {PAGE}")
    assert _escaped_once(html), f"{key} is not shown as text"


def test_title_is_escaped_in_a_material_build(make_site: Callable[..., Any]) -> None:
    site = _site(make_site)
    site.write(
        "design/order-service-design.md",
        BASE.replace("title: Order Service", f"title: {json.dumps(HOSTILE)}", 1),
    )
    site.build()
    html = site.html(PAGE)
    assert_safe_html(html, PAGE)
    assert _escaped_once(html)


def test_location_is_escaped_in_material_redirect_template(make_site: Callable[..., Any]) -> None:
    site = _site(make_site)
    hostile = '"];window.__xss=1;//</script><script>window.__xss=1</script>'
    site.write(
        "design/order-service-design.md",
        _with_front(f"template: redirect.html\nlocation: {json.dumps(hostile)}"),
    )
    site.build()
    html = site.html(PAGE)
    assert "<script>window.__xss=1</script>" not in html
    assert '"];window.__xss' not in html
    assert "&#34;];window.__xss=1" in html or "&quot;];window.__xss=1" in html


def test_source_is_escaped_in_the_mkdocs_theme(make_site: Callable[..., Any]) -> None:
    site = _site(make_site, theme="mkdocs")
    site.write("design/order-service-design.md", _with_front(f"source: [{json.dumps(HOSTILE)}]"))
    site.build()
    html = site.html(PAGE)
    assert_safe_html(html, PAGE)
    assert _escaped_once(html)


def test_a_date_revision_date_still_prints(make_site: Callable[..., Any]) -> None:
    site = _site(make_site)
    site.write("design/order-service-design.md", _with_front("revision_date: 2026-01-02"))
    site.build()
    assert "2026-01-02" in site.html(PAGE)


INTERPRETED = [
    ("hide: 5", "'hide' must be a list of names"),
    ("search: 1", "'search' must be a mapping"),
    ("template: nope.html", "'template' 'nope.html' is not a theme template"),
    ("icon: no/such-icon", "'icon' 'no/such-icon' is not an icon of the theme"),
    ("template: ../../etc/passwd", "'template' must be a theme template name"),
    ("search: {boost: high}", "'search.boost' must be a number"),
]


@pytest.mark.parametrize(("line", "message"), INTERPRETED, ids=[i[0] for i in INTERPRETED])
def test_a_bad_theme_key_is_dropped_and_the_build_completes(
    make_site: Callable[..., Any],
    caplog_mkdocs: pytest.LogCaptureFixture,
    line: str,
    message: str,
) -> None:
    site = _site(make_site)
    site.config["nav"] = ["index.md", "design/order-service-design.md"]
    site.write("design/order-service-design.md", _with_front(line))
    site.build()
    assert "Order Service" in site.html(PAGE)
    assert message in caplog_mkdocs.text


@pytest.mark.parametrize(
    ("line", "message"),
    # Whether a template or icon exists depends on the theme, which only the build knows.
    [i for i in INTERPRETED if "is not a" not in i[1]],
)
def test_check_reports_the_same_bad_theme_key_as_ad001(
    tmp_path: Path, line: str, message: str
) -> None:
    design = tmp_path / "docs" / "design" / "order-service-design.md"
    design.parent.mkdir(parents=True)
    design.write_text(_with_front(line), encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(design.parent), "--format", "json"])
    findings = json.loads(result.output)["findings"]
    ad001 = [f["message"] for f in findings if f["code"] == "AD001"]
    assert any(message in text for text in ad001), ad001


def test_valid_theme_keys_are_kept(make_site: Callable[..., Any]) -> None:
    site = _site(make_site)
    site.write(
        "design/order-service-design.md",
        _with_front("hide: [toc]\nsearch: {boost: 2}\nicon: material/pencil"),
    )
    site.build()
    html = site.html(PAGE)
    # hide: [toc] hides Material's table of contents sidebar on the page.
    assert 'data-md-type="toc" hidden' in html
