"""The review workflow, recorded in the design itself (seed section 3.2).

A review action moves a design between statuses and edits only the lines that hold the
review: the front matter ``status:`` (when the front matter has one), ``superseded_by:``,
and the Design Review ``**Status**:``, ``**Reviewer**:``, ``**Review Date**:``,
``**Override**:`` and ``**Review Notes**:`` lines. Everything else stays byte-for-byte
identical; the YAML is never round-tripped through a dumper.

``request`` and ``approve`` are gated by the validator, so "do not hand off until
approved" means what the rules say it means.
"""

from __future__ import annotations

import dataclasses
import datetime
import enum
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from mkdocs_archdesign.core.config.settings import DraftPolicy, Settings
from mkdocs_archdesign.core.document.context import heading_key
from mkdocs_archdesign.core.document.frontmatter import parse_front_matter
from mkdocs_archdesign.core.document.scanner import ListItem, scan_design, split_lines
from mkdocs_archdesign.core.document.spec import Level1Facts
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.document.trail import (
    ESCALATED_LABEL,
    LOG_LABEL,
    RESOLVED_LABEL,
    escalated_to,
    log_entry,
)
from mkdocs_archdesign.core.escape import page_markdown_text
from mkdocs_archdesign.core.fix.yaml_line import front_key_line, scalar_line_with, yaml_plain
from mkdocs_archdesign.core.model import (
    Finding,
    Severity,
    Status,
    design_id,
    normalise_status_key,
)
from mkdocs_archdesign.core.rules.base import DesignContext
from mkdocs_archdesign.core.textedit import LineEditor, Lines
from mkdocs_archdesign.core.validation.validator import (
    build_context,
    check_corpus,
    check_design,
    check_spec,
)

#: Findings that only an approval needs (or that approving itself resolves).
APPROVAL_CODES = frozenset({"AD401", "AD402"})

#: A reviewer is a handle: ``@name`` or a team ``@org/team`` (no spaces, no bare names,
#: which would leave **Reviewer** naming nobody anyone can notify).
_REVIEWER_RE = re.compile(r"@\w[\w.-]{0,79}(?:/\w[\w.-]{0,79})?")
_TASK_BOX_RE = re.compile(r"^([ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+)\[ \]")
_CONTROL_RE = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]")


class Action(enum.Enum):
    """A review action, as typed on the command line."""

    REQUEST = "request"
    APPROVE = "approve"
    CHANGES = "changes"
    SUPERSEDE = "supersede"
    ESCALATE = "escalate"
    RESOLVE = "resolve"


@dataclass(frozen=True, slots=True)
class Transition:
    """Where an action may start (``None``: from any status) and where it ends.

    A ``target`` of ``None`` keeps the status: escalations run beside the review.
    """

    sources: frozenset[Status] | None
    target: Status | None


TRANSITIONS: dict[Action, Transition] = {
    Action.REQUEST: Transition(
        frozenset({Status.DRAFT, Status.CHANGES_REQUESTED}), Status.PENDING_REVIEW
    ),
    Action.APPROVE: Transition(frozenset({Status.PENDING_REVIEW}), Status.APPROVED),
    Action.CHANGES: Transition(frozenset({Status.PENDING_REVIEW}), Status.CHANGES_REQUESTED),
    Action.SUPERSEDE: Transition(None, Status.SUPERSEDED),
    Action.ESCALATE: Transition(None, None),
    Action.RESOLVE: Transition(None, None),
}


class ReviewInputError(ValueError):
    """The action cannot be applied as given (bad option, unsafe edit); exit code 2."""


class ReviewRefused(Exception):
    """The transition is illegal or the gate refuses it; exit code 1.

    Attributes:
        reasons: One line per blocking finding or unchecked item (may be empty).
    """

    def __init__(self, message: str, reasons: Sequence[str] = ()) -> None:
        """Record the one-line ``message`` and the ``reasons`` to list under it."""
        super().__init__(message)
        self.reasons = tuple(reasons)


