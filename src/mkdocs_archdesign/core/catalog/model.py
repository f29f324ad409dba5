"""The architecture catalog as data: one entry per design, and its JSON, CSV and Markdown forms.

The plugin (``catalog.json`` in the built site) and ``mkdocs-archdesign catalog`` (from
sources, without a build) both go through :func:`build_catalog` and :func:`catalog_dict`,
so the two outputs cannot drift: only ``generated`` may differ between them.
"""

from __future__ import annotations

import csv
import io
import json
import os
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any
from urllib.parse import quote

from mkdocs_archdesign.core.escape import html_text, terminal_text
from mkdocs_archdesign.core.model import (
    DesignSummary,
    FindingCounts,
    ReviewLogEntry,
    Stage,
    Status,
    handoff_stage,
)

#: Bumped when a field of ``catalog.json`` changes meaning or disappears. Version 2 adds
#: ``stage``, ``level2``, ``escalated_to`` and ``review_log`` to every design.
CATALOG_VERSION = 2

#: Workflow order, used to sort the catalog and to lay out the handoff board.
STATUS_ORDER: dict[Status, int] = {status: index for index, status in enumerate(Status)}

#: Columns of the CSV and Markdown outputs, in order.
COLUMNS = (
    "id",
    "title",
    "path",
    "url",
    "status",
    "owner",
    "tags",
    "depends_on",
    "superseded_by",
    "complexity",
    "api_count",
    "completeness",
    "errors",
    "warnings",
    "info",
    "reviewer",
    "review_date",
    "stage",
    "level2",
    "level2_status",
    "escalated_to",
)

