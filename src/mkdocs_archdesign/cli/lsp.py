"""``lsp``: run the language server on standard input and output.

pygls is an optional extra, so it is imported only when the command runs; without it the
command says in one line how to install it and exits 2.
"""

from __future__ import annotations

import click

from mkdocs_archdesign.cli.common import fail

#: The one line printed when the ``lsp`` extra is not installed.
INSTALL_HINT = "the language server needs the 'lsp' extra: pip install 'mkdocs-archdesign[lsp]'"

#: Modules of the ``lsp`` extra; a missing one of these means the extra is absent.
EXTRA_MODULES = ("pygls", "lsprotocol", "cattrs")


@click.command("lsp")
@click.option(
    "--stdio",
    is_flag=True,
    default=True,
    hidden=True,
    help="Talk LSP over standard input and output (the default and only transport).",
)
def lsp_command(stdio: bool) -> None:
    """Run the language server for design documents (LSP over stdio).

    Editors start it and talk to it on standard input and output: diagnostics as you
    type (the same findings as `check`), hover for a finding's rule or a section's
    template, quick fixes, and an outline of the required sections. Every design of
    the project found from a document's folder (its mkdocs.yml, the same options and
    template as `check`) gets diagnostics; other Markdown files get none.

    \b
    Set-up for VS Code, Neovim and Helix: see the Editors page of the docs.

    \b
    Example (what an editor runs):
      mkdocs-archdesign lsp

    \b
    Exit codes:
      0  the client asked the server to exit
      2  the 'lsp' extra (pygls) is not installed
    """
    try:
        from mkdocs_archdesign.lsp.server import serve  # noqa: PLC0415 - optional extra
    except ModuleNotFoundError as exc:
        if (exc.name or "").split(".")[0] in EXTRA_MODULES:
            fail(INSTALL_HINT)
        raise
    serve()


COMMANDS: list[click.Command] = [lsp_command]
