"""The MkDocs plugin: validate designs at build time and show where each one stands.

Collect, then render: every design is validated in ``on_files``, before any page is
read, so cross-design rules see the whole site and ``--dirty`` rebuilds report the same
findings as full builds. Pages are then decorated one by one in ``on_page_markdown``.

The plugin defines ``on_startup``, so MkDocs keeps one instance alive across ``mkdocs
serve`` rebuilds (and for the rest of the process). Everything is therefore reset per
build; only the validation cache survives, and it is keyed by content, template and
settings so it is never stale. ``on_shutdown`` ends the session, so a later command in
the same process starts from build mode with an empty cache.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from jinja2 import Environment, TemplateNotFound
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme
from mkdocs.utils.templates import TemplateContext

from mkdocs_archdesign.core.config.schema import NAV_STATUS_AUTO_LIMIT
from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.catalog_fence import is_catalog_page
from mkdocs_archdesign.core.document.template import (
    LEVEL2_TEMPLATE_NAME,
    Template,
    TemplateError,
    load_template,
)
from mkdocs_archdesign.core.escape import terminal_text
from mkdocs_archdesign.core.files import RealPaths, read_regular_bytes
from mkdocs_archdesign.core.model import DesignSummary
from mkdocs_archdesign.core.output.design_page import (
    HandoffGraphs,
    PageOptions,
    decorate_design_markdown,
    design_blocks,
    has_unparsed_front_matter,
)
from mkdocs_archdesign.core.output.list_split import ListSplitExtension
from mkdocs_archdesign.core.output.page_blocks import status_slug
from mkdocs_archdesign.core.output.page_meta import neutralise_meta
from mkdocs_archdesign.core.output.raw_blocks import RawBlocks
from mkdocs_archdesign.core.validation.cache import ValidationCache
from mkdocs_archdesign.core.validation.corpus import is_design_path
from mkdocs_archdesign.core.validation.specs import attach_specs, check_spec_texts, is_spec_path
from mkdocs_archdesign.core.validation.validator import (
    UNREADABLE_CODE,
    DesignResult,
    check_corpus,
    read_design_source,
)
from mkdocs_archdesign.plugin import build_log, site_setup
from mkdocs_archdesign.plugin.catalog_page import CatalogPage
from mkdocs_archdesign.plugin.config import (
    ArchDesignConfig,
    page_options_from_config,
    settings_from_config,
)

log = get_plugin_logger(__name__)


class ArchDesignPlugin(BasePlugin[ArchDesignConfig]):  # type: ignore[no-untyped-call]
    """Validate architecture designs, badge them, and draw their handoff workflow.

    Public state, rebuilt on every build and read by the catalog:

    Attributes:
        summaries: One summary per design page, in the order MkDocs lists the files.
        summary_by_uri: The same summaries by ``File.src_uri``.
        design_files: Design pages by ``File.src_uri``.
        cache: Per-design validation results reused across ``mkdocs serve`` rebuilds.
    """

    def __init__(self) -> None:
        self.serving = False
        self.cache = ValidationCache()
        self._cache_key: tuple[str, str] | None = None
        self.settings = Settings()
        self.template: Template | None = None
        self.summaries: list[DesignSummary] = []
        self.summary_by_uri: dict[str, DesignSummary] = {}
        self.design_files: dict[str, File] = {}
        self.catalog_page = CatalogPage()
        self.page_options = PageOptions()
        self._graphs = HandoffGraphs()
        self._nav_status = False
        self._search_stand_ins: dict[str, list[tuple[str, str]]] = {}
        self._stashed: dict[str, str] = {}
        self._has_search = False
        self._env: Environment | None = None
        self._theme: Theme | None = None
        self._docs_dir: Path | None = None
        self._real: RealPaths | None = None
        self._theme_templates: dict[str, bool] = {}
        #: Whether the page being rendered is a design (the list splitter works only then).
        self.rendering_design = False
        self._lists = ListSplitExtension(lambda: self.rendering_design)
        self._raw_blocks = RawBlocks()

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this process serves the site (findings show on pages then)."""
        self.serving = command == "serve"

    def on_shutdown(self) -> None:
        """End the command's session: back to build mode, with an empty cache.

        MkDocs keeps this instance for the rest of the process, so whatever runs next in
        the same process (another ``build()``, a test) must not inherit ``serve``'s state.
        """
        self.serving = False
        self.cache.clear()
        self._cache_key = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Reset per-build state, load the template, and hook the stylesheet and statuses."""
        self._reset()
        self.catalog_page.configure(
            config, self.config.enabled and self.config.catalog, self.config.catalog_page
        )
        if not self.config.enabled:
            return None
        self.settings = settings_from_config(self.config)
        self.page_options = page_options_from_config(self.config)
        site_setup.drop_markdown_extension(config)
        self._docs_dir = Path(config.docs_dir)
        self._theme = config.theme
        self.template = self._load_template()
        key = (self.settings.fingerprint(), self.template.digest)
        if key != self._cache_key:
            self.cache.clear()  # a changed config or template invalidates every result
            self._cache_key = key
        site_setup.add_stylesheet_link(config)
        site_setup.register_status_titles(config, self.settings.statuses)
        extensions: list[Any] = config.markdown_extensions
        for extension in (self._lists, self._raw_blocks):
            if extension not in extensions:
                # Python-Markdown takes Extension instances in the same list as names.
                extensions.append(extension)
        # Only the flowchart and the catalog's dependency graph need mermaid; the stepper is HTML.
        graphs = self.config.handoff_graph == "mermaid" or self.config.catalog
        if graphs and not site_setup.mermaid_renders(config):
            log.warning(site_setup.mermaid_hint(config))
        # With pymdownx.tasklist on, the site's own checkboxes render the review checklist.
        self.page_options = dataclasses.replace(
            self.page_options, checkboxes="pymdownx.tasklist" not in config.markdown_extensions
        )
        self._has_search = site_setup.indexes_search(config)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Validate every design in the site, report all findings, then apply ``fail_on``."""
        self._reset()
        if not self.config.enabled or self.template is None:
            return None
        site_setup.add_stylesheet_file(files, config)
        # One pass over the designs: each folder is resolved once, not twice per file.
        self._real = RealPaths()
        self.cache.start_run()
        design_files, spec_files = self._split(self._design_files(files))
        checked = [(file, self._check_file(file)) for file in design_files]
        for file, result in checked:
            if result is None:  # the site's catalog page, not a design
                del self.design_files[file.src_uri]
        results = [result for _, result in checked if result is not None]
        self.cache.finish_run()
        designs = check_corpus(results, self.settings)
        specs = self._check_specs(spec_files, designs)
        self.summaries = [*attach_specs(designs, specs), *specs]
        self.summary_by_uri = {summary.path: summary for summary in self.summaries}
        nav_status = self.config.nav_status
        if nav_status == "auto":
            nav_status = len(self.summaries) <= NAV_STATUS_AUTO_LIMIT
        self._nav_status = bool(nav_status)
        self._report()
        self._enforce_fail_on()
        self.catalog_page.add_files(files, config, designs, specs)
        return files

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Fill the catalog page's table and handoff board once its Markdown is rendered."""
        self.rendering_design = False
        return self.catalog_page.page_content(html, page)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Write ``catalog.json`` into the site root."""
        self.catalog_page.write_catalog_json(config)

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        """Read a design that is not UTF-8 with replacement characters instead of failing.

        MkDocs aborts the whole build (and ``mkdocs serve``'s rebuild) on one undecodable
        page; the design already carries an AD000 finding saying so, which is shown.
        """
        summary = self.summary_by_uri.get(page.file.src_uri)
        if summary is None or not any(f.code == UNREADABLE_CODE for f in summary.findings):
            return None  # MkDocs reads it exactly as we would; no need to pay for it here
        if page.file.abs_src_path is None:
            return None  # generated in memory by another plugin: nothing to open
        try:
            data = read_regular_bytes(
                Path(page.file.abs_src_path), self._docs_dir, self.settings.max_file_bytes
            )
        except OSError:
            # Unreadable, not a regular file (MkDocs would block on a FIFO or read
            # /dev/zero forever), over the cap or a symlink out of docs_dir: the AD000
            # finding says why, and nothing of the file is published.
            return ""
        return data.decode("utf-8", errors="replace")

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Decorate a design page: badge, findings, handoff graph, next step, list fixes."""
        summary = self.summary_by_uri.get(page.file.src_uri)
        # MkDocs renders the page right after this hook: the splitter reads the flag then.
        self.rendering_design = summary is not None
        if summary is None:
            return self.catalog_page.page_markdown(markdown, page)
        unparsed = has_unparsed_front_matter(markdown, page.meta)
        for dropped in neutralise_meta(page.meta, self._has_theme_template):
            log.warning("%s: %s", terminal_text(page.file.src_uri), terminal_text(dropped))
        if self._nav_status:
            page.meta["status"] = site_setup.nav_status(status_slug(summary))
        else:
            # Material would print the design's own status word as an unknown nav icon.
            page.meta.pop("status", None)
        blocks = design_blocks(
            summary,
            self.page_options,
            findings_now=self.serving or unparsed,
            graphs=self._graphs,
        )
        self._search_stand_ins[page.file.src_uri] = site_setup.search_stand_ins(blocks)
        return decorate_design_markdown(
            markdown, self.page_options, unparsed=unparsed, blocks=self._raw_blocks.markers(blocks)
        )

    @event_priority(100)
    def _hide_from_search(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        """Give the search plugin the page with its blocks' stand-ins, not their markup.

        MkDocs' own search plugin ignores ``data-search-exclude``; Material's honours it
        but still parses the blocks' markup (the stepper's hundred tags a page were a
        sixth of the plugin's share of a 300-design build). The stand-ins
        (:func:`site_setup.search_stand_ins`) replace the blocks in ``page.content``
        before search runs; the blocks come back after it.
        """
        uri = page.file.src_uri
        stand_ins = self._search_stand_ins.get(uri) or self.catalog_page.search_stand_ins.get(uri)
        if not self._has_search or not stand_ins or page.content is None:
            return None
        self._stashed[uri] = page.content
        page.content = site_setup.with_stand_ins(page.content, stand_ins)
        return None

    @event_priority(-100)
    def _restore_after_search(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext | None:
        content = self._stashed.pop(page.file.src_uri, None)
        if content is not None:
            page.content = content
            context["page"] = page
        return None

    on_page_context = CombinedEvent(_hide_from_search, _restore_after_search)

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        """Rebuild when the custom template changes: it is the schema of every design."""
        if self.config.enabled and self.config.template:
            server.watch(self.config.template)
        return server

    def _has_theme_template(self, name: str) -> bool:
        if self._env is None:
            # MkDocs renders every page's Markdown before on_env hands out its environment,
            # so build the theme's own one (the loader page templates resolve through).
            self._env = self._theme.get_env() if self._theme is not None else None
            if self._env is None:
                return True  # no theme (not a real build): nothing to check
        known = self._theme_templates.get(name)
        if known is None:
            try:
                self._env.get_template(name)
                known = True
            except (TemplateNotFound, OSError, UnicodeDecodeError):
                known = False
            self._theme_templates[name] = known
        return known

    def _reset(self) -> None:
        self._env = None
        self._theme_templates = {}
        self.summaries = []
        self.summary_by_uri = {}
        self.design_files = {}
        self._graphs.clear()
        self._search_stand_ins = {}
        self._stashed = {}

    def _load_template(self) -> Template:
        try:
            return load_template(self.config.template, self.settings.section_levels)
        except TemplateError as exc:
            # The option was valid at load time; the file changed or vanished since.
            raise PluginError(f"archdesign: template: {exc}") from None

    def _design_files(self, files: Files) -> list[File]:
        for file in files.documentation_pages():
            inclusion = getattr(file, "inclusion", None)
            if inclusion is not None and inclusion.is_excluded():
                continue
            if is_design_path(file.src_uri, self.settings.designs):
                self.design_files[file.src_uri] = file
        return list(self.design_files.values())

    def _split(self, files: list[File]) -> tuple[list[File], list[File]]:
        designs: list[File] = []
        specs: list[File] = []
        for file in files:
            (specs if is_spec_path(file.src_uri, self.settings) else designs).append(file)
        return designs, specs

    def _check_specs(self, files: list[File], designs: list[DesignSummary]) -> list[DesignSummary]:
        """Validate Level 2 specs against their Level 1 designs (few per site: no cache)."""
        if not files:
            return []
        try:
            template = load_template(
                self.settings.level2_template, self.settings.section_levels, LEVEL2_TEMPLATE_NAME
            )
        except TemplateError as exc:
            raise PluginError(f"archdesign: level2_template: {exc}") from None
        items = [(file.src_uri, self._read(file)) for file in files]
        return check_spec_texts(items, designs, template, self.settings)

    def _read(self, file: File) -> str | DesignResult:
        """A design's or spec's text, read as ``check`` reads it, or its AD000 result."""
        if file.abs_src_path is None:  # generated in memory by another plugin
            return file.content_string
        return read_design_source(
            Path(file.abs_src_path), file.src_uri, self.settings, self._docs_dir, self._real
        )

    def _check_file(self, file: File) -> DesignResult | None:
        path = file.src_uri
        text = self._read(file)
        if not isinstance(text, str):
            return text
        assert self.template is not None
        if is_catalog_page(text):
            return None
        return self.cache.check(text.lstrip("\ufeff"), path, self.template, self.settings)

    def _report(self) -> None:
        build_log.report(log, self.summaries, self.cache.stats)

    def _enforce_fail_on(self) -> None:
        message = build_log.fail_on_message(self.summaries, self.settings.fail_on)
        if message is None:
            return
        if self.serving:
            # A failed rebuild would freeze the page the writer is fixing; show it instead.
            log.info("%s (mkdocs build would abort)", message)
            return
        raise PluginError(f"archdesign: {message}")
