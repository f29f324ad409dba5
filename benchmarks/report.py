"""Turn one benchmark run into targets, a terminal table, a Markdown table and a plot."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

#: The targets of issues 3, 4 and 7.
CHECK_SECONDS_1000 = 1.0
MARKDOWNLINT_RATIO = 10.0
BUILD_OVERHEAD_PCT = 3.0
SERVE_SHARE_PCT = 1.0


def _row(rows: list[dict[str, Any]], size: int) -> dict[str, Any] | None:
    return next((row for row in rows if row["designs"] == size), None)


def _finite(value: float | None) -> bool:
    return value is not None and not math.isnan(value)


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target with its measured value and whether it is met (``None``: not measured)."""
    check = _row(results["check"], 1000)
    build = _row(results["build"], 1000)
    serve = results["serve"] if results["serve"] and results["serve"]["designs"] == 1000 else None
    out: list[dict[str, Any]] = []

    def add(name: str, goal: str, value: float | None, met: bool | None, unit: str) -> None:
        out.append({"target": name, "goal": goal, "measured": value, "unit": unit, "met": met})

    value = check["check_s"] if check else None
    add(
        "check, 1,000 designs, whole process",
        f"< {CHECK_SECONDS_1000:g} s",
        value,
        value < CHECK_SECONDS_1000 if value is not None else None,
        "s",
    )
    ratio = check["markdownlint_ratio"] if check else None
    add(
        "check vs markdownlint-cli2, 1,000 designs",
        f">= {MARKDOWNLINT_RATIO:g}x faster",
        ratio if _finite(ratio) else None,
        ratio >= MARKDOWNLINT_RATIO if _finite(ratio) else None,
        "x",
    )
    overhead = build["overhead_pct"] if build else None
    add(
        "mkdocs build overhead, 1,000 designs",
        f"<= {BUILD_OVERHEAD_PCT:g} %",
        overhead,
        overhead <= BUILD_OVERHEAD_PCT if overhead is not None else None,
        "%",
    )
    share = serve["plugin_share_pct"] if serve else None
    add(
        "plugin share of a serve rebuild, 1,000 designs",
        f"<= {SERVE_SHARE_PCT:g} %",
        share,
        share <= SERVE_SHARE_PCT if share is not None else None,
        "%",
    )
    small, large = _row(results["check"], 1000), _row(results["check"], 10000)
    if small and large:
        per_design_kib = (large["check_rss_mib"] - small["check_rss_mib"]) * 1024 / 9000
        add(
            "check memory growth, 1,000 -> 10,000 designs",
            "summaries only (a few KiB/design)",
            per_design_kib,
            per_design_kib < 16,
            "KiB/design",
        )
    else:
        add(
            "check memory growth, 1,000 -> 10,000 designs",
            "summaries only",
            None,
            None,
            "KiB/design",
        )
    return out


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "—"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return str(value)


def _tables(results: dict[str, Any]) -> list[tuple[str, list[str], list[list[str]]]]:
    jobs = results["jobs"]
    check_rows = [
        [
            f"{row['designs']:,}",
            _fmt(row["check_s"], 3),
            f"{row['designs_per_s']:,.0f}",
            _fmt(row["check_rss_mib"], 1),
            _fmt(row["check_jobs_s"], 3),
            _fmt(row["jobs_speedup"]) + "x",
            _fmt(row.get("markdownlint_s"), 3),
            _fmt(row.get("markdownlint_rss_mib"), 1),
            _fmt(row["markdownlint_ratio"], 1) + "x",
        ]
        for row in results["check"]
    ]
    check_head = [
        "designs",
        "check s",
        "designs/s",
        "peak MiB",
        f"--jobs {jobs} s",
        "jobs speed-up",
        "markdownlint-cli2 s",
        "mdl peak MiB",
        "check faster by",
    ]
    build_rows = [
        [
            f"{row['designs']:,}",
            _fmt(row["off_s"]),
            _fmt(row["on_s"]),
            _fmt(row["overhead_pct"], 1) + " %",
            _fmt(row["off_rss_mib"], 0),
            _fmt(row["on_rss_mib"], 0),
        ]
        for row in results["build"]
    ]
    build_head = ["designs", "build off s", "build on s", "overhead", "off peak MiB", "on peak MiB"]
    serve = results["serve"]
    serve_rows = []
    if serve:
        serve_rows.append(
            [
                f"{serve['designs']:,}",
                _fmt(serve["first_off_s"]),
                _fmt(serve["first_on_s"]),
                _fmt(serve["rebuild_off_s"]),
                _fmt(serve["rebuild_on_s"]),
                _fmt(serve["hooks_s"], 3),
                _fmt(serve["plugin_share_pct"]) + " %",
            ]
        )
    serve_head = [
        "designs",
        "first build off s",
        "first build on s",
        "rebuild off s",
        "rebuild on s",
        "in plugin hooks s",
        "plugin share",
    ]
    target_rows = [
        [
            item["target"],
            item["goal"],
            _fmt(item["measured"]) + (f" {item['unit']}" if item["measured"] is not None else ""),
            {True: "met", False: "missed", None: "not measured"}[item["met"]],
        ]
        for item in results.get("targets", [])
    ]
    return [
        (f"check ({results['check_tool']}) vs markdownlint-cli2", check_head, check_rows),
        ("mkdocs build with Material, plugin off vs on", build_head, build_rows),
        ("serve: rebuild after saving one design", serve_head, serve_rows),
        ("targets", ["target", "goal", "measured", "verdict"], target_rows),
    ]


