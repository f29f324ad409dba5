"""A stand-in for ``mkdocs-archdesign check`` while the command is not there yet.

It runs the same core (discover, validate as one corpus, count findings) in a fresh
process, so the benchmark still measures the validator; the results name which one ran.

Usage: ``python -m benchmarks.core_check PATH [JOBS]``; exit 0 always (findings are counted).
"""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from mkdocs_archdesign.core.config.settings import Settings
    from mkdocs_archdesign.core.document.template import load_template
    from mkdocs_archdesign.core.validation.corpus import discover
    from mkdocs_archdesign.core.validation.parallel import check_files_parallel

    root = Path(argv[0])
    jobs = int(argv[1]) if len(argv) > 1 else 1
    files = discover([root])
    summaries = check_files_parallel(files, load_template(None), Settings(), jobs)
    findings = sum(len(summary.findings) for summary in summaries)
    print(f"{len(summaries)} designs, {findings} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
