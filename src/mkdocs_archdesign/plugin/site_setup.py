"""What the plugin adds to the site's config: its stylesheet, status titles, a mermaid check.

Nothing is ever written into ``docs_dir``: the stylesheet is a generated file (as
mkdocs-gen-files does it) that MkDocs copies to ``site_dir`` itself.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from mkdocs_archdesign.core.config.statuses import StatusVocabulary
from mkdocs_archdesign.core.files import packaged_text
from mkdocs_archdesign.core.model import Status
from mkdocs_archdesign.core.output.page_blocks import SEARCH_EXCLUDE
from mkdocs_archdesign.core.output.raw_blocks import is_raw_html

log = get_plugin_logger(__name__)

#: A tag of the plugin's own markup (attribute values never hold ``>``: they are escaped).
_TAG = re.compile(r"<[^>]*>")

#: Where the stylesheet lands in the built site (and its ``extra_css`` entry).
CSS_URI = "assets/archdesign/archdesign.css"

#: Material nav status slugs (``page.meta.status``) are prefixed so they never clash
#: with the theme's own ``new``/``deprecated`` or a site's custom statuses.
STATUS_PREFIX = "archdesign-"

#: The one line that makes Material draw mermaid: its superfences custom fence.
MATERIAL_FENCE = (
    "markdown_extensions: [{pymdownx.superfences: {custom_fences: [{name: mermaid, "
    "class: mermaid, format: !!python/name:pymdownx.superfences.fence_code_format }]}}]"
)
#: Other themes draw mermaid with the mermaid2 plugin (list it with the site's others).
MERMAID2_PLUGINS = "plugins: [search, mermaid2, archdesign]"

#: The mermaid2 fence format that draws: a ``<div>`` of raw source. ``fence_mermaid_custom``
#: writes ``<pre><code>``; mermaid parses the ``<code>`` tag and draws "Syntax error in text".
_PLAIN_FENCE_FORMATS = frozenset({"fence_mermaid"})


#: The Markdown extension's name in ``markdown_extensions`` (Zensical's way in).
EXTENSION_NAME = "mkdocs_archdesign.extension"


def drop_markdown_extension(config: MkDocsConfig) -> None:
    """Take the Markdown extension out of an MkDocs build that runs the plugin.

    A site moving to Zensical lists both; MkDocs must not render the blocks twice, and the
    plugin (which sees the whole build) is the better renderer wherever it runs.
    """
    extensions = config.markdown_extensions
    if EXTENSION_NAME not in extensions:
        return
    config.markdown_extensions = [name for name in extensions if name != EXTENSION_NAME]
    config.mdx_configs.pop(EXTENSION_NAME, None)
    log.info("%s is listed too; the archdesign plugin renders this build", EXTENSION_NAME)


def nav_status(slug: str) -> str:
    """The ``page.meta.status`` value for a design status slug, e.g. ``archdesign-approved``."""
    return STATUS_PREFIX + slug


def add_stylesheet_link(config: MkDocsConfig) -> None:
    """List the stylesheet in ``extra_css`` once (a config object may be built twice)."""
    if CSS_URI not in [str(entry) for entry in config.extra_css]:
        config.extra_css.append(CSS_URI)


def add_stylesheet_file(files: Files, config: MkDocsConfig) -> None:
    """Add the stylesheet to the build as a generated file, unless the site ships one."""
    if files.get_file_from_path(CSS_URI) is not None:
        return
    files.append(File.generated(config, CSS_URI, content=packaged_text("assets", "archdesign.css")))


def register_status_titles(config: MkDocsConfig, statuses: StatusVocabulary | None = None) -> None:
    """Give every design stage a title in ``extra.status`` (Material's nav tooltip).

    The icon follows the stage; the title names it in the team's words (``Design:
    Accepted``) when ``statuses`` has a plain name for it. A site's own titles for the
    same slugs win; a non-mapping ``extra.status`` is left alone, because it is the
    site's and Material would not read it anyway.
    """
    extra: Any = config.extra
    titles = extra.get("status")
    if titles is None:
        titles = {}
        extra["status"] = titles
    if not isinstance(titles, dict):
        return
    for status in Status:
        word = statuses.name_for(status) if statuses is not None else None
        titles.setdefault(nav_status(status.slug), f"Design: {word or status.value}")
    titles.setdefault(nav_status("unknown"), "Design: unknown status")


def is_material(config: MkDocsConfig) -> bool:
    """Whether the site's theme is Material for MkDocs (or a theme extending it)."""
    theme = config.theme
    return theme.name == "material" or "material" in str(getattr(theme, "dirs", ""))


