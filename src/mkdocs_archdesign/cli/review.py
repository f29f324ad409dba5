"""``review`` and ``status``: record the review in the design, and show where each stands.

The workflow itself lives in :mod:`mkdocs_archdesign.core.review.workflow`; this module reads
the file, finds the project's other designs (for the gate and ``--by``), and writes the
result atomically. Heavy modules are imported inside the commands for a fast ``--help``.
"""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from mkdocs_archdesign.cli.common import (
    EXIT_FINDINGS,
    config_option,
    configured_design_files,
    corpus_context,
    design_files,
    design_root,
    fail,
    lists_designs,
    load_level2_template,
    load_project,
    load_project_template,
    spec_summaries,
    split_project_files,
    template_option,
)
from mkdocs_archdesign.core.escape import terminal_ljust, terminal_text, terminal_width

if TYPE_CHECKING:
    from collections.abc import Callable

    from mkdocs_archdesign.core.config.project import ProjectConfig
    from mkdocs_archdesign.core.config.settings import Settings
    from mkdocs_archdesign.core.document.spec import Level1Facts
    from mkdocs_archdesign.core.document.template import Template
    from mkdocs_archdesign.core.model import DesignSummary
    from mkdocs_archdesign.core.review.workflow import ReviewOutcome

ACTIONS = ("request", "approve", "changes", "supersede", "escalate", "resolve")
STATUS_FORMATS = ("text", "json")

_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: str | None) -> datetime.date | None:
    """Read ``--date`` as a real ``YYYY-MM-DD`` date (exit 2 otherwise)."""
    if value is None:
        return None
    try:
        if not _DATE_RE.fullmatch(value):
            raise ValueError(value)
        return datetime.date.fromisoformat(value)
    except ValueError:
        fail(f"invalid --date {value!r}: expected a real date as YYYY-MM-DD, e.g. 2024-05-01")


