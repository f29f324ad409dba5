"""The corpus behind the Markdown extension: scanned once per process, refreshed per render.

Zensical builds a new Markdown instance, and so a new extension, for every page it renders,
and calls back into the same Python process for every page of a build and of every
``zensical serve`` rebuild. The corpus therefore lives here, at module level, one per
(docs folder, options): the first render scans and validates every design; each later
render re-stats the design folders and re-validates only when a design was added, edited,
renamed or deleted (results come from the content-hash :class:`ValidationCache`, so an
unchanged design is never re-checked). A render is therefore never older than the files on
disk, whatever order Zensical renders pages in.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs_archdesign.core.catalog.model import Catalog, build_catalog
from mkdocs_archdesign.core.config.project import ProjectConfigError
from mkdocs_archdesign.core.config.schema import OptionError, parse_option, settings_from_options
from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.catalog_fence import is_catalog_page
from mkdocs_archdesign.core.document.template import (
    LEVEL2_TEMPLATE_NAME,
    Template,
    TemplateError,
    load_template,
)
from mkdocs_archdesign.core.model import DesignSummary
from mkdocs_archdesign.core.output.design_page import HandoffGraphs, PageOptions, page_options
from mkdocs_archdesign.core.validation.cache import ValidationCache
from mkdocs_archdesign.core.validation.corpus import is_design_path
from mkdocs_archdesign.core.validation.specs import attach_specs, check_spec_texts, is_spec_path
from mkdocs_archdesign.core.validation.validator import (
    DesignResult,
    check_corpus,
    read_design_source,
)

#: Where messages say the options are (Zensical reads them from the same mkdocs.yml).
OPTIONS_WHERE = "markdown_extensions: mkdocs_archdesign.extension"

#: Config files Zensical reads, in its own order of preference.
CONFIG_NAMES = ("zensical.toml", "mkdocs.yml", "mkdocs.yaml")

_WILDCARDS = frozenset("*?[")


class OptionsError(Exception):
    """The extension's options or template are unusable (one line naming the option)."""


@dataclass(frozen=True, slots=True)
class SiteOptions:
    """Everything the extension reads from its options, validated once.

    Attributes:
        enabled: The ``enabled`` option.
        catalog: Whether an ``archdesign-catalog`` fence renders the catalog.
        settings: Validator settings (the plugin's option names and checks).
        page: The per-page options.
    """

    enabled: bool
    catalog: bool
    settings: Settings
    page: PageOptions


def config_file(root: Path) -> Path:
    """The site's config file in ``root`` (for messages and relative paths)."""
    for name in CONFIG_NAMES:
        if (root / name).is_file():
            return root / name
    return root / "mkdocs.yml"


def site_options(options: Mapping[str, Any], root: Path) -> SiteOptions:
    """Validate the extension's options with the plugin's names, defaults and messages.

    Args:
        options: The options under ``markdown_extensions: - mkdocs_archdesign.extension:``.
        root: The folder of the config file (``template`` is relative to it).

    Returns:
        The validated options.

    Raises:
        OptionsError: One line naming the option.
    """
    where = f"{config_file(root)}: {OPTIONS_WHERE}"
    try:
        return SiteOptions(
            enabled=bool(parse_option("enabled", options.get("enabled"))),
            catalog=bool(parse_option("catalog", options.get("catalog"))),
            settings=settings_from_options(options, root),
            page=page_options(options, where),
        )
    except OptionError as exc:
        raise OptionsError(f"{where}: {exc}") from None
    except ProjectConfigError as exc:
        raise OptionsError(str(exc)) from None


