"""Time whole processes and read their own peak memory (not the runner's, not earlier runs')."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

#: Quiet MkDocs' and Material's banners so they do not pollute captured errors.
QUIET_ENV = {
    "NO_MKDOCS_2_WARNING": "1",
    "PYTHONWARNINGS": "ignore",
    "DISABLE_MKDOCS_2_WARNING": "true",
}


class RunFailed(RuntimeError):
    """A measured command exited with an unexpected code (the message has its stderr tail)."""


@dataclass(frozen=True, slots=True)
class Sample:
    """One measured process run: wall seconds, peak RSS in MiB, exit code, CPU seconds.

    ``cpu_seconds`` (user + system, from the same ``wait4``) counts only this process's
    own work: on a shared machine another job's load stretches the wall time of a build
    far more than its CPU time, so paired CPU ratios are the steadier comparison.
    """

    seconds: float
    peak_mib: float
    returncode: int
    cpu_seconds: float = 0.0


def run_measured(
    argv: Sequence[str],
    cwd: Path,
    ok_codes: Sequence[int] = (0,),
    env: dict[str, str] | None = None,
) -> Sample:
    """Run ``argv`` to completion and measure it.

    Peak RSS comes from ``wait4`` on this very child, so it covers the process (and the
    children it waited for) and nothing measured before; ``RUSAGE_CHILDREN`` would only
    give the maximum over every child so far.

    Raises:
        RunFailed: If the exit code is not in ``ok_codes``.
    """
    full_env = {**os.environ, **QUIET_ENV, **(env or {})}
    err_path = cwd / ".bench-stderr.txt"
    with err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv), cwd=cwd, stdout=subprocess.DEVNULL, stderr=err, env=full_env
        )
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in ok_codes:
        tail = err_path.read_text(errors="replace")[-800:]
        raise RunFailed(f"{' '.join(argv)} exited {proc.returncode}: {tail}")
    # Linux reports ru_maxrss in KiB.
    cpu = usage.ru_utime + usage.ru_stime
    return Sample(seconds, usage.ru_maxrss / 1024, proc.returncode, cpu)


def median(values: Sequence[float]) -> float:
    """The median, or NaN for no values (so a skipped tool shows as missing, not zero)."""
    return statistics.median(values) if values else float("nan")