@dataclass(frozen=True, slots=True)
class ReviewRequest:
    """What the user asked for.

    Attributes:
        action: The review action.
        reviewer: ``--reviewer`` (``None``: keep the design's reviewer).
        date: ``--date`` (``None``: today).
        note: ``--note``.
        superseded_by: ``--by``, the id of the design that replaces this one.
        check_all: Tick every review-checklist item when approving.
        force: Apply despite the gate, recording an ``**Override**:`` line.
        escalate_to: ``escalate --to``: who decides (e.g. ``@python-tech-lead``).
    """

    action: Action
    reviewer: str | None = None
    date: datetime.date | None = None
    note: str | None = None
    superseded_by: str | None = None
    check_all: bool = False
    force: bool = False
    escalate_to: str | None = None


@dataclass(frozen=True, slots=True)
class ReviewOutcome:
    """The result of a successful action.

    Attributes:
        text: The new document text (BOM kept).
        before: The stage before the action.
        after: The stage after it.
        overridden: The blocking reasons that ``--force`` overrode.
        before_text: The status before, in the team's words (as written).
        after_text: The status written, in the team's words.
    """

    text: str
    before: Status
    after: Status
    overridden: tuple[str, ...] = ()
    before_text: str = ""
    after_text: str = ""


def allowed_actions(status: Status) -> tuple[Action, ...]:
    """The actions that may start from ``status``, in workflow order."""
    return tuple(
        action
        for action, transition in TRANSITIONS.items()
        if transition.sources is None or status in transition.sources
    )


def apply_review(
    text: str,
    path: str,
    request: ReviewRequest,
    template: Template,
    settings: Settings,
    others: Sequence[tuple[str, str]] = (),
    level1: Callable[[str], Level1Facts | None] | None = None,
) -> ReviewOutcome:
    """Apply a review action to a design's text.

    Args:
        text: The design's text as decoded from the file (a BOM is kept).
        path: The design's path, for messages and its id.
        request: The action and its options.
        template: The template in force.
        settings: The project's validator settings (Draft findings are kept for the gate).
        others: ``(path, text)`` of the project's other designs, for cross-design rules
            and for ``supersede --by``.
        level1: For a Level 2 spec, the lookup of Level 1 designs by id: the gate then
            validates it as a spec (AD5xx, no Level 1 content rules).

    Returns:
        The new text and the statuses before and after.

    Raises:
        ReviewInputError: Options are missing or invalid, or the edit cannot be made
            safely (exit code 2).
        ReviewRefused: The transition is illegal or the gate refuses it (exit code 1).
    """
    _check_options(request)
    lines = Lines.from_text(text)
    ctx = build_context(scan_design(lines.body, path), template, settings)
    before = ctx.status if ctx.status is not None else Status.DRAFT
    transition = TRANSITIONS[request.action]
    target = transition.target or before
    if transition.sources is not None and before not in transition.sources:
        allowed = ", ".join(action.value for action in allowed_actions(before))
        shown = _shown_status(ctx, before)
        raise ReviewRefused(
            f"'{request.action.value}' is not allowed: {path} is {shown}; "
            f"allowed from {shown}: {allowed}"
        )
    front = ctx.design.front_matter
    if front.error is not None:
        raise ReviewRefused(
            f"cannot {request.action.value} {path}: line {front.error_line}: {front.error}"
        )
    plan = _plan(ctx, path, request, others, before)
    edited = _edit(lines, ctx, plan)
    reasons = _gate(edited, path, request, template, settings, others, level1)
    origins = edited.origins()
    reasons = [_origin_reason(reason, origins) for reason in reasons]
    if reasons and not request.force:
        raise ReviewRefused(
            f"cannot {request.action.value} {path}: {len(reasons)} blocking item(s); "
            "fix them or use --force with --note",
            reasons,
        )
    if reasons:
        plan = dataclasses.replace(plan, override=_override_line(plan, request))
        edited = _edit(lines, ctx, plan)
    new_text = edited.result().text
    _verify(new_text, path, template, settings, plan)
    return ReviewOutcome(
        new_text, before, target, tuple(reasons), plan.before_word or "", plan.word
    )