_DATE_RE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Level2Link:
    """A design's Level 2 API spec as the catalog shows it.

    Attributes:
        id: The spec's id.
        path: Its docs-relative path.
        url: Its page URL.
        status: Its status as written.
        approved: Whether the spec is Approved.
        status_slug: The CSS-safe slug of its workflow stage (``unknown`` outside it).
    """

    id: str
    path: str
    url: str
    status: str
    approved: bool
    status_slug: str = "unknown"


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One design as the catalog shows it.

    Attributes:
        id: The design id (file name without ``.md`` and ``-design``).
        title: The design's title as plain text (inline Markdown rendered).
        path: The docs-relative source path (``design/order-service-design.md``).
        url: The page URL relative to the site root, as MkDocs computes it.
        status: The status in the team's words (the configured spelling of a name).
        workflow_status: The workflow stage (unknown statuses are Draft).
        owner: The owner, or ``""``.
        tags: Front matter tags.
        depends_on: Ids of the designs this one depends on.
        superseded_by: The id of the replacing design, or ``None``.
        complexity: ``Simple``, ``Medium`` or ``Complex``.
        api_count: Method bullets in the API overview.
        completeness: Share of required sections present, 0.0 to 1.0.
        sections_present: Required sections present and non-empty.
        sections_required: Required sections in the template.
        findings: Findings per severity.
        reviewer: The Design Review reviewer, or ``""``.
        review_date: The Design Review date as written, or ``""``.
        level2: The design's Level 2 spec, or ``None``.
        escalated_to: Who an open escalation is with, or ``""``.
        review_log: The review trail, oldest first.
        title_markdown: The title as written (``""``: the same as ``title``).
        status_known: Whether the status is a configured one (``status_slug`` ``unknown`` if not).
    """

    id: str
    title: str
    path: str
    url: str
    status: str
    workflow_status: Status
    owner: str
    tags: tuple[str, ...]
    depends_on: tuple[str, ...]
    superseded_by: str | None
    complexity: str
    api_count: int
    completeness: float
    sections_present: int
    sections_required: int
    findings: FindingCounts
    reviewer: str
    review_date: str
    level2: Level2Link | None = None
    escalated_to: str = ""
    review_log: tuple[ReviewLogEntry, ...] = ()
    title_markdown: str = ""
    status_known: bool = True

    @property
    def stage(self) -> Stage:
        """The handoff-chain stage: the review status, moved on by the Level 2 spec."""
        level2 = self.level2.approved if self.level2 is not None else None
        return handoff_stage(self.workflow_status, level2)

    @property
    def status_slug(self) -> str:
        """A CSS-safe name for the status (``unknown`` for statuses outside the workflow)."""
        return self.workflow_status.slug if self.status_known else "unknown"

    def sort_key(self) -> tuple[int, str, str]:
        """Workflow order, then title (case-insensitive), then path for stability."""
        return (STATUS_ORDER[self.workflow_status], self.title.casefold(), self.path)


@dataclass(frozen=True, slots=True)
class Catalog:
    """Every design in a site, sorted by workflow status then title.

    Attributes:
        entries: The designs, sorted.
        use_directory_urls: How page URLs were computed.
    """

    entries: tuple[CatalogEntry, ...]
    use_directory_urls: bool = True

    def by_id(self) -> dict[str, CatalogEntry]:
        """Entries by id; the first entry wins when two designs share an id (AD005 reports it)."""
        result: dict[str, CatalogEntry] = {}
        for entry in self.entries:
            result.setdefault(entry.id, entry)
        return result


def page_dest(path: str, use_directory_urls: bool) -> str:
    """The built HTML file of a docs-relative Markdown page, exactly as MkDocs names it.

    Args:
        path: A docs-relative ``/``-separated source path (``design/a.md``).
        use_directory_urls: MkDocs' option of the same name.

    Returns:
        ``design/a/index.html`` (directory URLs) or ``design/a.html``.
    """
    parent, filename = posixpath.split(path)
    stem = posixpath.splitext(filename)[0]
    if stem == "README":
        stem = "index"
    if not use_directory_urls or stem == "index":
        return posixpath.join(parent, stem + ".html")
    return posixpath.join(parent, stem, "index.html")


def page_url(path: str, use_directory_urls: bool) -> str:
    """The site-relative URL of a docs-relative Markdown page, as ``File.url`` gives it."""
    url = page_dest(path, use_directory_urls)
    dirname, filename = posixpath.split(url)
    if use_directory_urls and filename == "index.html":
        url = (dirname or ".") + "/"
    # A file name that is not UTF-8 holds its raw bytes as surrogates: percent-encode
    # those bytes (they are the name on disk) instead of crashing.
    return quote(url, errors="surrogateescape")


def relative_url(target: str, from_page_dest: str) -> str:
    """A link from the built page ``from_page_dest`` to the site-relative URL ``target``.

    Relative links keep the site working under any base path and from ``file://``.
    """
    base_parts = [part for part in posixpath.dirname(from_page_dest).split("/") if part]
    target_parts = [part for part in target.split("/") if part and part != "."]
    common = 0
    for left, right in zip(base_parts, target_parts, strict=False):
        if left != right:
            break
        common += 1
    parts = [".."] * (len(base_parts) - common) + target_parts[common:]
    rel = "/".join(parts)
    if target.endswith("/"):
        return rel + "/" if rel else "./"
    return rel or "."


def entry_from_summary(
    summary: DesignSummary, use_directory_urls: bool, spec: DesignSummary | None = None
) -> CatalogEntry:
    """Turn a validated design's summary (and its Level 2 spec's) into a catalog entry."""
    level2 = None
    if spec is not None:
        level2 = Level2Link(
            id=spec.id,
            path=spec.path,
            url=page_url(spec.path, use_directory_urls),
            status=spec.status_text,
            approved=spec.status is Status.APPROVED,
            status_slug=spec.status.slug if spec.status is not None else "unknown",
        )
    return CatalogEntry(
        id=summary.id,
        title=summary.title,
        title_markdown=summary.title_markdown or summary.title,
        path=summary.path,
        url=page_url(summary.path, use_directory_urls),
        status=summary.status_text,
        workflow_status=summary.effective_status,
        status_known=summary.status is not None,
        owner=summary.owner,
        tags=summary.tags,
        depends_on=summary.depends_on,
        superseded_by=summary.superseded_by,
        complexity=summary.complexity.value,
        api_count=summary.api_count,
        completeness=summary.completeness,
        sections_present=summary.sections_present,
        sections_required=summary.sections_required,
        findings=summary.counts,
        reviewer=summary.reviewer,
        review_date=summary.review_date,
        level2=level2,
        escalated_to=summary.escalated_to,
        review_log=summary.review_log,
    )


def build_catalog(
    summaries: Iterable[DesignSummary],
    use_directory_urls: bool = True,
    specs: Iterable[DesignSummary] = (),
) -> Catalog:
    """Build the catalog of ``summaries``, sorted by workflow status then title.

    Args:
        summaries: Validated Level 1 designs; ``path`` must be docs-relative.
        use_directory_urls: MkDocs' option, to compute page URLs.
        specs: Validated Level 2 specs; each joins the design its ``level1:`` names.

    Returns:
        The catalog.
    """
    designs = list(summaries)
    linked: dict[str, DesignSummary] = {}
    ids = {summary.id for summary in designs}
    for spec in specs:
        if spec.level1 in ids:
            linked.setdefault(spec.level1, spec)
    entries = sorted(
        (entry_from_summary(s, use_directory_urls, linked.get(s.id)) for s in designs),
        key=CatalogEntry.sort_key,
    )
    return Catalog(tuple(entries), use_directory_urls)


def build_time() -> datetime:
    """Now in UTC, or ``SOURCE_DATE_EPOCH`` when set, for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
    return datetime.now(timezone.utc)


def parse_review_date(value: str) -> date | None:
    """The first ``YYYY-MM-DD`` date in a review date as written, or ``None``."""
    match = _DATE_RE.search(value)
    if match is None:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def review_age_days(entry: CatalogEntry, today: date) -> int | None:
    """Whole days since the entry's review date, or ``None`` without a readable date."""
    reviewed = parse_review_date(entry.review_date)
    if reviewed is None:
        return None
    return (today - reviewed).days


