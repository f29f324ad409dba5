"""``catalog``: print the architecture catalog from the sources, without building the site.

The JSON form equals the ``catalog.json`` that the plugin writes into the built site
(only ``generated`` differs): both come from :mod:`mkdocs_archdesign.core.catalog.model`, and
page URLs follow the config's ``use_directory_urls`` exactly as MkDocs computes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from mkdocs_archdesign.cli.common import (
    EXIT_CODES_HELP,
    config_option,
    design_files,
    design_root,
    fail,
    lists_designs,
    load_level2_template,
    load_project,
    load_project_template,
    output_option,
    split_project_files,
    template_option,
    write_output,
)

CATALOG_FORMATS = ("json", "csv", "markdown")


def use_directory_urls(config_path: Path | None) -> bool:
    """Read MkDocs' ``use_directory_urls`` (default true) from the project config.

    Args:
        config_path: The ``mkdocs.yml`` in force, or ``None``.

    Returns:
        The option's value; a non-boolean value exits 2.
    """
    if config_path is None:
        return True
    from mkdocs_archdesign.core.config.project import (  # noqa: PLC0415 - fast startup
        ProjectConfigError,
        load_yaml_with_inherit,
    )

    try:
        value = load_yaml_with_inherit(config_path).get("use_directory_urls", True)
    except ProjectConfigError as exc:
        fail(str(exc))
    if not isinstance(value, bool):
        fail(f"{config_path}: use_directory_urls: expected true or false")
    return value


def render_catalog(
    paths: Sequence[str], fmt: str, config_path: str | None, template_path: str | None
) -> str:
    """Validate the designs and render the catalog in ``fmt``.

    Args:
        paths: Files or folders; empty means the config's ``designs`` under ``docs_dir``.
        fmt: ``json``, ``csv`` or ``markdown``.
        config_path: ``--config``, or ``None`` for the nearest ``mkdocs.yml`` upward.
        template_path: ``--template`` override, or ``None``.

    Returns:
        The rendered catalog.
    """
    from mkdocs_archdesign.core.catalog.model import (  # noqa: PLC0415 - fast startup
        build_catalog,
        catalog_csv,
        catalog_json,
        catalog_markdown,
    )
    from mkdocs_archdesign.core.validation.corpus import check_files  # noqa: PLC0415
    from mkdocs_archdesign.core.validation.specs import check_spec_files  # noqa: PLC0415

    project = load_project(config_path)
    template = load_project_template(project, template_path)
    designs, specs = split_project_files(project, design_files(project, paths))
    listed = lists_designs(project, paths)
    # Paths relative to the docs folder, as the plugin reports them (File.src_uri).
    summaries = check_files(
        designs,
        template,
        project.settings,
        base=project.docs_dir,
        root=design_root(project),
        listed=listed,
    )
    spec_results = check_spec_files(
        specs,
        summaries,
        load_level2_template(project),
        project.settings,
        base=project.docs_dir,
        listed=listed,
    )
    catalog = build_catalog(summaries, use_directory_urls(project.path), spec_results)
    if fmt == "csv":
        return catalog_csv(catalog)
    if fmt == "markdown":
        return catalog_markdown(catalog)
    return catalog_json(catalog)


@click.command("catalog", epilog=EXIT_CODES_HELP)
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CATALOG_FORMATS),
    default="json",
    show_default=True,
    help="json (same as the built site's catalog.json), csv, or a markdown table.",
)
@output_option
@config_option
@template_option
def catalog_command(
    paths: tuple[str, ...],
    fmt: str,
    output: str | None,
    config_path: str | None,
    template_path: str | None,
) -> None:
    """Print the architecture catalog: every design, its status, owner and findings.

    Reads the sources (no site build). Without PATHS, the designs are the plugin's
    `designs` globs under docs_dir from the nearest mkdocs.yml upward (or --config),
    else docs/design.
    Paths in the output are relative to the docs folder, URLs follow mkdocs.yml's
    use_directory_urls, so `--format json` equals the site's catalog.json except for
    the `generated` time.

    \b
    Examples:
      mkdocs-archdesign catalog > catalog.json
      mkdocs-archdesign catalog --format csv -o designs.csv
      mkdocs-archdesign catalog --format markdown docs/design/payments
    """
    write_output(render_catalog(paths, fmt, config_path, template_path), output)
