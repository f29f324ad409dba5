"""The scanner's block structure: CommonMark's container and leaf blocks, in one pass.

Containers (block quotes and list items) are kept on a stack; every line first
matches the open containers (``>`` markers, list item indentation), then may open new
ones, then its rest is a leaf: a fence, an ATX or setext heading, an HTML block, indented
code, a thematic break, a link reference definition, a table or paragraph text. Each leaf
that spans lines has a handler that takes the line index and returns the next index; the
handlers re-match the containers on every line they consume, which is what keeps a fence
inside a list item (KEP-5710) or a block quote from swallowing the rest of the document.

Tabs are expanded to 4-column stops before a line is read, as Python-Markdown (the
renderer) does. Paragraph text keeps its whole source line (markers included), because
the rules quote lines as the author wrote them.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs_archdesign.core.document import marks
from mkdocs_archdesign.core.document.nodes import (
    Comment,
    Fence,
    Heading,
    Label,
    ListItem,
    Node,
    Table,
    cells,
    label_of,
    new_node,
    task_of,
)


@dataclass(slots=True)
class _Container:
    """An open block quote (``width`` 0) or list item (content ``width`` in columns).

    ``fragile`` marks an item that began with a blank line and holds nothing yet: the
    next blank line ends it (an item may begin with at most one blank line). It only
    ever turns from true to false, so a container made without it never changes.
    """

    quote: bool
    width: int
    fragile: bool = False


#: The item of a bullet at column 0 with one space after it, shared by all of them:
#: it is not fragile, so no line changes it (and the stack holds it, not a copy).
_COLUMN0_ITEM = _Container(False, 2)


#: First characters (after containers) that can open a block quote or list item.
_CONTAINER_STARTS = frozenset(">-*+0123456789")
#: First characters of a leaf that is not paragraph text: fences, ATX headings, HTML,
#: setext underlines, thematic breaks, reference definitions, indented code (the space).
_LEAF_STARTS = frozenset("`~#<=-*_[ ")
#: Characters whose run opens a block only when a space, a tab or the line's end follows
#: it (a list marker, a thematic break, a setext underline).
_RUNS = frozenset("-*_+=")
#: Every character a line (no container open) can start a block with.
_BLOCK_STARTS = _CONTAINER_STARTS | _LEAF_STARTS
_BULLETS = frozenset("-*+")
#: What after ``**`` (as in ``- **Label**: value``) keeps the run a possible block marker.
_RUN_GOES_ON = frozenset(["*", " ", "\t", ""])
#: First characters of a line that may continue an open container (or open indented code).
_INDENTED = frozenset(" >")
#: How a column-0 task item's text starts (``- [ ] text``, ``- [x] text``).
_TASK_HEADS = frozenset(["[ ] ", "[x] ", "[X] "])
_FENCE_CHARS = frozenset("`~")


def _plain_start(text: str) -> bool:
    """Whether non-blank ``text`` (at column 0, no container open) can only be prose.

    A run of ``-``, ``*``, ``_``, ``+`` or ``=`` followed by another character
    (``**Label**``, ``--flag``) is neither a list marker, a thematic break nor a setext
    underline: each needs a space, a tab or the line's end after the run. One or two
    backticks or tildes (inline code) do not open a fence.
    """
    first = text[0]
    if first not in _BLOCK_STARTS:
        return True
    if first in _RUNS:
        after = text.lstrip(first)[:1]
        return after not in (" ", "\t", "")
    if first in _FENCE_CHARS:
        return not text.startswith(first * 3)
    return False


def _prose_text(text: str) -> bool:
    """Whether a list item's text after ``- `` is prose: not blank, no block it opens."""
    return bool(text) and text[0] != " " and not text.isspace() and _plain_start(text)


