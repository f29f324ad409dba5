"""label_of's string-method path finds what the label pattern finds, on every one-line text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_archdesign.core.document import nodes

_LINE = st.text(alphabet="*:ab \t\r\x0b\u00a0", max_size=24) | st.builds(
    lambda label, tail: f"**{label}**{tail}",
    st.text(alphabet="*:a ", min_size=0, max_size=90),
    st.text(alphabet="*: b\t", max_size=6),
)


@given(_LINE)
def test_label_of_matches_the_pattern(text: str) -> None:
    assert nodes.label_of(text) == nodes._label_by_pattern(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("**Status**: Approved", ("Status", "Approved")),
        ("**Status:** Approved", ("Status", "Approved")),
        ("**:**: x", (":", "x")),
        ("**a:**", ("a", "")),
        ("**a**", None),
        ("**a*: x", None),
        ("**a***: x", None),
        ("***a**: x", None),
        ("**" + "x" * 80 + "**: v", ("x" * 80, "v")),
        ("**" + "x" * 81 + "**: v", None),
        ("**" + "x" * 80 + ":**: v", ("x" * 80, "v")),
        ("- **a**: b", None),
        ("**a**:\nb", None),
        ("**a**: b\n", ("a", "b")),
    ],
)
def test_label_of_shapes(text: str, expected: tuple[str, str] | None) -> None:
    assert nodes.label_of(text) == expected
