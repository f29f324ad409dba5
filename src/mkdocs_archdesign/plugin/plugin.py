"""The MkDocs plugin: validate designs at build time and show where each one stands.

Collect, then render: every design is validated in ``on_files``, before any page is
read, so cross-design rules see the whole site and ``--dirty`` rebuilds report the same
findings as full builds. Pages are then decorated one by one in ``on_page_markdown``.

The plugin defines ``on_startup``, so MkDocs keeps one instance alive across ``mkdocs
serve`` rebuilds. Everything is therefore reset per build; only the validation cache
survives, and it is keyed by content, template and settings so it is never stale.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import (
    LEVEL2_TEMPLATE_NAME,
    Template,
    TemplateError,
    load_template,
)
from mkdocs_archdesign.core.model import DesignSummary, FindingCounts, Severity
from mkdocs_archdesign.core.output.handoff_graph import (
    next_step_text,
    render_handoff_graph,
    spec_next_step_text,
)
from mkdocs_archdesign.core.output.page_blocks import (
    render_badge,
    render_findings,
    render_next_step,
    status_slug,
)
from mkdocs_archdesign.core.validation.cache import ValidationCache
from mkdocs_archdesign.core.validation.corpus import is_design_path
from mkdocs_archdesign.core.validation.specs import attach_specs, check_spec_texts, is_spec_path
from mkdocs_archdesign.core.validation.validator import (
    UNREADABLE_CODE,
    DesignResult,
    check_corpus,
    unreadable_result,
)
from mkdocs_archdesign.plugin import site_setup
from mkdocs_archdesign.plugin.catalog_page import CatalogPage
from mkdocs_archdesign.plugin.config import ArchDesignConfig, settings_from_config
from mkdocs_archdesign.plugin.page_markdown import (
    insert_after_title,
    separate_lists,
    strip_unparsed_front_matter,
)
from mkdocs_archdesign.plugin.page_meta import neutralise_meta

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
        self._graphs: dict[tuple[Any, ...], str] = {}

    def on_startup(self, *, command: Literal["build", "gh-deploy", "serve"], dirty: bool) -> None:
        """Remember whether this process serves the site (findings show on pages then)."""
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Reset per-build state, load the template, and hook the stylesheet and statuses."""
        self._reset()
        self.catalog_page.configure(
            config, self.config.enabled and self.config.catalog, self.config.catalog_page
        )
        if not self.config.enabled:
            return None
        self.settings = settings_from_config(self.config)
        self.template = self._load_template()
        key = (self.settings.fingerprint(), self.template.digest)
        if key != self._cache_key:
            self.cache.clear()  # a changed config or template invalidates every result
            self._cache_key = key
        site_setup.add_stylesheet_link(config)
        site_setup.register_status_titles(config)
        draws_graphs = self.config.handoff_graph or self.config.catalog
        if draws_graphs and not site_setup.mermaid_configured(config):
            log.warning(site_setup.MERMAID_HINT)
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files | None:
        """Validate every design in the site, report all findings, then apply ``fail_on``."""
        self._reset()
        if not self.config.enabled or self.template is None:
            return None
        site_setup.add_stylesheet_file(files, config)
        self.cache.start_run()
        design_files, spec_files = self._split(self._design_files(files))
        results = [self._check_file(file) for file in design_files]
        self.cache.finish_run()
        designs = check_corpus(results, self.settings)
        specs = self._check_specs(spec_files, designs)
        self.summaries = [*attach_specs(designs, specs), *specs]
        self.summary_by_uri = {summary.path: summary for summary in self.summaries}
        self._report()
        self._enforce_fail_on()
        self.catalog_page.add_files(files, config, designs, specs)
        return files

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Fill the catalog page's table and handoff board once its Markdown is rendered."""
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
        try:
            return page.file.content_string
        except UnicodeDecodeError:
            return page.file.content_bytes.decode("utf-8", errors="replace")
        except OSError:
            return ""  # unreadable (permissions, vanished): the AD000 finding says why

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str | None:
        """Decorate a design page: badge, findings, handoff graph, next step, list fixes."""
        summary = self.summary_by_uri.get(page.file.src_uri)
        if summary is None:
            return None
        unparsed = not page.meta and markdown.lstrip("\ufeff").startswith("---")
        if unparsed:
            markdown = strip_unparsed_front_matter(markdown.lstrip("\ufeff"))
        neutralise_meta(page.meta)
        page.meta["status"] = site_setup.nav_status(status_slug(summary))
        return insert_after_title(separate_lists(markdown), self._blocks(summary, unparsed))

    def on_serve(
        self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder: Callable[..., Any]
    ) -> LiveReloadServer | None:
        """Rebuild when the custom template changes: it is the schema of every design."""
        if self.config.enabled and self.config.template:
            server.watch(self.config.template)
        return server

    def _reset(self) -> None:
        self.summaries = []
        self.summary_by_uri = {}
        self.design_files = {}
        self._graphs = {}

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
        items = []
        for file in files:
            try:
                items.append((file.src_uri, file.content_string.lstrip("\ufeff")))
            except (UnicodeDecodeError, OSError):
                items.append((file.src_uri, ""))
        return check_spec_texts(items, designs, template, self.settings)

    def _check_file(self, file: File) -> DesignResult:
        path = file.src_uri
        try:
            text = file.content_string
        except UnicodeDecodeError as exc:
            return unreadable_result(
                path, f"not UTF-8 text (byte {exc.start}): {path}", self.settings
            )
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            return unreadable_result(path, f"cannot read {path}: {reason}", self.settings)
        assert self.template is not None
        return self.cache.check(text.lstrip("\ufeff"), path, self.template, self.settings)

    def _report(self) -> None:
        total = FindingCounts()
        for summary in self.summaries:
            for finding in summary.findings:
                level = log.info if finding.severity is Severity.INFO else log.warning
                level("%s:%d %s %s", finding.path, finding.line, finding.code, finding.message)
            total = total + summary.counts
        stats = self.cache.stats
        log.info(
            "%d design(s) checked: %d error(s), %d warning(s), %d info (%d re-checked, %d cached)",
            len(self.summaries),
            total.error,
            total.warning,
            total.info,
            stats.misses,
            stats.hits,
        )

    def _enforce_fail_on(self) -> None:
        fail_on = self.settings.fail_on
        failing = [
            finding
            for summary in self.summaries
            for finding in summary.findings
            if fail_on.fails(finding.severity)
        ]
        if not failing:
            return
        counts = FindingCounts.of(failing)
        message = (
            f"archdesign: {len(failing)} finding(s) at or above fail_on: {fail_on.value} "
            f"({counts.error} error(s), {counts.warning} warning(s)) in "
            f"{len({finding.path for finding in failing})} design(s); see the log above"
        )
        if self.serving:
            # A failed rebuild would freeze the page the writer is fixing; show it instead.
            log.info("%s (mkdocs build would abort)", message)
            return
        raise PluginError(message)

    def _blocks(self, summary: DesignSummary, unparsed: bool) -> list[str]:
        options = self.config
        blocks: list[str] = []
        if options.badge:
            blocks.append(render_badge(summary))
        show = options.show_findings
        if show == "always" or (show == "serve" and (self.serving or unparsed)):
            blocks.append(render_findings(summary.findings, options.rules_url))
        if summary.kind == "spec":
            # A Level 2 spec is one stage of its design's workflow, drawn on the design.
            if options.badge or options.handoff_graph:
                blocks.append(render_next_step(spec_next_step_text(summary, options.roles)))
            return blocks
        if options.handoff_graph:
            blocks.append(self._handoff_graph(summary))
        if options.badge or options.handoff_graph:
            blocks.append(render_next_step(next_step_text(summary, options.roles)))
        return blocks

    def _handoff_graph(self, summary: DesignSummary) -> str:
        # The graph depends on these three alone, and a site has few distinct combinations:
        # drawing it once per combination, not once per page, keeps serve rebuilds cheap.
        key = (summary.complexity, summary.status, summary.handoffs, summary.level2_status)
        graph = self._graphs.get(key)
        if graph is None:
            graph = self._graphs[key] = render_handoff_graph(summary, self.config.roles)
        return graph