def _shown_status(ctx: DesignContext, stage: Status) -> str:
    """The status in the team's word, with its stage when the word does not say it."""
    word = ctx.settings.statuses.canonical(ctx.status_text) or ctx.settings.draft_word
    if normalise_status_key(word) == normalise_status_key(stage.value):
        return word
    return f"{word} (stage {stage.slug})"


def _word_for(settings: Settings, stage: Status, action: Action, by: str | None) -> str:
    """The team's word ``review`` writes for ``stage``; refused when the team has none."""
    word = (
        settings.statuses.superseded_word(by)
        if stage is Status.SUPERSEDED and by is not None
        else settings.statuses.name_for(stage)
    )
    if word is None:
        raise ReviewInputError(
            f"cannot {action.value}: statuses has no name for the stage {stage.slug}; "
            f"add one, e.g. 'statuses: {{YourWord: {stage.slug}}}'"
        )
    return word


@dataclass(frozen=True, slots=True)
class _Plan:
    """The values one action writes (``None``: leave that line alone)."""

    status: Status
    reviewer: str | None = None
    review_date: str | None = None
    note_entry: str | None = None
    word: str = ""
    before_word: str | None = None
    superseded_by: str | None = None
    check_all: bool = False
    override: str | None = None
    date: str = ""
    acting: str | None = None
    before: Status | None = None
    escalation: str | None = None
    resolve: bool = False
    log_note: str | None = None
    logged_by: str | None = None


def _check_options(request: ReviewRequest) -> None:
    """Usage errors that do not depend on the file come before anything else."""
    if request.reviewer is not None and not _REVIEWER_RE.fullmatch(request.reviewer.strip()):
        raise ReviewInputError(
            f"invalid --reviewer {request.reviewer!r}: a reviewer is a handle such as @tech-lead"
        )
    note = _note(request.note)
    if request.force and note is None:
        raise ReviewInputError("--force needs --note giving the reason for the override")
    if request.action is Action.CHANGES and note is None:
        raise ReviewInputError("changes needs --note saying what to change")
    by = request.superseded_by
    if request.action is Action.SUPERSEDE and (by is None or not by.strip()):
        raise ReviewInputError("supersede needs --by OTHER_ID, the design that replaces it")
    if request.action is Action.ESCALATE:
        to = (request.escalate_to or "").strip()
        if not to.startswith("@") or not _REVIEWER_RE.fullmatch(to) or " " in to:
            raise ReviewInputError("escalate needs --to @handle, e.g. --to @python-tech-lead")
        if note is None:
            raise ReviewInputError("escalate needs --reason saying what must be decided")


def _plan(
    ctx: DesignContext,
    path: str,
    request: ReviewRequest,
    others: Sequence[tuple[str, str]],
    before: Status,
) -> _Plan:
    plan = _plan_action(ctx, path, request, others, before)
    # The log names who acted: the reviewer for a decision, whoever --reviewer names
    # otherwise (a request is made by the author, whom the tool cannot know).
    by = plan.acting if request.action is not Action.REQUEST else request.reviewer
    settings = ctx.settings
    before_word = settings.statuses.canonical(ctx.status_text) or settings.draft_word
    if TRANSITIONS[request.action].target is None:
        word = before_word  # escalations keep the status exactly as the team wrote it
    else:
        word = _word_for(settings, plan.status, request.action, plan.superseded_by)
    return dataclasses.replace(
        plan,
        before=before,
        word=word,
        before_word=before_word,
        log_note=plan.log_note or _note(request.note),
        logged_by=(by or "").strip() or None,
    )


