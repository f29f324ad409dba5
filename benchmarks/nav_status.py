"""The plugin's share of ``mkdocs build`` on a Material site, per ``nav_status`` setting.

Usage: ``.venv/bin/python -m benchmarks.nav_status 300 --rounds 3``.

Variants, built in one run with the order rotated every round so drift hits all alike:
``off`` (no plugin), ``default`` (the plugin with default options: ``nav_status: auto``,
which is off past 50 designs), ``nav`` (``nav_status: true``: every design's icon in every
page's nav) and ``tags`` (no archdesign, Material's tags plugin: the reference row). Prints
medians, overheads against ``off`` (wall time, and CPU time of the build process, which
another job on a shared machine disturbs far less) and the HTML size of each variant's site.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from benchmarks.corpus import generate_site
from benchmarks.measure import median, run_measured

HERE = Path(__file__).resolve().parent


def variant_configs(root: Path, config_on: Path, config_off: Path) -> dict[str, Path]:
    """Write the four mkdocs.yml variants next to the generated ones."""
    on = config_on.read_text(encoding="utf-8")
    off = config_off.read_text(encoding="utf-8")
    nav = on.replace("fail_on: never", "fail_on: never\n      nav_status: true")
    tags = off.replace("plugins:\n  - search\n", "plugins:\n  - search\n  - tags\n")
    if nav == on or tags == off:
        raise SystemExit("the generated mkdocs.yml changed shape; update benchmarks/nav_status.py")
    paths = {"off": config_off, "default": config_on}
    for name, text in (("nav", nav), ("tags", tags)):
        path = root / f"mkdocs-{name}.yml"
        path.write_text(text, encoding="utf-8")
        paths[name] = path
    return paths


def html_mib(site_dir: Path) -> float:
    return sum(p.stat().st_size for p in site_dir.rglob("*.html")) / 2**20


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.nav_status")
    parser.add_argument("designs", type=int)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=HERE / ".corpus")
    parser.add_argument(
        "--variants",
        default="off,default,nav,tags",
        help="comma-separated subset to build (off is always built: it is the baseline)",
    )
    args = parser.parse_args(argv)
    site = generate_site(args.workdir / f"site-{args.designs}", args.designs)
    wanted = {"off", *args.variants.split(",")}
    configs = {
        name: path
        for name, path in variant_configs(site.root, site.config_on, site.config_off).items()
        if name in wanted
    }
    mkdocs = str(Path(sys.executable).parent / "mkdocs")
    names = list(configs)
    samples: dict[str, list[float]] = {name: [] for name in names}
    cpu: dict[str, list[float]] = {name: [] for name in names}
    sizes: dict[str, float] = {}
    for name in names:  # untimed warm-up: bytecode and page cache for every variant
        argv_ = [mkdocs, "build", "-q", "-f", configs[name].name, "-d", f"site-{name}"]
        run_measured(argv_, site.root)
        sizes[name] = html_mib(site.root / f"site-{name}")
    for number in range(args.rounds):
        order = names[number % len(names) :] + names[: number % len(names)]
        for name in order:
            argv_ = [mkdocs, "build", "-q", "-f", configs[name].name, "-d", f"site-{name}"]
            sample = run_measured(argv_, site.root)
            samples[name].append(sample.seconds)
            cpu[name].append(sample.cpu_seconds)
    base = median(samples["off"])
    rows: dict[str, Any] = {}
    for name in names:
        value = median(samples[name])
        # Each round's build against the same round's plugin-off build: drift between
        # rounds on a shared machine cancels out of the ratio.
        paired = [on / off for on, off in zip(samples[name], samples["off"], strict=True)]
        paired_cpu = [on / off for on, off in zip(cpu[name], cpu["off"], strict=True)]
        rows[name] = {
            "median_s": round(value, 3),
            "overhead_pct": round((value - base) / base * 100, 1),
            "paired_overhead_pct": round((median(paired) - 1) * 100, 1),
            "cpu_median_s": round(median(cpu[name]), 3),
            "paired_cpu_overhead_pct": round((median(paired_cpu) - 1) * 100, 1),
            "html_mib": round(sizes[name], 1),
            "samples": [round(s, 3) for s in samples[name]],
            "cpu_samples": [round(s, 3) for s in cpu[name]],
        }
    print(json.dumps({"designs": args.designs, "rounds": args.rounds, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
