"""One-pass scanner: a design's source in, headings and the blocks rules need out.

The scanner never converts Markdown to HTML. It walks the lines once, tracking fenced
code and HTML comments, and records for each heading the blocks beneath it: fenced code,
tables, list items (task items too), ``**Label**: value`` lines and plain prose. Every
block keeps its 1-based source line, so findings point at the right place.

Only anchored, linear regular expressions are used, and most lines are classified by
their first character before any regex runs: a 20 MB design scans in linear time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from mkdocs_archdesign.core.document.frontmatter import FrontMatter, parse_front_matter

_ATX_RE = re.compile(r" {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_ATX_CLOSE_RE = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_FENCE_RE = re.compile(r"( *)(`{3,}|~{3,})[ \t]*([^`]*?)[ \t]*$")
_LIST_RE = re.compile(r"( *)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*)|$)")
_TASK_RE = re.compile(r"\[([ xX])\](?:[ \t]+(.*)|$)")
_LABEL_RE = re.compile(r"\*\*([^*\n]{1,80}?)(:?)\*\*(:?)[ \t]*(.*)$")
_TABLE_DELIM_RE = re.compile(r" {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")
_SETEXT_RE = re.compile(r" {0,3}(=+|-+)[ \t]*$")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading as written: level 1-6, its text and its 1-based line."""

    level: int
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Fence:
    """A fenced code block: its info string, its body lines and where it starts/ends."""

    info: str
    line: int
    end_line: int
    body: tuple[str, ...]

    @property
    def language(self) -> str:
        """The first word of the info string, lower-cased (``"mermaid"``)."""
        parts = self.info.split()
        return parts[0].lower().lstrip("{.") if parts else ""


@dataclass(frozen=True, slots=True)
class Table:
    """A pipe table: header cells, body rows (cells) and the header's line."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int


@dataclass(frozen=True, slots=True)
class ListItem:
    """A list item's first line: its text, indent and, for task items, the checkbox."""

    text: str
    line: int
    indent: int
    checked: bool | None = None


@dataclass(frozen=True, slots=True)
class Label:
    """A ``**Label**: value`` (or ``**Label:** value``) line, in or outside a list."""

    label: str
    value: str
    line: int


@dataclass(frozen=True, slots=True)
class Comment:
    """An HTML comment's text (inner), with the line where it starts."""

    text: str
    line: int


@dataclass(slots=True)
class Node:
    """Everything between one heading and the next heading of any level.

    The preamble (before the first heading) is a node whose ``heading`` is ``None``.
    """

    heading: Heading | None
    fences: list[Fence] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    items: list[ListItem] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    prose: list[tuple[int, str]] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)


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
        for node in self.nodes:
            yield from node.fences

    def tables(self) -> Iterator[Table]:
        """Tables in the section and its sub-sections."""
        for node in self.nodes:
            yield from node.tables

    def items(self) -> Iterator[ListItem]:
        """List items in the section and its sub-sections."""
        for node in self.nodes:
            yield from node.items

    def labels(self) -> Iterator[Label]:
        """``**Label**: value`` lines in the section and its sub-sections."""
        for node in self.nodes:
            yield from node.labels

    def prose(self) -> Iterator[tuple[int, str]]:
        """Non-blank lines outside code and comments, with their 1-based line."""
        for node in self.nodes:
            yield from node.prose

    def has_content(self) -> bool:
        """Whether anything but blank lines, comments and bare sub-headings is inside."""
        return any(node.prose or node.fences for node in self.nodes)


@dataclass(frozen=True, slots=True)
class ScannedDesign:
    """A scanned design: front matter, every heading's node, and the line count.

    Attributes:
        path: The path the design was read from, as given.
        front_matter: The parsed front matter (with its error, if any).
        nodes: The preamble node, then one node per heading, in document order.
        line_count: Number of lines in the source.
        front_matter_lines: The raw lines between the front matter fences (file line 2 on).
    """

    path: str
    front_matter: FrontMatter
    nodes: tuple[Node, ...]
    line_count: int
    front_matter_lines: tuple[str, ...] = ()

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
        for node in self.nodes:
            yield from node.prose

    def all_comments(self) -> Iterator[Comment]:
        """Every HTML comment of the body."""
        for node in self.nodes:
            yield from node.comments


def split_lines(text: str) -> list[str]:
    """Split on any line ending (LF, CRLF, CR) without keeping them, dropping a BOM."""
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.splitlines()


def _clean_heading(text: str | None) -> str:
    if not text:
        return ""
    # A closing sequence ends in "#"; most headings do not, and skip the search.
    if text.endswith("#"):
        closed = _ATX_CLOSE_RE.search(text)
        if closed is not None:
            text = text[: closed.start()]
    return text.strip()


def _atx_heading(raw: str, indent: int, lineno: int) -> Heading | None:
    """The ATX heading on ``raw`` (``indent`` < 4 leading spaces), or ``None``.

    Equivalent to matching :data:`_ATX_RE`, without a regex: 1-6 ``#`` right after the
    indent, then the end of the line or a space or tab.
    """
    rest = raw[indent:] if indent else raw
    hashes = len(rest) - len(rest.lstrip("#"))
    if not 1 <= hashes <= 6:
        return None
    after = rest[hashes:]
    if after and after[0] not in " \t":
        return None
    return Heading(hashes, _clean_heading(after.strip(" \t")), lineno)


