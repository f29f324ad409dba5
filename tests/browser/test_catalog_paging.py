"""The catalog shows a limited number of matching rows and a "Show more" button past it.

The real limit is 1,000 rows (measured at 10,000 designs with
``python -m benchmarks.catalog_browser``); a site that large takes minutes to build, so
this test lowers the limit of the live instance to 2 and checks the logic on a small site.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "catalog"))

from catalog_corpus import SPECS, write_specs

from .test_catalog_browser import build_material_site, visible_rows

pytestmark = pytest.mark.browser

CATALOG = "window.archdesignCatalog.instances[0]"


def test_rows_past_the_limit_wait_behind_show_more(
    tmp_path: Path, serve_site: Callable[[Path], str], page: Any
) -> None:
    write_specs(tmp_path / "docs")
    base = serve_site(build_material_site(tmp_path))
    page.goto(f"{base}/design/")
    page.wait_for_selector(".archdesign-catalog__filters:not([hidden])")
    total = len(SPECS)
    assert total > 3
    more = page.locator(".archdesign-catalog__more")
    assert visible_rows(page) == total
    assert more.count() == 0  # under the limit: no button, nothing hidden

    # As the script does for a table longer than the limit at start-up.
    page.evaluate(f"{CATALOG}.limit = 2; {CATALOG}.more = {CATALOG}.createMoreButton()")
    page.evaluate(f"{CATALOG}.apply()")
    assert visible_rows(page) == 2
    count = page.locator("[data-count]").inner_text()
    assert count == f"{total} of {total} designs (first 2 shown)"
    assert more.is_visible()
    assert more.inner_text() == f"Show {total - 2} more"

    # Sorting shows the first rows of the new order, still two of them.
    page.click("th[data-key=title] button")
    assert visible_rows(page) == 2

    # A filter counts every match, shows at most the limit.
    page.select_option('[data-filter="status"]', "approved")
    assert visible_rows(page) == 1
    assert not more.is_visible()
    page.select_option('[data-filter="status"]', "")
    assert visible_rows(page) == 2

    more.click()
    assert visible_rows(page) == total
    assert not more.is_visible()
    assert page.locator("[data-count]").inner_text() == f"{total} of {total} designs"