def _mermaid_fence_formats(config: MkDocsConfig) -> list[str]:
    superfences = config.mdx_configs.get("pymdownx.superfences") or {}
    fences = superfences.get("custom_fences") or []
    return [
        getattr(fence.get("format"), "__name__", str(fence.get("format")))
        for fence in fences
        if isinstance(fence, dict) and fence.get("name") == "mermaid"
    ]


def mermaid_renders(config: MkDocsConfig) -> bool:
    """Whether something in this set-up draws ```` ```mermaid ```` fences in the browser.

    Material draws a superfences ``mermaid`` fence itself. mermaid2 draws with any theme,
    but only without a fence or with its ``fence_mermaid`` format: the others hand mermaid
    ``<pre><code>`` HTML it reads as a syntax error (Material's own loader included).
    """
    formats = _mermaid_fence_formats(config)
    if "mermaid2" in config.plugins:
        return all(name in _PLAIN_FENCE_FORMATS for name in formats)
    return is_material(config) and bool(formats)


def mermaid_hint(config: MkDocsConfig) -> str:
    """The one-line warning for a set-up that draws no mermaid, with the exact lines to add."""
    if "mermaid2" in config.plugins or (_mermaid_fence_formats(config) and not is_material(config)):
        fix = (
            f"{MERMAID2_PLUGINS}, and the mermaid custom fence's format must be "
            "!!python/name:mermaid2.fence_mermaid (fence_mermaid_custom and "
            "fence_code_format draw 'Syntax error in text' here)"
        )
    elif is_material(config):
        fix = f"add to mkdocs.yml: {MATERIAL_FENCE}"
    else:
        fix = f"add to mkdocs.yml: {MERMAID2_PLUGINS}"
    return (
        "the designs' and the catalog's mermaid diagrams will show as source: nothing in "
        f"this set-up draws them ({config.theme.name or 'custom'} theme); {fix}; or set "
        "catalog: false if the designs draw none"
    )


def indexes_search(config: MkDocsConfig) -> bool:
    """Whether the site has a search plugin (MkDocs' ``search``, Material's ``material/search``)."""
    return any(name == "search" or name.endswith("/search") for name in config.plugins)


def search_stand_ins(blocks: list[str]) -> list[tuple[str, str]]:
    """What the search plugin reads in place of each of a page's raw-HTML blocks.

    Blocks marked ``data-search-exclude`` are left out, as Material would leave them
    out. The others (the badge) keep their words, so a design is found by its status,
    owner or id, but as bare text: Material's search parser pays per tag, and the
    badge's two dozen were a tenth of the plugin's share of a 300-design build.

    Args:
        blocks: The page's blocks, as inserted (Markdown blocks are skipped).

    Returns:
        ``(block, stand-in)`` pairs for :func:`with_stand_ins`.
    """
    pairs: list[tuple[str, str]] = []
    for block in blocks:
        if not is_raw_html(block):
            continue
        html = block.strip("\n")
        opening = html.split(">", 1)[0]
        if SEARCH_EXCLUDE in opening:
            pairs.append((html, ""))
        else:
            # Tags out, entities kept: the text stays valid, escaped HTML.
            pairs.append((html, _TAG.sub("", html)))
    return pairs


def with_stand_ins(content: str, pairs: list[tuple[str, str]]) -> str:
    """``content`` with each block replaced once by its stand-in (blocks pass verbatim)."""
    for block, stand_in in pairs:
        content = content.replace(block, stand_in, 1)
    return content
