"""Helpers for plugin tests: complete designs, mermaid set-ups and HTML extraction.

A module, not a conftest: tests/ is not a package, so a second ``conftest`` would shadow
the root one when imported by name.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import jinja2

from mkdocs_archdesign.core.document.template import default_template_source

REPO_ROOT = Path(__file__).resolve().parents[2]
COMPLETE = REPO_ROOT / "tests" / "fixtures" / "complete"

#: Material's mermaid via superfences; keeps builds offline. Only Material draws this fence
#: (other themes show its source, and the plugin warns), so the helper sets the theme.
SUPERFENCES = [
    {
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
]


def complete_design() -> str:
    """An Approved, complete design (no error or warning finding)."""
    return (COMPLETE / "order-service-design.md").read_text(encoding="utf-8")


def complete_designs() -> dict[str, str]:
    """Every complete fixture design by file name."""
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(COMPLETE.glob("*.md"))}


def mermaid_block(page: str) -> str:
    """The handoff graph's source as it landed in the HTML (first mermaid block)."""
    match = re.search(r'class="(?:language-)?mermaid"[^>]*>(.*?)</(?:code|pre|div)>', page, re.S)
    assert match is not None, "no mermaid block in the page"
    return html.unescape(match.group(1))


def badge(html: str) -> str:
    """The status badge element."""
    match = re.search(r'<div class="archdesign-badge.*?</div>', html, re.S)
    assert match is not None, "no badge in the page"
    return match.group(0)


def with_superfences(site: Any) -> Any:
    """Configure the superfences mermaid fence on ``site``.

    ``Site.save_config`` writes with ``yaml.safe_dump``, which quotes the
    ``!!python/name:`` tag into a plain string; unquote it so MkDocs loads the function.
    """
    site.config["markdown_extensions"] = SUPERFENCES
    if site.config.get("theme") == "mkdocs":  # make_site's default, not a test's choice
        site.config["theme"] = {"name": "material"}
    save = site.save_config

    def save_with_tags() -> Path:
        path: Path = save()
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"'(!!python/name:[\w.]+)'", r"\1", text)
        path.write_text(text, encoding="utf-8")
        return path

    site.save_config = save_with_tags
    return site


def write_complete(site: Any) -> None:
    """Write every complete fixture design into ``site``'s ``design/`` folder."""
    for name, text in complete_designs().items():
        site.write(f"design/{name}", text)


def render_default_template(
    title: str = "Order Service", module: str = "order_service", owner: str = "@alice"
) -> str:
    """The packaged template rendered as ``new`` would (a Draft full of placeholders).

    The root conftest has the same helper, but ``from conftest import`` resolves to
    whichever ``conftest.py`` pytest imported last (tests/browser has one too).
    """
    env = jinja2.Environment(keep_trailing_newline=True, autoescape=False)
    # A JSON string is a valid YAML scalar: the same quoting the scaffold's filter gives.
    env.filters["yaml_str"] = json.dumps
    return env.from_string(default_template_source()).render(
        title=title, module=module, owner=owner
    )
