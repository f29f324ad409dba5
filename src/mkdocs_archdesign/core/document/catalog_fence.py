"""The catalog fence: an empty fenced block with the info string ``archdesign-catalog``.

A site's own page (``docs/design/index.md`` with a title and this block) is where the design
catalog renders, under the plugin and under the Zensical Markdown extension alike. Such a
page is never a design itself: every corpus skips it.
"""

from __future__ import annotations

import re

#: Fences whose info string is this word are replaced by the design catalog.
CATALOG_FENCE = "archdesign-catalog"

_CATALOG_FENCE_RE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[ \t]*\{?[ \t]*\.?" + CATALOG_FENCE + r"[ \t]*\}?[ \t]*\n"
    r"(?P<body>(?:[ \t]*\n)*)(?P=fence)[ \t]*$",
    re.MULTILINE,
)


def find_catalog_fence(markdown: str) -> re.Match[str] | None:
    """The first empty fenced block whose info string is ``archdesign-catalog``, if any."""
    return _CATALOG_FENCE_RE.search(markdown)


def replace_catalog_fence(markdown: str, replacement: str) -> str:
    """Replace the first ``archdesign-catalog`` fence with ``replacement`` (Markdown).

    Args:
        markdown: The page's Markdown.
        replacement: What takes the fence's place (surrounded by blank lines).

    Returns:
        The Markdown, unchanged when it has no such fence.
    """
    match = find_catalog_fence(markdown)
    if match is None:
        return markdown
    return markdown[: match.start()] + f"\n{replacement}\n" + markdown[match.end() :]


def is_catalog_page(text: str) -> bool:
    """Whether a Markdown source holds the catalog fence (so it is not a design)."""
    return CATALOG_FENCE in text and find_catalog_fence(text) is not None