def _plan_action(
    ctx: DesignContext,
    path: str,
    request: ReviewRequest,
    others: Sequence[tuple[str, str]],
    before: Status,
) -> _Plan:
    action = request.action
    target = TRANSITIONS[action].target or before
    date = (request.date or datetime.date.today()).isoformat()
    reviewer = _reviewer(ctx, request)
    note = _note(request.note)
    if request.force and reviewer is None:
        raise ReviewInputError("--force needs --reviewer: the override records who made it")
    if action in (Action.ESCALATE, Action.RESOLVE):
        return _plan_escalation(ctx, path, request, target, date, reviewer, note)
    if action is Action.APPROVE:
        if reviewer is None:
            raise ReviewInputError(f"approve needs --reviewer: {path} names no reviewer")
        return _Plan(
            target, reviewer, date, check_all=request.check_all, date=date, acting=reviewer
        )
    if action is Action.CHANGES:
        if reviewer is None:
            raise ReviewInputError(f"changes needs --reviewer: {path} names no reviewer")
        return _Plan(target, note_entry=f"- {date} {reviewer}: {note}", date=date, acting=reviewer)
    if action is Action.SUPERSEDE:
        by = _superseded_by(ctx, path, request.superseded_by, others)
        return _Plan(target, superseded_by=by, date=date, acting=reviewer)
    # A request may name who should review; otherwise the Reviewer line is left alone.
    named = reviewer if request.reviewer is not None else None
    return _Plan(target, named, date=date, acting=reviewer)


def _plan_escalation(
    ctx: DesignContext,
    path: str,
    request: ReviewRequest,
    target: Status,
    date: str,
    reviewer: str | None,
    note: str | None,
) -> _Plan:
    open_with = escalated_to(ctx)
    if request.action is Action.ESCALATE:
        if open_with:
            raise ReviewInputError(f"{path} is already escalated to {open_with}; resolve it first")
        to = (request.escalate_to or "").strip()
        line = f"**{ESCALATED_LABEL}**: to {to} on {date}: {note}"
        return _Plan(
            target,
            date=date,
            acting=reviewer,
            escalation=line,
            log_note=f"escalated to {to}: {note}",
        )
    if not open_with:
        raise ReviewInputError(f"{path} has no open escalation to resolve")
    resolution = f"resolved {date}" + (f": {note}" if note else "")
    return _Plan(
        target,
        date=date,
        acting=reviewer,
        resolve=True,
        log_note=f"escalation to {open_with} {resolution}",
    )


def _reviewer(ctx: DesignContext, request: ReviewRequest) -> str | None:
    if request.reviewer is not None:
        return request.reviewer.strip()
    existing = (ctx.review.reviewer or "").strip()
    if existing and existing.upper() != "TBD" and _REVIEWER_RE.fullmatch(existing):
        return existing
    return None


def _note(note: str | None) -> str | None:
    if note is None or not note.strip():
        return None
    if _CONTROL_RE.search(note):
        raise ReviewInputError("--note must be one line of text (no line breaks)")
    return page_markdown_text(note.strip())


def _superseded_by(
    ctx: DesignContext, path: str, by: str | None, others: Sequence[tuple[str, str]]
) -> str:
    by = (by or "").strip()
    own = design_id(path, ctx.meta.get("id"))
    known = sorted({_corpus_id(other, text) for other, text in others} - {own})
    if by == own:
        raise ReviewInputError(f"a design cannot supersede itself: {by}")
    if by not in known:
        hint = f"; known: {', '.join(known[:10])}" if known else ""
        raise ReviewInputError(f"--by {by!r} is not a design in this project{hint}")
    return by


def _corpus_id(path: str, text: str) -> str:
    """A design's id as the corpus knows it: ``id:`` front matter, else from its path."""
    front = parse_front_matter(split_lines(text))
    return design_id(path, front.data.get("id") if isinstance(front.data, dict) else None)


