"""``check`` and ``rules``: validate designs and list the rule catalog.

The validator, the template loader and the renderers are imported inside the
commands, so ``mkdocs-archdesign --help`` and pre-commit runs start fast.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import click

from mkdocs_archdesign.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    config_option,
    corpus_context,
    design_files,
    design_root,
    fail,
    lists_designs,
    load_project,
    load_project_template,
    output_option,
    spec_summaries,
    split_project_files,
    template_option,
    write_output,
)
from mkdocs_archdesign.cli.reporting import (
    append_job_summary,
    check_output_folder,
    parse_min_severity,
    report_options,
)

if TYPE_CHECKING:
    from mkdocs_archdesign.core.rules.base import Rule

#: Kept here (not imported from core.reporting) so building the CLI imports nothing heavy.
CHECK_FORMATS = ("text", "json", "github", "junit", "sarif", "gitlab")
SEVERITY_NAMES = ("info", "warning", "error")
RULES_FORMATS = ("table", "markdown", "json")
FAIL_ON_CHOICES = ("error", "warning", "never")


def split_codes(values: Iterable[str]) -> frozenset[str]:
    """Fold repeatable, comma-separated ``--select``/``--ignore`` values into codes.

    Args:
        values: Raw option values such as ``("AD101,AD2", "ad3")``.

    Returns:
        Upper-case codes or prefixes, blanks dropped.
    """
    return frozenset(
        part.strip().upper() for value in values for part in value.split(",") if part.strip()
    )


def validate_codes(option: str, codes: frozenset[str], known: Sequence[str]) -> None:
    """Exit 2 if a code or prefix matches no known rule, listing the valid codes.

    Args:
        option: The option name for the message (``--select``).
        codes: Codes or prefixes given by the user.
        known: Every registered rule code.
    """
    unknown = sorted(code for code in codes if not any(k.startswith(code) for k in known))
    if unknown:
        fail(
            f"{option}: unknown rule code {', '.join(unknown)}; "
            f"valid codes (or prefixes of them): {', '.join(known)}"
        )


def known_codes() -> list[str]:
    """Every rule code that ``--select``/``--ignore`` accept, sorted."""
    from mkdocs_archdesign.core.rules import REGISTRY  # noqa: PLC0415 - fast startup
    from mkdocs_archdesign.core.validation.validator import UNREADABLE_CODE  # noqa: PLC0415

    return sorted({*REGISTRY, UNREADABLE_CODE})


@click.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CHECK_FORMATS),
    default="text",
    show_default=True,
    help="Report format (sarif for GitHub code scanning, gitlab for Code Quality).",
)
@click.option(
    "--min-severity",
    default="info",
    show_default=True,
    metavar="LEVEL",
    help="Show only findings at or above LEVEL (info, warning, error); "
    "--fail-on alone decides the exit code.",
)
@click.option("--quiet", "-q", is_flag=True, help="Show only error findings and the summary line.")
@click.option(
    "--statistics", is_flag=True, help="Count findings per rule code instead of listing them."
)
@click.option(
    "--fix",
    is_flag=True,
    help="Apply the fixes marked [*] (missing sections, status agreement, review "
    "checklist), then report what is left.",
)
@click.option(
    "--diff",
    is_flag=True,
    help="Print the fixes as a unified diff without writing; exit 1 if any would apply.",
)
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON_CHOICES),
    default=None,
    help="Exit 1 when a finding is at or above this severity "
    "(default: the plugin's fail_on, else error).",
)
@click.option(
    "--select",
    multiple=True,
    metavar="CODES",
    help="Run only these rules: comma-separated codes or prefixes (AD101,AD2). Repeatable.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="CODES",
    help="Never run these rules: comma-separated codes or prefixes. Repeatable.",
)
@config_option
@template_option
@output_option
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    metavar="N",
    help="Check files on up to N processes (used from a few hundred designs on; "
    "see the performance page).",
)
def check_command(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    template_path: str | None,
    output: str | None,
    jobs: int,
    min_severity: str,
    quiet: bool,
    statistics: bool,
    fix: bool,
    diff: bool,
) -> None:
    """Validate designs against the template and the AD rule catalog.

    PATHS are design files or folders. Without PATHS, the designs are the files
    under docs_dir selected by the archdesign plugin's `designs` globs in
    the nearest mkdocs.yml in this folder or above (default design/**/*.md), or
    docs/design when there is no mkdocs.yml. Cross-design rules (depends_on,
    superseded_by, cycles, ids) always see every configured design; only the
    files named are reported on. Every problem in every file is reported in one run.

    \b
    Examples:
      mkdocs-archdesign check
      mkdocs-archdesign check docs/design/order-service-design.md
      mkdocs-archdesign check --format github --fail-on warning
      mkdocs-archdesign check --select AD1,AD2 --ignore AD203
      mkdocs-archdesign check --format junit --output archdesign.xml
      mkdocs-archdesign check --format sarif -o archdesign.sarif
      mkdocs-archdesign check --min-severity warning --statistics
      mkdocs-archdesign check --fix

    \b
    Exit codes:
      0  no finding at or above --fail-on
      1  findings at or above --fail-on (with --diff: a fix would apply)
      2  usage or I/O error (missing path, unreadable config or template,
         unwritable --output, a --fix target that is read-only or outside the project)
    """
    selected, ignored = split_codes(select), split_codes(ignore)
    if selected or ignored:
        known = known_codes()
        validate_codes("--select", selected, known)
        validate_codes("--ignore", ignored, known)
    shown_from = parse_min_severity(min_severity)
    check_output_folder(output)
    from mkdocs_archdesign.core.files import RealPaths  # noqa: PLC0415
    from mkdocs_archdesign.core.model import FailOn  # noqa: PLC0415
    from mkdocs_archdesign.core.output.reports import render, report_notes, run_fails  # noqa: PLC0415
    from mkdocs_archdesign.core.validation.parallel import check_files_parallel  # noqa: PLC0415 - fast startup

    project = load_project(config_path)
    settings = dataclasses.replace(
        project.settings,
        select=selected or project.settings.select,
        ignore=ignored | project.settings.ignore,
        fail_on=FailOn(fail_on) if fail_on is not None else project.settings.fail_on,
    )
    template = load_project_template(project, template_path)
    # One resolution of each file for the whole run: splitting off specs, adding the
    # context and dropping its duplicates each named every design again.
    real = RealPaths()
    files, specs = split_project_files(project, design_files(project, paths), real)
    context = corpus_context(project, files, real) if paths else []
    # Only designs the globs listed may be the site's catalog page; named files are checked.
    listed = lists_designs(project, paths)
    if fix or diff:
        from mkdocs_archdesign.cli import fixing  # noqa: PLC0415 - only --fix needs it

        planned = fixing.plan_files(files, template, settings)
        if diff:
            write_output(fixing.diff_text(planned), output)
            raise click.exceptions.Exit(EXIT_FINDINGS if planned else EXIT_OK)
        fixing.refuse_unsafe(planned, project.root)
        fixing.write_fixes(planned, project.root)
    summaries = check_files_parallel(
        files,
        template,
        settings,
        jobs,
        context=context,
        root=design_root(project),
        real=real,
        listed=listed,
    )
    summaries += spec_summaries(project, specs, summaries, settings, template, listed=listed)
    options = report_options(settings.fail_on, shown_from, quiet, statistics, project.root)
    write_output(render(fmt, summaries, options=options), output)
    if fmt in ("text", "github"):
        for note in report_notes(summaries, options):
            click.echo(note, err=True)
    if fmt == "github":
        append_job_summary(summaries, options)
    raise click.exceptions.Exit(
        EXIT_FINDINGS if run_fails(summaries, settings.fail_on) else EXIT_OK
    )


def rules_table(rules: Sequence[Rule]) -> str:
    """The rule catalog as an aligned plain-text table."""
    rows = [("CODE", "NAME", "SEVERITY", "SUMMARY")]
    rows += [(r.code, r.name, r.severity.label, r.summary) for r in rules]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    lines = [
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3]
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def rules_json(rules: Sequence[Rule]) -> str:
    """The rule catalog as a JSON list of ``{code, name, severity, summary, corpus}``."""
    payload = [
        {
            "code": r.code,
            "name": r.name,
            "severity": r.severity.label,
            "summary": r.summary,
            "corpus": r.is_corpus_rule,
        }
        for r in rules
    ]
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def rules_markdown() -> str:
    """The rule reference page, from the rules' docstrings (``core.rules.docs``)."""
    from mkdocs_archdesign.core.rules.docs import render_rule_reference  # noqa: PLC0415

    text = render_rule_reference()
    return text if text.endswith("\n") else text + "\n"


