"""The plugin's options: a flat typed config, validated the way MkDocs validates its own.

A bad value fails ``load_config`` with MkDocs' usual message naming the option, e.g.
``Plugin 'archdesign' option 'rules': AD101: 'loud' is not one of off, info, warning, error``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Generic, TypeVar

from mkdocs.config import config_options as c
from mkdocs.config.base import BaseConfigOption, Config, ValidationError

from mkdocs_archdesign.core.config.schema import (
    OPTIONS,
    OptionError,
    parse_option,
    settings_from_options,
)
from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.config.statuses import StatusVocabulary
from mkdocs_archdesign.core.document.template import TemplateError, load_template
from mkdocs_archdesign.core.output.design_page import PAGE_OPTIONS, PageOptions, page_options

T = TypeVar("T")


class _Option(BaseConfigOption[T], Generic[T]):
    """An option validated by the core schema, so ``check`` and the build agree."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.default = OPTIONS[name].default

    def run_validation(self, value: object) -> T:
        try:
            parsed: T = parse_option(self.name, value)
        except OptionError as exc:
            raise ValidationError(exc.detail) from None
        return parsed


class _TemplateFile(c.File):
    """``template:`` — a file relative to mkdocs.yml that must parse as a template."""

    def __init__(self) -> None:
        super().__init__(exists=True)

    def run_validation(self, value: object) -> str:
        try:
            parse_option("template", value)
        except OptionError as exc:
            raise ValidationError(exc.detail) from None
        return str(super().run_validation(value))

    def post_validation(self, config: Config, key_name: str) -> None:
        path = config[key_name]
        if path is None:
            return
        try:
            load_template(path, config["section_levels"])
        except TemplateError as exc:
            raise ValidationError(str(exc)) from None


class ArchDesignConfig(Config):  # type: ignore[no-untyped-call]
    """The ``archdesign`` plugin's options in ``mkdocs.yml``."""

    enabled = _Option[bool]("enabled")
    """Turn the plugin off without removing it (e.g. ``enabled: !ENV [ARCHDESIGN, true]``)."""

    designs = _Option[tuple[str, ...]]("designs")
    """Globs, relative to ``docs_dir``, that select design pages (``**/`` spans folders)."""

    template = c.Optional(_TemplateFile())
    """A custom design template (the schema), relative to mkdocs.yml; default: packaged."""

    section_levels = _Option[tuple[int, ...]]("section_levels")
    """Template heading levels that count as required sections."""

    rules = _Option[dict[str, Any]]("rules")
    """Per-rule severity overrides: ``AD101: off|info|warning|error``."""

    fail_on = _Option[Any]("fail_on")
    """The finding severity that aborts ``mkdocs build`` (after every finding is logged)."""

    draft_findings = _Option[Any]("draft_findings")
    """Whether findings on Draft designs are downgraded to info (so drafts never fail)."""

    statuses = _Option[StatusVocabulary]("statuses")
    """The review statuses designs may use, each with its workflow stage."""

    handoff_graph = _Option[bool | str]("handoff_graph")
    """The collaboration workflow on every design page: ``true`` (the one-line stepper),
    ``mermaid`` (the flowchart), or ``false``."""

    nav_status = _Option[bool | str]("nav_status")
    """Material's nav status icon per design: ``true``, ``false``, or ``auto`` (on up to
    ``NAV_STATUS_AUTO_LIMIT`` designs; each icon is repeated in every page's nav)."""

    show_findings = _Option[Any]("show_findings")
    """When findings are listed on the page: only in ``mkdocs serve``, always, or never."""

    badge = _Option[bool]("badge")
    """Show the status badge at the top of every design page."""

    roles = _Option[dict[str, str]]("roles")
    """Display names for workflow roles, e.g. ``tech-lead: Platform lead``."""

    rules_url = _Option[str]("rules_url")
    """The rule reference page that finding codes link to (``#ad101`` anchors are added)."""

    catalog = _Option[bool]("catalog")
    """Generate the design catalog page (table, graph, handoff board) and catalog.json."""

    catalog_page = _Option[str]("catalog_page")
    """Where the catalog page is generated, relative to ``docs_dir``."""

    level2_specs = _Option[tuple[str, ...]]("level2_specs")
    """Globs, relative to ``docs_dir``, that select Level 2 API specifications."""

    level2_template = c.Optional(_TemplateFile())
    """A custom Level 2 spec template, relative to mkdocs.yml; default: packaged."""

    level2_folder = _Option[Any]("level2_folder")
    """Where ``handoff`` writes specs, relative to ``docs_dir``; default: beside the design."""

    max_file_bytes = _Option[int]("max_file_bytes")
    """The size cap, in bytes, on every design and spec read (default 64 MiB, at most 1 GiB)."""


def settings_from_config(config: ArchDesignConfig) -> Settings:
    """Translate validated plugin options into the core validator's settings.

    The same core function the CLI uses builds them, from the options MkDocs has
    already validated through that schema (parsing a parsed value is the identity).

    Args:
        config: The plugin's validated config.

    Returns:
        The settings shared with the ``check`` command.
    """
    options = {name: config[name] for name in OPTIONS}
    base = Path(config.config_file_path).parent if config.config_file_path else None
    return settings_from_options(options, base)


def page_options_from_config(config: ArchDesignConfig) -> PageOptions:
    """The validated plugin options that shape a design page, as the core reads them.

    Args:
        config: The plugin's validated config.

    Returns:
        The same :class:`PageOptions` the Markdown extension builds from the same names.
    """
    return page_options({name: config[name] for name in PAGE_OPTIONS}, "plugins: archdesign")
