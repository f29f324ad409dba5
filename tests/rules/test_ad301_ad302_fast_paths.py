"""AD301 walks only the lines ``_candidate_lines`` gives and finds what a walk of all finds.

The oracles below walk every line in Python: AD301 as it was before
:func:`matching_lines`, each line with its own pre-test, and AD302 without its node skip.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document import summary
from mkdocs_archdesign.core.document.context import DesignContext
from mkdocs_archdesign.core.document.scanner import Node, scan_design
from mkdocs_archdesign.core.document.sections import API
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.rules import REGISTRY, level2
from mkdocs_archdesign.core.rules.base import Hit
from mkdocs_archdesign.core.rules.text import matching_lines, quote
from mkdocs_archdesign.core.validation.validator import build_context

from .test_linear_patterns import MAX_RATIO, _ratio

TEMPLATE = load_template()
SETTINGS = Settings()

FUZZ = settings(
    max_examples=300,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_FRAGMENTS = st.sampled_from(
    [
        "`get_user(user_id: int) -> User`",
        "`get_user(user_id)`",
        "get_user(user_id: int)",
        "f(a: int) -> B",
        "`f(a:int)`",
        "`f(a)->B`",
        "x) -> y",
        "`x) -> Y`",
        "-> User",
        "a -> b",
        "=>",
        "(note: see below)",
        "f((a: int))",
        "(a, (b: c))",
        "g(x)(y: z)",
        "(:",
        ":)",
        "def",
        "def run(x):",
        "def\trun",
        "async  def go(y: str)",
        "default",
        "undefined",
        "def_x",
        "xdef y",
        "`def f`",
        "`def`",
        "a`def f`b",
        "class E(Exception):",
        "class A(base.FooError, Bar)",
        "class B (x.Error)",
        "class",
        "subclass C(Exception)",
        "(",
        ")",
        ":",
        "->",
        "`",
        "- ",
        "* ",
        "1. ",
        "**API Overview**",
        "\t",
        "\u00a0",
        "\u2003",
        "\x0c",
        "Σ(ä: ß)",
        "é",
        "x",
        "",
    ]
)
_ONE_LINE = st.lists(_FRAGMENTS | st.text(max_size=5), max_size=6).map("".join) | st.lists(
    _FRAGMENTS, max_size=6
).map(" ".join)
# A line of a design never holds a line break (split_lines).
_LINE = _ONE_LINE.map(lambda line: line.replace("\n", " ").replace("\r", " "))
_HEADINGS = st.sampled_from(
    ["# T", "## 4. API Design Guidelines", "### 4.4 API Overview", "## X", "### Y"]
)
_FENCES = st.sampled_from(["```python", "```", "```py", "```mermaid", "    "])
_DESIGN = st.lists(_HEADINGS | _LINE | _FENCES | st.just(""), max_size=30).map("\n".join)


def _old_rule(ctx: DesignContext) -> Iterator[Hit]:
    """AD301 with a Python step per line, as before the candidate pattern."""
    _, items = summary.api_overview_items(ctx)
    title = ctx.section_title(API)
    seen: set[int] = set()
    for item in items:
        spans = level2._CODE_SPAN_CONTENT_RE.findall(item.text) or [item.text]
        if any(map(level2._is_signature, spans)):
            seen.add(item.line)
            yield Hit(item.line, f"API overview has a full signature: '{quote(item.text)}'", title)
    for node in ctx.design.nodes:
        yield from _old_prose(node, seen)
        for fence in node.fences:
            if fence.language not in level2._CODE_LANGUAGES:
                continue
            for offset, text in enumerate(fence.body, start=1):
                if ("(" in text or "def" in text) and level2._is_signature(text):
                    yield Hit(fence.line + offset, f"full signature: '{quote(text.strip())}'")


def _old_prose(node: Node, seen: set[int]) -> Iterator[Hit]:
    items: set[int] | None = None
    for line, text in node.prose:
        if "(" in text:
            if ":" not in text and "->" not in text and "def" not in text:
                continue
        elif "def" not in text:
            continue
        if line in seen:
            continue
        candidates = level2._CODE_SPAN_CONTENT_RE.findall(text) if "`" in text else []
        if items is None:
            items = {item.line for item in node.items}
        if line in items and level2._CALL_RE.search(text):
            candidates.append(text)
        if any(map(level2._is_signature, candidates)):
            seen.add(line)
            yield Hit(line, f"full signature: '{quote(text)}'")


def _old_ad302(ctx: DesignContext) -> Iterator[Hit]:
    for node in ctx.design.nodes:
        for line, text in node.prose:
            if "class" in text and level2._is_exception_class(text):
                yield Hit(line, f"exception class definition: '{quote(text)}'")
        for fence in node.fences:
            for offset, text in enumerate(fence.body, start=1):
                if "class" in text and level2._is_exception_class(text):
                    yield Hit(fence.line + offset, f"exception class definition: '{quote(text)}'")


def _hits(hits: Iterator[Hit]) -> list[tuple[int, str, str | None]]:
    return [(hit.line, hit.message, hit.section) for hit in hits]


def _assert_as_the_walk(text: str) -> None:
    for code, walk in (("AD301", _old_rule), ("AD302", _old_ad302)):
        check = REGISTRY[code].check
        assert check is not None
        fast = _hits(check(build_context(scan_design(text), TEMPLATE, SETTINGS)))
        slow = _hits(walk(build_context(scan_design(text), TEMPLATE, SETTINGS)))
        assert fast == slow, code


@FUZZ
@given(text=_DESIGN)
def test_the_rules_find_what_the_walk_of_every_line_finds(text: str) -> None:
    _assert_as_the_walk(text)


TRICKY = [
    "# T\n\nsee (a: b)\nsee `x) -> Y` here",
    "# T\n\nsee (a: b)\n- x) -> y: z",
    "# T\n\n- `f(a)` (note: x)\n- get(a) -> B\n- `g(a)`->B",
    "# T\n\n```python\nx) -> Y\ndef\tf(a):\n  g(a: int)\n```",
    "# T\n\n```\nasync  def go(y)\n(a: b) no call\n```\n\n```mermaid\nf(a: b)\n```",
    "## 4. API Design Guidelines\n\n### 4.4 API Overview\n\n- `x) -> Y`: returns\n- `get(a)`: ok",
    "## 4. API Design Guidelines\n\n### 4.4 API Overview\n\n- `get(a: int)`\n\nsee `get(a: int)`",
    "# T\n\n- undefined default (a: b)\n- xdef y(a)\n- def_x(a: b)\n- `def f`",
    "# T\n\nf((a: int)) and (a, (b: c)) and g(x)(y: z)\n- f((a: int))\n- (a, (b: c))",
    "# T\n\n```python\nclass E(Exception):\n```\n\n## X\n\n```\nclass F(x.Error): pass\n```",
    "# T\n\n```mermaid\nclass E(Exception)\n```\n\nsee class G(KeyError) here",
    "# T\n\nclass\n\n## X\n\n```py\nclass E(BaseException):\n```",
    "# T\n\n- Σ(ä: ß)\n- f(a:\u00a0B)\n- f(a) \u2003-> B\n- f(a)\x0c-> B",
]


@pytest.mark.parametrize("text", TRICKY)
def test_the_rules_find_what_the_walk_finds_on_tricky_shapes(text: str) -> None:
    _assert_as_the_walk(text)


@FUZZ
@given(line=_LINE)
def test_a_line_without_a_candidate_match_has_no_signature(line: str) -> None:
    # The superset _SIGNATURE_AT_RE's comment argues, for every candidate AD301 tests.
    pieces = [line, *level2._CODE_SPAN_CONTENT_RE.findall(line)]
    if any(map(level2._is_signature, pieces)):
        assert level2._candidate_lines(line) == [0]


_CANDIDATE_PATTERNS = [level2._SIGNATURE_AT_RE, level2._ANNOTATED_AT_RE]
_NO_NEWLINE_PATTERNS = [*_CANDIDATE_PATTERNS, re.compile("x"), re.compile(r"\b[ab]+")]


@pytest.mark.parametrize("pattern", _NO_NEWLINE_PATTERNS, ids=lambda p: p.pattern)
@FUZZ
@given(lines=st.lists(_LINE, max_size=8))
def test_matching_lines_is_a_search_per_line(pattern: re.Pattern[str], lines: list[str]) -> None:
    expected = [index for index, line in enumerate(lines) if pattern.search(line)]
    assert matching_lines(pattern, "\n".join(lines)) == expected


HOSTILE = {
    "open paren then colons": lambda n: "(" + ":" * n,
    "open paren then letters": lambda n: "(" + "a" * n + ":",
    "open parens": lambda n: "(" * n + ":",
    "close paren then blanks": lambda n: ")" + " " * n + "-",
    "def then blanks": lambda n: "def" + " " * n + "(",
    "annotations without close": lambda n: "(a: b, " * n,
    "defs": lambda n: "def " * n,
}


@pytest.mark.parametrize("pattern", _CANDIDATE_PATTERNS, ids=lambda p: p.pattern)
def test_the_candidate_patterns_stay_linear(pattern: re.Pattern[str]) -> None:
    for label, make in HOSTILE.items():
        growth = _ratio(pattern, make)
        assert growth < MAX_RATIO, f"grows {growth:.0f}x on '{label}'"


def test_matching_lines_lists_a_line_once_however_many_matches() -> None:
    text = "\n".join(["(a:b) (c:d)", "", "x", "(e:f)(g:h)", "(a:b)"])
    assert matching_lines(re.compile(r"\([a-z]:[a-z]\)"), text) == [0, 3, 4]
