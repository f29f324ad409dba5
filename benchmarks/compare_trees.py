"""``check`` of one corpus by two source trees, rounds alternating, in one run.

Usage::

    git worktree add /tmp/base 9953820
    .venv/bin/python -m benchmarks.compare_trees /tmp/base/src src --size 1000 --rounds 7

Each tree's ``src`` folder is put first on ``PYTHONPATH`` of a fresh process running
``mkdocs-archdesign check docs/design`` in the generated site (the same interpreter and
dependencies for both). One untimed run per tree fills its bytecode cache; then every
round runs both trees, the order swapped every round, so load on a shared machine falls
on both alike. Prints every sample, the medians and their ratio (after / before), and the
CPU time (user + system, from ``wait4``) of the same runs: its paired ratio, the median of
the rounds' after / before, is steadier than wall time on a shared machine. Both trees
must report the same findings.

With ``--instructions`` each tree's ``check`` runs once more under
``valgrind --tool=cachegrind`` (``PYTHONHASHSEED=0``, bytecode cached) and the executed
instructions are compared instead: the count of one process does not depend on the load
of a shared machine, where wall-clock rounds of the same command spread by a quarter.
About 25 times slower than a plain run; both trees run side by side, one per core.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import generate_site
from benchmarks.measure import run_measured

_CHECK = "import sys; from mkdocs_archdesign.cli import main; sys.argv[0] = 'check'; main()"


def _run(src: Path, site: Path, cache: Path) -> tuple[float, str]:
    env = _env(src, cache)
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _CHECK, "check", "docs/design"],
        cwd=site,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"check with {src} exited {done.returncode}: {done.stderr[-400:]}")
    return seconds, done.stdout.strip().splitlines()[-1]


def _env(src: Path, cache: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(src.resolve()),
        "PYTHONDONTWRITEBYTECODE": "",
        "PYTHONPYCACHEPREFIX": str(cache),
        "PYTHONHASHSEED": "0",
    }


def _start_counting(src: Path, site: Path, cache: Path) -> subprocess.Popen[str]:
    """Start one ``check`` under cachegrind; :func:`_instructions` reads its count."""
    command = [
        "valgrind",
        "--tool=cachegrind",
        "--cache-sim=no",
        "--cachegrind-out-file=/dev/null",
        sys.executable,
        "-c",
        _CHECK,
        "check",
        "docs/design",
    ]
    return subprocess.Popen(
        command,
        cwd=site,
        env=_env(src, cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def _instructions(process: subprocess.Popen[str]) -> int:
    _, stderr = process.communicate()
    found = re.search(r"I\s+refs:\s+([\d,]+)", stderr)
    if found is None:
        raise SystemExit(f"no instruction count from valgrind: {stderr[-400:]}")
    return int(found.group(1).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.compare_trees")
    parser.add_argument("before", type=Path, help="the old tree's src folder")
    parser.add_argument("after", type=Path, help="the new tree's src folder")
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--workdir", type=Path, default=Path("benchmarks/.corpus"))
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count each tree's instructions under valgrind's cachegrind",
    )
    options = parser.parse_args(argv)
    if options.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind (apt-get install valgrind)")
    site = generate_site(options.workdir / f"site-{options.size}", options.size).root
    trees = {"before": options.before, "after": options.after}
    caches = {name: (options.workdir / f".pycache-{name}").resolve() for name in trees}
    totals = {name: _run(src, site, caches[name])[1] for name, src in trees.items()}
    if totals["before"] != totals["after"]:
        print(f"note: the trees report differently: {totals}")
    samples: dict[str, list[float]] = {name: [] for name in trees}
    cpu: dict[str, list[float]] = {name: [] for name in trees}
    argv = [sys.executable, "-c", _CHECK, "check", "docs/design"]
    for round_index in range(options.rounds):
        order = list(trees) if round_index % 2 == 0 else list(reversed(trees))
        for name in order:
            sample = run_measured(argv, site, (0, 1), _env(trees[name], caches[name]))
            samples[name].append(sample.seconds)
            cpu[name].append(sample.cpu_seconds)
    for name, values in samples.items():
        shown = ", ".join(f"{value:.3f}" for value in values)
        print(f"{name}: median {statistics.median(values):.3f} s  [{shown}]")
    ratio = statistics.median(samples["after"]) / statistics.median(samples["before"])
    print(f"after / before: {ratio:.3f} ({options.size} designs, {options.rounds} rounds)")
    for name, values in cpu.items():
        print(f"{name}: CPU median {statistics.median(values):.3f} s")
    paired = statistics.median(a / b for a, b in zip(cpu["after"], cpu["before"], strict=True))
    print(f"CPU after / before, paired: {paired:.3f}")
    if options.instructions:
        started = {name: _start_counting(src, site, caches[name]) for name, src in trees.items()}
        counts = {name: _instructions(process) for name, process in started.items()}
        for name, count in counts.items():
            print(f"{name}: {count:,} instructions")
        print(f"instructions after / before: {counts['after'] / counts['before']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
