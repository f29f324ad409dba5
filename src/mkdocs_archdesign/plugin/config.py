"""The plugin's options: a flat typed config, validated the way MkDocs validates its own.

A bad value fails ``load_config`` with MkDocs' usual message naming the option, e.g.
``Plugin 'archdesign' option 'rules': AD101: 'loud' is not one of off, info, warning, error``.
"""

from __future__ import annotations

import re
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError

from mkdocs_archdesign.core.config.settings import (
    DEFAULT_DESIGNS,
    DEFAULT_LEVEL2_SPECS,
    RULE_LEVELS,
    Settings,
)
from mkdocs_archdesign.core.document.template import TemplateError, load_template
from mkdocs_archdesign.core.model import FailOn, Status
from mkdocs_archdesign.core.output.handoff_graph import DEFAULT_ROLES
from mkdocs_archdesign.core.output.page_blocks import DEFAULT_RULES_URL
from mkdocs_archdesign.plugin.catalog_page import CatalogPagePath

_RULE_CODE_RE = re.compile(r"^AD\d{3}$")


class _RuleLevels(c.DictOfItems[str]):
    """``rules:`` — rule code to level; YAML reads a bare ``off`` as ``False``, so accept it."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default={})

    def run_validation(self, value: object) -> dict[str, str]:
        if not isinstance(value, dict):
            raise ValidationError(f"Expected a mapping of rule codes, got {type(value).__name__}")
        levels: dict[str, str] = {}
        for code, level in value.items():
            key = str(code).strip().upper()
            if not _RULE_CODE_RE.match(key):
                raise ValidationError(f"{code!r} is not a rule code (expected e.g. AD101)")
            text = "off" if level is False else str(level).strip().lower()
            if text not in RULE_LEVELS:
                raise ValidationError(f"{key}: {level!r} is not one of {', '.join(RULE_LEVELS)}")
            levels[key] = text
        return levels


class _Roles(c.DictOfItems[str]):
    """``roles:`` — display names for the workflow's role keys."""

    def __init__(self) -> None:
        super().__init__(c.Type(str), default={})

    def run_validation(self, value: object) -> dict[str, str]:
        names = super().run_validation(value)
        for key, name in names.items():
            if key not in DEFAULT_ROLES:
                raise ValidationError(
                    f"unknown role {key!r}; expected one of: {', '.join(DEFAULT_ROLES)}"
                )
            if not name.strip():
                raise ValidationError(f"{key}: the display name is empty")
        return names


class _SectionLevels(c.ListOfItems[int]):
    """``section_levels:`` — Markdown heading levels, 1 to 6."""

    def __init__(self) -> None:
        super().__init__(c.Type(int), default=[2])

    def run_validation(self, value: object) -> list[int]:
        levels = super().run_validation(value)
        bad = [level for level in levels if not 1 <= level <= 6]
        if bad or not levels:
            raise ValidationError(f"heading levels must be 1 to 6, got {levels}")
        return levels


class _TemplateFile(c.File):
    """``template:`` — a file relative to mkdocs.yml that must parse as a template."""

    def __init__(self) -> None:
        super().__init__(exists=True)

    def post_validation(self, config: Config, key_name: str) -> None:
        path = config[key_name]
        if path is None:
            return
        try:
            load_template(path, tuple(config["section_levels"]))
        except TemplateError as exc:
            raise ValidationError(str(exc)) from None


class ArchDesignConfig(Config):  # type: ignore[no-untyped-call]
    """The ``archdesign`` plugin's options in ``mkdocs.yml``."""

    enabled = c.Type(bool, default=True)
    """Turn the plugin off without removing it (e.g. ``enabled: !ENV [ARCHDESIGN, true]``)."""

    designs = c.ListOfItems(c.Type(str), default=list(DEFAULT_DESIGNS))
    """Globs, relative to ``docs_dir``, that select design pages (``**/`` spans folders)."""

    template = c.Optional(_TemplateFile())
    """A custom design template (the schema), relative to mkdocs.yml; default: packaged."""

    section_levels = _SectionLevels()
    """Template heading levels that count as required sections."""

    rules = _RuleLevels()
    """Per-rule severity overrides: ``AD101: off|info|warning|error``."""

    fail_on = c.Choice(("error", "warning", "never"), default="error")
    """The finding severity that aborts ``mkdocs build`` (after every finding is logged)."""

    draft_findings = c.Choice(("downgrade", "keep"), default="downgrade")
    """Whether findings on Draft designs are downgraded to info (so drafts never fail)."""

    statuses = c.ListOfItems(c.Type(str), default=[status.value for status in Status])
    """The review statuses designs may use."""

    handoff_graph = c.Type(bool, default=True)
    """Draw the collaboration workflow as a mermaid flowchart on every design page."""

    show_findings = c.Choice(("serve", "always", "never"), default="serve")
    """When findings are listed on the page: only in ``mkdocs serve``, always, or never."""

    badge = c.Type(bool, default=True)
    """Show the status badge at the top of every design page."""

    roles = _Roles()
    """Display names for workflow roles, e.g. ``tech-lead: Platform lead``."""

    rules_url = c.Type(str, default=DEFAULT_RULES_URL)
    """The rule reference page that finding codes link to (``#ad101`` anchors are added)."""

    catalog = c.Type(bool, default=True)
    """Generate the design catalog page (table, graph, handoff board) and catalog.json."""

    catalog_page = CatalogPagePath()
    """Where the catalog page is generated, relative to ``docs_dir``."""

    level2_specs = c.ListOfItems(c.Type(str), default=list(DEFAULT_LEVEL2_SPECS))
    """Globs, relative to ``docs_dir``, that select Level 2 API specifications."""

    level2_template = c.Optional(_TemplateFile())
    """A custom Level 2 spec template, relative to mkdocs.yml; default: packaged."""

    level2_folder = c.Optional(c.Type(str))
    """Where ``handoff`` writes specs, relative to ``docs_dir``; default: beside the design."""


def settings_from_config(config: ArchDesignConfig) -> Settings:
    """Translate validated plugin options into the core validator's settings.

    Args:
        config: The plugin's validated config.

    Returns:
        The settings shared with the ``check`` command.
    """
    rules: dict[str, Any] = dict(config.rules)
    return Settings(
        designs=tuple(config.designs),
        template=config.template,
        section_levels=tuple(config.section_levels),
        rules=rules,
        draft_findings=config.draft_findings,
        statuses=tuple(config.statuses),
        fail_on=FailOn(config.fail_on),
        level2_specs=tuple(config.level2_specs),
        level2_template=config.level2_template,
        level2_folder=config.level2_folder,
    )
