"""Run the command line as ``python -m mkdocs_archdesign``."""

from mkdocs_archdesign.cli import main

if __name__ == "__main__":
    main(prog_name="mkdocs-archdesign")