def _override_line(plan: _Plan, request: ReviewRequest) -> str:
    note = _note(request.note) or ""
    return f"**Override**: {plan.date} by {plan.acting}: {note}"


def _gate(
    edited: LineEditor,
    path: str,
    request: ReviewRequest,
    template: Template,
    settings: Settings,
    others: Sequence[tuple[str, str]],
    level1: Callable[[str], Level1Facts | None] | None = None,
) -> list[str]:
    """Blocking reasons for the document as it would be after the action."""
    if request.action not in (Action.REQUEST, Action.APPROVE):
        return []
    keep = dataclasses.replace(settings, draft_findings=DraftPolicy.KEEP)
    text = edited.result().body
    if level1 is not None:
        findings = check_spec(text, path, template, keep, level1).summary.findings
    else:
        results = [check_design(text, path, template, keep)]
        results.extend(check_design(body, other, template, keep) for other, body in others)
        findings = check_corpus(results, keep)[0].findings
    if request.action is Action.REQUEST:
        return [_reason(f) for f in findings if _blocks_request(f)]
    reasons = [_reason(f) for f in findings if _blocks_approval(f)]
    reasons.extend(_unchecked(text, path, template, keep))
    return sorted(reasons, key=_reason_line)


def _blocks_request(finding: Finding) -> bool:
    return finding.severity is Severity.ERROR and finding.code not in APPROVAL_CODES


def _blocks_approval(finding: Finding) -> bool:
    # Open checklist items are listed one by one instead of as one AD402 finding.
    return finding.severity >= Severity.WARNING and finding.code != "AD402"


def _unchecked(text: str, path: str, template: Template, settings: Settings) -> list[str]:
    ctx = build_context(scan_design(text, path), template, settings)
    return [
        f"{item.line}: unchecked review checklist item: {item.text} (tick it or use --check-all)"
        for item in _checklist(ctx)
        if item.checked is False
    ]


def _reason(finding: Finding) -> str:
    return f"{finding.line}: {finding.code} {finding.severity.label}: {finding.message}"


def _reason_line(reason: str) -> int:
    head = reason.split(":", 1)[0]
    return int(head) if head.isdigit() else 0


def _origin_reason(reason: str, origins: list[int]) -> str:
    """Renumber a reason from the edited text to the line in the file on disk."""
    line = _reason_line(reason)
    if 1 <= line <= len(origins):
        return f"{origins[line - 1]}{reason[len(str(line)) :]}"
    return reason


def _checklist(ctx: DesignContext) -> list[ListItem]:
    section = ctx.review.section
    if section is None:
        return []
    return [item for item in section.items() if item.checked is not None]


def _edit(lines: Lines, ctx: DesignContext, plan: _Plan) -> LineEditor:
    editor = LineEditor(lines)
    _edit_front_matter(editor, ctx, plan)
    if ctx.review.section is None:
        _append_review_section(editor, ctx, plan)
    else:
        _edit_review_section(editor, ctx, plan)
    return editor


# --- front matter -------------------------------------------------------------------


def _edit_front_matter(editor: LineEditor, ctx: DesignContext, plan: _Plan) -> None:
    front = ctx.design.front_matter
    if "status" in front.data:
        line = _front_key_line(ctx, "status")
        if line is None:
            raise ReviewInputError(
                f"cannot find the front matter 'status' line in {ctx.design.path}"
            )
        editor.replace(line, _scalar_with(editor, ctx, line, plan.word))
    if plan.superseded_by is None:
        return
    line = _front_key_line(ctx, "superseded_by")
    if line is not None:
        editor.replace(line, _scalar_with(editor, ctx, line, plan.superseded_by))
    elif front.present:
        editor.insert_after(
            front.body_start - 1, [f"superseded_by: {yaml_plain(plan.superseded_by)}"]
        )
    else:
        editor.insert_after(0, ["---", f"superseded_by: {yaml_plain(plan.superseded_by)}", "---"])