def read_design(path: Path) -> str:
    """Read a design file as UTF-8 text, exiting 2 with one line if that fails."""
    if not path.exists():
        fail(f"design not found: {path}")
    if not path.is_file():
        fail(f"not a file: {path}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        fail(f"cannot read {path}: {exc.strerror or exc.__class__.__name__}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        fail(f"{path} is not UTF-8 text (byte {exc.start}); nothing changed")


def write_scope(project: ProjectConfig, path: Path) -> tuple[Path, list[Path], bool]:
    """The folder writes must stay in, and the designs the gate sees beside ``path``.

    A design under the configured docs folder belongs to that project; any other
    design belongs to the folder tree it sits in.

    Args:
        project: The project config.
        path: The design being edited.

    Returns:
        ``(root, files, listed)``: ``listed`` when ``files`` are the project's
        configured designs, among which the site's catalog page is no design.
    """
    # Absolute but not resolved: a symlink is judged by where it sits, not where it leads.
    absolute = Path(os.path.normpath(path.absolute()))
    docs = Path(os.path.normpath(project.docs_dir.absolute()))
    if project.path is not None and docs in absolute.parents:
        return docs, configured_design_files(project), True
    from mkdocs_archdesign.core.validation.corpus import discover  # noqa: PLC0415 - fast startup

    return absolute.parent, discover([absolute.parent]), False


def read_others(files: list[Path], own: Path, skip_catalog: bool = False) -> list[tuple[str, str]]:
    """``(path, text)`` of the other designs; unreadable ones count by id only.

    Args:
        files: The designs beside ``own`` (it may be among them).
        own: The design being edited.
        skip_catalog: ``files`` were listed by the ``designs`` globs: the site's
            catalog page among them is no design and is left out.

    Returns:
        One pair per other design, in order.
    """
    from mkdocs_archdesign.core.document.catalog_fence import is_catalog_page  # noqa: PLC0415
    from mkdocs_archdesign.core.validation.corpus import display_path  # noqa: PLC0415 - fast startup

    real_own = own.resolve()
    others = []
    for file in files:
        if file.resolve() == real_own:
            continue
        try:
            text = file.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            text = ""
        if skip_catalog and is_catalog_page(text):
            continue
        others.append((display_path(file), text))
    return others


@dataclasses.dataclass(frozen=True)
class DesignEdit:
    """What a command that edits one design reads first (``review``, ``handoff``).

    Attributes:
        project: The project the design belongs to.
        template: The project's template.
        file: The design, as given.
        text: Its text.
        root: The folder every write must stay in.
        others: ``(path, text)`` of the project's other designs.
        shown: The design's path as reports show it.
    """

    project: ProjectConfig
    template: Template
    file: Path
    text: str
    root: Path
    others: list[tuple[str, str]]
    shown: str


def open_design_edit(config_path: str | None, template_path: str | None, path: str) -> DesignEdit:
    """Load the project, its template, the design and its neighbours, or exit 2 in one line."""
    from mkdocs_archdesign.core.validation.corpus import display_path  # noqa: PLC0415 - fast startup

    project = load_project(config_path)
    template = load_project_template(project, template_path)
    file = Path(path)
    text = read_design(file)
    root, files, listed = write_scope(project, file)
    designs, _ = split_project_files(project, files)
    others = read_others(designs, file, skip_catalog=listed)
    return DesignEdit(project, template, file, text, root, others, display_path(file))


@click.command("review")
@click.argument("path", type=click.Path(path_type=str))
@click.argument("action", metavar="ACTION")
@click.option(
    "--reviewer",
    metavar="@NAME",
    help="Who reviews, as a handle (@name or @org/team): request names the reviewer; "
    "approve, changes and --force record who acted.",
)
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="Review date (default: today).")
@click.option("--note", metavar="TEXT", help="Review note (changes) or override reason (--force).")
@click.option("--by", "superseded_by", metavar="ID", help="supersede: the id of the new design.")
@click.option("--to", "escalate_to", metavar="@NAME", help="escalate: who decides.")
@click.option("--reason", metavar="TEXT", help="escalate: what must be decided (same as --note).")
@click.option("--check-all", is_flag=True, help="approve: tick every review-checklist item.")
@click.option("--force", is_flag=True, help="Apply despite the gate; records an Override line.")
@click.option("--dry-run", is_flag=True, help="Print a unified diff and write nothing.")
@config_option
@template_option
def review_command(
    path: str,
    action: str,
    reviewer: str | None,
    date_text: str | None,
    note: str | None,
    superseded_by: str | None,
    escalate_to: str | None,
    reason: str | None,
    check_all: bool,
    force: bool,
    dry_run: bool,
    config_path: str | None,
    template_path: str | None,
) -> None:
    """Move a design through review, recorded in the design itself.

    ACTION is one of:

    \b
      request    Draft or Changes Requested -> Pending Review. Refused while the
                 design has error findings (Draft findings count here).
      approve    Pending Review -> Approved. Sets Reviewer and Review Date. Refused
                 while the design has any error or warning finding or an unchecked
                 review-checklist item (--check-all ticks them).
      changes    Pending Review -> Changes Requested. Appends "- DATE @reviewer: NOTE"
                 to the **Review Notes** list of the Design Review section.
      supersede  any status -> Superseded, with superseded_by: ID in front matter.
      escalate   keep the status; record "**Escalated**: to @WHO on DATE: REASON"
                 (--to and --reason), for a cross-team decision by the tech lead.
      resolve    keep the status; the open escalation becomes **Escalation Resolved**.

    Every action appends "- DATE: FROM -> TO by WHO: NOTE" to the **Review Log** list
    of the Design Review section, so the document carries its own review trail
    (status --history prints it).

    Only the review lines change (front matter status, **Status**, **Reviewer**,
    **Review Date**, notes); every other byte of the file stays as it was. The file
    is replaced atomically, keeping its mode and owner, and only if it still holds
    what was read: a file changed meanwhile (an editor's save, a concurrent review)
    is left alone with exit 2. A read-only or hard-linked file is refused unless
    --force (it stays read-only; links are written through). --force applies a
    refused request/approve and records "**Override**: DATE by REVIEWER: NOTE" in
    the Design Review section.

    \b
    Examples:
      mkdocs-archdesign review docs/design/order-service-design.md request
      mkdocs-archdesign review docs/design/order-service-design.md changes \\
          --reviewer @tech-lead --note "Add p99 latency targets"
      mkdocs-archdesign review docs/design/order-service-design.md approve \\
          --reviewer @tech-lead --check-all --dry-run
      mkdocs-archdesign review docs/design/orders-v1-design.md supersede --by orders-v2
      mkdocs-archdesign review docs/design/order-service-design.md escalate \\
          --to @python-tech-lead --reason "Shared ledger schema across teams"

    \b
    Exit codes:
      0  done (or the diff printed with --dry-run)
      1  illegal transition (the allowed ones are listed) or refused by the gate
      2  usage or I/O error: unknown action, bad date, missing or non-UTF-8 file,
         the file changed while review ran, a read-only or hard-linked file
    """
    from mkdocs_archdesign.core.review import workflow as core  # noqa: PLC0415 - fast startup

    if action not in ACTIONS:
        fail(f"unknown action {action!r}; expected one of: {', '.join(ACTIONS)}")
    if reason is not None and note is not None:
        fail("give the reason once: --reason and --note mean the same")
    request = core.ReviewRequest(
        action=core.Action(action),
        reviewer=reviewer,
        date=parse_date(date_text),
        note=note if note is not None else reason,
        superseded_by=superseded_by,
        escalate_to=escalate_to,
        check_all=check_all,
        force=force,
    )
    edit = open_design_edit(config_path, template_path, path)
    project, template, file, text = edit.project, edit.template, edit.file, edit.text
    root, others, shown = edit.root, edit.others, edit.shown
    level1 = None
    if split_project_files(project, [file])[1]:
        # A Level 2 spec: its own template, gated as a spec against its Level 1 design.
        level1 = _level1_lookup(others, template, project.settings)
        template = load_level2_template(project)
    try:
        outcome = core.apply_review(
            text, shown, request, template, project.settings, others, level1
        )
    except core.ReviewInputError as exc:
        fail(str(exc))
    except core.ReviewRefused as exc:
        _report_refusal(exc, shown)
    _finish(file, root, text, outcome, shown, dry_run, force)


