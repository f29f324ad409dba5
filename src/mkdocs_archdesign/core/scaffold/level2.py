"""``handoff``: write the Level 2 API specification of an approved Level 1 design.

The spec is scaffolded from the design itself: one section per API-overview method
(with its Level 1 purpose line and the Level 2 slots: signature, parameters, exceptions
per seed section 2.4, thread safety, example), one Data Model entry per key entity, and
the api-designer handoff prompt from the design's ``handoffs``, quoted. The design gets
a ``level2:`` front-matter line pointing back; nothing else in it changes.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.context import DesignContext
from mkdocs_archdesign.core.document.scanner import scan_design
from mkdocs_archdesign.core.document.spec import (
    Method,
    api_fingerprint,
    is_identifier,
    key_entities,
    level1_methods,
    spec_id_for,
)
from mkdocs_archdesign.core.document.summary import handoffs_of, text_value
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.model import Severity, Status
from mkdocs_archdesign.core.scaffold.design import ScaffoldError, render_template_text
from mkdocs_archdesign.core.textedit import LineEditor, Lines
from mkdocs_archdesign.core.validation.validator import build_context, check_corpus, check_design

#: The role whose handoff entry carries the Level 2 prompt (seed front matter).
API_DESIGNER = "python-api-designer"


@dataclass(frozen=True, slots=True)
class SpecMethodSlot:
    """One method as the Level 2 template sees it."""

    name: str
    short_name: str
    purpose: str


@dataclass(frozen=True, slots=True)
class HandoffPlan:
    """What ``handoff`` will write.

    Attributes:
        spec_id: The spec's id (``<design id>-api-spec``).
        spec_text: The rendered spec.
        design_text: The Level 1 design with its ``level2:`` line added.
        methods: The methods carried over.
    """

    spec_id: str
    spec_text: str
    design_text: str
    methods: tuple[Method, ...]


def handoff_methods(ctx: DesignContext) -> list[Method]:
    """The API-overview methods to hand off, refused when the overview cannot be used.

    Raises:
        ScaffoldError: No API overview method, duplicate names, or names that are not
            Python identifiers.
    """
    methods = level1_methods(ctx)
    if not methods:
        raise ScaffoldError(
            f"{ctx.design.path}: the API overview names no method; nothing to specify"
        )
    seen: set[str] = set()
    for method in methods:
        if not is_identifier(method.name):
            raise ScaffoldError(
                f"{ctx.design.path}:{method.line}: {method.name!r} is not a Python identifier"
            )
        if method.name in seen:
            raise ScaffoldError(
                f"{ctx.design.path}:{method.line}: method {method.name!r} is listed twice"
            )
        seen.add(method.name)
    return methods


def handoff_prompt(ctx: DesignContext, agent: str = API_DESIGNER) -> str:
    """The design's handoff prompt for ``agent`` (the seed's default when it has none)."""
    for handoff in handoffs_of(ctx.meta):
        if handoff.agent == agent and handoff.prompt:
            return " ".join(handoff.prompt.split())
    return "Level 1 architecture design is complete. Please proceed with Level 2 API specification."


def plan_handoff(
    ctx: DesignContext,
    design_text: str,
    design_id: str,
    spec_rel_link: str,
    template_source: str,
    template_origin: str,
    owner: str = f"@{API_DESIGNER}",
    replace_link: bool = False,
) -> HandoffPlan:
    """Render the spec and the design's ``level2:`` edit, writing nothing.

    Args:
        ctx: The approved design, scanned.
        design_text: Its text as read (BOM kept).
        design_id: Its id.
        spec_rel_link: The design's path relative to the spec's folder, for the link.
        template_source: The Level 2 template.
        template_origin: Where the template came from, for messages.
        owner: The spec's owner (the api-designer role).
        replace_link: With ``--force``: a design that already names a spec in
            ``level2:`` has that line's value replaced instead of being refused.

    Returns:
        The plan.

    Raises:
        ScaffoldError: The API overview cannot be handed off, the design already has a
            ``level2:`` key, or the template fails to render.
    """
    methods = handoff_methods(ctx)
    if "level2" in ctx.meta and not replace_link:
        raise ScaffoldError(
            f"{ctx.design.path}: front matter already has level2: "
            f"{text_value(ctx.meta.get('level2'))!r}"
        )
    spec_id = spec_id_for(design_id)
    title = text_value(ctx.meta.get("title")) or ctx.design.title_heading or design_id
    title = title.split(" \u2014 Level 1")[0].strip()
    spec_text = render_template_text(
        template_source,
        template_origin,
        title=f"{title} \u2014 Level 2 API Specification",
        level1=design_id,
        level1_api=api_fingerprint(methods),
        level1_title=title,
        level1_link=spec_rel_link,
        module=text_value(ctx.meta.get("module")),
        owner=owner,
        prompt=handoff_prompt(ctx),
        methods=[SpecMethodSlot(m.name, m.name.rsplit(".", 1)[-1], m.purpose) for m in methods],
        entities=key_entities(ctx),
    )
    if "level2" in ctx.meta:
        edited = set_front_matter_line(
            design_text, ctx.front_matter_line("level2"), "level2", spec_id
        )
    else:
        edited = add_front_matter_line(design_text, "level2", spec_id)
    return HandoffPlan(spec_id, spec_text, edited, tuple(methods))


def set_front_matter_line(text: str, line: int, key: str, value: str) -> str:
    """Replace front-matter line ``line`` with ``key: value``, keeping every other byte."""
    editor = LineEditor(Lines.from_text(text))
    editor.replace(line, f"{key}: {value}")
    return editor.result().text


def add_override(spec_text: str, override: str) -> str:
    """Record ``**Override**: ...`` on its own paragraph right after the spec's title."""
    lines = Lines.from_text(spec_text)
    for number, line in enumerate(lines.lines, start=1):
        if line.startswith("# "):
            editor = LineEditor(lines)
            editor.insert_after(number, ["", f"**Override**: {override}"])
            return editor.result().text
    return f"**Override**: {override}\n\n{spec_text}"


