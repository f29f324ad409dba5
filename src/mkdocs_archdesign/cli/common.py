"""Helpers every command shares: exit codes, one-line errors, project config and template.

Commands import from here so that a missing file, a broken ``mkdocs.yml`` or an
unknown template produce the same one-line message and exit code everywhere.
Heavy modules are imported inside functions so ``--help`` stays instant.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

if TYPE_CHECKING:
    from mkdocs_archdesign.core.config.project import ProjectConfig
    from mkdocs_archdesign.core.config.settings import Settings
    from mkdocs_archdesign.core.document.template import Template
    from mkdocs_archdesign.core.files import RealPaths
    from mkdocs_archdesign.core.model import DesignSummary

#: Success, or no finding at or above ``--fail-on``.
EXIT_OK = 0
#: Findings at or above ``--fail-on``, a refused transition, or a failed gate.
EXIT_FINDINGS = 1
#: Usage or I/O error: a missing path, an unreadable config or template.
EXIT_USAGE = 2

#: The design folder used when there is no ``mkdocs.yml``.
FALLBACK_DESIGN_DIR = Path("docs") / "design"

EXIT_CODES_HELP = "Exit codes: 0 ok, 1 findings or refused, 2 usage or I/O error."

F = TypeVar("F", bound=Callable[..., Any])


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    """Print ``message`` as one line on stderr and exit with ``code``.

    Args:
        message: What went wrong; newlines are folded so the message stays one line.
        code: The exit code (default 2, usage or I/O error).

    Raises:
        click.exceptions.Exit: Always, carrying ``code``.
    """
    from mkdocs_archdesign.core.escape import terminal_text  # noqa: PLC0415 - fast startup

    one_line = " ".join(str(message).split())
    click.echo(f"mkdocs-archdesign: error: {terminal_text(one_line)}", err=True)
    raise click.exceptions.Exit(code)


def config_option(function: F) -> F:
    """Add the shared ``--config PATH`` option (default: the nearest mkdocs.yml upward)."""
    decorator = click.option(
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=str),
        default=None,
        metavar="PATH",
        help="mkdocs.yml whose archdesign plugin options apply "
        "(default: the nearest mkdocs.yml in this folder or above).",
    )
    return decorator(function)


def output_option(function: F) -> F:
    """Add the shared ``--output/-o FILE`` option (default: standard output)."""
    decorator = click.option(
        "--output",
        "-o",
        type=click.Path(dir_okay=False, path_type=str),
        default=None,
        metavar="FILE",
        help="Write to FILE instead of standard output.",
    )
    return decorator(function)


def valid_utf8(text: str) -> str:
    """``text`` with every undecodable byte of a file name shown as ``\\udcXX``.

    Python keeps the bytes of a file name that is not UTF-8 (git can commit one) as lone
    surrogates, which no UTF-8 output can hold: writing them crashed every report. They
    become a visible escape instead, so JSON, XML, SARIF and text stay valid UTF-8.
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return text


def write_output(text: str, output: str | None) -> None:
    """Print ``text``, or write it to ``output`` atomically (exit 2 with one line on failure).

    A report is written to a temporary file beside ``output`` and renamed over it, so a
    full disk or a kill leaves the previous report (or none), never an empty or half one.
    """
    text = valid_utf8(text)
    if output is None:
        click.echo(text, nl=False)
        return
    # Only a report written to a file needs these (difflib and signal come with them).
    from mkdocs_archdesign.core.escape import terminal_text  # noqa: PLC0415 - fast startup
    from mkdocs_archdesign.core.textedit import ProtectedFileError, atomic_write  # noqa: PLC0415

    try:
        atomic_write(Path(output), text.encode("utf-8"))
    except ProtectedFileError as exc:
        fail(terminal_text(str(exc)))
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc.__class__.__name__}")


def template_option(function: F) -> F:
    """Add the shared ``--template FILE`` option (overrides the config's ``template``)."""
    decorator = click.option(
        "--template",
        "template_path",
        type=click.Path(dir_okay=False, path_type=str),
        default=None,
        metavar="FILE",
        help="Design template to use instead of the configured or default one.",
    )
    return decorator(function)