def entry_dict(entry: CatalogEntry) -> dict[str, Any]:
    """One design as it appears in ``catalog.json``."""
    return {
        "id": entry.id,
        "title": entry.title,
        "title_markdown": entry.title_markdown,
        "path": entry.path,
        "url": entry.url,
        "status": entry.status,
        "owner": entry.owner,
        "tags": list(entry.tags),
        "depends_on": list(entry.depends_on),
        "superseded_by": entry.superseded_by,
        "complexity": entry.complexity,
        "api_count": entry.api_count,
        "completeness": round(entry.completeness, 4),
        "findings": entry.findings.as_dict(),
        "reviewer": entry.reviewer,
        "review_date": entry.review_date,
        "stage": entry.stage.value,
        "level2": (
            {
                "id": entry.level2.id,
                "path": entry.level2.path,
                "url": entry.level2.url,
                "status": entry.level2.status,
            }
            if entry.level2 is not None
            else None
        ),
        "escalated_to": entry.escalated_to or None,
        "review_log": [log_entry.as_dict() for log_entry in entry.review_log],
    }


def catalog_dict(catalog: Catalog, generated: datetime | None = None) -> dict[str, Any]:
    """The ``catalog.json`` document (schema ``schemas/catalog.schema.json``).

    Args:
        catalog: The catalog.
        generated: The build time (default: :func:`build_time`).

    Returns:
        ``{"version": 2, "generated": ISO-8601, "designs": [...]}``.
    """
    moment = generated if generated is not None else build_time()
    return {
        "version": CATALOG_VERSION,
        "generated": moment.isoformat(timespec="seconds"),
        "designs": [entry_dict(entry) for entry in catalog.entries],
    }


def catalog_json(catalog: Catalog, generated: datetime | None = None) -> str:
    """``catalog.json`` as text: indented, UTF-8 characters kept, newline-terminated."""
    return json.dumps(catalog_dict(catalog, generated), indent=2, ensure_ascii=False) + "\n"


def _row(entry: CatalogEntry) -> dict[str, str]:
    return {
        "id": entry.id,
        "title": entry.title,
        "path": entry.path,
        "url": entry.url,
        "status": entry.status,
        "owner": entry.owner,
        "tags": "; ".join(entry.tags),
        "depends_on": "; ".join(entry.depends_on),
        "superseded_by": entry.superseded_by or "",
        "complexity": entry.complexity,
        "api_count": str(entry.api_count),
        "completeness": f"{entry.completeness:.2f}",
        "errors": str(entry.findings.error),
        "warnings": str(entry.findings.warning),
        "info": str(entry.findings.info),
        "reviewer": entry.reviewer,
        "review_date": entry.review_date,
        "stage": entry.stage.value,
        "level2": entry.level2.id if entry.level2 is not None else "",
        "level2_status": entry.level2.status if entry.level2 is not None else "",
        "escalated_to": entry.escalated_to,
    }


_HANDLE_RE = re.compile(r"@[\w.-]+")


def csv_cell(value: str) -> str:
    """Neutralise spreadsheet formulas (CSV injection) in one cell.

    A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a
    formula by spreadsheet programs; such cells get a leading ``'``. Plain ``@handle``
    owners and negative numbers are left as they are, because they are not formulas.
    Control characters (ESC, C1, bidi overrides) become spaces: the CSV is often
    printed to a terminal, where they would retitle the window or write the clipboard.
    """
    if value and value[0] in "\t\r":
        return "'" + terminal_text(value, " ")
    value = terminal_text(value, " ")
    if not value or value[0] not in "=+-@":
        return value
    if _HANDLE_RE.fullmatch(value) or re.fullmatch(r"-\d+(\.\d+)?", value):
        return value
    return "'" + value


def catalog_csv(catalog: Catalog) -> str:
    """The catalog as CSV with a header row (:data:`COLUMNS`); lists joined with ``; ``."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for entry in catalog.entries:
        writer.writerow({key: csv_cell(value) for key, value in _row(entry).items()})
    return buffer.getvalue()


def markdown_cell(value: str) -> str:
    """Make ``value`` safe inside a Markdown table cell: no HTML, pipes or line breaks."""
    # Controls and bidi overrides become spaces: the table is read in terminals too.
    text = html_text(terminal_text(value, " "))
    for char in "\\|[]*_`":
        text = text.replace(char, "\\" + char)
    return text


def catalog_markdown(catalog: Catalog) -> str:
    """The catalog as a Markdown table; titles link to the design's source path."""
    headers = ("Title", "Id", "Status", "Owner", "Complexity", "APIs", "Sections", "Findings")
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    for entry in catalog.entries:
        findings = entry.findings.phrase()
        link = f"[{markdown_cell(entry.title)}](<{quote(entry.path, errors='surrogateescape')}>)"
        cells: Sequence[str] = (
            link,
            markdown_cell(entry.id),
            markdown_cell(entry.status),
            markdown_cell(entry.owner),
            entry.complexity,
            str(entry.api_count),
            f"{entry.sections_present}/{entry.sections_required}",
            findings,
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
