"""Level 2 specs beside Level 1 designs: which files are specs, and validating them.

A project holds two kinds of document. Level 1 designs are selected by ``designs``;
Level 2 API specifications by ``level2_specs`` (``design/**/*-api-spec.md`` by
default). A file both select is a spec: the AD3xx rules that keep signatures out of
Level 1 would otherwise fire on every line a spec exists to hold.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.catalog_fence import is_catalog_page
from mkdocs_archdesign.core.document.spec import SPEC_SUFFIX
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.files import RealPaths
from mkdocs_archdesign.core.model import DesignSummary
from mkdocs_archdesign.core.validation.corpus import display_paths, is_design_path
from mkdocs_archdesign.core.validation.validator import (
    DesignResult,
    check_spec,
    level1_facts,
    read_design_source,
)


def is_spec_path(relative: str, settings: Settings) -> bool:
    """Whether a docs-relative path (``/`` separators) is a Level 2 spec.

    A path outside any docs folder (a file named on the command line) is a spec when
    its name ends in ``-api-spec.md``, the name ``handoff`` gives specs.
    """
    if is_design_path(relative, settings.level2_specs):
        return True
    return relative.rsplit("/", 1)[-1].endswith(f"{SPEC_SUFFIX}.md")


def split_specs(
    files: Sequence[Path],
    docs_dir: Path | None,
    settings: Settings,
    real: RealPaths | None = None,
) -> tuple[list[Path], list[Path]]:
    """Split files into Level 1 designs and Level 2 specs, keeping their order.

    Args:
        files: Markdown files.
        docs_dir: The docs folder the globs are relative to (``None``: names only).
        settings: Validator settings (``level2_specs``).
        real: The resolutions of the current pass, shared with its other steps.

    Returns:
        ``(designs, specs)``.
    """
    designs: list[Path] = []
    specs: list[Path] = []
    anchor = str(docs_dir.resolve()) if docs_dir is not None else None
    # Strings, not Path.relative_to: both sides are resolved, so "inside" is a prefix
    # ending at a separator (pathlib cost more than the rest of the split).
    prefix = anchor if anchor is None or anchor.endswith(os.sep) else anchor + os.sep
    if real is None:
        real = RealPaths()
    for path in files:
        relative = path.name
        if prefix is not None:
            located = real.text(path)
            if located.startswith(prefix):
                relative = located[len(prefix) :].replace(os.sep, "/")
            elif located == anchor:
                relative = "."
        (specs if is_spec_path(relative, settings) else designs).append(path)
    return designs, specs


def check_spec_texts(
    items: Sequence[tuple[str, str | DesignResult]],
    designs: Sequence[DesignSummary],
    template: Template,
    settings: Settings,
) -> list[DesignSummary]:
    """Validate Level 2 specs against the Level 1 designs of the same project.

    Args:
        items: ``(shown path, text)`` per spec; an unreadable spec's AD000 result (from
            :func:`~mkdocs_archdesign.core.validation.validator.read_design_source`)
            in place of its text is kept as it is.
        designs: Summaries of every Level 1 design of the project.
        template: The Level 2 template.
        settings: Validator settings.

    Returns:
        One summary per spec (``kind == "spec"``, or the unreadable one), in order.
    """
    by_id = {summary.id: level1_facts(summary) for summary in designs}
    return [
        check_spec(text.lstrip("\ufeff"), shown, template, settings, by_id.get).summary
        if isinstance(text, str)
        else text.summary
        for shown, text in items
    ]


def check_spec_files(
    files: Sequence[Path],
    designs: Sequence[DesignSummary],
    template: Template,
    settings: Settings,
    base: Path | None = None,
    *,
    listed: bool = False,
) -> list[DesignSummary]:
    """:func:`check_spec_texts` for files (unreadable ones get AD000).

    Args:
        files: The spec files.
        designs: Summaries of every Level 1 design of the project.
        template: The Level 2 template.
        settings: Validator settings.
        base: Paths are reported relative to this folder when they are inside it.
        listed: ``files`` were listed by the globs, not named by the user: the site's
            catalog page among them is no spec and gets no summary.

    Returns:
        One summary per spec, in order.
    """
    shown = display_paths(files, base)
    items: list[tuple[str, str | DesignResult]] = []
    for path, name in zip(files, shown, strict=True):
        text = read_design_source(path, name, settings)
        # Told from the text being checked, as for designs: listing the files reads none.
        if listed and isinstance(text, str) and is_catalog_page(text):
            continue
        items.append((name, text))
    return check_spec_texts(items, designs, template, settings)


def attach_specs(
    designs: Sequence[DesignSummary], specs: Sequence[DesignSummary]
) -> list[DesignSummary]:
    """The designs with ``level2_status`` (and stage) set from the spec that names each."""
    linked = link_specs(designs, specs)
    return [
        dataclasses.replace(
            d, level2_status=linked[d.id].status_text, level2_stage=linked[d.id].status
        )
        if d.id in linked
        else d
        for d in designs
    ]


def link_specs(
    designs: Sequence[DesignSummary], specs: Sequence[DesignSummary]
) -> dict[str, DesignSummary]:
    """Each Level 1 design's spec by design id (the spec whose ``level1:`` names it)."""
    linked: dict[str, DesignSummary] = {}
    ids = {summary.id for summary in designs}
    for spec in specs:
        if spec.level1 in ids and spec.level1 not in linked:
            linked[spec.level1] = spec
    return linked