@click.command("rules")
@click.argument("code", required=False, metavar="[CODE]")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(RULES_FORMATS),
    default="table",
    show_default=True,
    help="table for reading, markdown for docs, json for tools.",
)
def rules_command(code: str | None, fmt: str) -> None:
    """List every rule, or print one rule's documentation.

    Without CODE: every code (AD000 included) with its name, default severity and
    when it fires. With CODE: that rule's What it checks / Why it matters / Example /
    Fix, its default severity and where to configure it.

    \b
    Examples:
      mkdocs-archdesign rules
      mkdocs-archdesign rules AD207
      mkdocs-archdesign rules --format markdown > docs/rules.md
      mkdocs-archdesign rules --format json

    \b
    Exit codes:
      0  printed
      2  usage error (an unknown CODE)
    """
    from mkdocs_archdesign.core.rules.docs import documented_rules  # noqa: PLC0415 - fast startup

    rules = documented_rules()
    if code is not None:
        from mkdocs_archdesign.cli.rule_help import rule_help  # noqa: PLC0415

        chosen = next((r for r in rules if r.code == code.strip().upper()), None)
        if chosen is None:
            fail(f"unknown rule code {code!r}; valid codes: {', '.join(r.code for r in rules)}")
        click.echo(rule_help(chosen, fmt), nl=False)
        return
    if fmt == "markdown":
        click.echo(rules_markdown(), nl=False)
    elif fmt == "json":
        click.echo(rules_json(rules), nl=False)
    else:
        click.echo(rules_table(rules), nl=False)
