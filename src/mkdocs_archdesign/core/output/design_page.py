"""One assembly of a design page's blocks, shared by the MkDocs plugin and the Markdown extension.

The plugin (``on_page_markdown``) and the ``mkdocs_archdesign.extension`` Markdown extension
(Zensical) decorate a design page with the same blocks in the same order: badge, findings,
handoff graph, next step, inserted right after the level-1 title. Both call
:func:`decorate_design_markdown`, so the two generators can never drift apart. The per-page
options are read here too, with the same names, defaults and one-line errors for both.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mkdocs_archdesign.core.config.project import ProjectConfigError
from mkdocs_archdesign.core.config.schema import (
    DEFAULT_RULES_URL,
    OptionError,
    ShowFindings,
    parse_option,
)
from mkdocs_archdesign.core.model import DesignSummary, Finding, Severity
from mkdocs_archdesign.core.output.build_log import checked_line
from mkdocs_archdesign.core.output.handoff_graph import (
    next_step_text,
    render_handoff_graph,
    spec_next_step_text,
)
from mkdocs_archdesign.core.output.handoff_stepper import render_handoff_stepper
from mkdocs_archdesign.core.output.page_blocks import (
    render_badge,
    render_findings,
    render_next_step,
)
from mkdocs_archdesign.core.output.page_markdown import (
    insert_after_title,
    strip_unparsed_front_matter,
)
from mkdocs_archdesign.core.output.review_markup import render_review_markup


@dataclass(frozen=True, slots=True)
class PageOptions:
    """The options that shape a design page (the plugin's names and defaults).

    Attributes:
        badge: Show the status badge.
        handoff_graph: ``True`` or ``"stepper"`` (the compact HTML stepper), ``"mermaid"``
            (the flowchart) or ``False``.
        show_findings: When findings are listed on the page.
        roles: Display names for workflow role keys.
        rules_url: The rule reference page finding codes link to.
        checkboxes: Render Design Review task markers as checkboxes (off when the site's
            ``pymdownx.tasklist`` already does).
    """

    badge: bool = True
    handoff_graph: bool | str = True
    show_findings: ShowFindings = ShowFindings.SERVE
    roles: Mapping[str, str] = field(default_factory=dict)
    rules_url: str = DEFAULT_RULES_URL
    checkboxes: bool = True


#: The schema options that shape a design page.
PAGE_OPTIONS = ("badge", "handoff_graph", "show_findings", "roles", "rules_url")


def page_options(options: Mapping[str, Any], where: str) -> PageOptions:
    """Read the page options from an ``archdesign`` options mapping, through the core schema.

    Args:
        options: The plugin's or the extension's options (raw, or already parsed).
        where: The prefix of error messages, e.g. ``mkdocs.yml: markdown_extensions:
            mkdocs_archdesign.extension``.

    Returns:
        The options, defaults filled in.

    Raises:
        ProjectConfigError: One line naming the option, if a value is invalid.
    """
    try:
        values = {name: parse_option(name, options.get(name)) for name in PAGE_OPTIONS}
    except OptionError as exc:
        raise ProjectConfigError(f"{where}: {exc}") from None
    return PageOptions(**values)


class HandoffGraphs:
    """Handoff graphs drawn once per (complexity, status, handoffs, …), not once per page.

    The graph depends on these alone and a site has few distinct combinations, so serve
    rebuilds stay cheap.
    """

    def __init__(self) -> None:
        self._graphs: dict[tuple[Any, ...], str] = {}

    def get(
        self, summary: DesignSummary, roles: Mapping[str, str], mermaid: bool, next_step: str
    ) -> str:
        """The workflow block of ``summary``: the stepper (with its next step) or mermaid."""
        key = (
            summary.complexity,
            summary.status,
            summary.handoffs,
            summary.level2_status,
            summary.level2_stage,
            tuple(sorted(roles.items())),
            mermaid,
            next_step,
        )
        graph = self._graphs.get(key)
        if graph is None:
            graph = self._graphs[key] = (
                render_handoff_graph(summary, roles)
                if mermaid
                else render_handoff_stepper(summary, roles, render_next_step(next_step))
            )
        return graph

    def clear(self) -> None:
        """Forget every graph (a new build)."""
        self._graphs.clear()


def design_blocks(
    summary: DesignSummary,
    options: PageOptions,
    *,
    findings_now: bool,
    graphs: HandoffGraphs | None = None,
) -> list[str]:
    """The blocks of a design page, in order: badge, findings, workflow, next step.

    The stepper carries the next step inside it; the mermaid flowchart and the badge alone
    get it as a line of their own. A Level 2 spec gets no workflow of its own (it is one
    stage of its design's workflow, drawn on the design) but its own next step.

    Args:
        summary: The design, validated with the whole corpus.
        options: The page options.
        findings_now: Whether ``show_findings: serve`` shows findings in this run (a
            preview server is running, or the front matter could not be parsed).
        graphs: A graph memo shared by the pages of a build.

    Returns:
        Raw-HTML and Markdown blocks.
    """
    blocks: list[str] = []
    if options.badge:
        blocks.append(render_badge(summary))
    show = options.show_findings
    if show is ShowFindings.ALWAYS or (show is ShowFindings.SERVE and findings_now):
        blocks.append(render_findings(summary.findings, options.rules_url))
    if summary.kind == "spec":
        if options.badge or options.handoff_graph:
            blocks.append(render_next_step(spec_next_step_text(summary, options.roles)))
        return blocks
    next_step = next_step_text(summary, options.roles)
    mermaid = options.handoff_graph == "mermaid"
    if options.handoff_graph:
        memo = graphs if graphs is not None else HandoffGraphs()
        blocks.append(memo.get(summary, options.roles, mermaid, next_step))
    if mermaid or (options.badge and not options.handoff_graph):
        blocks.append(render_next_step(next_step))
    return blocks


def decorate_design_markdown(
    markdown: str, options: PageOptions, *, unparsed: bool, blocks: list[str]
) -> str:
    """A design page's Markdown with its blocks after the title (what both generators render).

    Args:
        markdown: The page body as the generator passes it (front matter already removed).
        options: The page options.
        unparsed: Whether the generator left an unparsable front-matter block in the text;
            it is removed (:func:`design_blocks` shows the findings that explain it).
        blocks: The blocks to insert: :func:`design_blocks`, as the generator hands them
            to the renderer (raw HTML as :class:`~.raw_blocks.RawBlocks` markers).

    Returns:
        The decorated Markdown.
    """
    if unparsed:
        markdown = strip_unparsed_front_matter(markdown.lstrip("\ufeff"))
    markdown = render_review_markup(markdown, checkboxes=options.checkboxes)
    # Lists that CommonMark starts inside a paragraph are split by ListSplitExtension,
    # inside the renderer, where fences and raw HTML are already set aside.
    return insert_after_title(markdown, blocks)


def has_unparsed_front_matter(markdown: str, meta: Mapping[str, Any]) -> bool:
    """Whether the generator left a front-matter block in the text (it was not YAML)."""
    return not meta and markdown.lstrip("\ufeff").startswith("---")


def report_lines(
    summaries: list[DesignSummary], rechecked: int, cached: int
) -> tuple[list[Finding], str]:
    """The findings to log, and the one summary line every build ends its report with.

    Args:
        summaries: Every design of the corpus.
        rechecked: Designs validated in this run.
        cached: Designs whose result came from the cache.

    Returns:
        ``(findings, summary line)``.
    """
    findings = [finding for summary in summaries for finding in summary.findings]
    return findings, checked_line(summaries, rechecked, cached)


def finding_line(finding: Finding) -> str:
    """``path:line CODE message``: how a build log shows one finding."""
    return f"{finding.path}:{finding.line} {finding.code} {finding.message}"


def is_info(finding: Finding) -> bool:
    """Whether a finding is logged at info level (the rest are warnings)."""
    return finding.severity is Severity.INFO
