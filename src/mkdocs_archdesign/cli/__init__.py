"""The ``mkdocs-archdesign`` command line: a thin click adapter over the core.

Exit codes (the same for every command):

* ``0`` success, or no finding at or above ``--fail-on``;
* ``1`` findings at or above ``--fail-on``, a refused review transition, or a failed gate;
* ``2`` usage or I/O error: a path that does not exist, an unreadable config or template.
"""

from __future__ import annotations

import importlib

import click

from mkdocs_archdesign import __version__

#: Every command: name -> ("module:attribute", the one-line help ``--help`` lists).
#: ``mkdocs-archdesign --help`` reads this table and imports no command module; a command's
#: module is imported only when that command runs (or shows its own help). A test checks
#: each help line against the command's own ``short_help``, so the table cannot drift.
COMMANDS: dict[str, tuple[str, str]] = {
    "catalog": (
        "mkdocs_archdesign.cli.catalog:catalog_command",
        "Print the architecture catalog: every design, its status, owner and findings.",
    ),
    "check": (
        "mkdocs_archdesign.cli.check:check_command",
        "Validate designs against the template and the AD rule catalog.",
    ),
    "handoff": (
        "mkdocs_archdesign.cli.handoff:handoff_command",
        "Hand an approved Level 1 design to the api-designer: write its Level 2 spec.",
    ),
    "init": (
        "mkdocs_archdesign.cli.scaffold:init_command",
        "Create a starter site: mkdocs.yml, docs/index.md and one example design.",
    ),
    "lsp": (
        "mkdocs_archdesign.cli.lsp:lsp_command",
        "Run the language server for design documents (LSP over stdio).",
    ),
    "new": (
        "mkdocs_archdesign.cli.scaffold:new_command",
        "Scaffold a new design from the template and print its path.",
    ),
    "review": (
        "mkdocs_archdesign.cli.review:review_command",
        "Move a design through review, recorded in the design itself.",
    ),
    "rules": (
        "mkdocs_archdesign.cli.check:rules_command",
        "List every rule, or print one rule's documentation.",
    ),
    "status": (
        "mkdocs_archdesign.cli.review:status_command",
        "Show each design's review status and whether it is ready for handoff.",
    ),
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """The command names, sorted as click lists them."""
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Import and return the command, or ``None`` for an unknown name."""
        entry = COMMANDS.get(cmd_name)
        if entry is None:
            return None
        module, _, attribute = entry[0].partition(":")
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{entry[0]} is not a click command")
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """List the commands from the table, without importing them."""
        names = self.list_commands(ctx)
        # The same truncation as click's own listing, so the output is unchanged.
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = [
            (name, click.Command(name, help=COMMANDS[name][1]).get_short_help_str(limit))
            for name in names
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.version_option(__version__, "-V", "--version", prog_name="mkdocs-archdesign")
def main() -> None:
    """Scaffold, validate, review and catalog Level 1 architecture designs.

    Designs are Markdown pages (by default docs/design/*.md) written from a template
    whose level-2 headings are the required sections. Every command reads the
    archdesign plugin's options from the nearest mkdocs.yml (this folder or above).

    \b
    Typical flow:
      mkdocs-archdesign new "Order Service"     # scaffold docs/design/order-service-design.md
      mkdocs-archdesign check                   # validate every design (exit 1 on errors)
      mkdocs-archdesign review PATH request     # Draft -> Pending Review
      mkdocs-archdesign review PATH approve --reviewer @lead
      mkdocs-archdesign handoff PATH            # write the Level 2 API spec
      mkdocs-archdesign catalog --format markdown
      mkdocs-archdesign lsp                     # the language server, for editors

    Exit codes: 0 ok, 1 findings or refused transition, 2 usage or I/O error.
    """