def _level1_lookup(
    others: list[tuple[str, str]], template: Template, settings: Settings
) -> Callable[[str], Level1Facts | None]:
    from mkdocs_archdesign.core.validation.validator import (  # noqa: PLC0415
        check_texts,
        level1_facts,
    )

    facts = {s.id: level1_facts(s) for s in check_texts(others, template, settings)}
    return facts.get


def _report_refusal(exc: Exception, shown: str) -> NoReturn:
    from mkdocs_archdesign.core.review.workflow import ReviewRefused  # noqa: PLC0415

    click.echo(f"mkdocs-archdesign: refused: {terminal_text(str(exc))}", err=True)
    reasons = exc.reasons if isinstance(exc, ReviewRefused) else ()
    for reason in reasons:
        click.echo(f"  {terminal_text(shown)}:{terminal_text(reason)}", err=True)
    raise click.exceptions.Exit(EXIT_FINDINGS)


def _finish(
    file: Path,
    root: Path,
    old: str,
    outcome: ReviewOutcome,
    shown: str,
    dry_run: bool,
    force: bool,
) -> None:
    from mkdocs_archdesign.core.textedit import (  # noqa: PLC0415
        ConcurrentEditError,
        ProtectedFileError,
        UnsafeWriteError,
        atomic_write,
        ensure_writable_inside,
        unified_diff,
    )

    for reason in outcome.overridden:
        click.echo(
            f"mkdocs-archdesign: overridden: {terminal_text(shown)}:{terminal_text(reason)}",
            err=True,
        )
    change = terminal_text(f"{shown}: {outcome.before_text} -> {outcome.after_text}")
    if dry_run:
        click.echo(unified_diff(old, outcome.text, shown), nl=False)
        click.echo(f"{change} (dry run, nothing written)", err=True)
        return
    try:
        target = ensure_writable_inside(file, root)
        # The edit is based on the bytes read: if they changed meanwhile (an editor's save,
        # a concurrent review), nothing is written and the user is told.
        removed = atomic_write(
            target, outcome.text.encode("utf-8"), expected=old.encode("utf-8"), force=force
        )
    except (UnsafeWriteError, ConcurrentEditError, ProtectedFileError) as exc:
        fail(terminal_text(str(exc)))
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        fail(f"cannot write {shown}: {reason}; the original is unchanged")
    for stale in removed:
        click.echo(
            f"mkdocs-archdesign: removed a temporary file a killed write left: "
            f"{terminal_text(stale)}",
            err=True,
        )
    click.echo(change)


