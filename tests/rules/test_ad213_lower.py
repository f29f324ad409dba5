"""AD211 and AD213 lower-case their NUL-joined texts once: the same as each text alone."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_archdesign.core.rules.text import one_text

_TEXT = st.lists(
    st.sampled_from(["Σ", "ΑΣ", "ς", "İ", "ẞ", "'", "\u0301", ".", "A", "x", " ", "\x00", "Ǆ"]),
    max_size=6,
).map("".join)


@given(st.lists(_TEXT, max_size=5))
def test_lowering_the_joined_text_lowers_each_text(texts: list[str]) -> None:
    assert one_text(texts).lower() == one_text([text.lower() for text in texts])


@given(st.lists(st.text(), max_size=5))
def test_lowering_the_joined_text_lowers_each_text_on_any_text(texts: list[str]) -> None:
    assert one_text(texts).lower() == one_text([text.lower() for text in texts])
