"""Small text helpers the rules share: code-span stripping and section line walks.

Every helper is linear in its input and uses only anchored or bounded patterns, so a
rule can call them on every line of a large design without a backtracking trap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from itertools import count
from operator import itemgetter

from mkdocs_archdesign.core.document.context import DesignContext
from mkdocs_archdesign.core.document.scanner import Section, Table

_CODE_SPAN_RE = re.compile(r"`[^`\n]*`")
#: A bullet or an ordered-list number, without the blanks after it: the patterns that take
#: a line's marker off as :func:`without_list_marker` does are built from this one.
LIST_MARKER = r"(?:[-*+]|\d{1,9}[.)])"
_LIST_MARKER_RE = re.compile(LIST_MARKER + r"[ \t]+")
_PLACEHOLDER_RE = re.compile(r"\b(?:TODO|TBD)\b")
_TEXT = itemgetter(1)
# NUL is neither whitespace nor a word character: see one_text().
_SEAM = "\x00"


def strip_code_spans(text: str) -> str:
    """Blank out inline code spans so placeholders inside code are not reported."""
    if "`" not in text:
        return text
    return _CODE_SPAN_RE.sub(" ", text)


def is_placeholder(text: str) -> bool:
    """Whether ``text`` still holds a ``TODO``/``TBD`` placeholder outside code spans.

    Content rules do not take such a line as evidence: the template's own hints
    (``TODO (e.g. p95 < 200ms)``) must not satisfy the rules they describe.
    """
    if "TODO" not in text and "TBD" not in text:
        return False
    return _PLACEHOLDER_RE.search(strip_code_spans(text)) is not None


def plain(text: str) -> str:
    """Drop emphasis and code marks: ``**Expected RPS**: `1000` `` -> ``Expected RPS: 1000``."""
    return text.replace("*", "").replace("`", "")


def without_list_marker(text: str) -> str:
    """A prose line without its leading bullet or number (``- foo`` -> ``foo``)."""
    match = _LIST_MARKER_RE.match(text)
    return text[match.end() :] if match is not None else text


def node_prose_texts(ctx: DesignContext) -> list[str]:
    """Each node's prose lines joined by newlines, in node order, computed once per design.

    A word absent from a node's joined text is absent from each of its lines, so rules
    that walk every prose line (AD214, AD301, AD302) skip most nodes with one substring
    test in C instead of one Python step per line. Shared through ``ctx.memo``.
    """
    found: list[str] | None = ctx.memo.get("node_prose_texts")
    if found is None:
        found = ctx.memo["node_prose_texts"] = [
            "\n".join(map(_TEXT, node.prose)) for node in ctx.design.nodes
        ]
    return found


def matching_lines(pattern: re.Pattern[str], text: str) -> list[int]:
    """The indices of the lines of ``text`` (lines joined by newlines) where ``pattern`` matches.

    One ``finditer`` in C over a node's joined prose (see :func:`node_prose_texts`)
    replaces a Python test per line: a rule runs its per-line logic only on these.
    ``pattern`` must match no newline, so each match lies inside the line its start is
    on and a match never hides one on the next line. Linear: the newlines are counted
    once, from each match start to the next.

    Returns:
        The indices, ascending, each once (a line with several matches counts once).
    """
    found: list[int] = []
    index = 0
    counted = 0
    for match in pattern.finditer(text):
        start = match.start()
        index += text.count("\n", counted, start)
        counted = start
        if not found or found[-1] != index:
            found.append(index)
    return found


def one_text(texts: Iterable[str]) -> str:
    """``texts`` joined by NUL, for one regex search over all of them.

    Only for patterns that match no NUL (words, ``\\s``, ``-``, ``\\b``): then no match
    spans two texts, and ``\\b`` finds a boundary at each seam exactly where it would at
    a text's start or end, so ``pattern.search(one_text(texts))`` finds a match exactly
    when one of the texts has one. One search in C replaces a Python call per text.
    """
    return _SEAM.join(texts)


def table_rows(table: Table) -> Iterator[tuple[int, tuple[str, ...]]]:
    """A table's body rows with their 1-based lines (rows follow the delimiter row)."""
    return zip(count(table.line + 2), table.rows)


def section_lines(section: Section) -> Iterator[tuple[int, str]]:
    """Every prose line of a section, then its table rows joined by ``|``, with lines."""
    yield from section.prose()
    for table in section.tables():
        for line, row in table_rows(table):
            yield line, " | ".join(row)


def header_key(cell: str) -> str:
    """Fold a table header cell for matching: ``**Thread-Safe?**`` -> ``thread safe``."""
    folded = plain(cell).replace("?", " ").replace("-", " ").replace("_", " ").lower()
    return " ".join(folded.split())


def quote(text: str, limit: int = 80) -> str:
    """Shorten ``text`` for a message, keeping it on one line."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
