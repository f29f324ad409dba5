"""The template is the schema: required sections and loose heading matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_archdesign.core.document.template import (
    TemplateError,
    load_template,
    normalise_heading,
    parse_template,
)


@pytest.mark.parametrize(
    ("heading", "key"),
    [
        (
            "6. Concurrency & Performance Requirements Overview",
            "concurrency and performance requirements",
        ),
        ("Concurrency and Performance Requirements", "concurrency and performance requirements"),
        ("1) Context and Scope", "context and scope"),
        ("Section 1: Context and Scope", "context and scope"),
        ("4.4 API Overview", "api"),
        ("7. Cross-Cutting Concerns", "cross cutting concerns"),
        ("GOALS AND NON-GOALS", "goals and non goals"),
        ("Design Overview", "design"),
        ("Security Review (Optional)", "security review"),
    ],
)
def test_heading_matching_is_loose(heading: str, key: str) -> None:
    assert normalise_heading(heading) == key


def test_default_template_requires_the_ten_level1_sections() -> None:
    titles = [section.display_title for section in load_template().required]
    assert titles == [
        "Context and Scope",
        "Goals and Non-Goals",
        "Design Overview",
        "API Design Guidelines",
        "Data Model Overview",
        "Concurrency & Performance Requirements Overview",
        "Cross-Cutting Concerns",
        "Implementation Constraints",
        "Alternatives Considered",
        "Design Review",
    ]


def test_optional_sections_are_not_required() -> None:
    template = parse_template("## Scope\n\ntext\n\n## Rollout (Optional)\n")
    assert [s.key for s in template.required] == ["scope"]
    assert template.optional_keys == frozenset({"rollout"})


def test_a_template_without_required_sections_is_a_one_line_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="no required section"):
        parse_template("# Only a title\n")
    with pytest.raises(TemplateError, match="template not found"):
        load_template(tmp_path / "missing.md")
    bad = tmp_path / "latin1.md"
    bad.write_bytes(b"## Caf\xe9\n")
    with pytest.raises(TemplateError, match="not UTF-8"):
        load_template(bad)
