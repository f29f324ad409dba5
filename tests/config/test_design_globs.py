"""The ``designs`` and ``level2_specs`` globs: one compiled matcher, the verdict of each glob."""

from __future__ import annotations

import fnmatch

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mkdocs_archdesign.core.validation.corpus import is_design_path, match_glob

PARTS = st.sampled_from(
    ["design", "docs", "a", "x.md", "b.md", "api-spec.md", "*", "**", "?", "[ab]", ".md"]
)
GLOBS = st.lists(st.lists(PARTS, min_size=1, max_size=4).map("/".join), min_size=0, max_size=3).map(
    tuple
)
NAMES = st.lists(
    st.sampled_from(["design", "docs", "a", "x.md", "b.md", "api-spec.md", "sub", "a.md"]),
    min_size=1,
    max_size=5,
).map("/".join)


@settings(max_examples=400, deadline=None)
@given(relative=NAMES, globs=GLOBS)
def test_the_compiled_set_agrees_with_each_glob(relative: str, globs: tuple[str, ...]) -> None:
    expected = any(match_glob(relative, pattern) for pattern in globs)
    assert is_design_path(relative, globs) is expected


@pytest.mark.parametrize(
    ("relative", "globs", "expected"),
    [
        ("design/a.md", ("design/**/*.md",), True),  # "**/" spans no folder
        ("design/x/y/a.md", ("design/**/*.md",), True),
        ("designs/a.md", ("design/**/*.md",), False),
        ("a.md", ("design/**/*.md", "*.md"), True),
        ("design/a.md", (), False),  # no globs select nothing
        ("design/a.txt", ("design/*.md",), False),
        ("design/[a].md", ("design/[[]a].md",), True),  # fnmatch's own escapes
        ("DESIGN/a.md", ("design/*.md",), False),  # case-sensitive on every system
    ],
)
def test_known_shapes(relative: str, globs: tuple[str, ...], expected: bool) -> None:
    assert is_design_path(relative, globs) is expected
    assert any(match_glob(relative, pattern) for pattern in globs) is expected


def test_many_globs_with_stars_compile_without_a_group_name_clash() -> None:
    # fnmatch numbers the groups it writes for each star; the joined set must stay valid.
    globs = tuple(f"d{i}/*a*b*c*.md" for i in range(20))
    assert is_design_path("d19/xaybzc.md", globs)
    assert not is_design_path("d20/xaybzc.md", globs)
    assert fnmatch.fnmatchcase("d19/xaybzc.md", globs[-1])
