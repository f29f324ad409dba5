"""The one-pass scanner on odd but real Markdown, plus property tests over generated input."""

from __future__ import annotations

import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_archdesign.core.document.scanner import ScannedDesign, scan_design


def _scan(text: str) -> ScannedDesign:
    return scan_design(textwrap.dedent(text).lstrip("\n"))


def _headings(design: ScannedDesign) -> list[tuple[int, str, int]]:
    return [(h.level, h.text, h.line) for h in design.headings]


def test_atx_headings_with_closing_hashes_and_levels() -> None:
    design = scan_design("# Title #\n## 3. Design Overview ##\n### Deep ###   \n#NotAHeading\n")
    assert _headings(design) == [(1, "Title", 1), (2, "3. Design Overview", 2), (3, "Deep", 3)]


def test_setext_headings() -> None:
    design = _scan("""
        Order Service
        =============

        Context and Scope
        -----------------

        Text.
        """)
    assert _headings(design) == [(1, "Order Service", 1), (2, "Context and Scope", 4)]
    assert [p for node in design.nodes for p in node.prose] == [(7, "Text.")]


def test_a_thematic_break_after_a_blank_line_is_not_a_heading() -> None:
    design = _scan("""
        Text.

        ---
        """)
    assert design.headings == []


def test_headings_inside_code_and_comments_are_not_headings() -> None:
    design = _scan("""
        ## Real

        ```python
        # not a heading
        ```

        ~~~
        ## not either
        ~~~

            # indented code, not a heading

        <!--
        ## commented out
        -->
        <!-- ## one-line comment -->
        ## Also real
        """)
    assert [h.text for h in design.headings] == ["Real", "Also real"]
    comments = [c.text for c in design.all_comments()]
    assert comments == ["## commented out", "## one-line comment"]


def test_nested_fences_of_different_lengths() -> None:
    design = _scan("""
        ## Example

        ````markdown
        ```python
        # inside the inner fence
        ```
        ## still inside the outer fence
        ````

        ## After
        """)
    assert [h.text for h in design.headings] == ["Example", "After"]
    fence = design.nodes[1].fences[0]
    assert fence.language == "markdown"
    assert (fence.line, fence.end_line) == (3, 8)
    assert fence.body[0] == "```python"


def test_an_unclosed_fence_runs_to_the_end_without_error() -> None:
    design = _scan("""
        ## A

        ```mermaid
        flowchart LR
        ## not a heading
        """)
    assert [h.text for h in design.headings] == ["A"]
    assert design.nodes[1].fences[0].end_line == design.line_count


def test_blocks_have_their_source_lines() -> None:
    design = _scan("""
        ## Section

        **Status**: Approved
        - **Pros**: fast
        - [ ] open item
        - [x] done item

        | Component | Strategy |
        | --- | --- |
        | Cache | Redis |
        """)
    node = design.nodes[1]
    assert [(label.label, label.value, label.line) for label in node.labels] == [
        ("Status", "Approved", 3),
        ("Pros", "fast", 4),
    ]
    assert [(item.text, item.checked, item.line) for item in node.items] == [
        ("**Pros**: fast", None, 4),
        ("open item", False, 5),
        ("done item", True, 6),
    ]
    table = node.tables[0]
    assert (table.header, table.rows, table.line) == (
        ("Component", "Strategy"),
        (("Cache", "Redis"),),
        8,
    )


def test_crlf_bom_and_lf_scan_alike() -> None:
    text = "---\ntitle: X\n---\n# T\n\n## A\n\n- item\n"
    lf = scan_design(text)
    crlf = scan_design("\ufeff" + text.replace("\n", "\r\n"))
    assert _headings(lf) == _headings(crlf) == [(1, "T", 4), (2, "A", 6)]
    assert crlf.front_matter.data == {"title": "X"}
    assert crlf.nodes[2].items[0].line == 8


