"""Run the rule catalog over designs: per design first, then across the corpus.

The two stages are separate so the plugin can cache per-design results by content
hash across ``mkdocs serve`` rebuilds and only recompute the cheap cross-design rules.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs_archdesign.core import rules as _rules  # noqa: F401 - registers every rule
from mkdocs_archdesign.core.config.settings import DraftPolicy, Settings
from mkdocs_archdesign.core.document.inline import plain_title
from mkdocs_archdesign.core.document.scanner import ScannedDesign, Section, scan_design
from mkdocs_archdesign.core.document.spec import (
    Level1Facts,
    SpecInput,
    level1_api,
    spec_link,
    spec_methods,
)
from mkdocs_archdesign.core.document.summary import (
    api_overview_items,
    complexity_of,
    handoffs_of,
    read_review_block,
    string_list,
    text_value,
)
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.document.trail import escalated_to, review_log
from mkdocs_archdesign.core.files import RealPaths, read_regular_bytes
from mkdocs_archdesign.core.model import (
    DesignSummary,
    Finding,
    Severity,
    Status,
    design_id,
    design_id_from_path,
    normalise_status_key,
)
from mkdocs_archdesign.core.rules.base import (
    REGISTRY,
    CorpusEntry,
    DesignContext,
    Hit,
    Rule,
    iter_sections_by_key,
)
from mkdocs_archdesign.core.rules.structure.placeholders import sections_with_own_content
from mkdocs_archdesign.core.rules.unreadable import UNREADABLE_RULE

#: Codes never downgraded for Draft designs: a broken or unknown status is not a draft.
NOT_DOWNGRADED = frozenset({"AD000", "AD001", "AD002"})

_IGNORE_COMMENT_RE = re.compile(r"archdesign:\s*ignore\s+([A-Za-z0-9_,\s]+)", re.IGNORECASE)

#: A method bullet whose code span is a placeholder (``TODO_method(arg)``).
_PLACEHOLDER_METHOD_RE = re.compile(r"`[^`]*\b(?:TODO|TBD)[^`]*`")

UNREADABLE_CODE = UNREADABLE_RULE.code
UNREADABLE_NAME = UNREADABLE_RULE.name


@dataclass(frozen=True, slots=True)
class DesignResult:
    """A design after the per-design stage.

    Attributes:
        summary: The summary with per-design findings (policy applied).
        entry: What cross-design rules need.
        downgrade: Whether this design's findings are downgraded to info (a Draft).
        ignored: Codes suppressed for the whole design (front matter).
        ignored_lines: Codes suppressed per line (from ``<!-- archdesign: ignore -->``).
    """

    summary: DesignSummary
    entry: CorpusEntry
    downgrade: bool
    ignored: frozenset[str]
    ignored_lines: dict[int, frozenset[str]]


def read_design_text(
    path: Path,
    root: Path | None = None,
    max_bytes: int | None = None,
    real: RealPaths | None = None,
) -> str:
    """Read a design file as UTF-8 (a BOM is allowed): a regular file, within the size cap.

    Args:
        path: The design file.
        root: The docs folder: a design in it that is a symlink must stay in it.
        max_bytes: The size cap (``Settings.max_file_bytes``); ``None``: the default.
        real: Folder resolutions shared by one pass over a corpus (see
            :func:`~mkdocs_archdesign.core.files.read_regular_bytes`).

    Raises:
        OSError: If the file cannot be read, is not a regular file, is over the cap or
            leaves ``root`` (the ``strerror`` says which).
        UnicodeDecodeError: If it is not UTF-8.
    """
    return read_regular_bytes(path, root, max_bytes, real).decode("utf-8")


def read_design_source(
    path: Path,
    shown: str,
    settings: Settings,
    root: Path | None = None,
    real: RealPaths | None = None,
) -> str | DesignResult:
    """A design's or spec's text, or the AD000 result that says why it cannot be read.

    The CLI, the plugin, the Zensical extension and the language server read every design
    and spec through this, so each refuses the same files (over ``max_file_bytes``, not a
    regular file, a symlink out of ``root``, not UTF-8) with the same one-line reason.

    Args:
        path: The file.
        shown: The path findings name.
        settings: Validator settings (``max_file_bytes``, AD000's severity).
        root: The docs folder: a file in it that is a symlink must stay in it.
        real: Folder resolutions shared by one pass over a corpus.

    Returns:
        The text (a BOM kept), or an unreadable result.
    """
    try:
        return read_design_text(path, root, settings.max_file_bytes, real)
    except UnicodeDecodeError as exc:
        return unreadable_result(shown, f"not UTF-8 text (byte {exc.start}): {shown}", settings)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return unreadable_result(shown, f"cannot read {shown}: {reason}", settings)


def build_context(design: ScannedDesign, template: Template, settings: Settings) -> DesignContext:
    """Compute, once per design, what every rule shares (sections, review block, status)."""
    sections: dict[str, list[Section]] = {}
    for key, section in iter_sections_by_key(design):
        sections.setdefault(key, []).append(section)
    review = read_review_block(sections)
    meta = design.front_matter.data
    front_status = meta.get("status")
    status_text = ""
    if isinstance(front_status, str) and front_status.strip():
        status_text = front_status.strip()
    elif review.status:
        status_text = review.status.strip()
    status = settings.stage_of(status_text) if status_text else None
    return DesignContext(design, template, settings, sections, review, status_text, status)


def check_design(
    text: str, path: str, template: Template, settings: Settings, path_id: str | None = None
) -> DesignResult:
    """Run every enabled per-design rule on one design's text.

    Args:
        text: The design's source.
        path: The path to report (docs-relative in the plugin, as given in ``check``).
        template: The template in force.
        settings: Validator settings.
        path_id: The id the file's real location gives, when ``path`` cannot tell (a
            ``README.md`` shown without its folder); default: derived from ``path``.

    Returns:
        The per-design result; cross-design findings are added by :func:`check_corpus`.
    """
    return _check(text, path, template, settings, None, path_id)


#: Rule families that describe Level 1 content; they never run on a Level 2 spec, whose
#: whole point is the signatures and field definitions AD3xx forbids at Level 1.
LEVEL1_ONLY = frozenset({"AD2", "AD3"})


def check_spec(
    text: str,
    path: str,
    template: Template,
    settings: Settings,
    level1: Callable[[str], Level1Facts | None],
) -> DesignResult:
    """Validate a Level 2 API specification against its template and its Level 1 design.

    Metadata, structure (against the Level 2 template) and review rules run as for a
    design; Level 1 content and Level 2 leak rules do not; the AD5xx rules do.

    Args:
        text: The spec's source.
        path: The path to report.
        template: The Level 2 template in force.
        settings: Validator settings.
        level1: Looks up a Level 1 design by id (``None`` when there is no such design).

    Returns:
        The spec's result, with ``summary.kind == "spec"``.
    """
    spec_settings = dataclasses.replace(settings, ignore=settings.ignore | LEVEL1_ONLY)
    return _check(text, path, template, spec_settings, level1)


def _check(
    text: str,
    path: str,
    template: Template,
    settings: Settings,
    level1: Callable[[str], Level1Facts | None] | None,
    path_id: str | None = None,
) -> DesignResult:
    design = scan_design(text, path)
    ctx = build_context(design, template, settings)
    raw: list[tuple[Rule, Hit]] = []
    # Plain loops, not raw.extend(generator expression): most rules find nothing in a
    # design, and a generator expression per rule per design cost three times the loop.
    for rule in _enabled_design_rules(settings):
        assert rule.check is not None
        for hit in rule.check(ctx):
            raw.append((rule, hit))
    link = spec_link(ctx) if level1 is not None else None
    if level1 is not None and link is not None:
        spec = SpecInput(ctx, link, tuple(spec_methods(ctx)), level1(link.level1))
        for rule in REGISTRY.values():
            if rule.spec_check is not None and settings.rule_enabled(rule.code):
                for hit in rule.spec_check(spec):
                    raw.append((rule, hit))
    downgrade = _is_downgraded(ctx, settings)
    ignored = frozenset(code.upper() for code in string_list(ctx.meta.get("archdesign_ignore")))
    ignored_lines = _ignored_lines(design)
    findings = [
        finding
        for rule, hit in raw
        if (finding := _finding(rule, hit, path, settings, downgrade, ignored, ignored_lines))
        is not None
    ]
    findings.sort(key=Finding.sort_key)
    summary = _summarise(ctx, path, tuple(findings), path_id)
    if link is not None:
        summary = dataclasses.replace(summary, kind="spec", level1=link.level1)
    entry = CorpusEntry(
        id=summary.id,
        path=path,
        depends_on=summary.depends_on,
        superseded_by=summary.superseded_by,
        depends_on_line=ctx.front_matter_line("depends_on"),
        superseded_by_line=ctx.front_matter_line("superseded_by"),
        id_line=ctx.front_matter_line("id"),
    )
    return DesignResult(summary, entry, downgrade, ignored, ignored_lines)


def level1_facts(summary: DesignSummary) -> Level1Facts:
    """What the AD5xx rules need of a Level 1 design, from its summary."""
    return Level1Facts(
        id=summary.id,
        path=summary.path,
        approved=summary.status is Status.APPROVED,
        status_text=summary.status_text,
        methods=summary.api_methods,
        fingerprint=summary.api_fingerprint,
    )


_enabled: list[tuple[Settings, tuple[Rule, ...]]] = []


def _enabled_design_rules(settings: Settings) -> tuple[Rule, ...]:
    """The per-design rules ``settings`` enables, remembered for the last settings seen.

    A corpus run validates thousands of designs with one ``Settings``; deciding the rule
    list once instead of per design keeps that loop tight.
    """
    if _enabled and _enabled[0][0] is settings:
        return _enabled[0][1]
    rules = tuple(
        rule
        for rule in REGISTRY.values()
        if rule.check is not None and settings.rule_enabled(rule.code)
    )
    _enabled[:] = [(settings, rules)]
    return rules


def unreadable_result(path: str, reason: str, settings: Settings) -> DesignResult:
    """A result for a design that could not be read or decoded: one error, nothing else."""
    finding = Finding(
        path,
        1,
        UNREADABLE_CODE,
        UNREADABLE_NAME,
        settings.severity_for(UNREADABLE_CODE, UNREADABLE_RULE.severity),
        reason,
    )
    ident = design_id_from_path(path)
    summary = DesignSummary(
        id=ident, path=path, title=ident, status=None, status_text="", findings=(finding,)
    )
    entry = CorpusEntry(ident, path, (), None)
    return DesignResult(summary, entry, False, frozenset(), {})


#: Cross-design hits by the path of the design they land on.
CorpusHits = dict[str, list[tuple[Rule, Hit]]]


def corpus_hits(entries: Sequence[CorpusEntry], settings: Settings) -> CorpusHits:
    """Run the enabled cross-design rules over ``entries``; their hits by design path.

    The hits depend only on the entries (ids and links), so a caller that keeps them may
    reuse them for as long as no entry changes (the language server does, per keystroke).
    """
    hits: CorpusHits = {}
    listed = list(entries)
    for rule in REGISTRY.values():
        if rule.corpus_check is None or not settings.rule_enabled(rule.code):
            continue
        for corpus_hit in rule.corpus_check(listed):
            hits.setdefault(corpus_hit.path, []).append((rule, corpus_hit.hit))
    return hits


def with_corpus_hits(
    result: DesignResult, hits: Sequence[tuple[Rule, Hit]], settings: Settings
) -> DesignSummary:
    """A design's final summary: its own findings plus its cross-design hits (policy applied)."""
    added = [
        finding
        for rule, hit in hits
        if (
            finding := _finding(
                rule,
                hit,
                result.entry.path,
                settings,
                result.downgrade,
                result.ignored,
                result.ignored_lines,
            )
        )
        is not None
    ]
    if not added:
        return result.summary
    findings = sorted([*result.summary.findings, *added], key=Finding.sort_key)
    return dataclasses.replace(result.summary, findings=tuple(findings))


