"""AD208's one search for Pros/Cons/Decision lines decides as the per-line walk it replaced."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_archdesign.core.document.scanner import Section, scan_design
from mkdocs_archdesign.core.rules.content.alternatives import (
    _ALTERNATIVE_RE,
    _PART_RE,
    alternatives,
    part_words,
)
from mkdocs_archdesign.core.rules.text import plain, without_list_marker

from .test_linear_patterns import MAX_RATIO, _ratio

_PARTS = ("pros", "cons", "decision")


def _oracle(texts: list[str]) -> list[tuple[int, str]]:
    """The walk AD208 ran before: one word per line, compared in Python."""
    found = []
    for index, text in enumerate(texts):
        word = without_list_marker(plain(text)).lstrip().split(":", 1)[0].strip().lower()
        if word in _PARTS:
            found.append((index, word))
    return found


_FRAGMENTS = st.sampled_from(
    [
        "Pros",
        "CONS",
        "Decision",
        "decİsion",
        "proſ",
        "cons",
        "pros and cons",
        "prosper",
        "**",
        "`",
        ":",
        " ",
        "\t",
        "\u00a0",
        "\u2003",
        "\x85",
        "\x1c",
        "\x00",
        "-",
        "+",
        "*",
        "1.",
        "2)",
        "1234567890.",
        "٣.",
        "x",
        "é",
        "K",
        ": pros",
    ]
)
_LINE = st.lists(_FRAGMENTS, max_size=8).map("".join)


@given(st.lists(_LINE, max_size=8))
def test_part_words_equal_the_per_line_walk(texts: list[str]) -> None:
    assert list(part_words(texts)) == _oracle(texts)


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n\r")), max_size=5))
def test_part_words_equal_the_per_line_walk_on_any_text(texts: list[str]) -> None:
    assert list(part_words(texts)) == _oracle(texts)


def test_part_words_on_tricky_lines() -> None:
    texts = [
        "- **Pros**: fast",
        "* **Cons:** slow",
        "  - Decision",
        "3) decision : rejected",
        "- pros and cons: both",
        "Decision\u00a0:",
        "+\t\tCONS",
        "1234567890. pros",
        "prosper: no",
        "",
    ]
    assert list(part_words(texts)) == _oracle(texts)
    assert _oracle(texts) == [
        (0, "pros"),
        (1, "cons"),
        (3, "decision"),
        (5, "decision"),
        (6, "cons"),
    ]


# Line shapes beyond the shared HOSTILE lines: long runs after a list marker.
_HOSTILE_LINES = {
    "marker then blanks": lambda n: "- " + " \t" * n + "x",
    "marker then spaces and bold": lambda n: "* " + " " * n + "**Option",
    "part then blanks": lambda n: "pros" + " " * n + "x",
}


@pytest.mark.parametrize("pattern", [_PART_RE, _ALTERNATIVE_RE], ids=["part", "alternative"])
@pytest.mark.parametrize("label", sorted(_HOSTILE_LINES))
def test_patterns_are_linear_on_hostile_lines(pattern: re.Pattern[str], label: str) -> None:
    growth = _ratio(pattern, _HOSTILE_LINES[label])
    assert growth < MAX_RATIO, f"{pattern.pattern} grows {growth:.0f}x on '{label}'"


def _bold_oracle(section: Section) -> list[tuple[int, str]]:
    """AD207's bold alternatives as found before: marker stripped, then the old pattern."""
    old = re.compile(r"\*\*(?:alternative|option)\b[^*\n]*\*\*", re.IGNORECASE)
    return [
        (line, match.group(0).strip("*").strip())
        for line, text in section.prose()
        if "**" in text and (match := old.match(without_list_marker(text))) is not None
    ]


_BOLD_FRAGMENTS = st.sampled_from(
    [
        "**",
        "*",
        "Alternative",
        "OPTION",
        "optıon",
        "Option 1",
        ": x",
        " ",
        "\t",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "1234567890) ",
        "-",
        "é",
        "x",
        "_",
        "\u00a0",
        "`",
    ]
)


@given(st.lists(st.lists(_BOLD_FRAGMENTS, max_size=8).map("".join), max_size=6))
def test_bold_alternatives_equal_the_per_line_walk(lines: list[str]) -> None:
    design = scan_design("## 9. Alternatives Considered\n\n" + "\n\n".join(lines) + "\n")
    section = next(design.sections())
    expected = _bold_oracle(section)
    if expected:  # else the sub-headings decide, as before
        assert alternatives(section) == expected
