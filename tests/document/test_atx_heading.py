"""atx_heading and heading_text give what the spec's reading of a heading line gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_archdesign.core.document import marks


def _reference(content: str, indent: int) -> tuple[int, str] | None:
    """The heading read step by step (slice, count the run, cut the closing sequence)."""
    rest = content[indent:]
    hashes = len(rest) - len(rest.lstrip("#"))
    if not 1 <= hashes <= 6:
        return None
    after = rest[hashes:]
    if after and after[0] not in " \t":
        return None
    text = after.strip(" \t")
    if text.endswith("#"):
        bare = text.rstrip("#")
        if not bare or bare[-1] in " \t":
            text = bare
    return hashes, text.strip(" \t")


@given(st.text(alphabet="# \ta\u00a0", max_size=16), st.integers(min_value=0, max_value=3))
def test_atx_heading_matches_the_reference(line: str, indent: int) -> None:
    content = " " * indent + line
    assert marks.atx_heading(content, indent) == _reference(content, indent)
