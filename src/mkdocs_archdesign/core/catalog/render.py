"""The catalog page: Markdown with placeholders, and the HTML swapped into them.

The page is collected, then rendered (like Material's tags plugin): the Markdown source
holds headings, the mermaid fence and two HTML-comment placeholders; after Markdown has
run, :func:`fill_placeholders` swaps in the table and the handoff board. Raw HTML never
goes through Markdown, so no value can be re-read as Markdown, and a 10,000-row table
does not cost a Markdown parse.

Every user-supplied value is escaped with :func:`~mkdocs_archdesign.core.escape.html_text`
where it lands; links are relative to the catalog page, so they work under any base
path and from ``file://`` (with ``use_directory_urls: false``).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date

from mkdocs_archdesign.core.catalog.graph import graph_note, plan_graph, render_dependency_graph
from mkdocs_archdesign.core.catalog.model import (
    CATALOG_VERSION,
    STATUS_ORDER,
    Catalog,
    CatalogEntry,
    relative_url,
    review_age_days,
)
from mkdocs_archdesign.core.catalog.timeline import days_per_status, log_date
from mkdocs_archdesign.core.escape import html_text
from mkdocs_archdesign.core.model import Stage, Status

TABLE_PLACEHOLDER = "<!-- archdesign:catalog-table -->"
BOARD_PLACEHOLDER = "<!-- archdesign:handoff-board -->"
JSON_LINK_PLACEHOLDER = "<!-- archdesign:catalog-json-link -->"
TIMELINE_PLACEHOLDER = "<!-- archdesign:review-timeline -->"

#: Cards shown per board column; the rest are counted ("and 12 more").
MAX_BOARD_CARDS = 50

#: The board's columns: stage, heading, and who acts next (seed workflow, both levels).
BOARD_STAGES: tuple[tuple[Stage, str], ...] = (
    (Stage.DRAFT, "Draft — architect"),
    (Stage.PENDING_REVIEW, "Pending Review — tech-lead"),
    (Stage.CHANGES_REQUESTED, "Changes Requested — architect"),
    (Stage.APPROVED, "Approved → ready for Level 2 — api-designer"),
    (Stage.LEVEL2_IN_PROGRESS, "Level 2 in progress — api-designer at work"),
    (Stage.READY_FOR_IMPLEMENTATION, "Ready for implementation — coder"),
    (Stage.SUPERSEDED, "Superseded"),
)

#: Table columns: (key, heading, sort type); the JS sorts by ``data-sort`` or cell text.
#: Nine columns, not one per field: the id sits under the title, the API count beside the
#: complexity and the review date under the reviewer, so the table fits a content column.
TABLE_COLUMNS = (
    ("title", "Design", "text"),
    ("status", "Status", "number"),
    ("owner", "Owner", "text"),
    ("complexity", "Complexity", "number"),
    ("completeness", "Sections", "number"),
    ("findings", "Findings", "number"),
    ("review", "Review", "text"),
    ("depends_on", "Depends on", "text"),
    ("tags", "Tags", "text"),
)

_COMPLEXITY_ORDER = {"Simple": 0, "Medium": 1, "Complex": 2}


def render_catalog_markdown(
    catalog: Catalog, title: str = "Design catalog", page_dest: str | None = None
) -> str:
    """The Markdown source of the catalog page (placeholders for the HTML parts).

    Args:
        catalog: The catalog.
        title: The page title (a level-1 heading).
        page_dest: The page's built HTML file, for the graph's links (none when ``None``).

    Returns:
        Markdown: intro, designs table placeholder, dependency graph, handoff board.
    """
    return (
        # Material hides the page's table of contents: the designs table needs the width.
        f"---\nhide:\n  - toc\n---\n\n# {_markdown_text(title)}\n\n"
        + render_catalog_body(catalog, page_dest)
    )


def render_catalog_body(catalog: Catalog, page_dest: str | None = None) -> str:
    """The catalog under a page's own title: what replaces an ``archdesign-catalog`` fence.

    Args:
        catalog: The catalog.
        page_dest: The page's built HTML file (``design/index.html``): the graph's nodes
            link to their pages relative to it. ``None``: the nodes are not links.

    Returns:
        Markdown with the table, board and ``catalog.json`` link placeholders.
    """
    plan = plan_graph(catalog)
    count = len(catalog.entries)
    graph = (
        "```mermaid\n" + render_dependency_graph(plan, page_dest) + "```\n"
        if plan.nodes
        else "No design depends on another yet.\n"
    )
    return (
        f"{count} design{'s' if count != 1 else ''}, sorted by review status then title. "
        f"Filter and sort the table below; the same data is in {JSON_LINK_PLACEHOLDER}.\n\n"
        f"## Designs\n\n{TABLE_PLACEHOLDER}\n\n"
        "## Dependency graph\n\n"
        "Arrows point from a design to the designs it depends on; colours show the review "
        "status, dashed boxes are references to designs that do not exist, and red edges "
        "marked *cycle* form a dependency cycle. A design's Level 2 API spec hangs off it "
        "as a double-edged box labelled *Level 2*, on a dotted blue edge, coloured by the "
        "spec's own status. Click a box to open its page.\n\n"
        f"{graph}\n{_markdown_text(graph_note(plan))}\n\n"
        "## Handoff board\n\n"
        "Who acts next on each design, Level 2 included; the age is the time in the current "
        "status from the design's review log, or since its review date.\n\n"
        f"{BOARD_PLACEHOLDER}\n\n"
        "## Review timeline\n\n"
        "Days each design spent in each status, from the **Review Log** its review actions "
        "wrote.\n\n"
        f"{TIMELINE_PLACEHOLDER}\n\n"
        "## catalog.json\n\n"
        f"The site root holds `catalog.json` with every design (schema version "
        f"{CATALOG_VERSION}); "
        "`mkdocs-archdesign catalog --format json` prints the same from the sources.\n"
    )


def fill_placeholders(
    html: str,
    catalog: Catalog,
    page_dest: str,
    today: date,
    json_href: str | None = None,
    blocks: tuple[str, str, str] | None = None,
) -> str:
    """Swap the table and the board into the catalog page's HTML.

    Args:
        html: The page HTML after Markdown.
        catalog: The catalog.
        page_dest: The catalog page's built file, site-relative (``design/index.html``).
        today: The build date, for the age of each review.
        json_href: The link to ``catalog.json`` from the page, when it is published.
        blocks: :func:`catalog_blocks`, when the caller rendered them already.

    Returns:
        The HTML with both placeholders replaced.
    """
    for placeholder, block in zip(
        (TABLE_PLACEHOLDER, BOARD_PLACEHOLDER, TIMELINE_PLACEHOLDER),
        blocks or catalog_blocks(catalog, page_dest, today),
        strict=True,
    ):
        html = html.replace(placeholder, block, 1)
    link = (
        f'<a href="{html_text(json_href)}"><code>catalog.json</code></a>'
        if json_href is not None
        else "<code>catalog.json</code>"
    )
    return html.replace(JSON_LINK_PLACEHOLDER, link, 1)


def catalog_blocks(catalog: Catalog, page_dest: str, today: date) -> tuple[str, str, str]:
    """The table (with its filter bar), the handoff board and the review timeline.

    Args:
        catalog: The catalog.
        page_dest: The catalog page's built file, site-relative.
        today: The build date, for the age of each review.

    Returns:
        ``(table, board, timeline)``, each one raw-HTML block.
    """
    return (
        render_table(catalog, page_dest),
        render_board(catalog, page_dest, today),
        render_timeline(catalog, page_dest, today),
    )


def render_table(catalog: Catalog, page_dest: str) -> str:
    """The filter bar and the designs table (readable without JavaScript)."""
    by_id = catalog.by_id()
    rows = "\n".join(_table_row(entry, page_dest, by_id) for entry in catalog.entries)
    headers = "".join(
        f'<th scope="col" role="columnheader" class="archdesign-catalog__col--{key}" '
        f'data-key="{key}" data-type="{kind}">{label}</th>'
        for key, label, kind in TABLE_COLUMNS
    )
    return (
        '<div class="archdesign-catalog" data-archdesign-catalog>\n'
        f"{_filter_bar(catalog)}\n"
        '<div class="archdesign-catalog__scroll">\n'
        # The rows are laid out as CSS grids for speed; explicit roles keep the table
        # semantics for screen readers, which some browsers drop with a non-table display.
        '<table class="archdesign-catalog__table" role="table">\n'
        f'<thead role="rowgroup"><tr role="row">{headers}</tr></thead>\n'
        f'<tbody role="rowgroup">\n{rows}\n</tbody>\n</table>\n'
        "</div>\n</div>"
    )


def _stage_labels(catalog: Catalog) -> list[tuple[Status, str]]:
    """Each stage present, labelled with the team's words for it (``Proposed``).

    A stage whose designs use more than three words (``superseded by ADR-0001``, …)
    is labelled with its first word and an ellipsis.
    """
    words: dict[Status, list[str]] = {}
    for entry in catalog.entries:
        if entry.status_known:
            seen = words.setdefault(entry.workflow_status, [])
            if entry.status not in seen:
                seen.append(entry.status)
    labels = []
    for stage in Status:
        if stage in words:
            found = words[stage]
            labels.append((stage, " / ".join(found) if len(found) <= 3 else f"{found[0]} …"))
    return labels


def _filter_bar(catalog: Catalog) -> str:
    owners = sorted({e.owner for e in catalog.entries if e.owner}, key=str.casefold)
    tags = sorted({t for e in catalog.entries for t in e.tags}, key=str.casefold)
    statuses = [(stage.slug, label) for stage, label in _stage_labels(catalog)]
    if any(e.status_slug == "unknown" for e in catalog.entries):
        statuses.append(("unknown", "Other status"))
    total = len(catalog.entries)
    # Hidden until the script runs: without JavaScript the controls would do nothing.
    return (
        '<form class="archdesign-catalog__filters" hidden role="search" '
        'aria-label="Filter designs" onsubmit="return false">'
        f'<label>Status <select data-filter="status">{_options(statuses)}</select></label>'
        f'<label>Owner <select data-filter="owner">{_options([(o, o) for o in owners])}'
        "</select></label>"
        f'<label>Tag <select data-filter="tag">{_options([(t, t) for t in tags])}'
        "</select></label>"
        '<label>Search <input type="search" data-filter="text" '
        'placeholder="title, id, owner, tag…" autocomplete="off"></label>'
        f'<output data-count aria-live="polite">{total} of {total} designs</output>'
        "</form>"
    )


def _options(pairs: Sequence[tuple[str, str]]) -> str:
    items = ['<option value="">All</option>']
    items.extend(
        f'<option value="{html_text(value)}">{html_text(label)}</option>' for value, label in pairs
    )
    return "".join(items)


def _table_row(entry: CatalogEntry, page_dest: str, by_id: dict[str, CatalogEntry]) -> str:
    href = html_text(relative_url(entry.url, page_dest))
    counts = entry.findings
    search = " ".join(
        [entry.title, entry.id, entry.status, entry.owner, entry.reviewer, *entry.tags]
    )
    attributes = (
        f'data-status="{entry.status_slug}" data-owner="{html_text(entry.owner)}" '
        f'data-tags="{html_text(json.dumps(list(entry.tags), ensure_ascii=False))}" '
        f'data-search="{html_text(search.casefold())}"'
    )
    cells = [
        f'<td data-sort="{html_text(entry.title.casefold())}"><a href="{href}">'
        f"{html_text(entry.title)}</a>"
        f'<code class="archdesign-catalog__id" title="{html_text(entry.id)}">'
        f"{html_text(entry.id)}</code></td>",
        f'<td data-sort="{STATUS_ORDER[entry.workflow_status]}">{status_badge(entry)}'
        f"{_chain_text(entry, page_dest)}</td>",
        f"<td>{html_text(entry.owner)}</td>",
        f'<td data-sort="{_complexity_rank(entry)}">{entry.complexity}'
        f'<span class="archdesign-catalog__sub">{_plural(entry.api_count, "API")}</span></td>',
        f'<td data-sort="{entry.completeness:.4f}">'
        f"{entry.sections_present}/{entry.sections_required}</td>",
        f'<td data-sort="{counts.error * 1_000_000 + counts.warning * 1_000 + counts.info}">'
        f"{_findings_text(entry)}</td>",
        _review_cell(entry),
        f"<td>{_dependency_links(entry, page_dest, by_id)}</td>",
        f"<td>{_tag_list(entry.tags)}</td>",
    ]
    cells_html = "".join(cell.replace("<td", '<td role="cell"', 1) for cell in cells)
    return f'<tr {attributes} role="row">{cells_html}</tr>'


def _complexity_rank(entry: CatalogEntry) -> int:
    """Sort by complexity, then by API count inside it (explicit complexity may disagree)."""
    return _COMPLEXITY_ORDER.get(entry.complexity, 0) * 1_000_000 + entry.api_count


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _review_cell(entry: CatalogEntry) -> str:
    """The reviewer with the review date under it, sorted by date (ISO dates sort as text)."""
    date_text = entry.review_date if entry.review_date.upper() != "TBD" else ""
    date_html = (
        f'<span class="archdesign-catalog__sub archdesign-catalog__date">{html_text(date_text)}'
        "</span>"
        if date_text
        else ""
    )
    return f'<td data-sort="{html_text(date_text)}">{html_text(entry.reviewer)}{date_html}</td>'


def _chain_text(entry: CatalogEntry, page_dest: str) -> str:
    """Under the status: the Level 2 spec (linked, with its status) and an open escalation."""
    parts = []
    if entry.level2 is not None:
        href = html_text(relative_url(entry.level2.url, page_dest))
        parts.append(
            f'<span class="archdesign-catalog__sub archdesign-catalog__level2">'
            f'<a href="{href}">Level 2</a>: {html_text(entry.level2.status)}</span>'
        )
    if entry.escalated_to:
        parts.append(
            '<span class="archdesign-catalog__sub archdesign-catalog__escalated">'
            f"escalated to {html_text(entry.escalated_to)}</span>"
        )
    return "".join(parts)


def status_badge(entry: CatalogEntry) -> str:
    """A status badge: the status as text (never colour alone) with a status CSS class."""
    return (
        f'<span class="archdesign-catalog__status archdesign-catalog__status--{entry.status_slug}">'
        f"{html_text(entry.status)}</span>"
    )


def _findings_text(entry: CatalogEntry) -> str:
    counts = entry.findings
    if counts.error == 0 and counts.warning == 0 and counts.info == 0:
        return '<span class="archdesign-catalog__ok">none</span>'
    # The colour follows the worst severity listed (an error is red, never orange).
    worst = "error" if counts.error else "warning" if counts.warning else "info"
    return (
        f'<span class="archdesign-catalog__findings--{worst}">{html_text(counts.phrase())}</span>'
    )


def _dependency_links(entry: CatalogEntry, page_dest: str, by_id: dict[str, CatalogEntry]) -> str:
    links = []
    for ident in entry.depends_on:
        target = by_id.get(ident)
        if target is None:
            links.append(
                f'<span class="archdesign-catalog__missing" title="no design with this id">'
                f"{html_text(ident)} (missing)</span>"
            )
        else:
            href = html_text(relative_url(target.url, page_dest))
            links.append(f'<a href="{href}">{html_text(ident)}</a>')
    return ", ".join(links)


def _tag_list(tags: Sequence[str]) -> str:
    return " ".join(f'<span class="archdesign-catalog__tag">{html_text(t)}</span>' for t in tags)


def render_board(catalog: Catalog, page_dest: str, today: date) -> str:
    """The handoff board: one column per workflow stage, a card per design.

    Cards are ordered oldest review first (what has waited longest comes first), then
    designs without a review date, by title.
    """
    columns = []
    for stage, heading in BOARD_STAGES:
        entries = [e for e in catalog.entries if e.stage is stage]
        entries.sort(key=lambda e: _age_key(e, today))
        cards = "".join(_card(e, page_dest, today) for e in entries[:MAX_BOARD_CARDS])
        more = len(entries) - MAX_BOARD_CARDS
        if more > 0:
            cards += f'<li class="archdesign-board__more">and {more} more (filter the table)</li>'
        if not entries:
            cards = '<li class="archdesign-board__empty">none</li>'
        columns.append(
            f'<section class="archdesign-board__column archdesign-board__column--{stage.value}">'
            f"<h3>{html_text(heading)} <small>({len(entries)})</small></h3>"
            f'<ul class="archdesign-board__cards">{cards}</ul></section>'
        )
    return f'<div class="archdesign-board">{"".join(columns)}</div>'


def _age_key(entry: CatalogEntry, today: date) -> tuple[int, int, str]:
    age = stage_age_days(entry, today)
    return (0, -age, entry.title.casefold()) if age is not None else (1, 0, entry.title.casefold())


def stage_age_days(entry: CatalogEntry, today: date) -> int | None:
    """Days in the current status from the review log, else from the review date."""
    if entry.review_log:
        since = log_date(entry.review_log[-1].date)
        return (today - since).days if since is not None else None
    return review_age_days(entry, today)


def age_text(entry: CatalogEntry, today: date) -> str:
    """``"12 days in Pending Review"`` from the review log, else ``"reviewed 12 days ago"``.

    Designs without a log fall back to the review date (``"reviewed today"``,
    ``"no review date"``).
    """
    if entry.review_log:
        days = stage_age_days(entry, today)
        if days is not None and days >= 0:
            where = html_text(entry.status)
            return f"{days} day{'s' if days != 1 else ''} in {where}"
    age = review_age_days(entry, today)
    if age is None:
        return "no review date"
    if age == 0:
        return "reviewed today"
    if age < 0:
        return f"review date in {-age} day{'s' if age != -1 else ''}"
    return f"reviewed {age} day{'s' if age != 1 else ''} ago"


def _card(entry: CatalogEntry, page_dest: str, today: date) -> str:
    href = html_text(relative_url(entry.url, page_dest))
    owner = html_text(entry.owner) if entry.owner else "no owner"
    status = "" if entry.status_slug != "unknown" else f" · {html_text(entry.status)}"
    extra = ""
    if entry.level2 is not None:
        spec_href = html_text(relative_url(entry.level2.url, page_dest))
        extra += f' · <a href="{spec_href}">Level 2</a>: {html_text(entry.level2.status)}'
    if entry.escalated_to:
        extra += (
            f' · <span class="archdesign-board__escalated">escalated to '
            f"{html_text(entry.escalated_to)}</span>"
        )
    return (
        f'<li class="archdesign-board__card"><a href="{href}">{html_text(entry.title)}</a>'
        f'<span class="archdesign-board__meta">{owner} · {age_text(entry, today)}{status}{extra}'
        "</span></li>"
    )


def _markdown_text(value: str) -> str:
    """Plain text for a Markdown paragraph: HTML escaped and Markdown syntax disarmed."""
    text = html_text(value.replace("\n", " "))
    for char in "\\`*_[]#!|":
        text = text.replace(char, "\\" + char)
    return text


def render_timeline(catalog: Catalog, page_dest: str, today: date) -> str:
    """A table of the days each design spent in each status (designs with a review log)."""
    logged = [entry for entry in catalog.entries if entry.review_log]
    if not logged:
        return (
            '<p class="archdesign-timeline__empty">No design has a review log yet: '
            "<code>mkdocs-archdesign review</code> writes one line per action.</p>"
        )
    rows = []
    for entry in logged:
        href = html_text(relative_url(entry.url, page_dest))
        spans = days_per_status(entry.review_log, today)
        cells = ", ".join(f"{html_text(status)} {days} d" for status, days in spans.items())
        rows.append(
            f'<tr><td><a href="{href}">{html_text(entry.title)}</a></td>'
            f"<td>{html_text(entry.status)}</td><td>{cells}</td></tr>"
        )
    return (
        '<table class="archdesign-timeline"><thead><tr><th>Design</th><th>Now</th>'
        "<th>Days in each status</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )
