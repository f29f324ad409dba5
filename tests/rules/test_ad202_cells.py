"""AD202's per-row test of component table cells decides as the per-cell walk."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_archdesign.core.rules.content.overview import _has_gap
from mkdocs_archdesign.core.rules.text import is_placeholder, plain


def _oracle(row: tuple[str, ...]) -> bool:
    """The test AD202 ran before, one Python step per cell."""
    return any(not plain(cell).strip() or is_placeholder(cell) for cell in row)


_CELL = st.lists(
    st.sampled_from(
        [
            "",
            " ",
            "\t",
            "\u00a0",
            "*",
            "`",
            "**",
            "TODO",
            "TBD",
            "`TODO`",
            "TO",
            "DO",
            "x",
            "FastAPI",
            "\x00",
            "\x85",
            "TBDx",
        ]
    ),
    max_size=5,
).map("".join)


@given(st.lists(_CELL, max_size=5).map(tuple))
def test_gap_equals_the_per_cell_walk(row: tuple[str, ...]) -> None:
    assert _has_gap(row) == _oracle(row)


@given(
    st.lists(st.text(alphabet=st.characters(blacklist_characters="\n\r")), max_size=5).map(tuple)
)
def test_gap_equals_the_per_cell_walk_on_any_text(row: tuple[str, ...]) -> None:
    assert _has_gap(row) == _oracle(row)


def test_gap_of_tricky_rows() -> None:
    for row in [(), ("TO", "DO"), ("`TODO`", "x"), ("**", "x"), ("x", " TBD "), ("a", "b")]:
        assert _has_gap(row) == _oracle(row), row