def add_front_matter_line(text: str, key: str, value: str) -> str:
    """Add ``key: value`` as the last front-matter line, preserving every other byte.

    Raises:
        ScaffoldError: The document has no front matter to add to.
    """
    lines = Lines.from_text(text)
    body = lines.lines
    if not body or body[0].rstrip("\r\n") != "---":
        raise ScaffoldError("the design has no front matter to record level2: in")
    for index, line in enumerate(body[1:], start=2):
        if line.rstrip("\r\n") in ("---", "..."):
            editor = LineEditor(lines)
            editor.insert_after(index - 1, [f"{key}: {value}"])
            return editor.result().text
    raise ScaffoldError("the design's front matter is not closed")


def relative_link(from_folder: str, to_path: str) -> str:
    """A POSIX relative path from a docs folder to a docs file, for Markdown links."""
    return posixpath.relpath(to_path, from_folder or ".")


def handoff_blockers(
    text: str,
    path: str,
    template: Template,
    settings: Settings,
    others: Sequence[tuple[str, str]] = (),
) -> tuple[DesignContext, str, list[str]]:
    """Why a design may not be handed off yet: the seed's "do not handoff until approved".

    The design must be Approved and have no error or warning finding (its Draft policy
    does not apply: an Approved design is never downgraded). Cross-design rules see
    ``others``.

    Returns:
        The design's context, its id, and one ``LINE: CODE severity: message`` line per
        blocker (empty when the handoff may proceed).
    """
    ctx = build_context(scan_design(text, path), template, settings)
    results = [check_design(text, path, template, settings)]
    results.extend(check_design(body, other, template, settings) for other, body in others)
    summary = check_corpus(results, settings)[0]
    reasons = []
    if ctx.status is not Status.APPROVED:
        status = ctx.status_text or Status.DRAFT.value
        reasons.append(f"1: {path} is {status}; only an Approved design is handed off")
    reasons.extend(
        f"{f.line}: {f.code} {f.severity.label}: {f.message}"
        for f in summary.findings
        if f.severity >= Severity.WARNING
    )
    return ctx, summary.id, reasons
