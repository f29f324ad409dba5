"""Plan the fixes a machine can make without guessing content.

Three kinds, each taking its text from the template in force:

* AD101: insert a missing required section, at its template position (before the next
  required section the design has, else after the previous one), with the template's
  placeholder body, so the design then fails on content rather than structure;
* AD003: make the front matter ``status`` agree with the Design Review block (the block
  wins: it is what readers and reviewers see);
* AD404: add the template's review checklist to a Design Review section that has none.

Fixes are planned only for findings the validator reports (so ``rules: {AD101: off}``
and suppressions are honoured), never on a design whose front matter cannot be parsed,
and each is checked by re-validating the fixed text: a fix that would not resolve its
finding (say, an insertion that lands inside an unclosed code fence) is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document import sections
from mkdocs_archdesign.core.document.scanner import scan_design, split_lines
from mkdocs_archdesign.core.document.summary import text_value
from mkdocs_archdesign.core.document.template import RequiredSection, Template, normalise_heading
from mkdocs_archdesign.core.fix.edits import EditKind, Fix, LineEdit, apply_fixes
from mkdocs_archdesign.core.fix.yaml_line import front_key_line, scalar_line_with
from mkdocs_archdesign.core.fixable import is_fixable
from mkdocs_archdesign.core.model import Finding, design_id_from_path
from mkdocs_archdesign.core.rules.base import DesignContext
from mkdocs_archdesign.core.rules.text import plain
from mkdocs_archdesign.core.textedit import Lines, content_of
from mkdocs_archdesign.core.validation.validator import build_context, check_design

_JINJA_EXPR_RE = re.compile(r"\{\{\s*([A-Za-z_]\w*)\s*(?:\|\s*[A-Za-z_]\w*\s*)*\}\}")
_STATUS_LABEL_RE = re.compile(r"^(?P<head>\s*\*\*\s*Status\s*(?::\*\*|\*\*\s*:))(?P<value>.*)$")


def fix_blocker(text: str) -> str | None:
    """Why no fix may touch ``text`` (its front matter cannot be parsed), or ``None``."""
    error = scan_design(text).front_matter.error
    return f"front matter cannot be parsed ({error})" if error is not None else None


def plan_fixes(text: str, path: str, template: Template, settings: Settings) -> list[Fix]:
    """Plan every machine fix for the findings the validator reports on ``text``.

    Args:
        text: The design's text, as read (BOM and line endings included).
        path: The path findings are reported against.
        template: The template in force (the source of inserted text).
        settings: Validator settings (disabled rules get no fixes).

    Returns:
        Fixes in document order of application, each verified to resolve its finding;
        empty for a clean design or one whose front matter cannot be parsed.
    """
    if fix_blocker(text) is not None:
        return []
    findings = [
        f for f in check_design(text, path, template, settings).summary.findings if is_fixable(f)
    ]
    if not findings:
        return []
    ctx = build_context(scan_design(text, path), template, settings)
    lines = Lines.from_text(text)
    planned = list(_plan(findings, ctx, lines))
    if _resolves(text, path, template, settings, planned):
        return planned
    return [fix for fix in planned if _resolves(text, path, template, settings, [fix])]


def _plan(findings: list[Finding], ctx: DesignContext, lines: Lines) -> Iterator[Fix]:
    by_code: dict[str, list[Finding]] = {}
    for finding in findings:
        by_code.setdefault(finding.code, []).append(finding)
    if "AD003" in by_code:
        fix = _status_fix(ctx, lines, tuple(by_code["AD003"]))
        if fix is not None:
            yield fix
    missing = {f.section: f for f in by_code.get("AD101", [])}
    if missing:
        spans = _template_spans(ctx.template)
        values = _template_values(ctx)
        # Template order, so several sections inserted at one place keep the template's order.
        for required in ctx.template.required:
            gap = missing.get(required.display_title)
            span = spans.get(required.key)
            if gap is not None and span:
                yield _section_fix(ctx, lines, required, span, values, gap)
    if "AD404" in by_code:
        fix = _checklist_fix(ctx, lines, by_code["AD404"][0])
        if fix is not None:
            yield fix


def _resolves(
    text: str, path: str, template: Template, settings: Settings, fixes: list[Fix]
) -> bool:
    fixed = apply_fixes(text, fixes)
    if fix_blocker(fixed) is not None:
        return False
    after = {
        (f.code, f.message) for f in check_design(fixed, path, template, settings).summary.findings
    }
    return not any((f.code, f.message) in after for fix in fixes for f in fix.findings)


# --- AD003: the front matter status follows the Design Review block ------------------


def _status_fix(ctx: DesignContext, lines: Lines, findings: tuple[Finding, ...]) -> Fix | None:
    written = plain(ctx.review.status or "").strip()
    if not written:
        return None
    value = ctx.settings.statuses.canonical(written)
    design = ctx.design
    line = front_key_line(design.front_matter_lines, "status")
    if line is None:
        return None
    following = design.front_matter_lines[line - 1 : line]
    continued = bool(following) and following[0][:1] in (" ", "\t") and bool(following[0].strip())
    new = scalar_line_with(content_of(lines.lines[line - 1]), value, continued=continued)
    if new is None:
        return None
    return Fix(
        ("AD003",),
        f"set front matter status to '{value}', as the Design Review block says",
        (LineEdit(EditKind.REPLACE, line, (new,)),),
        findings,
    )


# --- AD101: insert a missing section from the template -------------------------------


def _template_spans(template: Template) -> dict[str, list[str]]:
    """Each required section's lines in the template (heading to the next section)."""
    source = split_lines(template.source)
    scanned = scan_design(template.source, template.origin)
    spans: dict[str, list[str]] = {}
    for section in scanned.sections():
        key = normalise_heading(section.title)
        required = template.find(key)
        if required is None or required.level != section.level or key in spans:
            continue
        body = source[section.line - 1 : section.end_line]
        body = [line for line in body if "{%" not in line]
        while body and not body[-1].strip():
            body.pop()
        spans[key] = body
    return spans


