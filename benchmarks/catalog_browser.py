"""Measure the catalog page in a real browser at scale: load, filter and sort times.

Not part of ``python -m benchmarks`` (it needs chromium and takes a minute at 10,000
designs); run it by hand when the catalog's script or markup changes:

    .venv/bin/python -m benchmarks.catalog_browser 10000

It validates a generated corpus, builds the catalog and its HTML exactly as the plugin
does (``build_catalog``, ``render_catalog_markdown``, Python-Markdown, ``fill_placeholders``),
wraps it in a bare page with the packaged ``catalog.css`` and ``catalog.js``, and drives
Debian's chromium through Playwright. Each interaction is timed in the page from the event
to the end of the next frame (so layout and paint of the changed rows are included), and
printed as one JSON object.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from datetime import date
from pathlib import Path
from typing import Any

import markdown

from benchmarks.corpus import generate_site
from mkdocs_archdesign.core.catalog.model import build_catalog
from mkdocs_archdesign.core.catalog.render import fill_placeholders, render_catalog_markdown
from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.validation.corpus import check_files
from mkdocs_archdesign.plugin.catalog_page import asset_text

CHROMIUM = "/usr/bin/chromium"

# Runs `act` (a JS statement) and resolves with ms until the frame after it was painted.
_TIMED = """
async ([act]) => {
  const start = performance.now();
  (new Function(act))();
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - start;
}
"""


def catalog_page(count: int, folder: Path) -> Path:
    """Write a bare HTML page holding the catalog of ``count`` generated designs."""
    site = generate_site(folder / "site", count)
    summaries = check_files(sorted(site.designs.glob("*.md")), load_template(), Settings())
    catalog = build_catalog(summaries)
    body = markdown.Markdown(extensions=["tables", "admonition", "pymdownx.superfences"]).convert(
        render_catalog_markdown(catalog)
    )
    body = fill_placeholders(body, catalog, "design-catalog/index.html", date(2026, 11, 26))
    page = folder / "catalog.html"
    page.write_text(
        "<!doctype html><html><head><meta charset='utf-8'>"
        f"<style>{asset_text('catalog.css')}</style></head><body>{body}"
        f"<script>{asset_text('catalog.js')}</script></body></html>",
        encoding="utf-8",
    )
    return page


def measure(page_file: Path) -> dict[str, Any]:
    """Load the page and time a status filter, a text filter, clearing, and a sort."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(page_file.as_uri(), wait_until="load")
        page.wait_for_function(
            "window.archdesignCatalog && window.archdesignCatalog.instances.length"
        )
        loaded = time.perf_counter() - start
        catalog = "window.archdesignCatalog.instances[0]"
        result: dict[str, Any] = {"rows": page.evaluate(f"{catalog}.rows.length")}
        result["load_s"] = round(loaded, 3)
        actions = {
            "status_filter_ms": (
                f"const c={catalog}; const s=c.control('status');"
                "s.value=s.options[1].value; c.apply();"
            ),
            "status_clear_ms": f"const c={catalog}; c.control('status').value=''; c.apply();",
            # The text filter waits 40 ms after the last keystroke; apply() is the work.
            "text_filter_ms": f"const c={catalog}; c.control('text').value='billing'; c.apply();",
            "text_clear_ms": f"const c={catalog}; c.control('text').value=''; c.apply();",
            "sort_ms": f"{catalog}.table.tHead.rows[0].cells[0].querySelector('button').click();",
            "show_more_ms": f"{catalog}.more.click();",
        }
        for name, act in actions.items():
            result[name] = round(page.evaluate(_TIMED, [act]), 1)
        text_filter = f"const c={catalog}; c.control('text').value='billing'; return c.apply();"
        result["visible_rows"] = page.evaluate(f"{catalog}.rows.filter(r => r.shown).length")
        result["count_text"] = page.evaluate(f"{catalog}.count.textContent")
        result["shown_after_text"] = page.evaluate(f"(() => {{ {text_filter} }})()")
        browser.close()
    return result


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 10000
    with tempfile.TemporaryDirectory(prefix="bench_catalog_") as tmp:
        page = catalog_page(count, Path(tmp))
        result = {"designs": count, "page_mib": round(page.stat().st_size / 2**20, 1)}
        result.update(measure(page))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
