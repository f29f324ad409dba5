"""``mkdocs_archdesign.extension``: the plugin's design pages and catalog, as a Markdown extension.

Zensical runs no MkDocs plugin but runs every Python-Markdown extension listed under
``markdown_extensions``, and hands it the page being rendered through a preprocessor
registered as ``rendering_context`` (``page.path``, ``page.url``, ``page.meta`` and the
site ``config``). With that context this extension renders exactly what the plugin renders
(the same core functions draw the badge, findings, handoff graph, next step and catalog)::

    markdown_extensions:
      - mkdocs_archdesign.extension:
          designs: ["design/**/*.md"]

Without a page context (plain MkDocs or ProperDocs, where the plugin is the way in) it
says so once and renders nothing. Under MkDocs with the plugin listed too, the plugin takes
the extension out of the build, so nothing is rendered twice.

It never imports MkDocs or Zensical: it must load in either.
"""

from __future__ import annotations

import base64
import logging
import sys
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from mkdocs_archdesign.core.catalog.model import build_time, page_dest
from mkdocs_archdesign.core.catalog.render import fill_placeholders, render_catalog_body
from mkdocs_archdesign.core.config.schema import unknown_option_warnings
from mkdocs_archdesign.core.document.catalog_fence import find_catalog_fence, replace_catalog_fence
from mkdocs_archdesign.core.files import packaged_text
from mkdocs_archdesign.core.model import FindingCounts
from mkdocs_archdesign.core.output.design_page import (
    decorate_design_markdown,
    design_blocks,
    finding_line,
    has_unparsed_front_matter,
    is_info,
    report_lines,
)
from mkdocs_archdesign.core.output.list_split import ListSplitExtension
from mkdocs_archdesign.core.output.page_markdown import insert_after_title
from mkdocs_archdesign.core.output.page_meta import neutralise_meta
from mkdocs_archdesign.core.output.raw_blocks import RawBlocks
from mkdocs_archdesign.extension.session import (
    OPTIONS_WHERE,
    Corpus,
    OptionsError,
    corpus_for,
    site_options,
)

#: MkDocs and ProperDocs format and count (``--strict``) messages of loggers under ``mkdocs``;
#: Zensical configures no logging, so :func:`_logger` adds a plain handler there.
LOGGER_NAME = "mkdocs.plugins.archdesign.extension"

#: The name of Zensical's page-context preprocessor.
CONTEXT_NAME = "rendering_context"

NO_CONTEXT = (
    "archdesign: the mkdocs_archdesign.extension Markdown extension needs Zensical (it "
    "renders design pages and the catalog there); under MkDocs or ProperDocs use the "
    "archdesign plugin instead. Nothing is rendered by the extension in this build"
)

# Runs before superfences (25) and snippets (32) see the text, like the plugin's
# on_page_markdown runs before any Markdown.
_PREPROCESSOR_PRIORITY = 35
# After raw HTML is restored (30): the catalog's placeholders are plain text by then.
_POSTPROCESSOR_PRIORITY = 5

_said: set[str] = set()


def _logger() -> logging.Logger:
    log = logging.getLogger(LOGGER_NAME)
    if not log.hasHandlers():
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        log.addHandler(handler)
        log.setLevel(logging.INFO)
    return log


def _say_once(level: int, message: str) -> None:
    if message not in _said:
        _said.add(message)
        _logger().log(level, "%s", message)


def _data_url(name: str, kind: str) -> str:
    data = base64.b64encode(packaged_text("assets", name).encode("utf-8")).decode("ascii")
    return f"data:{kind};charset=utf-8;base64,{data}"


def _stylesheet(name: str) -> str:
    # Zensical has no hook that adds a file to the site, and an inline <style> is read as
    # page text (its table of contents took the CSS for a heading): a data: URL is neither.
    # One line, so Python-Markdown passes it through as a raw HTML block.
    return f'<link rel="stylesheet" href="{_data_url(name, "text/css")}">'


def _script(name: str) -> str:
    return f'<script src="{_data_url(name, "text/javascript")}"></script>'


def serving() -> bool:
    """Whether this process is ``zensical serve`` (findings show on pages then)."""
    return "zensical" in Path(sys.argv[0]).as_posix() and sys.argv[1:2] == ["serve"]


def page_context(md: Markdown) -> tuple[Any, Mapping[str, Any]] | None:
    """Zensical's ``(page, config)`` for the page ``md`` renders, or ``None`` elsewhere."""
    if CONTEXT_NAME not in md.preprocessors:
        return None
    context = md.preprocessors[CONTEXT_NAME]
    page = getattr(context, "page", None)
    config = getattr(context, "config", None)
    if page is None or not isinstance(config, Mapping) or not isinstance(page.path, str):
        return None
    return page, config