def _template_values(ctx: DesignContext) -> dict[str, str]:
    """What the template's ``{{ variables }}`` become in an inserted section."""
    meta = ctx.meta
    ident = design_id_from_path(ctx.design.path)
    return {
        "title": text_value(meta.get("title")) or ctx.design.title_heading or ident,
        "module": text_value(meta.get("module")) or ident.replace("-", "_"),
        "owner": text_value(meta.get("owner")),
        "id": ident,
        "date": "TBD",
    }


def _fill(line: str, values: dict[str, str]) -> str:
    return _JINJA_EXPR_RE.sub(lambda m: values.get(m.group(1), ""), line)


def _section_fix(
    ctx: DesignContext,
    lines: Lines,
    required: RequiredSection,
    span: list[str],
    values: dict[str, str],
    finding: Finding,
) -> Fix:
    body = [_fill(line, values) for line in span]
    if required.key == sections.REVIEW:
        body = _review_status_as_front_matter(body, ctx)
    return Fix(
        ("AD101",),
        f"insert section '{required.title}' from the template",
        (_padded_insert(lines, _section_anchor(ctx, lines, required), body),),
        (finding,),
    )


def _review_status_as_front_matter(body: list[str], ctx: DesignContext) -> list[str]:
    """An inserted Design Review block says the status the front matter already says."""
    status = ctx.meta.get("status")
    if not isinstance(status, str) or not status.strip():
        return body
    out = []
    for line in body:
        match = _STATUS_LABEL_RE.match(line)
        out.append(f"{match.group('head')} {status.strip()}" if match else line)
    return out


def _section_anchor(ctx: DesignContext, lines: Lines, required: RequiredSection) -> int:
    """The original line to insert after.

    Before the next required section the design has, else after the previous one, else
    at the end of the document.
    """
    order = list(ctx.template.required)
    position = order.index(required)
    for later in order[position + 1 :]:
        found = ctx.sections.get(later.key)
        if found:
            return found[0].line - 1
    for earlier in reversed(order[:position]):
        found = ctx.sections.get(earlier.key)
        if found:
            return _last_text_line(lines, found[0].line, found[0].end_line)
    return _last_text_line(lines, 0, len(lines.lines))


def _last_text_line(lines: Lines, start: int, end: int) -> int:
    """The last non-blank original line in ``start+1 .. end`` (``start`` when none)."""
    source = lines.lines
    for line in range(min(end, len(source)), start, -1):
        if content_of(source[line - 1]).strip():
            return line
    return start


def _padded_insert(lines: Lines, anchor: int, body: list[str]) -> LineEdit:
    """Insert ``body`` after ``anchor`` with one blank line on each side where needed."""
    source = lines.lines
    before = anchor > 0 and bool(content_of(source[anchor - 1]).strip())
    after = anchor < len(source) and bool(content_of(source[anchor]).strip())
    block = ([""] if before else []) + body + ([""] if after else [])
    return LineEdit(EditKind.INSERT_AFTER, anchor, tuple(block))


# --- AD404: add the template's review checklist --------------------------------------


def _template_checklist(template: Template) -> list[str]:
    """The template's review checklist lines (its label line and task items)."""
    source = split_lines(template.source)
    scanned = scan_design(template.source, template.origin)
    for section in scanned.sections():
        if normalise_heading(section.title) != sections.REVIEW:
            continue
        tasks = [item.line for item in section.items() if item.checked is not None]
        if not tasks:
            return []
        first, last = tasks[0], tasks[-1]
        labels = [lab.line for lab in section.labels() if lab.line < first and not lab.value]
        if labels and all(not source[n - 1].strip() for n in range(labels[-1] + 1, first)):
            first = labels[-1]
        return source[first - 1 : last]
    return []


def _checklist_fix(ctx: DesignContext, lines: Lines, finding: Finding) -> Fix | None:
    section = ctx.review.section
    checklist = _template_checklist(ctx.template)
    if section is None or not checklist:
        return None
    anchor = _last_text_line(lines, section.line, section.end_line)
    return Fix(
        ("AD404",),
        "add the review checklist from the template",
        (_padded_insert(lines, anchor, checklist),),
        (finding,),
    )