@dataclass(slots=True)
class Corpus:
    """The designs of one docs folder under one set of options, kept current on disk.

    Attributes:
        docs_dir: The docs folder.
        options: The validated options.
        template: The template in force.
        summaries: Every design, validated together (cross-design rules included).
        by_path: The same summaries by docs-relative path.
        graphs: Handoff graphs shared by the pages.
        cache: Per-design results by content.
        generation: Bumped every time the corpus changed (a new report is due).
    """

    docs_dir: Path
    options: SiteOptions
    template: Template
    summaries: list[DesignSummary] = field(default_factory=list)
    designs: list[DesignSummary] = field(default_factory=list)
    specs: list[DesignSummary] = field(default_factory=list)
    by_path: dict[str, DesignSummary] = field(default_factory=dict)
    graphs: HandoffGraphs = field(default_factory=HandoffGraphs)
    cache: ValidationCache = field(default_factory=ValidationCache)
    generation: int = 0
    _snapshot: dict[str, tuple[int, int, int]] | None = None
    _catalog: tuple[bool, Catalog] | None = None

    def refresh(self) -> bool:
        """Bring the corpus up to date with the files on disk.

        Returns:
            Whether anything changed since the last call (the first call always does).
        """
        snapshot = self._stat_designs()
        if snapshot == self._snapshot:
            return False
        self._snapshot = snapshot
        settings = self.options.settings
        spec_paths = [relative for relative in sorted(snapshot) if is_spec_path(relative, settings)]
        self.cache.start_run()
        results = [
            result
            for result in (
                self._check(relative) for relative in sorted(snapshot) if relative not in spec_paths
            )
            if result is not None
        ]
        self.cache.finish_run()
        designs = check_corpus(results, settings)
        # Level 2 specs, as the plugin reads them: their own template and the AD5xx rules.
        self.specs = self._check_specs(spec_paths, designs)
        self.designs = attach_specs(designs, self.specs)
        self.summaries = [*self.designs, *self.specs]
        self.by_path = {summary.path: summary for summary in self.summaries}
        self._catalog = None
        self.generation += 1
        return True

    def catalog(self, use_directory_urls: bool) -> Catalog:
        """The catalog of the current corpus (built once per change)."""
        if self._catalog is None or self._catalog[0] != use_directory_urls:
            catalog = build_catalog(self.designs, use_directory_urls, self.specs)
            self._catalog = (use_directory_urls, catalog)
        return self._catalog[1]

    def _check_specs(self, paths: list[str], designs: list[DesignSummary]) -> list[DesignSummary]:
        if not paths:
            return []
        settings = self.options.settings
        template = load_template(
            settings.level2_template, settings.section_levels, LEVEL2_TEMPLATE_NAME
        )
        items = [
            (relative, read_design_source(self.docs_dir / relative, relative, settings))
            for relative in paths
        ]
        return check_spec_texts(items, designs, template, settings)

    def _check(self, relative: str) -> DesignResult | None:
        settings = self.options.settings
        text = read_design_source(self.docs_dir / relative, relative, settings)
        if not isinstance(text, str):
            return text
        if is_catalog_page(text):
            return None
        return self.cache.check(text.lstrip("\ufeff"), relative, self.template, settings)

    def _stat_designs(self) -> dict[str, tuple[int, int, int]]:
        """Docs-relative path -> (mtime, size, inode) of every selected design."""
        globs = self.options.settings.designs
        found: dict[str, tuple[int, int, int]] = {}
        for base in _glob_roots(globs):
            top = self.docs_dir / base
            for root, dirs, files in os.walk(top):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                relative_root = Path(root).relative_to(self.docs_dir).as_posix()
                for name in files:
                    relative = name if relative_root == "." else f"{relative_root}/{name}"
                    if relative in found or not is_design_path(relative, globs):
                        continue
                    try:
                        stat = (Path(root) / name).stat()
                    except OSError:
                        stat = None  # vanished or unreadable: _check reports it
                    found[relative] = (
                        (stat.st_mtime_ns, stat.st_size, stat.st_ino) if stat else (0, -1, 0)
                    )
        return found


def _glob_roots(globs: tuple[str, ...]) -> list[str]:
    """The fixed folders the globs start with (only those are walked), without overlaps."""
    roots: list[str] = []
    for pattern in globs:
        parts = pattern.split("/")[:-1]
        fixed: list[str] = []
        for part in parts:
            if _WILDCARDS & set(part):
                break
            fixed.append(part)
        roots.append("/".join(fixed) or ".")
    unique = sorted(set(roots), key=len)
    kept: list[str] = []
    for root in unique:
        if not any(k in (root, ".") or root.startswith(k + "/") for k in kept):
            kept.append(root)
    return kept


_LOCK = threading.Lock()
_CORPORA: dict[tuple[str, str], Corpus] = {}


def corpus_for(docs_dir: Path, options: SiteOptions) -> Corpus:
    """The process's corpus for this docs folder and these options (created on first use).

    Raises:
        OptionsError: If the template cannot be loaded.
    """
    settings = options.settings
    key = (str(docs_dir.resolve()), repr((options, settings.designs)))
    with _LOCK:
        corpus = _CORPORA.get(key)
        template = _template(settings)
        if corpus is None or corpus.template.digest != template.digest:
            corpus = Corpus(docs_dir=docs_dir, options=options, template=template)
            _CORPORA[key] = corpus
        return corpus


_TEMPLATES: dict[tuple[Any, ...], Template] = {}


def _template(settings: Settings) -> Template:
    """The template, re-read only when its file changed (every page render asks)."""
    path = settings.template
    try:
        stat = Path(path).stat() if path is not None else None
    except OSError:
        stat = None
    key = (path, settings.section_levels, stat and (stat.st_mtime_ns, stat.st_size))
    template = _TEMPLATES.get(key)
    if template is None:
        try:
            template = load_template(path, settings.section_levels)
        except TemplateError as exc:
            raise OptionsError(f"{OPTIONS_WHERE}: template: {exc}") from None
        _TEMPLATES.clear()  # one site per process in practice; never grow without bound
        _TEMPLATES[key] = template
    return template


def forget_all() -> None:
    """Drop every corpus and template (tests; a config change makes new keys anyway)."""
    with _LOCK:
        _CORPORA.clear()
        _TEMPLATES.clear()