class BlockScanner:
    """Walks a design's lines once and fills :class:`Node` objects as it goes."""

    __slots__ = ("count", "current", "lines", "nodes", "para", "refs", "stack")

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self.count = len(lines)
        self.current = Node(None)
        self.nodes: list[Node] = [self.current]
        self.stack: list[_Container] = []
        #: The open paragraph's lines (line number, stripped content), for setext headings.
        self.para: list[tuple[int, str]] = []
        self.refs: set[str] = set()

    def run(self, start: int) -> None:
        """Scan from line index ``start`` to the end."""
        index = start
        count = self.count
        lines = self.lines
        stack = self.stack
        # Most lines of a design start at column 0 without a tab: blank lines, prose,
        # headings, bullets. A column-0 line continues no container, so these are told
        # apart here, without a call per line; :meth:`line` takes the rest.
        while index < count:
            raw = lines[index]
            if not raw:
                # The shared column-0 item (the commonest stack) outlives a blank line.
                if stack and (len(stack) > 1 or stack[0] is not _COLUMN0_ITEM):
                    depth = self._blank_depth()
                    if depth < len(stack):
                        del stack[depth:]
                if self.para:  # most blank lines follow one that ended the paragraph
                    self.para = []
                index += 1
                continue
            first = raw[0]
            if first in _INDENTED or "\t" in raw:
                index = self.line(index)
                continue
            if first in _BULLETS and raw[1:2] == " ":
                # A bullet at column 0 is never a lazy line: it closes every container.
                text = raw[2:]
                lead = text[:1]
                if (
                    lead
                    and (
                        lead not in _BLOCK_STARTS
                        or (lead == "*" and text[1:2] == "*" and text[2:3] not in _RUN_GOES_ON)
                        or (lead == "`" and not text.startswith("```"))
                    )
                    and "|" not in text
                    and not text.isspace()
                ):
                    # _prose_item inlined for the commonest list line: "- text".
                    if stack:
                        del stack[:]
                    stripped = text.strip()
                    line = index + 1
                    current = self.current
                    current.items.append(ListItem(stripped, line, 0, None))
                    stack.append(_COLUMN0_ITEM)
                    if stripped and stripped[0] == "*":
                        label = label_of(stripped)
                        if label is not None:
                            current.labels.append(Label(label[0], label[1], line))
                    current.prose.append((line, raw.strip()))
                    self.para = [(line, stripped)]
                    index = line
                elif _prose_text(text):
                    index = self._prose_item(index, raw, 0, 0, 0, text)
                elif text[:4] in _TASK_HEADS:
                    index = self._task_item(index, raw, text)
                else:
                    index = self.line(index)
                continue
            if first == "#":
                found = marks.atx_heading(raw, 0)
                if found is not None:
                    # A heading is never a lazy line either.
                    if stack:
                        del stack[:]
                    self._heading(Heading(found[0], found[1], index + 1))
                    index += 1
                elif stack:
                    index = self.line(index)
                else:
                    index = self._text(index, raw, raw)
                continue
            if stack:
                if self.para or raw.isspace():
                    index = self.line(index)  # maybe a lazy continuation line
                    continue
                # After a blank line a column-0 line closes every container.
                del stack[:]
            if first in _BLOCK_STARTS and not _plain_start(raw):
                index = self.line(index)
            elif "|" in raw:
                index = self._text(index, raw, raw)
            else:
                # _paragraph inlined for the commonest line: prose with nothing open.
                stripped = raw.strip()
                line = index + 1
                current = self.current
                if stripped and stripped[0] == "*":
                    label = label_of(stripped)
                    if label is not None:
                        current.labels.append(Label(label[0], label[1], line))
                entry = (line, stripped)  # the raw line is the content: one tuple for both
                current.prose.append(entry)
                self.para.append(entry)
                index = line

    def text(self, index: int) -> str:
        """Line ``index`` with tabs expanded (only lines that have a tab pay for it)."""
        raw = self.lines[index]
        return raw.expandtabs(4) if "\t" in raw else raw

    def match(self, raw: str) -> tuple[int, int]:
        """How many open containers ``raw`` continues, and the column after them."""
        pos = 0
        matched = 0
        for container in self.stack:
            if container.quote:
                indent = marks.leading_spaces(raw[pos:])
                if indent > 3 or raw[pos + indent : pos + indent + 1] != ">":
                    break
                pos += indent + 1
                if raw[pos : pos + 1] == " ":
                    pos += 1
            elif not raw[pos:].strip():
                if container.fragile:
                    break  # an item may begin with at most one blank line
            elif marks.leading_spaces(raw[pos:]) >= container.width:
                pos += container.width
            else:
                break
            matched += 1
        return matched, pos

    def line(self, index: int) -> int:
        """Scan the line at ``index``; return the index of the next line to scan."""
        raw = self.lines[index]
        if "\t" in raw:
            raw = raw.expandtabs(4)
        stack = self.stack
        if not raw or raw.isspace():  # blank (isspace is strip's test, without a copy)
            if stack:
                self._close(self._blank_depth())
            self.para = []
            return index + 1
        if not stack:
            if _plain_start(raw):
                return self._text(index, raw, raw)  # nothing open, and it opens no block
            matched, pos = 0, 0
        elif raw[0] not in " >":
            matched, pos = 0, 0  # column 0 continues no list item and no block quote
        else:
            matched, pos = self.match(raw)
        content = raw[pos:] if pos else raw
        body = content.lstrip(" ")
        if not body or body.isspace():
            self._close(matched)
            self.para = []
            return index + 1
        indent = len(content) - len(body)
        first = body[0]
        if indent < 4 and first in _BULLETS and body[1:2] == " ":
            text = body[2:]
            if _prose_text(text):
                return self._prose_item(index, raw, matched, pos, indent, text)
        if first == "#" and indent < 4:
            found = marks.atx_heading(body, 0)
            if found is not None:
                # A heading is never a lazy line: it closes what it does not continue.
                if matched < len(stack):
                    del stack[matched:]
                for container in stack:
                    container.fragile = False
                self._heading(Heading(found[0], found[1], index + 1))
                return index + 1
        if matched < len(stack):
            if self.para and self._lazy(content):
                self._paragraph(index, raw, content)
                return index + 1
            self._close(matched)
            self.para = []
        for container in stack:
            container.fragile = False
        # Most lines are prose: only ">", a bullet or a digit can open a container.
        if first in _CONTAINER_STARTS and indent < 4:
            content = self._open_containers(index, raw, pos)
        return self._leaf(index, raw, content)

    def _prose_item(
        self, index: int, raw: str, matched: int, pos: int, indent: int, text: str
    ) -> int:
        """A bullet item (one space after the marker) whose text opens no block.

        The commonest list line, taken without the general container dispatch: a bullet
        with text interrupts a paragraph (so the line is never a lazy continuation), it
        closes the containers the line did not continue and opens one item of width 2.
        """
        stack = self.stack
        if matched < len(stack):
            del stack[matched:]
        for container in stack:
            container.fragile = False
        stripped = text.strip()
        line = index + 1
        current = self.current
        current.items.append(ListItem(stripped, line, pos + indent, None))
        stack.append(_Container(False, indent + 2, False))
        if "|" in text:
            self.para = []
            return self._text(index, raw, text)
        # The item's paragraph, as _paragraph records it (inlined: the commonest line).
        if stripped and stripped[0] == "*":
            label = label_of(stripped)
            if label is not None:
                current.labels.append(Label(label[0], label[1], line))
        current.prose.append((line, raw.strip()))
        self.para = [(line, stripped)]
        return line

    def _task_item(self, index: int, raw: str, text: str) -> int:
        """A column-0 task item (``- [ ] text``), as the container dispatch would take it.

        The box is no link reference definition (no ``:`` after the ``]``), so the text
        is the item's paragraph, or a table's header line.
        """
        stack = self.stack
        if stack:
            del stack[:]
        line = index + 1
        current = self.current
        current.items.append(ListItem(text[4:].strip(), line, 0, text[1] != " "))
        stack.append(_COLUMN0_ITEM)
        self.para = []
        if "|" in text:
            return self._text(index, raw, text)
        current.prose.append((line, raw.strip()))
        self.para = [(line, text.strip())]
        return line

    def _blank_depth(self) -> int:
        """How many open containers a blank line continues (what :meth:`match` gives it)."""
        depth = 0
        for container in self.stack:
            if container.quote or container.fragile:
                break
            depth += 1
        return depth

    def _close(self, keep: int) -> None:
        if keep < len(self.stack):
            del self.stack[keep:]

    def _lazy(self, content: str) -> bool:
        """Whether ``content`` continues the open paragraph although its containers ended."""
        indent = marks.leading_spaces(content)
        if indent > 3:
            return True
        first = content[indent : indent + 1]
        if first == ">" or marks.thematic_break(content.strip()):
            return False
        if first in "-*+0123456789" and marks.list_marker(content, indent) is not None:
            return False
        if first in "`~" and marks.fence_open(content, indent) is not None:
            return False
        if first == "#" and marks.atx_heading(content, indent) is not None:
            return False
        return not (first == "<" and 1 <= marks.html_block_start(content, indent) <= 6)

    def _open_containers(self, index: int, raw: str, pos: int) -> str:
        """Open the block quotes and list items ``raw`` starts at ``pos``; return the rest."""
        opened = False
        while True:
            rest = raw[pos:]
            indent = marks.leading_spaces(rest)
            if indent > 3:
                break
            first = rest[indent : indent + 1]
            if first == ">":
                self.stack.append(_Container(True, 0))
                pos += indent + 1
                if raw[pos : pos + 1] == " ":
                    pos += 1
                opened = True
                self.para = []
                continue
            if first not in ("-", "*", "+") and not ("0" <= first <= "9" and first):
                break
            marker = marks.list_marker(rest, indent)
            if marker is None or (
                first in "-*" and rest.count(first) >= 3 and marks.thematic_break(rest.strip())
            ):
                break
            if self.para and not opened and (marker.blank or marker.start not in (None, 1)):
                break  # CommonMark: only a non-empty bullet or "1." interrupts a paragraph
            self._item(index, raw, pos + indent, marker)
            self.stack.append(_Container(False, indent + marker.width, marker.blank))
            pos += indent + marker.width
            opened = True
            self.para = []
        return raw[pos:]

    def _item(self, index: int, raw: str, column: int, marker: marks.ListMarker) -> None:
        text = raw[column + marker.marker_len :].strip()
        checked: bool | None = None
        if text.startswith("["):
            task = task_of(text)
            if task is not None:
                checked, text = task
        self.current.items.append(ListItem(text, index + 1, column, checked))

    def _leaf(self, index: int, raw: str, content: str) -> int:
        """Scan the leaf block ``content`` starts on line ``index``."""
        indent = marks.leading_spaces(content)
        if indent == len(content) or content.isspace():
            return index + 1  # an empty list item or quote line: nothing but the marker
        if indent > 3:
            if self.para:
                self._paragraph(index, raw, content)
                return index + 1
            return self._indented_code(index + 1)
        first = content[indent]
        if first not in _LEAF_STARTS or _plain_start(content[indent:]):
            return self._text(index, raw, content)
        if first in "`~":
            fence = marks.fence_open(content, indent)
            if fence is not None:
                self.para = []
                return self._fence(index, fence)
        elif first == "#":
            found = marks.atx_heading(content, indent)
            if found is not None:
                self._heading(Heading(found[0], found[1], index + 1))
                return index + 1
        elif first == "<":
            kind = marks.html_block_start(content, indent)
            if kind and not (kind == 7 and self.para):
                self.para = []
                return self._html(index, kind, content)
        elif first in "=-" and self.para:
            level = marks.setext_level(content, indent)
            if level:
                self._setext(level)
                return index + 1
        if first in "-*_" and marks.thematic_break(content.strip()):
            self.para = []
            return index + 1
        if first == "[" and not self.para:
            label = marks.reference_label(content, indent)
            if label is not None:
                self.refs.add(label)
                return index + 1
        return self._text(index, raw, content)

    def _text(self, index: int, raw: str, content: str) -> int:
        """Paragraph text, or a table's header line; return the next line to scan."""
        if "|" in content and index + 1 < self.count:
            end = self._table(index, raw, content)
            if end:
                return end
        self._paragraph(index, raw, content)
        return index + 1

    def _paragraph(self, index: int, raw: str, content: str) -> None:
        stripped = content.strip()
        line = index + 1
        current = self.current
        if stripped and stripped[0] == "*":
            label = label_of(stripped)
            if label is not None:
                current.labels.append(Label(label[0], label[1], line))
        current.prose.append((line, stripped if raw is content else raw.strip()))
        self.para.append((line, stripped))

    def _heading(self, heading: Heading) -> None:
        self.para = []
        self.current = new_node(heading)
        self.nodes.append(self.current)

    def _setext(self, level: int) -> None:
        """Turn the open paragraph into a heading of ``level``."""
        para = self.para
        prose = self.current.prose
        del prose[len(prose) - len(para) :]
        lines = {line for line, _ in para}
        self.current.labels[:] = [lab for lab in self.current.labels if lab.line not in lines]
        text = " ".join(part for _, part in para).strip()
        self._heading(Heading(level, text, para[0][0]))

    def _fence(self, index: int, fence: marks.FenceOpen) -> int:
        """Scan a fenced code block opened on ``index``; return the line after it."""
        depth = len(self.stack)
        body: list[str] = []
        end = index + 1
        lines = self.lines
        closer = fence.char * fence.length
        if not depth and not fence.indent:
            # Nothing to match or cut: only a line holding the closer can end the block.
            while end < self.count:
                raw = lines[end]
                if closer in raw and marks.fence_closes(self.text(end), fence):
                    self.current.fences.append(Fence(fence.info, index + 1, end + 1, tuple(body)))
                    return end + 1
                body.append(raw.expandtabs(4) if "\t" in raw else raw)
                end += 1
        while end < self.count:
            raw = self.text(end)
            matched, pos = self.match(raw) if depth else (0, 0)
            if matched < depth:
                break  # the container ended, and the fence with it (no lazy code lines)
            content = raw[pos:]
            if marks.fence_closes(content, fence):
                self.current.fences.append(Fence(fence.info, index + 1, end + 1, tuple(body)))
                return end + 1
            cut = min(fence.indent, marks.leading_spaces(content))
            body.append(content[cut:])
            end += 1
        self.current.fences.append(Fence(fence.info, index + 1, max(end, index + 1), tuple(body)))
        return end

    def _indented_code(self, index: int) -> int:
        """Skip an indented code block's remaining lines; return the line after it."""
        depth = len(self.stack)
        end = index
        while end < self.count:
            raw = self.text(end)
            matched, pos = self.match(raw) if depth else (0, 0)
            content = raw[pos:]
            blank = not content.strip()
            if matched < depth or not (blank or marks.leading_spaces(content) > 3):
                break
            end += 1
        return end

    def _html(self, index: int, kind: int, content: str) -> int:
        """Scan an HTML block of ``kind`` (1-7) from ``index``; return the line after it."""
        if kind == 2:
            return self._comment(index, content)
        depth = len(self.stack)
        end = index
        while end < self.count:
            raw = self.text(end)
            matched, pos = self.match(raw) if depth else (0, 0)
            if end > index and matched < depth:
                return end
            body = raw[pos:] if end > index else content
            if kind >= 6:
                if not body.strip():
                    return end
                # Kinds 6 and 7 (<div>, <details>, tags alone) are displayed: their text
                # is prose a reader sees, unlike <pre>/<script> bodies (kind 1).
                self.current.prose.append((end + 1, raw.strip()))
            elif marks.html_block_ends(kind, body):
                return end + 1
            end += 1
        return end

    def _comment(self, index: int, content: str) -> int:
        """Scan an HTML comment block; record its text; return the line after the block."""
        depth = len(self.stack)
        start = content.find("<!--") + 4
        parts: list[str] = []
        end = index
        body = content[start:]
        while True:
            close = body.find("-->")
            if close >= 0:
                parts.append(body[:close])
                self.current.comments.append(Comment("\n".join(parts).strip(), index + 1))
                rest = body[close + 3 :].strip()
                if rest:
                    # Text after the comment on its line is raw HTML, shown as text.
                    self.current.prose.append((end + 1, rest))
                return end + 1
            parts.append(body)
            end += 1
            if end >= self.count:
                break
            raw = self.text(end)
            matched, pos = self.match(raw) if depth else (0, 0)
            if matched < depth:
                break
            body = raw[pos:]
        self.current.comments.append(Comment("\n".join(parts).strip(), index + 1))
        return end

    def _table(self, index: int, raw: str, content: str) -> int:
        """Scan a pipe table starting on ``index``; return the line after it, 0 for none."""
        depth = len(self.stack)
        nxt = self.text(index + 1)
        matched, pos = self.match(nxt) if depth else (0, 0)
        if matched < depth or "-" not in nxt:
            return 0
        columns = marks.table_delimiter_cells(nxt[pos:])
        if not columns:
            return 0
        header = cells(content)
        if columns != len(header):
            return 0
        rows: list[tuple[str, ...]] = []
        end = index + 2
        lines = self.lines
        count = self.count
        while end < count:
            row = lines[end]
            if "|" not in row:
                break
            if depth or "\t" in row:
                row_raw = self.text(end)
                matched, pos = self.match(row_raw) if depth else (0, 0)
                row = row_raw[pos:]
                if matched < depth or "|" not in row:
                    break
            rows.append(cells(row))  # a row with a pipe is never blank
            end += 1
        self.current.tables.append(Table(header, tuple(rows), index + 1))
        self.current.prose.append((index + 1, raw.strip()))
        self.para = []
        return end
