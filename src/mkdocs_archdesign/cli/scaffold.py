"""``new`` and ``init``: scaffold a design, or a whole starter site.

Both refuse rather than overwrite, and report refusals as one line with exit 2.
Jinja2 and the core scaffolder are imported inside the commands for fast startup.
"""

from __future__ import annotations

import datetime
import getpass
from pathlib import Path

import click

from mkdocs_archdesign.cli.common import (
    config_option,
    fail,
    load_project,
    load_project_template,
    template_option,
)

#: Used when the login name cannot be determined (no passwd entry in a container).
FALLBACK_OWNER = "@owner"


def default_owner() -> str:
    """``@`` and the login name, the usual handle form in the seed's front matter."""
    try:
        return f"@{getpass.getuser()}"
    except (KeyError, OSError):
        return FALLBACK_OWNER


def shown(path: Path) -> str:
    """``path`` relative to the current folder when inside it, for printing."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def _owner_option(function: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--owner",
        default=None,
        metavar="HANDLE",
        help="Design owner for the front matter (default: @ and your login name).",
    )(function)


def _date_option(function: click.decorators.FC) -> click.decorators.FC:
    return click.option(
        "--date",
        "date_value",
        default=None,
        metavar="YYYY-MM-DD",
        help="Creation date passed to the template as {{ date }} (default: today).",
    )(function)


@click.command("new")
@click.argument("title")
@click.option(
    "--module",
    default=None,
    metavar="NAME",
    help="Python module the design is for (default: the title in snake_case).",
)
@_owner_option
@click.option(
    "--docs-dir",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    metavar="DIR",
    help="Docs folder (default: docs_dir of the nearest mkdocs.yml upward, else docs).",
)
@template_option
@config_option
@click.option("--force", is_flag=True, help="Overwrite the design file if it exists.")
@_date_option
def new_command(
    title: str,
    module: str | None,
    owner: str | None,
    docs_dir: str | None,
    template_path: str | None,
    config_path: str | None,
    force: bool,
    date_value: str | None,
) -> None:
    """Scaffold a new design from the template and print its path.

    The file is <docs-dir>/<folder>/<slug>-design.md, where the folder is the
    literal start of the plugin's first `designs` glob (design/ by default) and
    the slug is the title in lower case with hyphens; the slug is the design's id.
    The file is written completely or not at all.

    \b
    Examples:
      mkdocs-archdesign new "Order Service"
      mkdocs-archdesign new "Order Service" --module orders.service --owner @alice
      mkdocs-archdesign new "Payments" --template templates/madr.md --docs-dir site-docs

    \b
    Exit codes:
      0  written (the path is printed)
      2  refused: file exists (without --force), empty title, a title that is a
         path (../x, /abs), unknown template, unreadable config
    """
    from mkdocs_archdesign.core.scaffold import design as scaffold  # noqa: PLC0415 - fast startup

    project = load_project(config_path)
    try:
        slug = scaffold.validate_title(title)
        request = scaffold.DesignRequest(
            title=title.strip(),
            module=scaffold.validate_module(module) if module is not None else _module_for(title),
            owner=owner if owner is not None else default_owner(),
            date=_date(date_value),
        )
        template = load_project_template(project, template_path)
        root = Path(docs_dir) if docs_dir is not None else _docs_dir(project.path, project.docs_dir)
        folder = scaffold.design_folder(list(project.settings.designs))
        path = scaffold.new_design_path(root, folder, slug)
        text = scaffold.render_design(template.source, request, template.origin)
        scaffold.write_new_file(path, text, force=force)
    except scaffold.ScaffoldError as exc:
        fail(str(exc))
    click.echo(shown(path))


def _module_for(title: str) -> str:
    from mkdocs_archdesign.core.scaffold.design import module_name  # noqa: PLC0415

    # A title with no ASCII letters still needs an importable placeholder name.
    return module_name(title) or "module"


def _date(value: str | None) -> str:
    from mkdocs_archdesign.core.scaffold.design import validate_date  # noqa: PLC0415

    if value is None:
        return datetime.date.today().isoformat()
    return validate_date(value)


def _docs_dir(config: Path | None, configured: Path) -> Path:
    # Without a mkdocs.yml the docs folder is ./docs, shown relative in messages.
    return configured if config is not None else Path("docs")


@click.command("init")
@click.argument("directory", required=False, default=".", type=click.Path(path_type=str))
@click.option(
    "--site-name",
    default=None,
    metavar="NAME",
    help="site_name of the new site (default: from the folder name).",
)
@_owner_option
@_date_option
def init_command(
    directory: str, site_name: str | None, owner: str | None, date_value: str | None
) -> None:
    """Create a starter site: mkdocs.yml, docs/index.md and one example design.

    The mkdocs.yml uses Material for MkDocs, the archdesign plugin and mermaid
    diagrams through pymdownx.superfences (rendered in the browser, so the build
    needs no network). Nothing is overwritten: if any of the files exists, nothing
    is written.

    \b
    Examples:
      mkdocs-archdesign init
      mkdocs-archdesign init architecture --site-name "Payments Architecture"

    \b
    Exit codes:
      0  site written (the files are printed)
      2  refused: DIR/mkdocs.yml (or another target file) exists, or DIR is a file
    """
    from mkdocs_archdesign.core.document.template import default_template_source  # noqa: PLC0415
    from mkdocs_archdesign.core.scaffold import design as scaffold  # noqa: PLC0415 - fast startup

    root = Path(directory)
    if root.exists() and not root.is_dir():
        fail(f"not a folder: {root}")
    if (root / scaffold.INIT_CONFIG).exists():
        fail(f"refusing to overwrite existing {root / scaffold.INIT_CONFIG}")
    name = site_name or _site_name(root)
    try:
        request = scaffold.DesignRequest(
            title=scaffold.INIT_EXAMPLE_TITLE,
            module=scaffold.module_name(scaffold.INIT_EXAMPLE_TITLE),
            owner=owner if owner is not None else default_owner(),
            date=_date(date_value),
        )
        files = scaffold.init_files(name, default_template_source(), request)
        written = scaffold.write_site(root, files)
    except scaffold.ScaffoldError as exc:
        fail(str(exc))
    for path in written:
        click.echo(shown(path))
    # On stderr, so stdout stays the list of written files for scripts.
    click.echo(_next_steps(root), err=True)


def _next_steps(root: Path) -> str:
    """What to run next, including the one install the starter site may still need."""
    import importlib.util  # noqa: PLC0415 - only init needs it

    steps = []
    if root.resolve() != Path.cwd().resolve():
        steps.append(f"cd {shown(root)}")
    if importlib.util.find_spec("material") is None:
        steps.append("pip install mkdocs-material    # the starter site's theme")
    steps.append("mkdocs serve                   # then open http://127.0.0.1:8000/")
    steps.append("mkdocs-archdesign check        # the same findings, from the command line")
    return "Next steps:\n" + "\n".join(f"  {step}" for step in steps)


def _site_name(root: Path) -> str:
    words = root.resolve().name.replace("-", " ").replace("_", " ").split()
    return " ".join(word.capitalize() for word in words) + " Architecture" if words else "Designs"


COMMANDS: list[click.Command] = [new_command, init_command]
