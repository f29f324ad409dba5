"""The rules' fast paths decide exactly as the slow paths they skip.

AD214, AD301 and AD302 skip a node when its joined prose text lacks their words
(:func:`node_prose_texts`); AD211, AD213 search all their texts at once
(:func:`one_text`). Each is compared here with the walk it replaces, on generated input.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.context import DesignContext
from mkdocs_archdesign.core.document.scanner import scan_design
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.rules import REGISTRY, level2
from mkdocs_archdesign.core.rules.content import assumptions, cross_cutting, scope
from mkdocs_archdesign.core.rules.text import node_prose_texts, one_text
from mkdocs_archdesign.core.validation.validator import build_context

TEMPLATE = load_template()
SETTINGS = Settings()

_FRAGMENTS = st.sampled_from(
    [
        "ASSUMPTION:",
        "assumption :",
        "ASSUMPTİON:",
        "RISK:",
        "MITIGATION:",
        "risk :",
        "`f(a: int) -> B`",
        "get(user_id)",
        "def run(x):",
        "async  def go(y: str)",
        "->",
        "(",
        ")",
        ":",
        "`",
        "class E(Exception):",
        "class A(base.FooError, Bar)",
        "class",
        "- ",
        "* ",
        "1. ",
        "**Label**:",
        "\t",
        "\u00a0",
        "Σ",
        "x",
        "",
    ]
)
_LINE = st.lists(_FRAGMENTS | st.text(max_size=6), max_size=6).map(" ".join)
_HEADINGS = st.sampled_from(["# T", "## 4. API Design Guidelines", "### 4.4 API Overview", "## X"])
_DESIGN = st.lists(
    _HEADINGS | _LINE | st.just("```python") | st.just("```") | st.just(""), max_size=30
).map("\n".join)

FUZZ = settings(
    max_examples=200,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _every_node_walked(ctx: DesignContext) -> list[str]:
    # A text holding every word the skips look for: no node is skipped.
    return ["def ( : -> class assumption"] * len(ctx.design.nodes)


def _hits(code: str, ctx: DesignContext) -> list[tuple[int, str, str | None]]:
    check = REGISTRY[code].check
    assert check is not None
    return [(hit.line, hit.message, hit.section) for hit in check(ctx)]


@pytest.mark.parametrize("code", ["AD214", "AD301", "AD302"])
@FUZZ
@given(text=_DESIGN)
def test_node_skips_find_what_the_full_walk_finds(code: str, text: str) -> None:
    fast = _hits(code, build_context(scan_design(text), TEMPLATE, SETTINGS))
    with pytest.MonkeyPatch.context() as patch:
        for module in (assumptions, level2):
            patch.setattr(module, "node_prose_texts", _every_node_walked)
        slow = _hits(code, build_context(scan_design(text), TEMPLATE, SETTINGS))
    assert fast == slow


@FUZZ
@given(text=_DESIGN)
def test_a_word_on_a_line_is_in_its_nodes_text(text: str) -> None:
    ctx = build_context(scan_design(text), TEMPLATE, SETTINGS)
    texts = node_prose_texts(ctx)
    assert len(texts) == len(ctx.design.nodes)
    for node, joined in zip(ctx.design.nodes, texts, strict=True):
        for _, line in node.prose:
            assert line in joined
            assert line.lower() in joined.lower()


def _patterns() -> Iterator[tuple[str, object]]:
    for name, pattern in scope.SCOPE_ELEMENTS:
        yield f"scope {name}", pattern
    for name, pattern in cross_cutting.CONCERNS:
        yield f"cross-cutting {name}", pattern


_WORDY = st.lists(
    st.sampled_from(
        [
            "problem",
            "users",
            "user",
            "clients",
            "boundary",
            "upstream",
            "out of",
            "out-",
            "of scope",
            "scope",
            "not in",
            "in scope",
            "logging",
            "secure",
            "retries",
            "circuit",
            "breaker",
            "resilien",
            "\x00",
            "\n",
            " ",
            "-",
            "_",
            "é",
        ]
    )
    | st.text(max_size=4),
    max_size=6,
).map("".join)


@pytest.mark.parametrize(("name", "pattern"), list(_patterns()))
@FUZZ
@given(texts=st.lists(_WORDY, max_size=5))
def test_one_search_over_joined_texts_is_a_search_per_text(
    name: str, pattern: object, texts: list[str]
) -> None:
    import re

    assert isinstance(pattern, re.Pattern)
    expected = any(pattern.search(text) for text in texts)
    assert (pattern.search(one_text(texts)) is not None) == expected, name
