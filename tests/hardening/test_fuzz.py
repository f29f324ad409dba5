"""Fuzzing: the scanner and every rule never raise, lines are in range, output is stable.

CI runs a bounded, derandomised profile; ``HYPOTHESIS_PROFILE=long`` runs many more
examples locally (see CONTRIBUTING.md).
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings

from mkdocs_archdesign.core.scanner import scan_design, split_lines
from mkdocs_archdesign.core.settings import Settings
from mkdocs_archdesign.core.template import load_template
from mkdocs_archdesign.core.validator import check_texts

from .strategies import design, mutated

settings.register_profile(
    "ci",
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

TEMPLATE = load_template()
KEEP = Settings(draft_findings="keep")


@given(mutated(design()))
def test_scanner_never_raises_and_lines_in_range(text: str) -> None:
    scanned = scan_design(text, "fuzz.md")
    count = len(split_lines(text))
    assert scanned.line_count == count
    for heading in scanned.headings:
        assert 1 <= heading.line <= count
    for section in scanned.sections():
        assert section.line <= section.end_line <= max(count, section.line)


@given(mutated(design()))
def test_every_rule_never_raises_and_findings_point_inside(text: str) -> None:
    (summary,) = check_texts([("design/fuzz-design.md", text)], TEMPLATE, KEEP)
    count = max(1, len(split_lines(text)))
    for finding in summary.findings:
        assert 1 <= finding.line <= count, finding
        assert finding.message and "\n" not in finding.code


@given(mutated(design()), mutated(design()))
def test_check_is_deterministic(first: str, second: str) -> None:
    corpus = [("design/a-design.md", first), ("design/b-design.md", second)]
    assert check_texts(corpus, TEMPLATE, KEEP) == check_texts(corpus, TEMPLATE, KEEP)
