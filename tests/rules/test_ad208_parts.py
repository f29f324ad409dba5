"""AD208's one search for Pros/Cons/Decision lines decides as the per-line walk it replaced."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_archdesign.core.rules.content.alternatives import _PART_RE, part_words
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


# _PART_RE searches a section's whole joined text: its shapes beyond the shared HOSTILE lines.
_HOSTILE_TEXTS = {
    "marker then blanks": lambda n: "- " + " \t" * n + "x",
    "blank lines": lambda n: "\n" * n,
    "part then blanks": lambda n: "pros" + " " * n + "x",
    "many part lines": lambda n: "- pros x\n" * n,
}


@pytest.mark.parametrize("label", sorted(_HOSTILE_TEXTS))
def test_part_pattern_is_linear_on_hostile_texts(label: str) -> None:
    growth = _ratio(_PART_RE, _HOSTILE_TEXTS[label])
    assert growth < MAX_RATIO, f"_PART_RE grows {growth:.0f}x on '{label}'"
