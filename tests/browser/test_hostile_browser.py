"""A Material site built from hostile designs runs no script from them in a real browser.

Every front-matter value of each design carries one hostile string (title, owner, tags,
depends_on, handoff labels and prompts; findings quote several back). The design pages
and the catalog page are opened after mermaid has drawn; nothing may have set
``window.__xss`` or opened a dialog.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

# tests/ is not a package: reach the hardening corpus the way pytest would from there.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugin"))

from plugin_helpers import with_superfences

from hardening.corpus import hostile_corpus

pytestmark = pytest.mark.browser


def test_hostile_designs_run_no_script(
    make_site: Any, serve_site: Any, page: Any, screenshot: Any
) -> None:
    options = {"fail_on": "never", "show_findings": "always"}
    site = with_superfences(
        make_site(
            plugins=["search", "tags", {"archdesign": options}],
            theme={"name": "material", "features": ["navigation.tabs", "navigation.instant"]},
        )
    )
    corpus = hostile_corpus(body=False)
    for path, text in corpus:
        site.write(path, text)
    site.build()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    base = serve_site(site.site_dir)
    urls = ["design/", "design/h00-design/", "design/h01-design/", "design/h13-design/"]
    for url in urls:
        page.goto(f"{base}/{url}")
        page.wait_for_selector(".mermaid", state="attached", timeout=20_000)
        # Material renders mermaid into a shadow root; a drawn graph has a height.
        page.wait_for_function(
            "(() => [...document.querySelectorAll('.mermaid')]"
            ".some(h => h.getBoundingClientRect().height > 50))()",
            timeout=20_000,
        )
        assert page.evaluate("typeof window.__xss") == "undefined", url
    assert not dialogs, dialogs
    # The hostile title is shown as text in the nav, not swallowed or run.
    assert "<script>window.__xss=1</script>" in page.locator("body").inner_text()
    assert screenshot(page, "hostile-design-page").is_file()
