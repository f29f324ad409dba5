"""Worst-case inputs: the hostile shapes of issue 15, each at two sizes, through the real CLI.

Each shape is a complete design with one hostile construct grown to ``size`` characters
(or, for the template, ``size`` required sections). It is run through ``check`` (and the
status-line shape through ``review --dry-run``) as a real process at ``size`` and at
``2 * size``; linear work roughly doubles, quadratic work quadruples. The ratio is
reported, not asserted: tests/hardening/test_linear_time.py holds the regression tests.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.measure import Sample, run_measured

REPO = Path(__file__).resolve().parent.parent
COMPLETE = REPO / "tests" / "fixtures" / "complete" / "order-service-design.md"


def _with(extra: str) -> str:
    return COMPLETE.read_text(encoding="utf-8") + "\n" + extra + "\n"


#: shape name -> (what it exercises, design text for a size)
SHAPES: dict[str, tuple[str, Callable[[int], str]]] = {
    "concurrency-digits": (
        "throughput patterns (rules/content)",
        lambda n: _with("## Concurrency Notes\n\nThroughput " + "1" * n + " x\n"),
    ),
    "atx-heading-spaces": ("_ATX_RE (scanner)", lambda n: _with("## x" + " " * n + "y")),
    "fence-info-spaces": (
        "_FENCE_RE (scanner)",
        lambda n: _with("```" + " " * n + "x\ncode\n```"),
    ),
    "table-delimiter-spaces": (
        "_TABLE_DELIM_RE (scanner)",
        lambda n: _with("| a | b |\n|" + " " * n + "---|---|\n| 1 | 2 |"),
    ),
    "api-long-argument": (
        "_ANNOTATION_RE (rules/level2)",
        lambda n: _with("## API Notes\n\n- `create(order: " + "a" * n + ")`"),
    ),
}


def _status_padded(n: int) -> str:
    text = COMPLETE.read_text(encoding="utf-8")
    text = text.replace("status: Approved", "status: Pending Review" + " " * n + "x", 1)
    return text.replace("**Status**: Approved", "**Status**: Pending Review", 1)


def _template(n: int) -> str:
    return "# {{ title }}\n\n" + "".join(f"## Area {i}\n\nGuidance.\n\n" for i in range(n))


def _run(argv: list[str], cwd: Path, env: dict[str, str]) -> Sample:
    return run_measured(argv, cwd, ok_codes=(0, 1, 2), env=env)


def bench_worst_case(
    check_argv: list[str], workdir: Path, size: int, env: dict[str, str]
) -> list[dict[str, Any]]:
    """Time every worst-case shape at ``size`` and ``2 * size``.

    Args:
        check_argv: The ``mkdocs-archdesign`` command (without a subcommand).
        workdir: Where the generated projects go (recreated).
        size: The smaller size.
        env: The environment for the measured processes.

    Returns:
        One row per shape: its name, what it exercises, seconds at both sizes, the ratio.
    """
    root = workdir / "worst-case"
    shutil.rmtree(root, ignore_errors=True)
    rows = []
    cases: list[tuple[str, str, Callable[[int, Path], list[str]]]] = []
    for name, (what, make) in SHAPES.items():

        def check_case(n: int, folder: Path, make: Callable[[int], str] = make) -> list[str]:
            (folder / "docs" / "design").mkdir(parents=True)
            (folder / "docs" / "design" / "order-service-design.md").write_text(make(n))
            return [*check_argv, "check", "docs/design"]

        cases.append((name, what, check_case))

    def review_case(n: int, folder: Path) -> list[str]:
        (folder / "docs" / "design").mkdir(parents=True)
        (folder / "docs" / "design" / "order-service-design.md").write_text(_status_padded(n))
        design = "docs/design/order-service-design.md"
        return [*check_argv, "review", design, "request", "--dry-run"]

    def template_case(n: int, folder: Path) -> list[str]:
        designs = folder / "docs" / "design"
        designs.mkdir(parents=True)
        for i in range(7):
            (designs / f"d{i}-design.md").write_text(COMPLETE.read_text(encoding="utf-8"))
        (folder / "template.md").write_text(_template(n // 10))
        return [*check_argv, "check", "docs/design", "--template", "template.md"]

    cases.append(("status-line-spaces", "_SCALAR_LINE_RE (review --dry-run)", review_case))
    cases.append(
        ("template-sections", "template matching, 7 designs (size/10 sections)", template_case)
    )
    for name, what, case in cases:
        seconds = []
        for n in (size, 2 * size):
            folder = root / f"{name}-{n}"
            argv = case(n, folder)
            seconds.append(_run(argv, folder, env).seconds)
        rows.append(
            {
                "shape": name,
                "exercises": what,
                "size": size,
                "seconds": seconds[0],
                "seconds_double": seconds[1],
                "ratio": seconds[1] / seconds[0] if seconds[0] else None,
            }
        )
    return rows


def render_worst_case(rows: list[dict[str, Any]]) -> str:
    """The worst-case rows as a Markdown table."""
    lines = [
        "| shape | exercises | n | s at n | s at 2n | 2n/n |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for row in rows:
        ratio = f"{row['ratio']:.2f}" if row["ratio"] else "-"
        lines.append(
            f"| {row['shape']} | {row['exercises']} | {row['size']} | "
            f"{row['seconds']:.2f} | {row['seconds_double']:.2f} | {ratio} |"
        )
    return "\n".join(lines) + "\n"
