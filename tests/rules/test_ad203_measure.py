"""AD203's one-findall measure test decides as the substitution it replaced."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mkdocs_archdesign.core.rules.content.goals import _PERCENTILE_RE, _has_measure


def _oracle(text: str) -> bool:
    """The test AD203 ran before on every goal: drop percentiles, then look for a digit."""
    return any(map(str.isdigit, _PERCENTILE_RE.sub("", text)))


_FRAGMENTS = st.sampled_from(
    [
        "p95",
        "P99",
        "p9.9",
        "p999",
        "p1000",
        "p",
        "P",
        "95",
        "0",
        ".",
        ".5",
        "x",
        "_",
        " ",
        "ms",
        "%",
        "²",
        "٣",
        "é",
        "p٣",
        "-",
        "pp95",
        "p95p",
        "1p95",
    ]
)


@given(st.lists(_FRAGMENTS, max_size=10).map("".join))
def test_measure_equals_the_substitution(text: str) -> None:
    assert _has_measure(text) == _oracle(text)


@given(st.text())
def test_measure_equals_the_substitution_on_any_text(text: str) -> None:
    assert _has_measure(text) == _oracle(text)


def test_measure_of_tricky_goals() -> None:
    cases = {
        "Reduce p95": False,
        "p95 < 150ms": True,
        "p99.9": False,
        "p99.9x": True,
        "p1000": True,
        "1p95": True,
        "Fast": False,
        "p95 ²": True,
        "": False,
    }
    for text, expected in cases.items():
        assert _has_measure(text) == _oracle(text) == expected, text
