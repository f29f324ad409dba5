"""The ``mkdocs-archdesign`` command line: a thin click adapter over the core.

Exit codes (the same for every command):

* ``0`` success, or no finding at or above ``--fail-on``;
* ``1`` findings at or above ``--fail-on``, a refused review transition, or a failed gate;
* ``2`` usage or I/O error: a path that does not exist, an unreadable config or template.
"""

from __future__ import annotations

import click

from mkdocs_archdesign import __version__
from mkdocs_archdesign.cli import catalog, check, handoff, review, scaffold


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
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

    Exit codes: 0 ok, 1 findings or refused transition, 2 usage or I/O error.
    """


for _module in (scaffold, check, review, handoff, catalog):
    for _command in _module.COMMANDS:
        main.add_command(_command)