def render_table(results: dict[str, Any]) -> str:
    """Plain aligned tables for the terminal."""
    lines: list[str] = []
    for title, head, rows in _tables(results):
        lines.append("")
        lines.append(title)
        widths = [max(len(cell) for cell in column) for column in zip(head, *rows, strict=True)]
        for cells in (head, *rows):
            lines.append(
                "  ".join(cell.rjust(width) for cell, width in zip(cells, widths, strict=True))
            )
    return "\n".join(lines)


def render_markdown(results: dict[str, Any]) -> str:
    """The same tables in Markdown, ready to paste into docs/performance.md."""
    machine = results["machine"]
    parts = [
        f"Run {results['date']} on {machine['cpus']} CPUs, {machine['platform']}, "
        f"Python {machine['python']}, MkDocs {machine['mkdocs']}, "
        f"Material {machine['mkdocs-material']}, node {machine['node']}, "
        f"{machine['markdownlint-cli2']}. Rounds: {results['rounds']}.",
    ]
    for title, head, rows in _tables(results):
        parts.append(f"\n**{title}**\n")
        parts.append("| " + " | ".join(head) + " |")
        parts.append("|" + "|".join("---" for _ in head) + "|")
        parts.extend("| " + " | ".join(row) + " |" for row in rows)
    return "\n".join(parts) + "\n"


def write_plot(results: dict[str, Any], path: Path) -> None:
    """Time and peak memory against the number of designs, log-log (matplotlib, PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    check = results["check"]
    fig, (left, right) = plt.subplots(1, 2, figsize=(11, 4.2))
    sizes = [row["designs"] for row in check]
    left.plot(sizes, [row["check_s"] for row in check], "o-", label="check")
    left.plot(
        sizes,
        [row["check_jobs_s"] for row in check],
        "s--",
        label=f"check --jobs {results['jobs']}",
    )
    if any(_finite(row.get("markdownlint_s")) for row in check):
        left.plot(
            sizes,
            [row.get("markdownlint_s", math.nan) for row in check],
            "^-",
            label="markdownlint-cli2",
        )
    if results["build"]:
        build_sizes = [row["designs"] for row in results["build"]]
        left.plot(
            build_sizes,
            [row["off_s"] for row in results["build"]],
            "d:",
            label="mkdocs build (Material)",
        )
        left.plot(
            build_sizes,
            [row["on_s"] for row in results["build"]],
            "x:",
            label="mkdocs build + archdesign",
        )
    left.set(
        xscale="log", yscale="log", xlabel="designs", ylabel="wall time, s (median)", title="Time"
    )
    left.grid(True, which="both", alpha=0.3)
    left.legend(fontsize=8)
    right.plot(sizes, [row["check_rss_mib"] for row in check], "o-", label="check")
    if any(_finite(row.get("markdownlint_rss_mib")) for row in check):
        right.plot(
            sizes,
            [row.get("markdownlint_rss_mib", math.nan) for row in check],
            "^-",
            label="markdownlint-cli2",
        )
    right.set(xscale="log", xlabel="designs", ylabel="peak RSS, MiB", title="Memory")
    right.set_ylim(bottom=0)
    right.grid(True, which="both", alpha=0.3)
    right.legend(fontsize=8)
    fig.suptitle(
        f"mkdocs-archdesign growth ({results['machine']['cpus']} CPUs, {results['date'][:10]})"
    )
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)