def load_project(explicit: str | None = None) -> ProjectConfig:
    """Find and load the project config, turning every problem into a one-line exit 2.

    The nearest ``mkdocs.yml`` in the current folder or above applies (as ruff and git
    find theirs); unknown option names are warned about on stderr, as MkDocs does.

    Args:
        explicit: The ``--config`` value, or ``None`` to search upward.

    Returns:
        The project config (defaults when there is no config file).
    """
    from mkdocs_archdesign.core.config.project import (  # noqa: PLC0415 - fast startup
        ProjectConfigError,
        discover_project,
    )
    from mkdocs_archdesign.core.escape import terminal_text  # noqa: PLC0415

    try:
        project = discover_project(Path(), Path(explicit) if explicit is not None else None)
    except ProjectConfigError as exc:
        fail(str(exc))
    for warning in project.warnings:
        click.echo(f"mkdocs-archdesign: warning: {terminal_text(warning)}", err=True)
    return project


def load_project_template(project: ProjectConfig, override: str | None = None) -> Template:
    """Load the template in force (``override``, else the config's, else the default).

    Args:
        project: The project config (its ``section_levels`` apply).
        override: A ``--template`` value, relative to the current folder.

    Returns:
        The template; a missing or unusable template exits 2.
    """
    from mkdocs_archdesign.core.document.template import (  # noqa: PLC0415 - fast startup
        TemplateError,
        load_template,
    )

    path = override if override is not None else project.settings.template
    try:
        return load_template(path, project.settings.section_levels)
    except TemplateError as exc:
        fail(str(exc))


def configured_design_files(project: ProjectConfig) -> list[Path]:
    """Every file under the docs folder that the ``designs`` globs select.

    Without a config file, every Markdown file under ``docs/design``. The site's catalog
    page (the ``archdesign-catalog`` fence) may be among them: ``check_files`` leaves it
    out when it reads it (see :func:`lists_designs`).

    Args:
        project: The project config.

    Returns:
        Files in a stable order; a missing folder exits 2.
    """
    if project.path is None:
        return resolve_paths([str(FALLBACK_DESIGN_DIR)])
    if not project.docs_dir.is_dir():
        fail(f"docs folder does not exist: {project.docs_dir} (docs_dir of {project.path})")
    return _selected_files(project)


def corpus_context(
    project: ProjectConfig, files: Sequence[Path], real: RealPaths | None = None
) -> list[Path]:
    """The designs cross-design rules must see when only ``files`` are reported on.

    Every configured design of the project, plus, for a named file outside it, the
    Markdown files beside it (not below: a stray file must not walk a whole tree). A missing
    design folder is no error here: the named files are checked all the same.

    Args:
        project: The project config.
        files: The files named on the command line.
        real: The file resolutions of the command's pass, shared with its other steps.

    Returns:
        Files in a stable order, none of them among ``files``.
    """
    from mkdocs_archdesign.core.files import RealPaths  # noqa: PLC0415 - fast startup
    from mkdocs_archdesign.core.validation.corpus import discover  # noqa: PLC0415

    if project.path is None:
        fallback = FALLBACK_DESIGN_DIR
        configured = discover([fallback]) if fallback.is_dir() else []
    else:
        configured = _selected_files(project) if project.docs_dir.is_dir() else []
    if real is None:
        real = RealPaths()
    known = {real.text(path) for path in configured}
    texts = [real.text(path) for path in files]
    named = set(texts)
    outside = sorted(
        {path.parent for path, text in zip(files, texts, strict=True) if text not in known}
    )
    siblings = [p for folder in outside for p in sorted(folder.glob("*.md")) if p.is_file()]
    # `check docs/design` names the whole corpus: telling each named design from a spec
    # again, only for the context to drop it, cost a glob match per design.
    others = [path for path in [*configured, *siblings] if real.text(path) not in named]
    # Level 2 specs are never Level 1 designs, not even as context for cross-design rules.
    designs, _ = split_project_files(project, others, real)
    return designs


def _selected_files(project: ProjectConfig) -> list[Path]:
    from mkdocs_archdesign.core.validation.corpus import configured_designs  # noqa: PLC0415

    return configured_designs(project.docs_dir, project.settings.designs)


