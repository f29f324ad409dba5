"""Whole-design fixtures: every rule that needs a whole design fires on its own, exactly.

Content and Level 2 rules (AD2xx, AD3xx) have focused cases instead (``cases/``,
``test_cases.py``); the rules here need a whole design (AD1xx), front matter and the
review block (AD0xx, AD4xx) or several designs (AD004, AD005).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import default_template_source, load_template
from mkdocs_archdesign.core.model import DesignSummary, Finding, Severity
from mkdocs_archdesign.core.rules import REGISTRY, all_rules
from mkdocs_archdesign.core.scaffold.design import DesignRequest, render_design
from mkdocs_archdesign.core.validation.corpus import check_files, discover
from mkdocs_archdesign.core.validation.validator import UNREADABLE_CODE, check_texts

FIXTURES = Path(__file__).parent / "fixtures"
COMPLETE = Path(__file__).parent.parent / "fixtures" / "complete"

E, W = Severity.ERROR, Severity.WARNING

# code, fixture file (inside a folder for cross-design rules), line, severity, message part
TABLE = [
    ("AD000", "AD000.md", 1, E, "not UTF-8 text"),
    ("AD001", "AD001.md", 7, E, "front matter is not valid YAML"),
    ("AD002", "AD002.md", 5, E, "status 'In Review' is not one of"),
    ("AD002", "AD002.md", 184, E, "Design Review status 'In Review'"),
    ("AD003", "AD003.md", 184, E, "'Pending Review' disagrees with Design Review status"),
    ("AD004", "AD004/order-service-design.md", 7, W, "unknown design 'inventory-servise'"),
    (
        "AD005",
        "AD005/inventory-service-design.md",
        7,
        W,
        "inventory-service -> order-service -> inventory-service",
    ),
    (
        "AD006",
        "AD006/fraud-scoring-design.md",
        1,
        E,
        "id 'fraud-scoring' is used by 2 designs: AD006/fraud-scoring-design.md, "
        "AD006/risk/fraud-scoring-design.md",
    ),
    ("AD101", "AD101.md", 112, E, "missing required section 'Data Model Overview'"),
    ("AD102", "AD102.md", 112, E, "section 'Data Model Overview' is empty"),
    ("AD103", "AD103.md", 180, W, "'TODO' left in: '- **Decision**: TODO: decide after"),
    ("AD104", "AD104.md", 153, W, "'Cross-Cutting Concerns' should come before"),
    ("AD105", "AD105.md", 168, W, "'Implementation Constraints' appears again (first at line 160)"),
    ("AD401", "AD401.md", 184, E, "Approved but has no review date"),
    ("AD402", "AD402.md", 195, E, "checklist item is open: 'Alternatives are well-justified'"),
    ("AD403", "AD403.md", 186, W, "'2024-02-30' is not a YYYY-MM-DD date"),
    ("AD404", "AD404.md", 182, W, "has no review checklist"),
]


def _check(target: Path, settings: Settings | None = None) -> list[DesignSummary]:
    files = discover([target])
    return check_files(files, load_template(), settings or Settings(), base=FIXTURES)


def _fixture_target(relative: str) -> tuple[Path, str]:
    """The path to check (the folder for cross-design rules) and the design to look at."""
    path = FIXTURES / relative
    return (path.parent if path.parent != FIXTURES else path), relative


@pytest.mark.parametrize(
    ("code", "fixture", "line", "severity", "message"),
    TABLE,
    ids=[f"{row[0]}-{row[2]}" for row in TABLE],
)
def test_rule_fires_on_its_fixture(
    code: str, fixture: str, line: int, severity: Severity, message: str
) -> None:
    target, shown = _fixture_target(fixture)
    summaries = {s.path: s for s in _check(target)}
    findings = [f for f in summaries[shown].findings if f.code == code]
    assert any(
        f.line == line and f.severity is severity and message in f.message for f in findings
    ), f"{code} not reported at {shown}:{line}; got {[(f.line, f.message) for f in findings]}"
    rule_name = REGISTRY[code].name if code in REGISTRY else "unreadable-design"
    assert all(f.name == rule_name for f in findings)


def _has_cases(code: str) -> bool:
    return code.startswith(("AD2", "AD3"))


def test_every_code_has_a_fixture_and_a_row() -> None:
    # Level 2 spec rules (AD5xx) have their own table in tests/level2/.
    codes = {
        rule.code for rule in all_rules() if not _has_cases(rule.code) and rule.spec_check is None
    } | {UNREADABLE_CODE}
    assert {row[0] for row in TABLE} == codes
    for code in codes:
        assert (FIXTURES / f"{code}.md").exists() or (FIXTURES / code).is_dir(), code


@pytest.mark.parametrize("fixture", sorted({row[1] for row in TABLE}))
def test_a_fixture_fires_its_own_rule_and_nothing_else(fixture: str) -> None:
    # Without this, a fixture firing a second rule (the AD401 one fired AD103) goes unseen.
    target, _ = _fixture_target(fixture)
    own = fixture.split("/", maxsplit=1)[0].removesuffix(".md")
    for summary in _check(target):
        assert {f.code for f in summary.findings} <= {own}, summary.path


def test_rule_findings_point_inside_the_file() -> None:
    for row in TABLE:
        target, _ = _fixture_target(row[1])
        for summary in _check(target):
            size = len((FIXTURES / summary.path).read_bytes().splitlines())
            assert all(1 <= f.line <= max(size, 1) for f in summary.findings), summary.path


def _complete() -> list[tuple[str, str]]:
    return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(COMPLETE.glob("*.md"))]


def test_no_rule_fires_on_complete_designs() -> None:
    summaries = check_texts(_complete(), load_template(), Settings(draft_findings="keep"))
    assert len(summaries) >= 4
    found: list[Finding] = [f for s in summaries for f in s.findings]
    assert found == []


def test_complete_designs_cover_the_formatting_variants() -> None:
    summaries = {s.id: s for s in check_texts(_complete(), load_template(), Settings())}
    order = summaries["order-service"]
    assert order.status is not None and order.status.value == "Approved"
    assert order.reviewer == "@python-tech-lead" and order.review_date == "2024-05-14"
    assert 5 <= order.api_count <= 15 and order.complexity.value == "Medium"
    assert summaries["payment-gateway"].status_text == "Pending Review"  # front matter only
    assert summaries["inventory-service"].status_text == "Changes Requested"  # review only
    assert all(s.completeness == 1.0 for s in summaries.values())
    texts = dict(_complete())
    assert "## 1. Context and Scope" in texts["order-service-design.md"]
    assert "## Concurrency and Performance Requirements" in texts["payment-gateway-design.md"]
    assert "\n----" in texts["notification-service-design.md"]  # setext headings


@pytest.mark.parametrize(
    "code",
    sorted(
        c
        for c in REGISTRY
        if not REGISTRY[c].is_corpus_rule and not _has_cases(c) and not REGISTRY[c].spec_check
    ),
)
def test_each_rule_can_be_turned_off(code: str) -> None:
    path = FIXTURES / f"{code}.md"
    assert any(f.code == code for f in _check(path)[0].findings)
    summaries = _check(path, Settings(rules={code: "off"}))
    assert all(f.code != code for f in summaries[0].findings)


def test_each_fixture_is_a_pending_review_design() -> None:
    # Drafts are downgraded to info; fixtures must show the default severity.
    for path in FIXTURES.glob("AD*.md"):
        if path.stem in ("AD000", "AD002", "AD401", "AD402"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "status: Pending Review" in text, path.name


def test_template_hints_do_not_satisfy_content_rules() -> None:
    # A freshly scaffolded design carries hints such as "TODO (e.g. p95 < 200ms)": those
    # lines must not count as the evidence the rules ask for, or `review request` would
    # let an empty skeleton through.
    scaffold = render_design(
        default_template_source(),
        DesignRequest("Order Service", "order_service", "@a", "2026-01-01"),
    )
    (summary,) = check_texts(
        [("design/order-service-design.md", scaffold)],
        load_template(),
        Settings(draft_findings="keep"),
    )
    fired = {(f.code, f.severity) for f in summary.findings}
    assert ("AD202", E) in fired  # TODO cells in the component table
    assert ("AD203", W) in fired  # "TODO: a measurable goal, e.g. 1000 RPS ..."
    assert ("AD206", W) in fired  # "TODO (minimum, e.g. 3.12+)"
    assert ("AD209", E) in fired  # "`TODO_method(arg)`: TODO: what it does."
    messages = [f.message for f in summary.findings if f.code == "AD205"]
    assert any("throughput" in m for m in messages)
    assert any("latency" in m for m in messages)
