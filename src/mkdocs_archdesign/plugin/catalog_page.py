"""The plugin side of the architecture catalog: a generated page, its assets, catalog.json.

Collect, then render: the plugin validates every design in ``on_files``; only then is the
catalog page generated (``File.generated``, nothing is written into ``docs_dir``), and its
table and board are swapped into the HTML in ``on_page_content``. ``catalog.json`` is
written into ``site_dir`` after the build. All the content comes from the MkDocs-free
core (``core/catalog*.py``), which the ``catalog`` command shares.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from mkdocs_archdesign.core.catalog.model import (
    Catalog,
    build_catalog,
    build_time,
    catalog_json,
    page_dest,
    relative_url,
)
from mkdocs_archdesign.core.catalog.render import (
    catalog_blocks,
    fill_placeholders,
    render_catalog_body,
    render_catalog_markdown,
)
from mkdocs_archdesign.core.document.catalog_fence import find_catalog_fence, replace_catalog_fence
from mkdocs_archdesign.core.files import packaged_text
from mkdocs_archdesign.core.model import DesignSummary

log = get_plugin_logger(__name__)

#: Where the catalog's script and stylesheet land in the built site.
SCRIPT_URI = "assets/archdesign/catalog.js"
STYLE_URI = "assets/archdesign/catalog.css"

#: The machine-readable catalog, at the site root.
JSON_URI = "catalog.json"

#: A rendered mermaid diagram: superfences' ``<pre class="mermaid">`` or mermaid2's ``<div>``.
_MERMAID_BLOCK = re.compile(r'<(pre|div) class="mermaid"[^>]*>.*?</\1>', re.S)


def nav_mentions(nav: Any, path: str) -> bool:
    """Whether an explicit ``nav:`` lists ``path`` anywhere (any nesting, any title)."""
    if isinstance(nav, str):
        return nav.strip().lstrip("/") == path
    if isinstance(nav, dict):
        return any(nav_mentions(value, path) for value in nav.values())
    if isinstance(nav, list):
        return any(nav_mentions(item, path) for item in nav)
    return False


class CatalogPage:
    """Per-build catalog state owned by the plugin; reset by :meth:`configure`.

    Attributes:
        enabled: Whether the catalog is produced in this build.
        page_path: The docs-relative path of the generated page (``design/index.md``).
        catalog: The catalog of this build, once the designs are validated.
        page_file: The generated page, or ``None`` when skipped.
        write_json: Whether ``catalog.json`` is written (not when the site ships its own).
    """

    def __init__(self) -> None:
        self.enabled = False
        self.page_path = "design/index.md"
        self.catalog: Catalog | None = None
        self.page_file: File | None = None
        self.write_json = False
        self.generated: datetime = build_time()
        self.fence_pages: set[str] = set()
        #: What the search plugin reads instead of the catalog's blocks, by page.
        self.search_stand_ins: dict[str, list[tuple[str, str]]] = {}

    def configure(self, config: MkDocsConfig, enabled: bool, page_path: str) -> None:
        """Reset for a new build and list the catalog's script and stylesheet.

        Args:
            config: The MkDocs config (``extra_javascript``/``extra_css`` are extended).
            enabled: The plugin's ``catalog`` option.
            page_path: The plugin's ``catalog_page`` option.
        """
        self.enabled = enabled
        self.page_path = page_path.strip().lstrip("/")
        self.catalog = None
        self.page_file = None
        self.write_json = False
        self.fence_pages = set()
        self.search_stand_ins = {}
        if not enabled:
            return
        # Listed on every page: Material's instant navigation loads scripts only once.
        if SCRIPT_URI not in [str(entry) for entry in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT_URI)
        if STYLE_URI not in [str(entry) for entry in config.extra_css]:
            config.extra_css.append(STYLE_URI)

    def add_files(
        self,
        files: Files,
        config: MkDocsConfig,
        summaries: list[DesignSummary],
        specs: list[DesignSummary] | None = None,
    ) -> None:
        """Generate the catalog page and its assets from the validated ``summaries``.

        Args:
            files: The site's files (extended in place).
            config: The MkDocs config.
            summaries: Every Level 1 design, with ``path`` equal to ``File.src_uri``.
            specs: Every Level 2 spec (each joins the design it names).
        """
        if not self.enabled:
            return
        self.generated = build_time()
        self.catalog = build_catalog(summaries, config.use_directory_urls, specs or ())
        for uri, name in ((SCRIPT_URI, "catalog.js"), (STYLE_URI, "catalog.css")):
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, content=packaged_text("assets", name)))
        self.write_json = files.get_file_from_path(JSON_URI) is None
        if not self.write_json:
            log.warning("docs_dir already has %s; the catalog's copy is not written", JSON_URI)
        existing = files.get_file_from_path(self.page_path)
        if existing is not None and _has_fence(existing):
            return  # the site's own page (Zensical's way) holds the catalog: see page_markdown
        if existing is not None:
            log.warning(
                "docs_dir already has %s, so the design catalog page is not generated; "
                "set the archdesign option catalog_page to another path to get it",
                self.page_path,
            )
            return
        self.page_file = File.generated(
            config,
            self.page_path,
            content=render_catalog_markdown(
                self.catalog,
                page_dest=page_dest(self.page_path, self.catalog.use_directory_urls),
            ),
        )
        files.append(self.page_file)
        if config.nav and not nav_mentions(config.nav, self.page_path):
            log.info(
                "the design catalog is at %s; your nav: is explicit, so add it with one "
                "line, e.g.  - Design catalog: %s",
                self.page_path,
                self.page_path,
            )

    def page_markdown(self, markdown: str, page: Page) -> str | None:
        """Replace an ``archdesign-catalog`` fence on a site's own page with the catalog.

        The same page then renders the catalog under MkDocs (here) and under Zensical (the
        Markdown extension), so a site moving between them keeps one ``docs/``.
        """
        if self.catalog is None or find_catalog_fence(markdown) is None:
            return None
        self.fence_pages.add(page.file.src_uri)
        dest = page_dest(page.file.src_uri, self.catalog.use_directory_urls)
        return replace_catalog_fence(markdown, render_catalog_body(self.catalog, dest))

    def page_content(self, html: str, page: Page) -> str | None:
        """Swap the table and the handoff board into the catalog page's HTML."""
        if self.catalog is None:
            return None
        if page.file.src_uri in self.fence_pages:
            path = page.file.src_uri
        elif self.page_file is not None and page.file is self.page_file:
            path = self.page_path
        else:
            return None
        dest = page_dest(path, self.catalog.use_directory_urls)
        json_href = relative_url(JSON_URI, dest) if self.write_json else None
        today = self.generated.date()
        blocks = catalog_blocks(self.catalog, dest, today)
        html = fill_placeholders(html, self.catalog, dest, today, json_href, blocks)
        # The table, board and timeline repeat what each design's own page says; in the
        # index they were one run-together entry of every title, owner and filter option.
        table, board, _ = blocks
        # The dependency graph's mermaid source sits between the table and the board.
        graph = _MERMAID_BLOCK.search(html, html.find(table) + len(table), html.find(board))
        excluded = [*blocks, *([graph.group(0)] if graph is not None else [])]
        self.search_stand_ins[page.file.src_uri] = [(block, "") for block in excluded]
        return html

    def write_catalog_json(self, config: MkDocsConfig) -> None:
        """Write ``catalog.json`` into the site root after the build."""
        if self.catalog is None or not self.write_json:
            return
        target = Path(config.site_dir) / JSON_URI
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(catalog_json(self.catalog, self.generated), encoding="utf-8")


def _has_fence(file: File) -> bool:
    try:
        return find_catalog_fence(file.content_string) is not None
    except (OSError, UnicodeDecodeError):
        return False