def design_root(project: ProjectConfig) -> Path:
    """The folder a design (or the symlink a design is) must not lead out of: the docs folder.

    Without a config file, ``docs`` in the current folder, the parent of the default
    design folder.
    """
    return project.docs_dir if project.path is not None else FALLBACK_DESIGN_DIR.parent


def resolve_paths(paths: Sequence[str]) -> list[Path]:
    """Expand files and folders given on the command line into Markdown files.

    Args:
        paths: Files and folders.

    Returns:
        Files in a stable order; a path that does not exist exits 2.
    """
    from mkdocs_archdesign.core.validation.corpus import CorpusError, discover  # noqa: PLC0415

    try:
        return discover(Path(p) for p in paths)
    except CorpusError as exc:
        fail(str(exc))


def lists_designs(project: ProjectConfig, paths: Sequence[str]) -> bool:
    """Whether :func:`design_files` lists the designs by the ``designs`` globs.

    Then the site's catalog page may be among them and is left out when it is read
    (``listed`` of ``check_files``). Files and folders the user names, and
    ``docs/design`` walked when there is no config, are checked as they are.

    Args:
        project: The project config.
        paths: Files and folders from the command line (may be empty).

    Returns:
        True when there are no ``paths`` and there is a config file.
    """
    return not paths and project.path is not None


def design_files(project: ProjectConfig, paths: Sequence[str]) -> list[Path]:
    """The designs a command works on: ``paths`` if given, else the configured ones.

    Args:
        project: The project config.
        paths: Files and folders from the command line (may be empty).

    Returns:
        Files in a stable order.
    """
    if paths:
        return resolve_paths(paths)
    return configured_design_files(project)


def load_level2_template(project: ProjectConfig) -> Template:
    """The Level 2 spec template in force (``level2_template``, else the packaged one)."""
    from mkdocs_archdesign.core.document.template import (  # noqa: PLC0415 - fast startup
        LEVEL2_TEMPLATE_NAME,
        TemplateError,
        load_template,
    )

    try:
        return load_template(
            project.settings.level2_template, project.settings.section_levels, LEVEL2_TEMPLATE_NAME
        )
    except TemplateError as exc:
        fail(str(exc))


def split_project_files(
    project: ProjectConfig, files: Sequence[Path], real: RealPaths | None = None
) -> tuple[list[Path], list[Path]]:
    """Split files into Level 1 designs and Level 2 specs (``level2_specs`` globs).

    ``real`` shares the file resolutions of one command's pass over the project.
    """
    from mkdocs_archdesign.core.validation.specs import split_specs  # noqa: PLC0415

    docs = project.docs_dir if project.path is not None else None
    return split_specs(files, docs, project.settings, real)


def spec_summaries(
    project: ProjectConfig,
    specs: Sequence[Path],
    designs: Sequence[DesignSummary],
    settings: Settings,
    design_template: Template,
    *,
    listed: bool = False,
) -> list[DesignSummary]:
    """Validate Level 2 specs; their Level 1 designs are read from the project if needed.

    A spec named alone on the command line still links to its design: when a spec's
    ``level1:`` is not among ``designs``, the project's configured designs are validated
    too (for the lookup only; they are not reported).

    Args:
        project: The project config.
        specs: The spec files.
        designs: Summaries of the Level 1 designs already validated.
        settings: Validator settings.
        design_template: The Level 1 template (for the project's designs, if needed).
        listed: ``specs`` were listed by the globs (see :func:`lists_designs`).

    Returns:
        One summary per spec, in order.
    """
    from mkdocs_archdesign.core.validation.corpus import check_files  # noqa: PLC0415
    from mkdocs_archdesign.core.validation.specs import check_spec_files  # noqa: PLC0415

    if not specs:
        return []
    lookup = list(designs)
    known = {summary.id for summary in designs}
    first = check_spec_files(specs, lookup, load_level2_template(project), settings, listed=listed)
    if all(spec.level1 in known or not spec.level1 for spec in first):
        return first
    configured, _ = split_project_files(project, configured_design_files(project))
    corpus = check_files(configured, design_template, settings, listed=lists_designs(project, ()))
    return check_spec_files(
        specs, [*lookup, *corpus], load_level2_template(project), settings, listed=listed
    )
