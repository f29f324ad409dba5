"""``check --fix`` and ``check --diff``: plan, refuse unsafe targets, then write or show.

All targets are checked before anything is written: a read-only file or a symbolic link
that leads outside the project refuses the whole run (exit 2), so a refusal never leaves
half the corpus fixed. What changed is printed on standard error, one line per fix, so
standard output stays the report.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from mkdocs_archdesign.cli.common import fail

if TYPE_CHECKING:
    from mkdocs_archdesign.core.config.settings import Settings
    from mkdocs_archdesign.core.document.template import Template
    from mkdocs_archdesign.core.fix import Fix


@dataclass(frozen=True, slots=True)
class PlannedFile:
    """One design with fixes: where to write, what it was, what it becomes."""

    path: Path
    shown: str
    old: str
    new: str
    fixes: tuple[Fix, ...]


def plan_files(files: list[Path], template: Template, settings: Settings) -> list[PlannedFile]:
    """Plan the fixes of every design in ``files`` (designs needing none are left out).

    Args:
        files: The designs of the run.
        template: The template in force.
        settings: Validator settings.

    Returns:
        The designs that would change.
    """
    from mkdocs_archdesign.core.escape import terminal_text  # noqa: PLC0415 - fast startup
    from mkdocs_archdesign.core.fix import apply_fixes, fix_blocker, plan_fixes  # noqa: PLC0415
    from mkdocs_archdesign.core.validation.corpus import display_paths  # noqa: PLC0415

    planned: list[PlannedFile] = []
    for path, shown in zip(files, display_paths(files), strict=True):
        try:
            old = path.read_bytes().decode("utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # AD000 reports it; there is nothing to fix in an unreadable file
        blocker = fix_blocker(old)
        if blocker is not None:
            click.echo(f"not fixed: {terminal_text(shown)}: {blocker}", err=True)
            continue
        fixes = plan_fixes(old, shown, template, settings)
        if fixes:
            planned.append(PlannedFile(path, shown, old, apply_fixes(old, fixes), tuple(fixes)))
    return planned


def refuse_unsafe(planned: list[PlannedFile], root: Path) -> None:
    """Exit 2 naming the first target that must not be written (nothing is written)."""
    from mkdocs_archdesign.core.textedit import (  # noqa: PLC0415 - fast startup
        UnsafeWriteError,
        ensure_writable_inside,
    )

    for item in planned:
        try:
            real = ensure_writable_inside(item.path, root)
        except UnsafeWriteError as exc:
            fail(f"--fix: {exc}; nothing written")
        # Root may write anything, so os.access alone would let --fix replace a file its
        # owner made read-only; the permission bits say what the owner meant.
        if not os.access(real, os.W_OK) or not real.stat().st_mode & stat.S_IWUSR:
            fail(f"--fix: refusing to write {item.shown}: the file is read-only; nothing written")


def write_fixes(planned: list[PlannedFile], root: Path) -> None:
    """Write every planned design atomically and print one line per fix on stderr."""
    from mkdocs_archdesign.core.escape import terminal_text  # noqa: PLC0415 - fast startup
    from mkdocs_archdesign.core.textedit import atomic_write, ensure_writable_inside  # noqa: PLC0415

    for item in planned:
        real = ensure_writable_inside(item.path, root)
        try:
            atomic_write(real, item.new.encode("utf-8"))
        except OSError as exc:
            fail(f"--fix: cannot write {item.shown}: {exc.strerror or exc}")
        for fix in sorted(item.fixes, key=lambda f: f.line):
            line = fix.line
            click.echo(
                f"fixed {terminal_text(item.shown)}:{line}: {'/'.join(fix.codes)} "
                f"{terminal_text(fix.description)}",
                err=True,
            )
    if planned:
        count = sum(len(item.fixes) for item in planned)
        click.echo(f"{count} fixes applied in {len(planned)} designs", err=True)


def diff_text(planned: list[PlannedFile]) -> str:
    """The unified diff of every planned design, control characters made visible."""
    from mkdocs_archdesign.core.escape import terminal_text  # noqa: PLC0415 - fast startup
    from mkdocs_archdesign.core.textedit import unified_diff  # noqa: PLC0415

    out: list[str] = []
    for item in planned:
        for line in unified_diff(item.old, item.new, item.shown).splitlines():
            out.append(terminal_text(line))
    return "\n".join(out) + ("\n" if out else "")