class _PagePreprocessor(Preprocessor):
    """Decorate a design page, or put the catalog in place of its fence."""

    def __init__(self, md: Markdown, extension: ArchDesignExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.reset()  # one instance may convert many pages
        context = page_context(self.md)
        if context is None:
            _say_once(logging.WARNING, NO_CONTEXT)
            return lines
        page, config = context
        corpus = self.extension.corpus(config)
        if corpus is None:
            return lines
        markdown = "\n".join(lines)
        summary = corpus.by_path.get(page.path)
        # The list splitter runs inside this same conversion, on design pages only.
        self.extension.rendering_design = summary is not None
        if summary is not None:
            meta = page.meta if isinstance(page.meta, Mapping) else {}
            if isinstance(page.meta, dict):
                # Zensical prints the title and friends unescaped, as MkDocs themes do: the
                # plugin's neutralising applies (this dict is what Zensical gets back).
                neutralise_meta(page.meta)
            unparsed = has_unparsed_front_matter(markdown, meta)
            blocks = design_blocks(
                summary,
                corpus.options.page,
                findings_now=serving() or unparsed,
                graphs=corpus.graphs,
            )
            markdown = decorate_design_markdown(
                markdown,
                corpus.options.page,
                unparsed=unparsed,
                blocks=self.extension.raw_blocks.markers(blocks),
            )
            markdown = insert_after_title(markdown, [_stylesheet("archdesign.css")])
        elif corpus.options.catalog and find_catalog_fence(markdown) is not None:
            catalog = corpus.catalog(bool(config.get("use_directory_urls", True)))
            dest = page_dest(page.path, catalog.use_directory_urls)
            markdown = replace_catalog_fence(markdown, render_catalog_body(catalog, dest))
            self.extension.catalog_fill = (catalog, dest)
            markdown += "\n\n" + _stylesheet("catalog.css") + _script("catalog.js") + "\n"
        return markdown.split("\n")


class _PagePostprocessor(Postprocessor):
    """Swap the catalog's table and handoff board into the page's HTML."""

    def __init__(self, md: Markdown, extension: ArchDesignExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, text: str) -> str:
        fill = self.extension.catalog_fill
        if fill is not None:
            catalog, dest = fill
            # Zensical publishes no catalog.json itself; the docs give the command that does.
            text = fill_placeholders(text, catalog, dest, self.extension.generated.date(), None)
        return text


class ArchDesignExtension(Extension):
    """The Markdown extension; options are the plugin's (``designs``, ``badge``, …)."""

    def __init__(self, **options: Any) -> None:
        # Python-Markdown's own config refuses unknown keys with a KeyError traceback; the
        # options are validated by the core schema instead, with one-line messages.
        super().__init__()
        self.options = dict(options)
        self.catalog_fill: tuple[Any, str] | None = None
        self.generated: datetime = build_time()
        self.rendering_design = False
        self.raw_blocks = RawBlocks()

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the page preprocessor and the catalog postprocessor."""
        md.registerExtension(self)
        md.preprocessors.register(
            _PagePreprocessor(md, self), "archdesign_page", _PREPROCESSOR_PRIORITY
        )
        md.postprocessors.register(
            _PagePostprocessor(md, self), "archdesign_catalog", _POSTPROCESSOR_PRIORITY
        )
        ListSplitExtension(lambda: self.rendering_design).extendMarkdown(md)
        self.raw_blocks.extendMarkdown(md)

    def reset(self) -> None:
        """Forget the previous page's catalog and assets (Markdown.reset between documents)."""
        self.catalog_fill = None
        self.rendering_design = False

    def corpus(self, config: Mapping[str, Any]) -> Corpus | None:
        """The up-to-date corpus of the site, or ``None`` (disabled, bad options: said once)."""
        root = Path(str(config.get("root_dir") or "."))
        try:
            options = site_options(self.options, root)
            for warning in unknown_option_warnings(self.options):
                _say_once(logging.WARNING, f"archdesign: {OPTIONS_WHERE}: {warning}")
            if not options.enabled:
                return None
            corpus = corpus_for(root / str(config.get("docs_dir") or "docs"), options)
        except OptionsError as exc:
            _say_once(logging.ERROR, f"archdesign: {exc}; the extension renders nothing")
            return None
        if corpus.refresh():
            _report(corpus)
        return corpus


def _report(corpus: Corpus) -> None:
    """Log every finding, the summary line, and (plainly) that Zensical will not stop."""
    log = _logger()
    stats = corpus.cache.stats
    findings, line = report_lines(corpus.summaries, stats.misses, stats.hits)
    for finding in findings:
        log.log(logging.INFO if is_info(finding) else logging.WARNING, "%s", finding_line(finding))
    log.info("archdesign: %s", line)
    fail_on = corpus.options.settings.fail_on
    failing = [finding for finding in findings if fail_on.fails(finding.severity)]
    if failing:
        counts = FindingCounts.of(failing)
        log.warning(
            "archdesign: %d finding(s) at or above fail_on: %s (%d error(s), %d warning(s)); "
            "Zensical does not stop on them: run `mkdocs-archdesign check` before "
            "`zensical build` to fail CI",
            len(failing),
            fail_on.value,
            counts.error,
            counts.warning,
        )


def makeExtension(**options: Any) -> ArchDesignExtension:
    """The entry point Python-Markdown calls for ``mkdocs_archdesign.extension``."""
    return ArchDesignExtension(**options)
