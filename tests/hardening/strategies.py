"""Hypothesis strategies: structurally plausible designs, and mutations of them."""

from __future__ import annotations

from hypothesis import strategies as st

_WORDS = st.sampled_from(
    [
        "Order",
        "Service",
        "TODO",
        "TBD",
        "p95",
        "150ms",
        "1200 RPS",
        "[Option Name]",
        "<hint here>",
        "`get_user(user_id)`",
        "`create(x: int) -> User`",
        "ASSUMPTION:",
        "RISK:",
        "MITIGATION:",
        "Python 3.12+",
        "error",
        "**Pros**:",
        "**Cons**:",
        "**Decision**:",
        "class FooError(Exception)",
        "|",
        "#",
        "```",
        "<!--",
        "-->",
        "&",
    ]
)
_TEXT = st.lists(_WORDS | st.text(max_size=12), min_size=0, max_size=8).map(" ".join)
_TITLES = (
    st.sampled_from(
        [
            "Context and Scope",
            "2. Goals and Non-Goals",
            "Design Overview",
            "4.4 API Overview",
            "API Design Guidelines",
            "Data Model Overview",
            "Concurrency & Performance Requirements Overview",
            "Cross-Cutting Concerns",
            "Implementation Constraints",
            "Alternatives Considered",
            "Design Review",
            "Alternative 1: FastAPI",
            "Goals",
            "Non-Goals",
            "Error Handling",
        ]
    )
    | _TEXT
)

_FRONT_KEYS = st.sampled_from(
    [
        "title",
        "status",
        "owner",
        "tags",
        "depends_on",
        "handoffs",
        "superseded_by",
        "complexity",
        "x",
    ]
)
_FRONT_VALUES = st.sampled_from(
    [
        "Draft",
        "Approved",
        "pending-review",
        "[a, b]",
        "{label: x}",
        "- label: a\n  agent: b",
        "&a [1]",
        "*a",
        "!!python/name:os.system",
        "[unclosed",
        "'quoted'",
        "",
        "123",
        "null",
    ]
)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    """A front matter block, sometimes broken."""
    pairs = draw(st.lists(st.tuples(_FRONT_KEYS, _FRONT_VALUES), max_size=6))
    body = "\n".join(f"{key}: {value}" for key, value in pairs)
    closing = draw(st.sampled_from(["---", "...", "", "---"]))
    return f"---\n{body}\n{closing}\n"


@st.composite
def block(draw: st.DrawFn) -> str:
    """One Markdown block of a kind the scanner distinguishes."""
    kind = draw(st.integers(0, 9))
    text = draw(_TEXT)
    if kind == 0:
        return f"{'#' * draw(st.integers(1, 6))} {draw(_TITLES)}"
    if kind == 1:
        fence = draw(st.sampled_from(["```", "~~~", "````", "```mermaid", "~~~python"]))
        return f"{fence}\n{text}\n{draw(st.sampled_from(['```', '~~~', '````', '']))}"
    if kind == 2:
        cols = draw(st.integers(1, 4))
        header = "| " + " | ".join(draw(_TITLES) for _ in range(cols)) + " |"
        sep = "|" + "---|" * cols
        return f"{header}\n{sep}\n| {text} |"
    if kind == 3:
        marker = draw(st.sampled_from(["- ", "* ", "1. ", "- [ ] ", "- [x] ", "  - "]))
        return f"{marker}{text}"
    if kind == 4:
        label = draw(
            st.sampled_from(["Status", "Reviewer", "Review Date", "Goals", "Pros", "API Overview"])
        )
        return f"**{label}**: {text}"
    if kind == 5:
        return f"<!-- {text} -->"
    if kind == 6:
        return f"{draw(_TITLES)}\n{draw(st.sampled_from(['===', '---']))}"
    if kind == 7:
        return f"    {text}"
    if kind == 8:
        return "<!-- archdesign: ignore AD203 -->"
    return text


@st.composite
def design(draw: st.DrawFn) -> str:
    """A whole design: optional front matter, blocks, and a line ending style."""
    parts = [draw(front_matter())] if draw(st.booleans()) else []
    parts.extend(draw(st.lists(block(), max_size=25)))
    text = "\n\n".join(parts)
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = text.replace("\n", newline)
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


@st.composite
def mutated(draw: st.DrawFn, base: st.SearchStrategy[str]) -> str:
    """Truncate, duplicate, swap lines, or insert odd characters into a design."""
    text = draw(base)
    lines = text.split("\n")
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.integers(0, 3))
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        if op == 0:
            lines = lines[:index]
        elif op == 1:
            lines.insert(index, lines[index])
        elif op == 2:
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        else:
            junk = draw(
                st.sampled_from(["\x00", "\u202e", "\ud7ff", "\t", "\x0c", "\u2028", "```", "|"])
            )
            pos = draw(st.integers(0, len(lines[index])))
            lines[index] = lines[index][:pos] + junk + lines[index][pos:]
    return "\n".join(lines)


@st.composite
def reviewable(draw: st.DrawFn) -> str:
    """A Pending Review design: valid front matter, fuzzed blocks, then a Design Review block."""
    blocks = draw(st.lists(block(), max_size=15))
    front = "---\ntitle: Fuzzed\nstatus: Pending Review\nowner: '@a'\n---\n"
    review = (
        "## Design Review\n\n**Status**: Pending Review\n**Reviewer**: TBD\n**Review Date**: TBD\n"
    )
    tail = draw(st.sampled_from(["", "\n", "\n\n**Review Notes**:\n\n- earlier note\n"]))
    return front + "\n\n".join(["# Fuzzed", *blocks, review]) + tail