def check_corpus(results: Sequence[DesignResult], settings: Settings) -> list[DesignSummary]:
    """Run the cross-design rules and merge their findings into each summary.

    Args:
        results: Per-design results for every design in the run.
        settings: Validator settings.

    Returns:
        The final summaries, in the order of ``results``.
    """
    hits = corpus_hits([result.entry for result in results], settings)
    return [
        with_corpus_hits(result, hits.get(result.entry.path, ()), settings) for result in results
    ]


def check_texts(
    items: Iterable[tuple[str, str]], template: Template, settings: Settings
) -> list[DesignSummary]:
    """Validate ``(path, text)`` pairs as one corpus (a convenience for tests and tools)."""
    results = [check_design(text, path, template, settings) for path, text in items]
    return check_corpus(results, settings)


def _is_downgraded(ctx: DesignContext, settings: Settings) -> bool:
    if settings.draft_findings is DraftPolicy.KEEP:
        return False
    if not ctx.status_text:
        return True  # a design with no status anywhere is a Draft
    if ctx.status is not None:
        return ctx.status is Status.DRAFT  # the configured stage decides, whatever the word
    return normalise_status_key(ctx.status_text) == "draft"


def _ignored_lines(design: ScannedDesign) -> dict[int, frozenset[str]]:
    result: dict[int, frozenset[str]] = {}
    for comment in design.all_comments():
        match = _IGNORE_COMMENT_RE.search(comment.text)
        if match is None:
            continue
        codes = frozenset(c.upper() for c in re.split(r"[\s,]+", match.group(1)) if c)
        end_line = comment.line + comment.text.count("\n")
        # The comment silences the line right after it (and its own line).
        for line in (comment.line, end_line + 1):
            result[line] = result.get(line, frozenset()) | codes
    return result


