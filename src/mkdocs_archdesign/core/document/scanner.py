"""One-pass scanner: a design's source in, headings and the blocks rules need out.

The scanner never converts Markdown to HTML. It walks the lines once with CommonMark's
block structure (see :mod:`.blocks`) and records for each heading the blocks beneath it:
fenced code, tables, list items (task items too), ``**Label**: value`` lines and plain
prose, plus HTML comments and link reference definitions. Every block keeps its 1-based
source line, so findings point at the right place.

No regular expression that can backtrack reads user text, and most lines are classified
by their first character: a 20 MB design scans in linear time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import chain
from operator import attrgetter

from mkdocs_archdesign.core.document.blocks import BlockScanner
from mkdocs_archdesign.core.document.frontmatter import FrontMatter, parse_front_matter
from mkdocs_archdesign.core.document.nodes import (
    Comment,
    Fence,
    Heading,
    Label,
    ListItem,
    Node,
    Table,
)
from mkdocs_archdesign.core.frozen import fast_init

__all__ = [
    "Comment",
    "Fence",
    "Heading",
    "Label",
    "ListItem",
    "Node",
    "ScannedDesign",
    "Section",
    "Table",
    "scan_design",
    "split_lines",
]


# The blocks of a run of nodes, chained in C: rules walk them for every section, and a
# generator resumed per element cost several times the walk itself.
_FENCES = attrgetter("fences")
_TABLES = attrgetter("tables")
_ITEMS = attrgetter("items")
_LABELS = attrgetter("labels")
_PROSE = attrgetter("prose")
_COMMENTS = attrgetter("comments")


@fast_init
@dataclass(frozen=True, slots=True)
class Section:
    """A heading with its content: every node up to the next heading of its level or higher.

    Attributes:
        heading: The section's heading.
        nodes: The heading's own node first, then its sub-sections' nodes.
        end_line: The last line of the section (1-based, inclusive).
    """

    heading: Heading
    nodes: tuple[Node, ...]
    end_line: int

    @property
    def title(self) -> str:
        """The heading text."""
        return self.heading.text

    @property
    def line(self) -> int:
        """The heading's line."""
        return self.heading.line

    @property
    def level(self) -> int:
        """The heading's level."""
        return self.heading.level

    @property
    def own(self) -> Node:
        """The node directly under the heading, before any sub-heading."""
        return self.nodes[0]

    def subsections(self) -> Iterator[Heading]:
        """Headings nested inside this section."""
        for node in self.nodes[1:]:
            if node.heading is not None:
                yield node.heading

    def fences(self) -> Iterator[Fence]:
        """Fenced code blocks in the section and its sub-sections."""
        return chain.from_iterable(map(_FENCES, self.nodes))

    def tables(self) -> Iterator[Table]:
        """Tables in the section and its sub-sections."""
        return chain.from_iterable(map(_TABLES, self.nodes))

    def items(self) -> Iterator[ListItem]:
        """List items in the section and its sub-sections."""
        return chain.from_iterable(map(_ITEMS, self.nodes))

    def labels(self) -> Iterator[Label]:
        """``**Label**: value`` lines in the section and its sub-sections."""
        return chain.from_iterable(map(_LABELS, self.nodes))

    def prose(self) -> Iterator[tuple[int, str]]:
        """Non-blank lines outside code and comments, with their 1-based line."""
        return chain.from_iterable(map(_PROSE, self.nodes))

    def has_content(self) -> bool:
        """Whether anything but blank lines, comments and bare sub-headings is inside."""
        # A loop, not any(): a generator per section cost more than the tests it ran.
        for node in self.nodes:  # noqa: SIM110
            if node.prose or node.fences:
                return True
        return False


@dataclass(frozen=True, slots=True)
class ScannedDesign:
    """A scanned design: front matter, every heading's node, and the line count.

    Attributes:
        path: The path the design was read from, as given.
        front_matter: The parsed front matter (with its error, if any).
        nodes: The preamble node, then one node per heading, in document order.
        line_count: Number of lines in the source.
        front_matter_lines: The raw lines between the front matter fences (file line 2 on).
        references: The labels of the link reference definitions, normalised as
            CommonMark matches them (case-folded, whitespace collapsed).
    """

    path: str
    front_matter: FrontMatter
    nodes: tuple[Node, ...]
    line_count: int
    front_matter_lines: tuple[str, ...] = ()
    references: frozenset[str] = frozenset()

    @property
    def headings(self) -> list[Heading]:
        """Every heading, in document order."""
        return [n.heading for n in self.nodes if n.heading is not None]

    @property
    def title_heading(self) -> str | None:
        """The text of the first level-1 heading, if any."""
        for node in self.nodes:
            if node.heading is not None and node.heading.level == 1:
                return node.heading.text
        return None

    def sections(self) -> Iterator[Section]:
        """Every heading as a :class:`Section`, in document order."""
        nodes = self.nodes
        # Every node after the preamble has a heading (the scanner opens a node per heading).
        headings = [node.heading for node in nodes if node.heading is not None]
        count = len(headings)
        assert count == len(nodes) - 1
        # One backward pass finds where each section stops: the next heading of its level
        # or higher ("next smaller or equal" with a stack of still-open candidates).
        stops = [count] * count
        candidates: list[int] = []
        for index in range(count - 1, -1, -1):
            level = headings[index].level
            while candidates and headings[candidates[-1]].level > level:
                candidates.pop()
            if candidates:
                stops[index] = candidates[-1]
            candidates.append(index)
        for index, heading in enumerate(headings):
            stop = stops[index]
            end_line = headings[stop].line - 1 if stop < count else self.line_count
            line = heading.line
            yield Section(heading, nodes[index + 1 : stop + 1], max(end_line, line))

    def all_prose(self) -> Iterator[tuple[int, str]]:
        """Every prose line of the body, with its line number."""
        return chain.from_iterable(map(_PROSE, self.nodes))

    def all_comments(self) -> Iterator[Comment]:
        """Every HTML comment of the body."""
        return chain.from_iterable(map(_COMMENTS, self.nodes))


def split_lines(text: str) -> list[str]:
    """Split on CommonMark's line endings (LF, CRLF, CR) without keeping them, dropping a BOM.

    Only these three: a form feed, U+0085 or U+2028 inside a line is no line break for
    Python-Markdown (MkDocs reads files with universal newlines, then splits on LF), for
    CommonMark or for the Language Server Protocol, so it is none here either
    (``str.splitlines`` breaks on all of them). Review edits split the same way
    (:meth:`~mkdocs_archdesign.core.textedit.Lines.from_text`).
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not lines[-1]:
        lines.pop()  # the final line ending ends a line, it does not start one
    return lines


def scan_design(text: str, path: str = "<design>") -> ScannedDesign:
    """Scan a design's Markdown source in one pass.

    Args:
        text: The whole file's text (already decoded).
        path: The path to report findings against.

    Returns:
        The scanned design. The scanner never raises on odd input: unclosed fences run
        to the end of the file, unclosed comments likewise, broken front matter is
        reported in ``front_matter.error`` and the body is scanned anyway.
    """
    lines = split_lines(text)
    front = parse_front_matter(lines)
    scanner = BlockScanner(lines)
    scanner.run(front.body_start)
    front_lines = tuple(lines[1 : front.body_start - 1]) if front.body_start else ()
    references = frozenset(scanner.refs)
    return ScannedDesign(path, front, tuple(scanner.nodes), len(lines), front_lines, references)
