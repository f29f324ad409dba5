"""plain_title: a title's inline Markdown as text, against markdown-it-py, in linear time."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from hardening.growth import cpu_ratio, line_events
from hardening.test_linear_time import LINEAR_BOUND
from mkdocs_archdesign.core.document.inline import plain_title

_MD = MarkdownIt("commonmark")


def oracle(text: str) -> str:
    """markdown-it's inline tokens as the text a reader sees (image alt text kept)."""

    def walk(tokens: list[Any]) -> str:
        parts = []
        for token in tokens:
            if token.type in ("text", "code_inline"):
                parts.append(token.content)
            elif token.type == "image":
                parts.append(walk(token.children or []))
            elif token.type in ("softbreak", "hardbreak"):
                parts.append(" ")
        return "".join(parts)

    blocks = _MD.parseInline(text)
    return " ".join(walk(blocks[0].children or []).split())


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        (
            "[KEP-3063](https://github.com/kubernetes/enhancements/issues/3063): "
            "Dynamic Resource Allocation",
            "KEP-3063: Dynamic Resource Allocation",
        ),
        ("Order Service", "Order Service"),
        ("audit_gateway_00031 and snake_case", "audit_gateway_00031 and snake_case"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("**Bold** *em* __strong__ _em_ ~~gone~~", "Bold em strong em gone"),
        ("`a*b` and `` x`y ``", "a*b and x`y"),
        ("![logo *x*](logo.png) Title", "logo x Title"),
        (
            "<https://example.com/a> and <me@example.com>",
            "https://example.com/a and me@example.com",
        ),
        ("a <span class='x'>b</span> <!-- note --> c", "a b c"),
        ("&amp; &copy; &#65; &#x42; &bogus; &amp", "& © A B &bogus; &amp"),
        (r"\*not em\* \[not link\]", "*not em* [not link]"),
        ("[WIP] Payments", "[WIP] Payments"),  # no definition: CommonMark keeps the text
        ("[a](b(c)d) e", "a e"),
        ("*a _b* c_", "a _b c_"),
        ("unclosed `code and [link", "unclosed `code and [link"),
        ("<img src=x onerror=alert(1)>", ""),
    ],
)
def test_plain_title_examples(markdown: str, plain: str) -> None:
    assert plain_title(markdown) == plain


def test_reference_links_need_their_definition() -> None:
    assert plain_title("[RFC][rfc] and [KEP] and [x][]", {"rfc", "kep", "x"}) == "RFC and KEP and x"
    assert plain_title("[RFC][rfc] and [KEP]") == "[RFC][rfc] and [KEP]"


_FRAGMENTS = st.sampled_from(
    [
        "a",
        "b c",
        "KEP-1",
        " ",
        "*",
        "**",
        "_",
        "__",
        "`",
        "``",
        "[",
        "]",
        "](u)",
        "![",
        ")",
        "\\*",
        "\\[",
        "&amp;",
        "&copy;",
        "&nope;",
        "<b>",
        "</b>",
        "<https://x.y/z>",
        "<",
        "!",
        ".",
        ":",
    ]
)


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(_FRAGMENTS, min_size=1, max_size=14).map("".join))
def test_plain_title_reads_as_markdown_it_renders(markdown: str) -> None:
    assert plain_title(markdown) == oracle(markdown)


@pytest.mark.parametrize(
    "unit",
    [
        "[",
        "](",
        "![a](",
        "*a",
        "_a ",
        "**a_",
        "<",
        "<a ",
        "`` ` ",
        "&#",
        "\\",
        "[a]",
        "a*b_",
        "<!--",
        "<!a",
    ],
)
def test_plain_title_is_linear_on_hostile_repetition(unit: str) -> None:
    # Lines of code executed: deterministic, so no timing decides the test.
    small = line_events(lambda: plain_title(unit * 400))
    large = line_events(lambda: plain_title(unit * 1600))
    assert large < 5 * small, (small, large)


@pytest.mark.parametrize("unit", ["<!--", "<!a", "](", "`` ` ", "[a](b "])
def test_plain_title_searches_stay_linear(unit: str) -> None:
    # str.find runs in C, out of line_events' sight: CPU time of 4x the input, best of
    # several rounds, with the generous bound the hardening tests use (16x if quadratic).
    assert cpu_ratio(lambda n: lambda: plain_title(unit * n), 2_000) < LINEAR_BOUND