@click.command("status")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(STATUS_FORMATS),
    default="text",
    show_default=True,
    help="text for reading, json for tools.",
)
@click.option(
    "--history",
    is_flag=True,
    help="Print one design's review log and the days it spent in each status.",
)
@config_option
@template_option
def status_command(
    paths: tuple[str, ...],
    fmt: str,
    history: bool,
    config_path: str | None,
    template_path: str | None,
) -> None:
    """Show each design's review status and whether it is ready for handoff.

    Ready for handoff means Approved with no error or warning finding: the seed's
    "do not hand off until approved". PATHS are design files or folders; without
    PATHS, the designs selected by the nearest mkdocs.yml upward (or docs/design).
    LEVEL 2 is the status of the design's Level 2 API spec (written by handoff),
    ESCALATED who an open escalation is with.

    With --history and one design, print its review log (the **Review Log** lines
    every review action appends) and how many days it spent in each status.

    \b
    Examples:
      mkdocs-archdesign status
      mkdocs-archdesign status docs/design/order-service-design.md
      mkdocs-archdesign status --format json
      mkdocs-archdesign status --history docs/design/order-service-design.md

    \b
    Exit codes:
      0  printed
      2  usage or I/O error (missing path, unreadable config or template)
    """
    from mkdocs_archdesign.core.validation.corpus import check_files  # noqa: PLC0415 - fast startup
    from mkdocs_archdesign.core.validation.specs import link_specs  # noqa: PLC0415

    if history and len(paths) != 1:
        fail("--history needs exactly one design: status --history PATH")
    project = load_project(config_path)
    template = load_project_template(project, template_path)
    designs, specs = split_project_files(project, design_files(project, paths))
    listed = specs_listed = lists_designs(project, paths)
    if not specs and project.path is not None:
        _, specs = split_project_files(project, configured_design_files(project))
        specs_listed = True
    context = corpus_context(project, designs) if paths else []
    summaries = check_files(
        designs,
        template,
        project.settings,
        context=context,
        root=design_root(project),
        listed=listed,
    )
    specs_found = spec_summaries(
        project, specs, summaries, project.settings, template, listed=specs_listed
    )
    linked = link_specs(summaries, specs_found)
    if history:
        if not summaries:
            fail(f"not a Level 1 design: {paths[0]}")
        _print_history(summaries[0], fmt)
        return
    if fmt == "json":
        records = [status_record(s, linked.get(s.id)) for s in summaries]
        click.echo(json.dumps(records, indent=2))
    else:
        click.echo(status_table(summaries, linked), nl=False)


def _print_history(summary: DesignSummary, fmt: str) -> None:
    from mkdocs_archdesign.core.catalog.timeline import days_per_status  # noqa: PLC0415

    entries = summary.review_log
    if fmt == "json":
        payload = {
            "id": summary.id,
            "log": [entry.as_dict() for entry in entries],
            "days_in_status": days_per_status(entries, datetime.date.today()),
        }
        click.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    if not entries:
        click.echo(
            f"{terminal_text(summary.id)}: no review log yet (status {summary.status_text}, "
            f"review date {summary.review_date or '-'})"
        )
        return
    for e in entries:
        by = f" by {e.who}" if e.who else ""
        note = f": {e.note}" if e.note else ""
        click.echo(terminal_text(f"{e.date}  {e.before} -> {e.after}{by}{note}"))
    spent = days_per_status(entries, datetime.date.today())
    click.echo("days in status: " + ", ".join(f"{k} {v}" for k, v in spent.items()))


def status_record(summary: DesignSummary, spec: DesignSummary | None = None) -> dict[str, object]:
    """One design's review state as a JSON-ready mapping (with its Level 2 spec, if any)."""
    return {
        "id": summary.id,
        "path": summary.path,
        "status": summary.status_text,
        "stage": summary.status.slug if summary.status is not None else "unknown",
        "reviewer": summary.reviewer,
        "review_date": summary.review_date,
        "ready_for_handoff": summary.ready_for_handoff,
        "findings": summary.counts.as_dict(),
        "escalated_to": summary.escalated_to or None,
        "level2": (
            {"id": spec.id, "path": spec.path, "status": spec.status_text}
            if spec is not None
            else None
        ),
    }


def status_table(
    summaries: list[DesignSummary], specs: dict[str, DesignSummary] | None = None
) -> str:
    """The designs as an aligned plain-text table (``-`` for unset values)."""
    specs = specs or {}
    rows = [("ID", "STATUS", "REVIEWER", "DATE", "READY", "LEVEL 2", "ESCALATED")]
    for summary in summaries:
        record = status_record(summary)
        spec = specs.get(summary.id)
        rows.append(
            (
                terminal_text(summary.id),
                terminal_text(str(record["status"])),
                terminal_text(summary.reviewer) or "-",
                terminal_text(summary.review_date) or "-",
                "yes" if summary.ready_for_handoff else "no",
                terminal_text(spec.status_text) if spec is not None else "-",
                terminal_text(summary.escalated_to) or "-",
            )
        )
    count = len(rows[0])
    # Columns, not code points: a wide character (注文) takes two terminal cells.
    widths = [max(terminal_width(row[i]) for row in rows) for i in range(count)]
    lines = [
        "  ".join(terminal_ljust(r[i], widths[i]) for i in range(count)).rstrip() for r in rows
    ]
    return "\n".join(lines) + "\n"
