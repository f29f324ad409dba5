"""AD205's one search per pattern over the joined lines decides as the per-line walk."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_archdesign.core.rules.content.performance import (
    has_latency,
    has_throughput,
    stated_targets,
)
from mkdocs_archdesign.core.rules.text import is_placeholder, plain


def _oracle(lines: list[str]) -> tuple[bool, bool]:
    """The walk AD205 ran before: each line on its own."""
    throughput = latency = False
    for text in lines:
        if is_placeholder(text):
            continue
        flat = plain(text)
        throughput = throughput or has_throughput(flat)
        latency = latency or has_latency(flat)
    return throughput, latency


_FRAGMENTS = st.sampled_from(
    [
        "1200",
        "1",
        "3.5",
        "2k",
        " ",
        "\t",
        "\u00a0",
        "\x00",
        "\x85",
        "RPS",
        "rps",
        ":",
        "per",
        "second",
        "sec",
        "min",
        "/",
        "s",
        "req",
        "p95",
        "P99",
        "p9",
        "<",
        "under",
        "150",
        "ms",
        "µs",
        "TODO",
        "TBD",
        "`",
        "**",
        "|",
        "throughput",
        "of",
        "x",
        "é",
    ]
)
_LINE = st.lists(_FRAGMENTS, max_size=10).map("".join)


@given(st.lists(_LINE, max_size=6))
def test_stated_targets_equal_the_per_line_walk(lines: list[str]) -> None:
    assert stated_targets(lines) == _oracle(lines)


def test_stated_targets_do_not_join_lines() -> None:
    # Each half alone states nothing: joined by a plain newline, they would.
    cases = [
        ["1200", "RPS"],
        ["1200 ", "per second"],
        ["300 req", "/s"],
        ["RPS:", "1200"],
        ["p95 < 150", "ms"],
        ["p95 <", "150ms"],
        ["p95 < 150ms TODO", "1200 RPS"],
    ]
    for lines in cases:
        assert stated_targets(lines) == _oracle(lines), lines
    assert stated_targets(["p95 < 150ms TODO", "1200 RPS"]) == (True, False)


@given(st.lists(st.text(alphabet=st.characters(blacklist_characters="\n\r")), max_size=5))
def test_stated_targets_equal_the_per_line_walk_on_any_text(lines: list[str]) -> None:
    assert stated_targets(lines) == _oracle(lines)