def _finding(
    rule: Rule,
    hit: Hit,
    path: str,
    settings: Settings,
    downgrade: bool,
    ignored: frozenset[str],
    ignored_lines: dict[int, frozenset[str]],
) -> Finding | None:
    if rule.code in ignored or rule.code in ignored_lines.get(hit.line, frozenset()):
        return None
    severity = settings.severity_for(rule.code, rule.severity)
    if downgrade and rule.code not in NOT_DOWNGRADED:
        severity = Severity.INFO
    return Finding(path, max(1, hit.line), rule.code, rule.name, severity, hit.message, hit.section)


def _summarise(
    ctx: DesignContext, path: str, findings: tuple[Finding, ...], path_id: str | None
) -> DesignSummary:
    meta = ctx.meta
    ident = design_id(path if path_id is None else path_id, meta.get("id"))
    source = text_value(meta.get("title")) or ctx.design.title_heading or ident
    # Shown as text everywhere (catalog, board, graph, catalog.json); the page's own
    # heading is rendered by MkDocs from the source.
    title = plain_title(source, ctx.design.references) or source
    _, api_items = api_overview_items(ctx)
    # The template's `TODO_method(arg)` names no method of the module.
    # Counted as the bullets minus the placeholders, so the generator yields only for the
    # rare placeholder; the pattern needs the word: most bullets are decided without it.
    api_count = len(api_items) - sum(
        1
        for item in api_items
        if ("TODO" in item.text or "TBD" in item.text) and _PLACEHOLDER_METHOD_RE.search(item.text)
    )
    api_methods, fingerprint = level1_api(ctx)
    sections = ctx.sections
    required = [found[0] for item in ctx.template.required if (found := sections.get(item.key))]
    present = sections_with_own_content(ctx, required)
    superseded = text_value(meta.get("superseded_by")) or None
    review = ctx.review
    reviewer = (review.reviewer or "").strip()
    if reviewer.upper() == "TBD":
        reviewer = ""
    return DesignSummary(
        id=ident,
        path=path,
        title=title,
        title_markdown=source,
        status=ctx.status if ctx.status_text else Status.DRAFT,
        status_text=ctx.settings.statuses.canonical(ctx.status_text) or ctx.settings.draft_word,
        owner=text_value(meta.get("owner")),
        module=text_value(meta.get("module")),
        tags=string_list(meta.get("tags")),
        depends_on=string_list(meta.get("depends_on")),
        superseded_by=superseded,
        api_count=api_count,
        complexity=complexity_of(meta, api_count),
        sections_present=present,
        sections_required=len(ctx.template.required),
        reviewer=reviewer,
        review_date=(review.review_date or "").strip(),
        handoffs=handoffs_of(meta),
        findings=findings,
        level2=text_value(meta.get("level2")).strip(),
        api_methods=api_methods,
        api_fingerprint=fingerprint,
        escalated_to=escalated_to(ctx),
        review_log=review_log(ctx),
    )
