"""check_files_parallel gives exactly what check_files gives, on real files and processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

# benchmarks/ is a top-level folder of the repository, not part of the installed package.
REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.corpus import generate_site  # noqa: E402

from mkdocs_archdesign.core.config.settings import Settings  # noqa: E402
from mkdocs_archdesign.core.document.template import load_template  # noqa: E402
from mkdocs_archdesign.core.validation.corpus import check_files, discover  # noqa: E402
from mkdocs_archdesign.core.validation.parallel import (  # noqa: E402
    MIN_FILES_PER_JOB,
    check_files_parallel,
    effective_jobs,
    plan_chunks,
)


@pytest.mark.parametrize(("count", "jobs"), [(0, 2), (1, 2), (7, 3), (100, 2), (1001, 4)])
def test_chunks_cover_every_index_in_order(count: int, jobs: int) -> None:
    chunks = plan_chunks(count, jobs)
    assert [i for chunk in chunks for i in chunk] == list(range(count))
    assert all(len(chunk) > 0 for chunk in chunks)


def test_small_corpora_stay_in_process() -> None:
    assert effective_jobs(MIN_FILES_PER_JOB * 2 - 1, 8) == 1
    assert effective_jobs(MIN_FILES_PER_JOB * 2, 8) == 2
    assert effective_jobs(10_000, 1) == 1


def test_parallel_matches_serial_including_cross_design_findings(tmp_path: Path) -> None:
    site = generate_site(tmp_path / "site", MIN_FILES_PER_JOB * 2 + 17, seed=5)
    broken = site.designs / "zz-broken-design.md"
    broken.write_bytes(b"---\ntitle: \xff\xfe\n---\n")
    files = discover([site.designs])
    template, settings = load_template(None), Settings()
    serial = check_files(files, template, settings, tmp_path)
    parallel = check_files_parallel(files, template, settings, jobs=2, base=tmp_path)
    assert parallel == serial
    codes = {f.code for s in parallel for f in s.findings}
    assert {"AD000", "AD004"} <= codes  # the unreadable file and cross-design links survive


def test_check_jobs_option_gives_the_same_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from mkdocs_archdesign.cli import main

    generate_site(tmp_path / "site", MIN_FILES_PER_JOB * 2 + 3, seed=2)
    monkeypatch.chdir(tmp_path / "site")
    runner = CliRunner()
    args = ["check", "docs/design", "--format", "json", "--fail-on", "never"]
    one = runner.invoke(main, [*args, "--jobs", "1"])
    two = runner.invoke(main, [*args, "--jobs", "2"])
    assert one.exit_code == two.exit_code == 0, two.output
    assert json.loads(two.output) == json.loads(one.output)
    assert json.loads(two.output)["summary"]["designs"] == MIN_FILES_PER_JOB * 2 + 3


def test_check_jobs_rejects_zero_in_a_real_process(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "mkdocs-archdesign"
    (tmp_path / "design").mkdir()
    done = subprocess.run(
        [str(exe), "check", "design", "--jobs", "0"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "--jobs" in done.stderr
    assert "Traceback" not in done.stderr


def test_check_jobs_in_a_real_process_matches_serial(tmp_path: Path) -> None:
    exe = Path(sys.executable).parent / "mkdocs-archdesign"
    generate_site(tmp_path / "site", MIN_FILES_PER_JOB * 2, seed=4)
    reports = []
    for jobs in ("1", "2"):
        done = subprocess.run(
            [str(exe), "check", "docs/design", "--format", "json", "--jobs", jobs],
            cwd=tmp_path / "site",
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode in (0, 1), done.stderr
        reports.append(json.loads(done.stdout))
    assert reports[0] == reports[1]
