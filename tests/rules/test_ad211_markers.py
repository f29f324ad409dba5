"""AD211's first words of every line, found by one search, equal the per-line walk."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_archdesign.core.document.scanner import Section, scan_design
from mkdocs_archdesign.core.rules.content.scope import _marker_text
from mkdocs_archdesign.core.rules.text import one_text, plain, without_list_marker


def _oracle(section: Section) -> str:
    """The markers AD211 built before, one Python step per line, joined as it searches them."""
    texts = [heading.text.lower() for heading in section.subsections()]
    texts.extend(label.label.lower() for label in section.labels())
    texts.extend(without_list_marker(plain(text))[:40].lower() for _, text in section.prose())
    return one_text(texts)


def _section(lines: list[str]) -> Section:
    design = scan_design("## 1. Context and Scope\n\n" + "\n".join(lines) + "\n")
    return next(design.sections())


_FRAGMENTS = st.sampled_from(
    [
        "- ",
        "* ",
        "+\t",
        "1. ",
        "2) ",
        "1234567890. ",
        "-",
        "**",
        "`",
        " ",
        "\t",
        "\u00a0",
        "ΑΣ",
        "Σ",
        "İ",
        "ẞ",
        "\x00",
        "Problem",
        "USERS",
        "out of scope",
        "### Out",
        "x" * 45,
        "**Boundary**: ",
        "é",
        ":",
        "\u0301",
        "'",
        "a",
    ]
)
_LINE = st.lists(_FRAGMENTS, max_size=8).map("".join)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINE, max_size=8))
def test_markers_equal_the_per_line_walk(lines: list[str]) -> None:
    section = _section(lines)
    assert _marker_text(section) == _oracle(section)


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n\r")), max_size=5))
def test_markers_equal_the_per_line_walk_on_any_text(lines: list[str]) -> None:
    section = _section(lines)
    assert _marker_text(section) == _oracle(section)


def test_markers_of_tricky_lines() -> None:
    lines = ["- **Problem**: ΑΣ", "1. ΑΣ" + "x" * 50, "ΑΣ", "", "+\t\tİ users", "10000000000. x"]
    section = _section(lines)
    assert _marker_text(section) == _oracle(section)
