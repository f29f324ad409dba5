"""``handoff``: scaffold the Level 2 API specification of an approved design.

The core (:mod:`mkdocs_archdesign.core.scaffold.level2`) renders the spec and plans the
design's ``level2:`` edit; this module finds the project, applies the gate, and writes
both files atomically. Heavy modules are imported inside the command.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import click

from mkdocs_archdesign.cli.common import (
    EXIT_FINDINGS,
    config_option,
    fail,
    template_option,
)
from mkdocs_archdesign.cli.review import open_design_edit
from mkdocs_archdesign.core.escape import terminal_text


@click.command("handoff")
@click.argument("path", type=click.Path(path_type=str))
@click.option(
    "--folder",
    metavar="DIR",
    help="Write the spec into this docs-relative folder (default: level2_folder, else "
    "beside the design).",
)
@click.option("--owner", metavar="@NAME", help="The spec's owner (default: @python-api-designer).")
@click.option("--force", is_flag=True, help="Hand off despite the gate, or replace a spec.")
@click.option("--note", metavar="TEXT", help="Why --force was needed (recorded in the spec).")
@click.option("--dry-run", is_flag=True, help="Print the spec and write nothing.")
@config_option
@template_option
def handoff_command(
    path: str,
    folder: str | None,
    owner: str | None,
    force: bool,
    note: str | None,
    dry_run: bool,
    config_path: str | None,
    template_path: str | None,
) -> None:
    """Hand an approved Level 1 design to the api-designer: write its Level 2 spec.

    Writes <id>-api-spec.md beside the design (or into --folder / level2_folder) from
    the Level 2 template (level2_template, else the packaged one): one section per
    API-overview method with slots for the full signature, parameters, exceptions
    (domain / infrastructure / validation), thread safety and an example; one Data Model
    entry per key entity; and the design's api-designer handoff prompt, quoted. The
    design gets one front-matter line, level2: <spec id>, and nothing else changes.

    Refused unless the design is Approved with no error or warning finding (the
    blocking findings are listed); --force hands off anyway and records an
    **Override** line in the spec. An existing spec is never replaced without --force.

    \b
    Examples:
      mkdocs-archdesign handoff docs/design/order-service-design.md
      mkdocs-archdesign handoff docs/design/order-service-design.md --folder api
      mkdocs-archdesign handoff docs/design/order-service-design.md --dry-run

    \b
    Exit codes:
      0  spec written (or printed with --dry-run)
      1  refused: the design is not Approved or has blocking findings
      2  usage or I/O error: no API overview, duplicate or invalid method names,
         an existing spec, a folder outside the docs, a missing or unreadable file
    """
    from mkdocs_archdesign.core.scaffold import level2  # noqa: PLC0415 - fast startup
    from mkdocs_archdesign.core.scaffold.design import ScaffoldError  # noqa: PLC0415

    if owner is not None and not _is_handle(owner):
        fail(f"invalid --owner {owner!r}: expected a handle such as @python-api-designer")
    edit = open_design_edit(config_path, template_path, path)
    project, file, text, root, shown = edit.project, edit.file, edit.text, edit.root, edit.shown
    ctx, design_id, reasons = level2.handoff_blockers(
        text, shown, edit.template, project.settings, edit.others
    )
    if reasons and not force:
        click.echo(
            f"mkdocs-archdesign: refused: cannot hand off {terminal_text(shown)}: "
            f"{len(reasons)} blocking item(s); fix them or use --force with --note",
            err=True,
        )
        for reason in reasons:
            click.echo(f"  {terminal_text(shown)}:{terminal_text(reason)}", err=True)
        raise click.exceptions.Exit(EXIT_FINDINGS)
    target = _spec_path(project.docs_dir, file, design_id, folder or project.settings.level2_folder)
    source, origin = _level2_source(project.settings.level2_template)
    link = level2.relative_link(str(target.parent.absolute()), str(file.absolute()))
    try:
        plan = level2.plan_handoff(
            ctx,
            text,
            design_id,
            link,
            source,
            origin,
            owner=owner or f"@{level2.API_DESIGNER}",
            replace_link=force,
        )
    except ScaffoldError as exc:
        fail(str(exc))
    spec_text = plan.spec_text
    if reasons:
        spec_text = level2.add_override(spec_text, _override(reasons, note))
    if dry_run:
        click.echo(spec_text, nl=False)
        click.echo(f"{shown} -> {target} (dry run, nothing written)", err=True)
        return
    _write(target, spec_text, force, file, root, plan.design_text, shown)
    for reason in reasons:
        click.echo(f"mkdocs-archdesign: overridden: {shown}:{terminal_text(reason)}", err=True)
    click.echo(f"{shown}: handed off -> {target} ({len(plan.methods)} method(s))")


def _is_handle(value: str) -> bool:
    return (
        value.startswith("@")
        and len(value) > 1
        and all(char.isalnum() or char in "-_./" for char in value[1:])
    )


def _level2_source(path: str | None) -> tuple[str, str]:
    from mkdocs_archdesign.core.document.template import (  # noqa: PLC0415
        LEVEL2_TEMPLATE_NAME,
        default_template_source,
    )
    from mkdocs_archdesign.core.files import UnreadableFileError, read_text  # noqa: PLC0415

    if path is None:
        return default_template_source(LEVEL2_TEMPLATE_NAME), "<default:level2>"
    try:
        return read_text(path, "Level 2 template"), path
    except UnreadableFileError as exc:
        fail(str(exc))


def _spec_path(docs_dir: Path, design: Path, design_id: str, folder: str | None) -> Path:
    from mkdocs_archdesign.core.document.spec import spec_id_for  # noqa: PLC0415

    name = f"{spec_id_for(design_id)}.md"
    if folder is None:
        return design.parent / name
    base = Path(os.path.normpath((docs_dir / folder).absolute()))
    docs = Path(os.path.normpath(docs_dir.absolute()))
    if base != docs and docs not in base.parents:
        fail(f"--folder {folder!r} is outside the docs folder {docs_dir}; nothing written")
    return base / name


def _override(reasons: list[str], note: str | None) -> str:
    today = datetime.date.today().isoformat()
    why = f": {note}" if note else ""
    return f"handoff forced on {today} despite {len(reasons)} blocking item(s){why}"


def _write(
    target: Path,
    spec_text: str,
    force: bool,
    design: Path,
    root: Path,
    design_text: str,
    shown: str,
) -> None:
    from mkdocs_archdesign.core.scaffold.design import (  # noqa: PLC0415
        ScaffoldError,
        write_new_file,
    )
    from mkdocs_archdesign.core.textedit import (  # noqa: PLC0415
        UnsafeWriteError,
        atomic_write,
        ensure_writable_inside,
    )

    try:
        real = ensure_writable_inside(design, root)
    except UnsafeWriteError as exc:
        fail(str(exc))
    try:
        write_new_file(target, spec_text, force=force)
    except ScaffoldError as exc:
        fail(str(exc))
    if design_text == design.read_bytes().decode("utf-8"):
        return
    try:
        atomic_write(real, design_text.encode("utf-8"))
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        fail(f"wrote {target} but cannot record level2: in {shown}: {reason}")


COMMANDS = (handoff_command,)
