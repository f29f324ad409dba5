"""The fix engine on texts: what it plans, that it resolves, and every other byte survives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import load_template, parse_template
from mkdocs_archdesign.core.fix import (
    EditKind,
    apply_fixes,
    fix_blocker,
    is_fixable,
    lsp_text_edits,
    plan_fixes,
)
from mkdocs_archdesign.core.textedit import Lines
from mkdocs_archdesign.core.validation.validator import check_design

from .helpers import PATH, blocks, changes, join, scaffold

TEMPLATE = load_template()
SETTINGS = Settings()
FIXED_CODES = {"AD101", "AD003", "AD404"}


def codes(text: str, settings: Settings = SETTINGS) -> set[str]:
    return {f.code for f in check_design(text, PATH, TEMPLATE, settings).summary.findings}


def fixed(text: str) -> str:
    return apply_fixes(text, plan_fixes(text, PATH, TEMPLATE, SETTINGS))


def test_a_fresh_scaffold_needs_no_fix() -> None:
    text = scaffold()
    assert plan_fixes(text, PATH, TEMPLATE, SETTINGS) == []
    assert fixed(text) == text


def test_missing_section_is_inserted_at_its_template_position() -> None:
    head, sections = blocks(scaffold())
    data_model = next(s for s in sections if s.startswith("## 5. Data Model"))
    text = join(head, [s for s in sections if s is not data_model])
    assert "AD101" in codes(text)
    fixes = plan_fixes(text, PATH, TEMPLATE, SETTINGS)
    assert [fix.codes for fix in fixes] == [("AD101",)]
    assert "5. Data Model Overview" in fixes[0].description
    assert fixes[0].findings[0].code == "AD101"
    new = apply_fixes(text, fixes)
    assert new == scaffold()


def test_every_section_missing_is_inserted_in_template_order() -> None:
    head, sections = blocks(scaffold())
    text = join(head, sections[-1:])  # only Design Review kept
    new = fixed(text)
    assert new == scaffold()


def test_status_follows_the_design_review_block() -> None:
    text = scaffold().replace("status: Draft\n", "status: 'approved'   # keep\n", 1)
    text = text.replace("**Status**: Draft", "**Status**: Pending Review")
    assert "AD003" in codes(text)
    fixes = plan_fixes(text, PATH, TEMPLATE, SETTINGS)
    assert [fix.codes for fix in fixes] == [("AD003",)]
    new = apply_fixes(text, fixes)
    assert changes(text, new) == [
        ("replace", ["status: 'approved'   # keep\n"], ["status: 'Pending Review'   # keep\n"])
    ]
    assert "AD003" not in codes(new)


def test_missing_checklist_is_added_from_the_template() -> None:
    source = scaffold()
    checklist = source[source.index("**Review Checklist**") :]
    text = source[: source.index("**Review Checklist**")].rstrip("\n") + "\n"
    assert "AD404" in codes(text)
    new = fixed(text)
    assert new == text + "\n" + checklist
    assert "AD404" not in codes(new)


def test_disabled_rules_get_no_fix() -> None:
    head, sections = blocks(scaffold())
    text = join(head, sections[1:])
    off = Settings(rules={"AD101": "off"})
    assert plan_fixes(text, PATH, TEMPLATE, off) == []


def test_unparsable_front_matter_is_never_fixed() -> None:
    head, sections = blocks(scaffold())
    text = join(head, sections[1:]).replace("tags: []", "tags: [unclosed", 1)
    assert fix_blocker(text) is not None
    assert plan_fixes(text, PATH, TEMPLATE, SETTINGS) == []


def test_insertion_into_an_unclosed_fence_is_dropped() -> None:
    head, sections = blocks(scaffold())
    kept = [s for s in sections if not s.startswith("## 9.") and not s.startswith("## Design R")]
    text = join(head, kept) + "\n```python\nstill open\n"
    fixes = plan_fixes(text, PATH, TEMPLATE, SETTINGS)
    assert all("9. Alternatives" not in fix.description for fix in fixes)
    assert "AD101" in codes(apply_fixes(text, fixes))


def test_a_custom_template_section_fills_its_variables() -> None:
    template = parse_template(
        "# {{ title }}\n\n## Purpose\n\nWhy `{{ module | yaml_str }}` exists: TODO\n"
        "{% if owner %}\nOwner: {{ owner }}\n{% endif %}\n\n## Risks\n\n- TODO\n"
    )
    text = "---\nmodule: billing\nstatus: Draft\n---\n\n# Billing\n\n## Risks\n\n- none\n"
    fixes = plan_fixes(text, PATH, template, SETTINGS)
    new = apply_fixes(text, fixes)
    # Variables take the design's values; Jinja statement lines are left out.
    assert "## Purpose\n\nWhy `billing` exists: TODO\nOwner: \n\n## Risks" in new


def test_lsp_edits_apply_to_the_same_text() -> None:
    head, sections = blocks(scaffold())
    text = join(head, [s for s in sections if not s.startswith("## 2.")]).rstrip("\n")
    text = text.replace("status: Draft", "status: Approved").replace("\n", "\r\n")
    for fix in plan_fixes(text, PATH, TEMPLATE, SETTINGS):
        assert _apply_lsp(text, lsp_text_edits(text, fix)) == apply_fixes(text, [fix])


def _apply_lsp(text: str, edits: list[dict[str, object]]) -> str:
    lines = text.splitlines(keepends=True)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    spans = []
    for edit in edits:
        rng = edit["range"]
        assert isinstance(rng, dict)
        start = offsets[rng["start"]["line"]] + rng["start"]["character"]
        end = offsets[rng["end"]["line"]] + rng["end"]["character"]
        spans.append((start, end, str(edit["newText"])))
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


_SECTIONS = len(blocks(scaffold())[1])


@st.composite
def damaged_designs(draw: st.DrawFn) -> str:
    head, sections = blocks(scaffold())
    keep = draw(st.lists(st.booleans(), min_size=_SECTIONS, max_size=_SECTIONS))
    kept = [s for s, k in zip(sections, keep, strict=True) if k]
    text = join(head, kept)
    if draw(st.booleans()) and "**Review Checklist**" in text:
        text = text[: text.index("**Review Checklist**")]
    front = draw(st.sampled_from(["Draft", "Approved", "'Pending Review'", '"draft"  # c']))
    text = text.replace("status: Draft\n", f"status: {front}\n", 1)
    review = draw(st.sampled_from(["Draft", "Approved", "Changes Requested"]))
    text = text.replace("**Status**: Draft", f"**Status**: {review}")
    if draw(st.booleans()):
        text = text.replace("owner:", "# a comment\nowner:", 1)
    ending = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = text.replace("\n", ending)
    if draw(st.booleans()):
        text = text.rstrip("\r\n")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(damaged_designs())
def test_fix_then_check_reports_no_fixable_finding_and_keeps_every_other_byte(text: str) -> None:
    before = check_design(text, PATH, TEMPLATE, SETTINGS).summary.findings
    fixes = plan_fixes(text, PATH, TEMPLATE, SETTINGS)
    assert {code for fix in fixes for code in fix.codes} == {
        f.code for f in before if is_fixable(f)
    }
    new = apply_fixes(text, fixes)
    assert not codes(new) & FIXED_CODES
    assert new.startswith("\ufeff") == text.startswith("\ufeff")
    assert new.endswith(("\n", "\r")) == text.endswith(("\n", "\r"))
    status_line = next(
        (n for n, line in enumerate(Lines.from_text(text).lines, 1) if line.startswith("status:")),
        0,
    )
    for tag, old_lines, _ in changes(text.lstrip("\ufeff"), new.lstrip("\ufeff")):
        if tag == "insert":
            continue
        # The only line ever rewritten is the status line, or the old last line that
        # gains a line ending because text now follows it.
        assert len(old_lines) == 1, (tag, old_lines)
        assert old_lines[0].startswith("status:") or not old_lines[0].endswith(("\n", "\r"))
    assert status_line > 0
    assert fixed(new) == new  # a second run changes nothing


def test_every_planned_edit_is_a_known_kind() -> None:
    head, sections = blocks(scaffold())
    text = join(head, sections[3:])
    for fix in plan_fixes(text, PATH, TEMPLATE, SETTINGS):
        assert all(edit.kind in (EditKind.INSERT_AFTER, EditKind.REPLACE) for edit in fix.edits)