def test_tabs_in_headings_and_lists() -> None:
    design = scan_design("##\tTabbed heading\n\n-\ttabbed item\n\n\tcode by tab\n")
    assert _headings(design) == [(2, "Tabbed heading", 1)]
    assert [item.text for item in design.nodes[1].items] == ["tabbed item"]


def test_empty_file_and_front_matter_only() -> None:
    empty = scan_design("")
    assert (empty.line_count, empty.headings, empty.front_matter.present) == (0, [], False)
    only = scan_design("---\ntitle: X\nstatus: Draft\n---\n")
    assert only.front_matter.data == {"title": "X", "status": "Draft"}
    assert only.headings == [] and only.line_count == 4


def test_broken_front_matter_is_reported_with_its_line_and_the_body_still_scanned() -> None:
    design = scan_design("---\ntitle: X\ntags: [a\nowner: b\n---\n## A\n")
    assert design.front_matter.error is not None
    assert "not valid YAML" in design.front_matter.error
    assert 3 <= design.front_matter.error_line <= 5
    assert [h.text for h in design.headings] == ["A"]


def test_unclosed_front_matter_and_non_mapping() -> None:
    unclosed = scan_design("---\ntitle: X\n## A\n")
    assert unclosed.front_matter.error == "front matter opened with '---' is never closed"
    listed = scan_design("---\n- a\n- b\n---\n")
    assert listed.front_matter.error is not None and "not a mapping" in listed.front_matter.error


def test_a_five_megabyte_design_scans_completely() -> None:
    # Long lines keep the line count (and so the test's run time) modest at 5 MB.
    block = "## Section {n}\n\n- **Label**: `code` and " + "value " * 70 + "\n\n"
    text = "".join(block.format(n=n) for n in range(12_000))
    assert len(text) > 5_000_000
    design = scan_design(text)
    assert len(design.headings) == 12_000
    assert design.headings[-1].line == design.line_count - 3
    assert design.nodes[-1].labels[0].line == design.line_count - 1


def test_sections_nest_by_level() -> None:
    design = _scan("""
        ## A
        ### A.1
        text
        ## B
        """)
    sections = {s.title: s for s in design.sections()}
    assert [h.text for h in sections["A"].subsections()] == ["A.1"]
    assert sections["A"].has_content() and not sections["B"].has_content()
    assert sections["A"].end_line == 3


# -- property tests -----------------------------------------------------------------

_LINES = st.sampled_from(
    [
        "",
        "# H",
        "## 2. Goals and Non-Goals ##",
        "Setext",
        "===",
        "---",
        "```",
        "````mermaid",
        "~~~",
        "    indented",
        "\tTabbed",
        "<!-- c",
        "-->",
        "<!-- one -->",
        "- item",
        "- [ ] task",
        "  - [x] nested",
        "1) ordered",
        "**Status**: Approved",
        "| a | b |",
        "| - | - |",
        "text with `code` and [link](x) <hint here>",
        "\ufeff",
        "\r",
        "title: [unclosed",
    ]
)
_DOCS = st.lists(st.one_of(_LINES, st.text(max_size=30)), max_size=40).map("\n".join)


@settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(body=_DOCS, front=st.booleans())
def test_scanner_never_raises_and_lines_stay_inside_the_file(body: str, front: bool) -> None:
    text = ("---\n" + body) if front else body
    design = scan_design(text)
    count = design.line_count

    def inside(line: int) -> bool:
        return 1 <= line <= max(count, 1)

    assert inside(design.front_matter.error_line)
    for node in design.nodes:
        if node.heading is not None:
            assert inside(node.heading.line)
        lines = [
            *(f.line for f in node.fences),
            *(f.end_line for f in node.fences),
            *(t.line for t in node.tables),
            *(i.line for i in node.items),
            *(label.line for label in node.labels),
            *(p[0] for p in node.prose),
            *(c.line for c in node.comments),
        ]
        assert all(inside(line) for line in lines)
    for section in design.sections():
        assert section.line <= section.end_line <= max(count, 1)
