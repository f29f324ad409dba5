"""Smoke test of the benchmark tooling: it runs end to end in quick mode (no timing asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

# benchmarks/ is a top-level folder of the repository, not part of the installed package.
REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.corpus import design_name, generate_site, render_design  # noqa: E402

from mkdocs_archdesign.core.config.settings import Settings  # noqa: E402
from mkdocs_archdesign.core.document.template import load_template  # noqa: E402
from mkdocs_archdesign.core.model import Severity  # noqa: E402
from mkdocs_archdesign.core.validation.corpus import check_files, discover  # noqa: E402


def test_generator_is_deterministic(tmp_path: Path) -> None:
    first = generate_site(tmp_path / "a", 25, seed=7)
    second = generate_site(tmp_path / "b", 25, seed=7)
    names = sorted(p.name for p in first.designs.iterdir())
    assert names == sorted(p.name for p in second.designs.iterdir())
    assert len(names) == 25
    for name in names:
        assert (first.designs / name).read_bytes() == (second.designs / name).read_bytes()
    assert "archdesign" in first.config_on.read_text()
    assert "archdesign" not in first.config_off.read_text()
    assert "pymdownx.superfences.fence_code_format" in first.config_on.read_text()


def test_designs_are_full_length_and_linked(tmp_path: Path) -> None:
    import random

    rng = random.Random(3)
    texts = [render_design(i, 200, rng) for i in range(200)]
    lengths = [text.count("\n") for text in texts]
    assert 140 <= sum(lengths) / len(lengths) <= 200
    assert any("depends_on: [" in t and "depends_on: []" not in t for t in texts)
    assert design_name(3) != design_name(4)


def test_generated_corpus_has_findings_only_where_planted(tmp_path: Path) -> None:
    site = generate_site(tmp_path / "site", 120, seed=1)
    summaries = check_files(discover([site.designs]), load_template(None), Settings())
    codes = {finding.code for summary in summaries for finding in summary.findings}
    # Only the planted gaps (see corpus._GAPS) and cross-design links fire.
    assert codes <= {"AD004", "AD005", "AD103", "AD203", "AD204", "AD207", "AD301", "AD303"}
    clean = [s for s in summaries if not any(f.severity >= Severity.WARNING for f in s.findings)]
    assert len(clean) > len(summaries) // 2


def test_quick_run_writes_results_table_and_plot(tmp_path: Path) -> None:
    out = tmp_path / "latest.json"
    plot = tmp_path / "growth.png"
    markdown = tmp_path / "latest.md"
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run(
        [
            sys.executable, "-m", "benchmarks", "--quick", "--sizes", "8,16",
            "--workdir", str(tmp_path / "work"), "--output", str(out),
            "--plot", str(plot), "--markdown", str(markdown),
        ],
        cwd=REPO_ROOT, capture_output=True, text=True, env=env, check=False, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "check (" in done.stdout and "targets" in done.stdout
    results = json.loads(out.read_text())
    assert [row["designs"] for row in results["check"]] == [8, 16]
    for row in results["check"]:
        assert row["check_s"] > 0 and row["check_rss_mib"] > 0
        assert len(row["check_samples"]) == 1
    assert results["build"][0]["designs"] == 10
    assert results["build"][0]["on_s"] > 0 and results["build"][0]["off_s"] > 0
    serve = results["serve"]
    assert len(serve["on_samples"]) == 1 and len(serve["off_samples"]) == 1
    assert serve["hooks_s"] > 0  # the plugin's hooks were found and timed
    assert {t["target"] for t in results["targets"]} >= {
        "check, 1,000 designs, whole process",
        "mkdocs build overhead, 1,000 designs",
    }
    shapes = {row["shape"] for row in results["worst_case"]}
    assert {"atx-heading-spaces", "status-line-spaces", "template-sections"} <= shapes
    assert all(row["seconds"] > 0 and row["seconds_double"] > 0 for row in results["worst_case"])
    assert "Worst-case inputs" in done.stdout
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "| designs |" in markdown.read_text()
    # The edited design was restored after the serve probe.
    work_site = tmp_path / "work" / "site-10" / "docs" / "design"
    assert not any("benchmark edit" in p.read_text() for p in work_site.iterdir())


def test_nav_status_run_reports_wall_and_cpu_overheads_for_every_variant(tmp_path: Path) -> None:
    argv = ["3", "--rounds", "1", "--variants", "off,default", "--workdir", str(tmp_path)]
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.nav_status", *argv],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert done.returncode == 0, done.stderr[-800:]
    rows = json.loads(done.stdout)["rows"]
    assert set(rows) == {"off", "default"}
    for row in rows.values():
        # A build's CPU time is real work, never more than wall time on one busy core.
        assert 0 < row["cpu_samples"][0] <= row["samples"][0] * 1.5
        assert row["html_mib"] > 0
    assert rows["off"]["paired_cpu_overhead_pct"] == 0.0


def test_compare_trees_runs_both_trees_and_prints_their_ratio(tmp_path: Path) -> None:
    from benchmarks import compare_trees

    src = REPO_ROOT / "src"
    command = [sys.executable, "-m", "benchmarks.compare_trees", str(src), str(src)]
    options = ["--size", "5", "--rounds", "1", "--workdir", str(tmp_path)]
    if compare_trees.shutil.which("valgrind"):
        options.append("--instructions")
    done = subprocess.run(
        [*command, *options], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "after / before: " in done.stdout and "CPU after / before, paired: " in done.stdout
    assert "note: the trees report differently" not in done.stdout
    if "--instructions" in options:
        counts = [line for line in done.stdout.splitlines() if line.endswith(" instructions")]
        assert len(counts) == 2 and "instructions after / before: " in done.stdout