def _front_key_line(ctx: DesignContext, key: str) -> int | None:
    return front_key_line(ctx.design.front_matter_lines, key)


def _scalar_with(editor: LineEditor, ctx: DesignContext, line: int, value: str) -> str:
    """The front matter line with its value replaced, keeping quotes and a comment."""
    content = editor.content(line)
    following = ctx.design.front_matter_lines[line - 1 : line]
    continued = bool(following) and following[0][:1] in (" ", "\t") and bool(following[0].strip())
    new = scalar_line_with(content, value, continued=continued)
    if new is None:
        key = content.split(":", 1)[0].strip()
        raise ReviewInputError(
            f"{ctx.design.path}:{line}: front matter '{key}' is not a one-line value; "
            f"write it as '{key}: value' and retry"
        )
    return new


# --- the Design Review section ------------------------------------------------------

_LABELS = (("status", "Status"), ("reviewer", "Reviewer"), ("review date", "Review Date"))


def _label_values(plan: _Plan) -> dict[str, str | None]:
    return {"status": plan.word, "reviewer": plan.reviewer, "review date": plan.review_date}


def _append_review_section(editor: LineEditor, ctx: DesignContext, plan: _Plan) -> None:
    count = ctx.design.line_count
    block = [] if count == 0 or not editor.content(count).strip() else [""]
    block += ["## Design Review", ""]
    values = _label_values(plan)
    block += [f"**{title}**: {values[key]}" for key, title in _LABELS if values[key] is not None]
    if plan.override is not None:
        block.append(plan.override)
    if plan.escalation is not None:
        block.append(plan.escalation)
    if plan.note_entry is not None:
        block += ["", "**Review Notes**:", "", plan.note_entry]
    block += ["", f"**{LOG_LABEL}**:", "", f"- {_log_text(plan)}"]
    editor.insert_after(count, block)


def _edit_review_section(editor: LineEditor, ctx: DesignContext, plan: _Plan) -> None:
    review = ctx.review
    section = review.section
    assert section is not None
    present = {"status": review.status_line, "reviewer": review.reviewer_line}
    present["review date"] = review.review_date_line
    values = _label_values(plan)
    missing: list[str] = []
    for key, title in _LABELS:
        value = values[key]
        if value is None:
            continue
        if present[key]:
            editor.replace(present[key], _label_with(editor.content(present[key]), title, value))
        else:
            missing.append(f"**{title}**: {value}")
    anchor = max(present.values())
    if plan.override is not None:
        overrides = [lab.line for lab in section.labels() if lab.label.lower() == "override"]
        anchor = max([anchor, *overrides])
    block = missing + ([plan.override] if plan.override is not None else [])
    if block:
        _insert_block(editor, ctx, anchor or section.line, block, after_heading=not anchor)
    if plan.check_all:
        for item in _checklist(ctx):
            if item.checked is False:
                editor.replace(item.line, _TASK_BOX_RE.sub(r"\1[x]", editor.content(item.line), 1))
    _edit_escalation(editor, ctx, plan, anchor or section.line)
    # Both lists may end on the same line; the log goes first so that a new Review
    # Notes block never lands between the log and its new entry.
    _add_list_entry(editor, ctx, LOG_LABEL, f"- {_log_text(plan)}")
    if plan.note_entry is not None:
        _add_list_entry(editor, ctx, "Review Notes", plan.note_entry)


def _log_text(plan: _Plan) -> str:
    before = plan.before_word or Status.DRAFT.value
    return log_entry(plan.date, before, plan.word, plan.logged_by or "", plan.log_note)


