"""The browser stack itself: chromium, the offline routing and mermaid from node_modules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>smoke</title></head>
<body>
<pre class="mermaid">
flowchart LR
    a[Architect] --> b[API designer]
</pre>
<img src="https://example.invalid/tracker.png" alt="">
<script type="module">
  import mermaid from "https://unpkg.com/mermaid@11/dist/mermaid.esm.min.mjs";
  mermaid.initialize({ startOnLoad: false });
  await mermaid.run();
  window.__rendered = true;
</script>
</body></html>
"""


def test_cdn_urls_map_to_the_local_package(mermaid_url_map: Any) -> None:
    mermaid_file_for = mermaid_url_map
    assert mermaid_file_for("https://unpkg.com/mermaid@11/dist/mermaid.min.js") is not None
    esm = "https://cdn.jsdelivr.net/npm/mermaid@11.4.0/dist/mermaid.esm.min.mjs"
    assert mermaid_file_for(esm) is not None
    assert mermaid_file_for("https://unpkg.com/mermaid@11/dist/../../../etc/passwd") is None
    assert mermaid_file_for("https://unpkg.com/other@1/dist/mermaid.min.js") is None


def test_mermaid_renders_offline_from_node_modules(
    tmp_path: Path, serve_site: Any, page: Any, screenshot: Any
) -> None:
    (tmp_path / "index.html").write_text(PAGE, encoding="utf-8")
    base = serve_site(tmp_path)

    page.goto(f"{base}/index.html")
    page.wait_for_function("window.__rendered === true", timeout=20_000)

    svg = page.locator("pre.mermaid svg")
    assert svg.count() == 1
    assert "Architect" in svg.text_content()
    box = svg.bounding_box()
    assert box is not None and box["width"] > 50 and box["height"] > 10
    assert screenshot(page, "browser-smoke").is_file()
