"""The benchmark: ``check`` vs markdownlint-cli2, build overhead, serve rebuilds, growth.

Run it with ``make bench`` or ``.venv/bin/python -m benchmarks`` (``--help`` for options).
Every comparison is measured side by side in one run (rounds interleaved), and the table,
``benchmarks/results/latest.json`` and ``docs/assets/performance/growth.png`` all come
from that one run. No figure here is a pass/fail test: the smoke test only checks that the
tooling works.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.corpus import GeneratedSite, design_name, generate_site
from benchmarks.measure import QUIET_ENV, RunFailed, Sample, median, run_measured
from benchmarks.report import render_markdown, render_table, targets, write_plot
from benchmarks.worst_case import bench_worst_case, render_worst_case

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
MARKDOWNLINT = HERE / "node_modules" / ".bin" / "markdownlint-cli2"


@dataclass(frozen=True, slots=True)
class Options:
    """What to measure and where to write it."""

    sizes: tuple[int, ...]
    build_sizes: tuple[int, ...]
    serve_size: int
    rounds: int
    build_rounds: int
    serve_rounds: int
    jobs: int
    worst_case_size: int
    workdir: Path
    output: Path
    plot: Path
    markdown: Path


@dataclass(frozen=True, slots=True)
class CheckTool:
    """How ``check`` is invoked: the real command, or the core stand-in if it is missing."""

    label: str
    argv: tuple[str, ...]
    jobs_flag: bool

    def command(self, jobs: int) -> list[str]:
        if self.label == "mkdocs-archdesign check":
            extra = ["--jobs", str(jobs)] if self.jobs_flag else []
            return [*self.argv, "docs/design", *extra]
        return [*self.argv, "docs/design", str(jobs)]


def parse_args(argv: list[str] | None) -> Options:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, one round (smoke test)")
    parser.add_argument("--sizes", help="check sizes, comma-separated (default 100,1000,10000)")
    parser.add_argument("--build-sizes", help="mkdocs build sizes (default 100,1000)")
    parser.add_argument("--serve-size", type=int, help="designs in the serve site (default 1000)")
    parser.add_argument("--rounds", type=int, help="check rounds per tool (default 5)")
    parser.add_argument("--build-rounds", type=int, help="build rounds per variant (default 3)")
    parser.add_argument("--serve-rounds", type=int, help="rebuilds after the first (default 3)")
    parser.add_argument("--jobs", type=int, default=2, help="the --jobs value compared to 1")
    parser.add_argument(
        "--worst-case-size",
        type=int,
        help="size of each worst-case input, 0 to skip (default 20000; --quick 1000)",
    )
    parser.add_argument("--workdir", type=Path, default=HERE / ".corpus")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--markdown", type=Path, default=HERE / "results" / "latest.md")
    parser.add_argument(
        "--plot", type=Path, default=REPO / "docs" / "assets" / "performance" / "growth.png"
    )
    args = parser.parse_args(argv)

    def sizes(
        text: str | None, default: tuple[int, ...], quick: tuple[int, ...]
    ) -> tuple[int, ...]:
        if text:
            return tuple(int(part) for part in text.split(",") if part.strip())
        return quick if args.quick else default

    def pick(value: int | None, default: int, quick: int) -> int:
        if value is not None:
            return value
        return quick if args.quick else default

    return Options(
        sizes=sizes(args.sizes, (100, 1000, 10000), (10, 30)),
        build_sizes=sizes(args.build_sizes, (100, 1000), (10,)),
        serve_size=pick(args.serve_size, 1000, 10),
        rounds=pick(args.rounds, 5, 1),
        build_rounds=pick(args.build_rounds, 3, 1),
        serve_rounds=pick(args.serve_rounds, 3, 1),
        jobs=args.jobs,
        worst_case_size=pick(args.worst_case_size, 20000, 1000),
        workdir=args.workdir,
        output=args.output,
        plot=args.plot,
        markdown=args.markdown,
    )


def find_check_tool() -> CheckTool:
    """The real ``check`` command if it is implemented, else the core stand-in."""
    exe = Path(sys.executable).parent / "mkdocs-archdesign"
    probe = subprocess.run(
        [str(exe), "check", "--help"], capture_output=True, text=True, check=False
    )
    if probe.returncode == 0:
        return CheckTool("mkdocs-archdesign check", (str(exe), "check"), "--jobs" in probe.stdout)
    return CheckTool(
        "core stand-in (check command missing)",
        (sys.executable, "-m", "benchmarks.core_check"),
        True,
    )


def child_env(options: Options) -> dict[str, str]:
    """The environment of measured processes: ``benchmarks`` importable, bytecode cached.

    A user's ``pip install`` byte-compiles the package; the editable install here does not,
    and ``PYTHONDONTWRITEBYTECODE`` (set by the Makefile and many CI images) would make
    every measured process compile every module again (about 0.15 s per ``check``). The
    bytecode goes to a cache folder inside the work folder, never into ``src/``; the
    untimed warm-up run fills it.
    """
    path = os.environ.get("PYTHONPATH", "")
    return {
        "PYTHONPATH": f"{REPO}{os.pathsep}{path}" if path else str(REPO),
        # An empty value counts as unset for Python.
        "PYTHONDONTWRITEBYTECODE": "",
        "PYTHONPYCACHEPREFIX": str((options.workdir / ".pycache").resolve()),
    }


def site_for(options: Options, size: int) -> GeneratedSite:
    root = options.workdir / f"site-{size}"
    return generate_site(root, size)


def bench_check(options: Options, tool: CheckTool, size: int) -> dict[str, Any]:
    """Whole-process ``check`` (jobs 1 and N) and markdownlint-cli2, interleaved per round."""
    site = site_for(options, size)
    env = child_env(options)
    variants: dict[str, list[str]] = {
        "check": tool.command(1),
        "check_jobs": tool.command(options.jobs),
    }
    if MARKDOWNLINT.exists():
        variants["markdownlint"] = [str(MARKDOWNLINT), "docs/design/**/*.md"]
    samples: dict[str, list[Sample]] = {name: [] for name in variants}
    # One untimed run each, so every tool meets a warm page cache and compiled bytecode.
    for argv in variants.values():
        run_measured(argv, site.root, ok_codes=(0, 1), env=env)
    for _ in range(options.rounds):
        for name, argv in variants.items():
            samples[name].append(run_measured(argv, site.root, ok_codes=(0, 1), env=env))
    row: dict[str, Any] = {"designs": size, "lines": site.lines}
    for name, runs in samples.items():
        row[f"{name}_s"] = median([s.seconds for s in runs])
        row[f"{name}_rss_mib"] = median([s.peak_mib for s in runs])
        row[f"{name}_samples"] = [round(s.seconds, 4) for s in runs]
    row["designs_per_s"] = size / row["check_s"]
    row["jobs_speedup"] = row["check_s"] / row["check_jobs_s"]
    row["markdownlint_ratio"] = row.get("markdownlint_s", float("nan")) / row["check_s"]
    return row


def bench_build(options: Options, size: int) -> dict[str, Any]:
    """``mkdocs build`` with and without the plugin, rounds interleaved A B / B A."""
    site = site_for(options, size)
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    argv = {
        "on": [mkdocs, "build", "-q", "-f", site.config_on.name],
        "off": [mkdocs, "build", "-q", "-f", site.config_off.name],
    }
    samples: dict[str, list[Sample]] = {"on": [], "off": []}
    env = child_env(options)
    # One untimed build each fills the bytecode cache and the page cache for both variants.
    for name in ("on", "off"):
        run_measured(argv[name], site.root, env=env)
    for number in range(options.build_rounds):
        # Alternate the order so slow drift (other load, thermal) hits both variants alike.
        order = ("on", "off") if number % 2 == 0 else ("off", "on")
        for name in order:
            samples[name].append(run_measured(argv[name], site.root, env=env))
    on = median([s.seconds for s in samples["on"]])
    off = median([s.seconds for s in samples["off"]])
    return {
        "designs": size,
        "on_s": on,
        "off_s": off,
        "overhead_pct": (on - off) / off * 100,
        "on_rss_mib": median([s.peak_mib for s in samples["on"]]),
        "off_rss_mib": median([s.peak_mib for s in samples["off"]]),
        "on_samples": [round(s.seconds, 3) for s in samples["on"]],
        "off_samples": [round(s.seconds, 3) for s in samples["off"]],
    }


def bench_serve(options: Options) -> dict[str, Any]:
    """Rebuild-after-save times in an emulated ``mkdocs serve``, plugin on and off."""
    site = site_for(options, options.serve_size)
    design = site.designs / f"{design_name(options.serve_size // 2)}-design.md"
    results: dict[str, Any] = {}
    for name, config in (("on", site.config_on), ("off", site.config_off)):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "benchmarks.serve_probe",
                str(config),
                str(design),
                str(options.serve_rounds),
            ],
            cwd=site.root,
            capture_output=True,
            text=True,
            env={**os.environ, **QUIET_ENV, **child_env(options)},
            check=False,
        )
        if done.returncode != 0:
            raise RunFailed(f"serve probe ({name}) exited {done.returncode}: {done.stderr[-800:]}")
        results[name] = json.loads(done.stdout.strip().splitlines()[-1])
    on = median(results["on"]["rebuilds"])
    off = median(results["off"]["rebuilds"])
    hooks = median(results["on"]["hooks"])
    return {
        "designs": options.serve_size,
        "first_on_s": results["on"]["first"],
        "first_off_s": results["off"]["first"],
        "rebuild_on_s": on,
        "rebuild_off_s": off,
        "hooks_s": hooks,
        "plugin_share_pct": hooks / on * 100,
        "on_vs_off_pct": (on - off) / off * 100,
        "plugin_persistent": results["on"]["persistent"],
        "on_samples": [round(s, 3) for s in results["on"]["rebuilds"]],
        "off_samples": [round(s, 3) for s in results["off"]["rebuilds"]],
        "hooks_samples": [round(s, 4) for s in results["on"]["hooks"]],
        "first_hooks_s": results["on"].get("first_hooks", float("nan")),
        # Seconds inside each of the plugin's event handlers, summed over the rebuilds.
        "hooks_by_event": results["on"].get("events", {}),
    }


def machine() -> dict[str, Any]:
    from importlib.metadata import PackageNotFoundError, version

    def pkg(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "missing"

    node = shutil.which("node")
    node_version = (
        subprocess.run(
            [node, "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if node
        else "missing"
    )
    mdl = "missing"
    if MARKDOWNLINT.exists():
        head = subprocess.run(
            [str(MARKDOWNLINT), "--help"], capture_output=True, text=True, check=False
        )
        mdl = (head.stdout or head.stderr).splitlines()[0] if (head.stdout or head.stderr) else "?"
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "mkdocs": pkg("mkdocs"),
        "mkdocs-material": pkg("mkdocs-material"),
        "node": node_version,
        "markdownlint-cli2": mdl,
    }


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    options.workdir.mkdir(parents=True, exist_ok=True)
    tool = find_check_tool()
    linter = "yes" if MARKDOWNLINT.exists() else "not installed (run npm ci in benchmarks/)"
    print(f"check tool: {tool.label}; markdownlint-cli2: {linter}", flush=True)
    results: dict[str, Any] = {
        "version": 1,
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "machine": machine(),
        "check_tool": tool.label,
        "check_jobs_flag": tool.jobs_flag,
        "jobs": options.jobs,
        "rounds": {
            "check": options.rounds,
            "build": options.build_rounds,
            "serve": options.serve_rounds,
        },
        "check": [],
        "build": [],
        "serve": None,
    }
    try:
        for size in options.sizes:
            print(f"check: {size} designs ...", flush=True)
            results["check"].append(bench_check(options, tool, size))
        for size in options.build_sizes:
            print(f"build: {size} designs, plugin on/off ...", flush=True)
            results["build"].append(bench_build(options, size))
        if options.serve_size > 0:
            print(f"serve: {options.serve_size} designs ...", flush=True)
            results["serve"] = bench_serve(options)
        if options.worst_case_size > 0:
            print(f"worst-case inputs: n={options.worst_case_size} and 2n ...", flush=True)
            check_argv = [str(Path(sys.executable).parent / "mkdocs-archdesign")]
            results["worst_case"] = bench_worst_case(
                check_argv, options.workdir, options.worst_case_size, child_env(options)
            )
    except RunFailed as exc:
        print(f"benchmark failed: {exc}", file=sys.stderr)
        return 1
    results["targets"] = targets(results)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    options.markdown.parent.mkdir(parents=True, exist_ok=True)
    options.markdown.write_text(render_markdown(results), encoding="utf-8")
    write_plot(results, options.plot)
    print(render_table(results))
    if results.get("worst_case"):
        print("\nWorst-case inputs (issue 15):\n" + render_worst_case(results["worst_case"]))
    print(f"wrote {options.output}, {options.markdown} and {options.plot}")
    return 0
