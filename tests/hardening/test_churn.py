"""Serve under churn: one plugin instance, many rebuilds, same result as a fresh build.

``mkdocs serve`` keeps the plugin (it defines ``on_startup``) and rebuilds after every
save. Designs are edited, renamed, deleted, recreated, broken and fixed between builds;
the last rebuild must equal a fresh ``mkdocs build`` of the final sources, and no build
may touch a byte (or an mtime) of ``docs_dir``.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build

from .corpus import COMPLETE

PLUGIN = {"archdesign": {"fail_on": "never", "show_findings": "always"}}


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(path.relative_to(folder)): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _outputs(site_dir: Path) -> dict[str, str]:
    """Design and catalog pages plus catalog.json, without the build timestamp."""
    found = {}
    for path in sorted((site_dir / "design").rglob("index.html")):
        found[str(path.relative_to(site_dir))] = path.read_text(encoding="utf-8")
    data = json.loads((site_dir / "catalog.json").read_text(encoding="utf-8"))
    data.pop("generated")
    found["catalog.json"] = json.dumps(data, indent=1, sort_keys=True)
    return found


def _complete(name: str) -> str:
    return (COMPLETE / name).read_text(encoding="utf-8")


def _churn(site: Any, config: Any) -> dict[str, str]:
    """Edit, rename, delete, break, fix and recreate designs, rebuilding after each step."""
    docs = site.docs

    def rebuild() -> None:
        before = _snapshot(docs)
        build(config)
        assert _snapshot(docs) == before, "a build changed docs_dir"

    rebuild()
    order = docs / "design" / "order-service-design.md"
    order.write_text(
        order.read_text("utf-8").replace("status: Approved", "status: Pending Review"), "utf-8"
    )
    rebuild()
    (docs / "design" / "payment-gateway-design.md").rename(docs / "design" / "payments-design.md")
    rebuild()
    (docs / "design" / "inventory-service-design.md").unlink()
    rebuild()
    broken = docs / "design" / "broken-design.md"
    broken.write_bytes(b"---\ntitle: [unclosed\n---\n# Broken\n\xff\xfe binary\x00\n")
    rebuild()
    assert "AD000" in site.html("design/broken-design/index.html")
    broken.write_text("---\ntitle: [unclosed\n---\n# Broken\n", encoding="utf-8")
    rebuild()
    assert "AD001" in site.html("design/broken-design/index.html")
    broken.write_text(_complete("notification-service-design.md"), encoding="utf-8")
    rebuild()
    site.write("design/inventory-service-design.md", _complete("inventory-service-design.md"))
    rebuild()
    return _outputs(site.site_dir)


def test_rebuilds_under_churn_equal_a_fresh_build(make_site: Callable[..., Any]) -> None:
    site = make_site(plugins=[PLUGIN])
    for name in ("order-service-design.md", "payment-gateway-design.md"):
        site.write(f"design/{name}", _complete(name))
    site.write("design/inventory-service-design.md", _complete("inventory-service-design.md"))
    config = site.load()
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        served = _churn(site, config)
    finally:
        config.plugins.on_shutdown()  # as serve does when it stops

    fresh_dir = site.root / "fresh"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "-q",
            "-f",
            str(site.root / "mkdocs.yml"),
            "-d",
            str(fresh_dir),
        ],
        check=True,
        cwd=site.root,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    fresh = _outputs(fresh_dir)
    assert sorted(served) == sorted(fresh)
    assert "design/payments-design/index.html" in served
    assert "design/payment-gateway-design/index.html" not in fresh
    for key, text in fresh.items():
        assert served[key] == text, key
    assert re.search(r"Pending Review", served["catalog.json"])
