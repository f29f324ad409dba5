"""The values the scanner produces: headings, fences, tables, list items, labels, nodes.

Also the small line-content helpers the block scanner applies to a paragraph or item
line (``**Label**: value``, task checkboxes, table cells).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from mkdocs_archdesign.core.frozen import fast_init

_TASK_RE = re.compile(r"\[([ xX])\](?:[ \t]+(.*)|$)")
_LABEL_MAX = 80
_LABEL_RE = re.compile(r"\*\*([^*\n]{1,80}?)(:?)\*\*(:?)[ \t]*(.*)$")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")


@fast_init
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


@fast_init
@dataclass(frozen=True, slots=True)
class ListItem:
    """A list item's first line: its text, indent and, for task items, the checkbox."""

    text: str
    line: int
    indent: int
    checked: bool | None = None


@fast_init
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


_new_object = object.__new__


def new_node(heading: Heading | None) -> Node:
    """``Node(heading)``: a node with empty block lists, built by storing its slots.

    The scanner opens one per heading. The dataclass ``__init__`` costs a class call,
    a frame and a test per default factory: about 40% more than the stores themselves.
    """
    node = _new_object(Node)
    node.heading = heading
    node.fences = []
    node.tables = []
    node.items = []
    node.labels = []
    node.prose = []
    node.comments = []
    return node


def cells(line: str) -> tuple[str, ...]:
    """The cells of a pipe-table row (escaped pipes ``\\|`` stay in their cell)."""
    stripped = line.strip()
    if stripped.startswith("|"):
        stripped = stripped[1:]
    if stripped.endswith("|") and not stripped.endswith("\\|"):
        stripped = stripped[:-1]
    # Without a backslash no pipe is escaped, and a plain split is the same split.
    parts = stripped.split("|") if "\\" not in stripped else _CELL_SPLIT_RE.split(stripped)
    return tuple(map(str.strip, parts))


def label_of(text: str) -> tuple[str, str] | None:
    """The label and value of a stripped ``**Label**: value`` line, or ``None``."""
    if "\n" in text:
        return _label_by_pattern(text)
    # What _LABEL_RE matches, with one split (cheaper than startswith, find and slices):
    # the label holds no "*", so "**Label**rest" splits into "", "", label, "", rest.
    parts = text.split("*", 4)
    if len(parts) < 5 or parts[0] or parts[1] or not parts[2] or parts[3]:
        return None
    label = parts[2]
    inner_colon = len(label) > 1 and label[-1] == ":"
    if inner_colon:
        label = label[:-1]
    if len(label) > _LABEL_MAX:
        return None
    value = parts[4]
    if value[:1] == ":":
        value = value[1:]
    elif not inner_colon:
        return None
    return label.strip(), value.strip()


def _label_by_pattern(text: str) -> tuple[str, str] | None:
    label = _LABEL_RE.match(text)
    if label is None or not (label.group(2) or label.group(3)):
        return None
    return label.group(1).strip(), label.group(4).strip()


def task_of(text: str) -> tuple[bool, str] | None:
    """Whether a list item's text is a checked task, and its text without the box."""
    task = _TASK_RE.match(text)
    if task is None:
        return None
    return task.group(1) != " ", (task.group(2) or "").strip()
