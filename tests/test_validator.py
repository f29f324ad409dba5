"""The validator: bad input becomes findings, the severity policy, suppression, overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.model import DesignSummary, Finding, Severity, Status
from mkdocs_archdesign.core.validation.corpus import check_files
from mkdocs_archdesign.core.validation.validator import check_texts

COMPLETE = Path(__file__).parent / "fixtures" / "complete"
ORDER = (COMPLETE / "order-service-design.md").read_text(encoding="utf-8")
PENDING = (
    ORDER.replace("status: Approved", "status: Pending Review")
    .replace("**Status**: Approved", "**Status**: Pending Review")
    .replace("depends_on: [payment-gateway, inventory-service]", "depends_on: []")
)
KEEP = Settings(draft_findings="keep")


def _check(
    text: str, settings: Settings = KEEP, path: str = "order-service-design.md"
) -> list[Finding]:
    return list(check_texts([(path, text)], load_template(), settings)[0].findings)


def _codes(findings: list[Finding]) -> list[str]:
    return [f.code for f in findings]


def _line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


def test_malformed_yaml_is_ad001_at_the_yaml_error_line() -> None:
    text = PENDING.replace("module: order_service\n", "module: order: service\n", 1)
    findings = [f for f in _check(text) if f.code == "AD001"]
    assert len(findings) == 1
    assert findings[0].severity is Severity.ERROR
    assert "mapping values are not allowed" in findings[0].message
    assert findings[0].line == _line_of(text, "module: order: service")


def test_non_mapping_front_matter_is_ad001() -> None:
    findings = _check("---\n- just\n- a list\n---\n# T\n")
    assert [(f.code, f.line) for f in findings if f.code == "AD001"] == [("AD001", 2)]
    assert "not a mapping" in next(f.message for f in findings if f.code == "AD001")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("tags: checkout", "'tags' must be a list of strings"),
        ("depends_on: [1, 2]", "'depends_on' must be a list of strings"),
        ("owner: [a, b]", "'owner' must be a string, not a list"),
        ("handoffs: [{label: x}]", "entry 1 needs 'agent' as text"),
        ("handoffs: yes", "'handoffs' must be a list of mappings"),
    ],
)
def test_wrong_key_types_are_ad001_on_their_line(line: str, message: str) -> None:
    text = f"---\ntitle: T\n{line}\nstatus: Pending Review\n---\n# T\n"
    ad001 = [f for f in _check(text) if f.code == "AD001"]
    assert [(f.line, message in f.message) for f in ad001] == [(3, True)]


def test_empty_file_and_front_matter_only_report_missing_sections_not_crashes() -> None:
    for text in ("", "---\ntitle: Only front matter\nstatus: Pending Review\n---\n"):
        findings = _check(text)
        assert _codes(findings).count("AD101") == 10
        assert all(1 <= f.line <= max(len(text.splitlines()), 1) for f in findings)


def test_crlf_and_bom_give_the_same_findings_as_lf() -> None:
    broken = PENDING.replace("- Make", "- Make").replace(
        "- Reach 99.9% monthly availability for order placement.", "- Be fast."
    )
    lf = [(f.code, f.line) for f in _check(broken)]
    crlf = [(f.code, f.line) for f in _check("\ufeff" + broken.replace("\n", "\r\n"))]
    assert lf == crlf == [("AD203", _line_of(broken, "- Be fast."))]


def test_tabs_and_trailing_hashes_in_headings_still_match_sections() -> None:
    text = PENDING.replace("## 5. Data Model Overview", "##\t5. Data Model Overview ##")
    assert _check(text) == []


def test_non_utf8_file_is_one_ad000_and_does_not_hide_other_designs(tmp_path: Path) -> None:
    bad = tmp_path / "bad-design.md"
    bad.write_bytes(b"# Caf\xe9\n")
    good = tmp_path / "order-service-design.md"
    good.write_text(PENDING.replace("**Non-Goals**:", "**Later**:"), encoding="utf-8")
    summaries = check_files([bad, good], load_template(), KEEP, base=tmp_path)
    assert [(f.code, f.severity) for f in summaries[0].findings] == [("AD000", Severity.ERROR)]
    assert "bad-design.md" in summaries[0].findings[0].message
    assert "AD204" in _codes(list(summaries[1].findings))


# -- severity policy ------------------------------------------------------------------


def _draft_with_problems() -> str:
    text = PENDING.replace("status: Pending Review\n", "").replace(
        "**Status**: Pending Review\n", ""
    )
    return text.replace("- Reach 99.9% monthly availability for order placement.", "- Be fast.")


def test_a_design_without_status_is_a_draft_and_its_findings_are_info() -> None:
    summary = check_texts([("d.md", _draft_with_problems())], load_template(), Settings())[0]
    assert summary.status is Status.DRAFT
    assert [(f.code, f.severity) for f in summary.findings] == [("AD203", Severity.INFO)]


def test_draft_findings_keep_turns_the_downgrade_off() -> None:
    findings = _check(_draft_with_problems(), Settings(draft_findings="keep"))
    assert [(f.code, f.severity) for f in findings] == [("AD203", Severity.WARNING)]


def test_ad001_and_ad002_are_never_downgraded_and_unknown_status_is_not_a_draft() -> None:
    text = _draft_with_problems().replace("title: Order Service", "title: [Order", 1)
    findings = _check(text, Settings())
    assert ("AD001", Severity.ERROR) in [(f.code, f.severity) for f in findings]
    unknown = PENDING.replace("Pending Review", "In Review").replace(
        "- Reach 99.9% monthly availability for order placement.", "- Be fast."
    )
    severities = {f.code: f.severity for f in _check(unknown, Settings())}
    assert severities == {"AD002": Severity.ERROR, "AD203": Severity.WARNING}


def test_per_rule_overrides() -> None:
    text = PENDING.replace("- Reach 99.9% monthly availability for order placement.", "- Be fast.")
    assert _check(text, Settings(draft_findings="keep", rules={"AD203": "off"})) == []
    raised = _check(text, Settings(draft_findings="keep", rules={"AD203": "error"}))
    assert [(f.code, f.severity) for f in raised] == [("AD203", Severity.ERROR)]
    assert _check(text, Settings(draft_findings="keep", ignore=frozenset({"AD2"}))) == []


# -- suppression ----------------------------------------------------------------------

_VAGUE = "- Reach 99.9% monthly availability for order placement."


def test_front_matter_archdesign_ignore_suppresses_a_code() -> None:
    text = PENDING.replace(_VAGUE, "- Be fast.").replace(
        "tags: [checkout, orders]", "tags: [checkout, orders]\narchdesign_ignore: [AD203]"
    )
    assert _check(text) == []


def test_ignore_comment_suppresses_only_the_next_line() -> None:
    text = PENDING.replace(_VAGUE, "<!-- archdesign: ignore AD203 -->\n- Be fast.\n- Be scalable.")
    findings = _check(text)
    assert [(f.code, f.line) for f in findings] == [("AD203", _line_of(text, "- Be scalable."))]


def test_ignore_comment_with_several_codes() -> None:
    text = PENDING.replace(_VAGUE, "<!-- archdesign: ignore AD103, AD203 -->\n- Be fast, TODO.")
    assert _check(text) == []


def test_summaries_keep_no_document_text() -> None:
    summary: DesignSummary = check_texts([("x.md", PENDING)], load_template(), KEEP)[0]
    assert summary.findings == ()
    assert not any(isinstance(v, str) and len(v) > 200 for v in vars_of(summary))


def vars_of(summary: DesignSummary) -> list[object]:
    return [getattr(summary, name) for name in summary.__slots__]  # type: ignore[attr-defined]


def test_a_corpus_run_keeps_summaries_only_not_texts_or_scans(tmp_path: Path) -> None:
    """Memory stays bounded at 10,000 designs: nothing scanned outlives its design."""
    import gc

    from mkdocs_archdesign.core.document.scanner import Node, ScannedDesign, Section
    from mkdocs_archdesign.core.rules.base import DesignContext

    for number in range(30):
        (tmp_path / f"d{number}-design.md").write_text(PENDING, encoding="utf-8")
    files = sorted(tmp_path.glob("*.md"))
    summaries = check_files(files, load_template(), KEEP, base=tmp_path)
    assert len(summaries) == 30
    gc.collect()
    kept = (ScannedDesign, Node, Section, DesignContext)
    alive = [type(obj).__name__ for obj in gc.get_objects() if isinstance(obj, kept)]
    assert alive == []