def _bullet_item_text(raw: str, indent: int) -> str | None:
    """The text of a ``-``/``*``/``+`` list item's first line, or ``None`` if not an item.

    Equivalent to matching :data:`_LIST_RE` on a bullet: the marker right after the
    indent, then the end of the line or a space or tab.
    """
    after = raw[indent + 1 :]
    if after and after[0] not in " \t":
        return None
    return after.strip()


def _cells(line: str) -> tuple[str, ...]:
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    # Without a backslash no pipe is escaped, and a plain split is the same split.
    parts = stripped.split("|") if "\\" not in stripped else _CELL_SPLIT_RE.split(stripped)
    return tuple(cell.strip() for cell in parts)


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
    current = Node(None)
    nodes: list[Node] = [current]
    count = len(lines)
    index = front.body_start
    prev_prose: tuple[int, str] | None = None  # a paragraph line that a setext underline may claim

    while index < count:
        raw = lines[index]
        stripped = raw.strip()
        if not stripped:
            prev_prose = None
            index += 1
            continue
        lineno = index + 1
        first = stripped[0]

        if first in "`~" and (stripped.startswith("```") or stripped.startswith("~~~")):
            match = _FENCE_RE.match(raw)
            if match is not None and not (match.group(2)[0] == "`" and "`" in match.group(3)):
                marker = match.group(2)
                body_start = index + 1
                end = body_start
                while end < count:
                    candidate = lines[end].strip()
                    if candidate.startswith(marker) and candidate.strip(marker[0]) == "":
                        break
                    end += 1
                body = tuple(lines[body_start:end])
                end_line = min(end + 1, count)
                current.fences.append(Fence(match.group(3).strip(), lineno, end_line, body))
                prev_prose = None
                index = end + 1
                continue

        if first == "<" and stripped.startswith("<!--"):
            start_line = lineno
            close = raw.find("-->", raw.find("<!--") + 4)
            if close >= 0:
                inner = raw[raw.find("<!--") + 4 : close]
                current.comments.append(Comment(inner.strip(), start_line))
                rest = raw[close + 3 :].strip()
                if rest:
                    current.prose.append((lineno, rest))
                index += 1
                continue
            parts = [raw[raw.find("<!--") + 4 :]]
            end = index + 1
            while end < count and "-->" not in lines[end]:
                parts.append(lines[end])
                end += 1
            if end < count:
                parts.append(lines[end][: lines[end].find("-->")])
            current.comments.append(Comment("\n".join(parts).strip(), start_line))
            prev_prose = None
            index = end + 1
            continue

        indent = len(raw) - len(raw.lstrip(" ")) if raw[0] == " " else 0
        if first == "#" and indent < 4:
            heading = _atx_heading(raw, indent, lineno)
            if heading is not None:
                current = Node(heading)
                nodes.append(current)
                prev_prose = None
                index += 1
                continue

        if first in "=-" and prev_prose is not None and indent < 4 and _SETEXT_RE.match(raw):
            # A paragraph line followed by ===/--- is a heading, not prose and a rule.
            level = 1 if first == "=" else 2
            owner = current
            if owner.prose and owner.prose[-1] == prev_prose:
                owner.prose.pop()
            heading = Heading(level, prev_prose[1].strip(), prev_prose[0])
            current = Node(heading)
            nodes.append(current)
            prev_prose = None
            index += 1
            continue

        if "|" in stripped and index + 1 < count and _TABLE_DELIM_RE.match(lines[index + 1]):
            header = _cells(raw)
            rows: list[tuple[str, ...]] = []
            end = index + 2
            while end < count and "|" in lines[end] and lines[end].strip():
                rows.append(_cells(lines[end]))
                end += 1
            current.tables.append(Table(header, tuple(rows), lineno))
            current.prose.append((lineno, stripped))
            prev_prose = None
            index = end
            continue

        if indent >= 4 and prev_prose is None and not current.items:
            # Indented code block (not a list continuation): not prose, no headings.
            index += 1
            continue

        text_part = stripped
        is_item = False
        if first in "-*+0123456789":
            item_text: str | None
            if first in "-*+":
                # The marker must follow the indent directly (a tab before it is prose).
                item_text = _bullet_item_text(raw, indent) if raw[indent] == first else None
            else:
                match = _LIST_RE.match(raw)
                item_text = None if match is None else (match.group(3) or "").strip()
            if item_text is not None and not (
                first in "-*" and stripped.count(first) >= 3 and _is_thematic_break(stripped)
            ):
                checked: bool | None = None
                if item_text.startswith("["):
                    task = _TASK_RE.match(item_text)
                    if task is not None:
                        checked = task.group(1) != " "
                        item_text = (task.group(2) or "").strip()
                current.items.append(ListItem(item_text, lineno, indent, checked))
                text_part = item_text
                is_item = True

        # The label pattern is anchored at the start: only a line opening with "**" can match.
        if text_part.startswith("**"):
            label = _LABEL_RE.match(text_part)
            if label is not None and (label.group(2) or label.group(3)):
                current.labels.append(Label(label.group(1).strip(), label.group(4).strip(), lineno))

        entry = (lineno, stripped)
        current.prose.append(entry)
        # A list item's line is never the paragraph a setext underline turns into a heading.
        prev_prose = None if is_item else entry
        index += 1

    front_lines = tuple(lines[1 : front.body_start - 1]) if front.body_start else ()
    return ScannedDesign(path, front, tuple(nodes), count, front_lines)


def _is_thematic_break(stripped: str) -> bool:
    compact = stripped.replace(" ", "")
    return len(compact) >= 3 and len(set(compact)) == 1