def _edit_escalation(editor: LineEditor, ctx: DesignContext, plan: _Plan, anchor: int) -> None:
    section = ctx.review.section
    assert section is not None
    escalated = next(
        (lab for lab in section.labels() if heading_key(lab.label) == heading_key(ESCALATED_LABEL)),
        None,
    )
    if plan.escalation is not None:
        _insert_block(editor, ctx, anchor, [plan.escalation], after_heading=anchor == section.line)
    elif plan.resolve and escalated is not None:
        editor.replace(
            escalated.line,
            f"**{RESOLVED_LABEL}**: {plan.date} ({escalated.value.strip()})",
        )


def _insert_block(
    editor: LineEditor, ctx: DesignContext, anchor: int, block: list[str], after_heading: bool
) -> None:
    if after_heading:
        nxt = anchor + 1
        trailing = [""] if nxt <= ctx.design.line_count and editor.content(nxt).strip() else []
        block = ["", *block, *trailing]
    editor.insert_after(anchor, block)


def _label_with(content: str, title: str, value: str) -> str:
    """A ``**Title**: value`` line with a new value, keeping its prefix and trailing spaces."""
    pattern = re.compile(
        rf"\*\*[ \t]*{re.escape(title)}[ \t]*(?::\*\*|\*\*[ \t]*:)",
        re.IGNORECASE,
    )
    match = pattern.search(content)
    if match is None:  # pragma: no cover - the scanner found the label on this line
        raise ReviewInputError(f"cannot edit the line {content!r}")
    # String methods, not a lazy group before optional blanks: that regex backtracked
    # quadratically on a value padded with blanks.
    rest = content[match.end() :]
    tail = rest[len(rest.rstrip(" \t")) :]
    return f"{content[: match.end()]} {value}{tail}"


def _add_list_entry(editor: LineEditor, ctx: DesignContext, title: str, entry: str) -> None:
    """Append ``entry`` to the list under ``**title**:``, creating the label if needed."""
    section = ctx.review.section
    assert section is not None
    labels = sorted(section.labels(), key=lambda lab: lab.line)
    notes = next((lab for lab in labels if lab.label.lower() == title.lower()), None)
    if notes is None:
        last = _last_text_line(editor, section.line, section.end_line)
        editor.insert_after(last, ["", f"**{title}**:", "", entry])
        return
    later = [lab.line for lab in labels if lab.line > notes.line]
    headings = [heading.line for heading in section.subsections() if heading.line > notes.line]
    boundary = min([*later, *headings, section.end_line + 1])
    items = [item.line for item in section.items() if notes.line < item.line < boundary]
    if not items:
        nxt = notes.line + 1
        trailing = [""] if nxt <= ctx.design.line_count and editor.content(nxt).strip() else []
        editor.insert_after(notes.line, ["", entry, *trailing])
        return
    last = max(items)
    # A list item may continue on indented lines; the new entry goes after them.
    while last + 1 < boundary and editor.content(last + 1)[:1] in (" ", "\t"):
        if not editor.content(last + 1).strip():
            break
        last += 1
    editor.insert_after(last, [entry])


def _last_text_line(editor: LineEditor, start: int, end: int) -> int:
    for line in range(end, start, -1):
        if editor.content(line).strip():
            return line
    return start


def _verify(text: str, path: str, template: Template, settings: Settings, plan: _Plan) -> None:
    """Re-read the edited text: both status places must now say the target status."""
    ctx = build_context(scan_design(Lines.from_text(text).body, path), template, settings)
    front = ctx.design.front_matter
    problems = []
    if front.error is not None:
        problems.append(f"front matter would break ({front.error})")
    wanted = normalise_status_key(plan.word)
    if "status" in front.data and normalise_status_key(str(front.data["status"])) != wanted:
        problems.append("front matter status would not read back")
    if normalise_status_key(ctx.review.status or "") != wanted:
        problems.append("Design Review status would not read back")
    if plan.superseded_by is not None and front.data.get("superseded_by") != plan.superseded_by:
        problems.append("superseded_by would not read back")
    if problems:
        raise ReviewInputError(f"cannot edit {path} safely: {'; '.join(problems)}; nothing written")
