"""Line-level recognisers for the scanner: what a line opens, judged as CommonMark does.

Each function looks at one line's content (after its containers: block quote markers and
list item indentation were consumed by the caller) and says whether it opens a fence, an
ATX heading, a list item, an HTML block, a link reference definition, a setext underline,
a thematic break or a table delimiter row. None of them uses a regular expression that
can backtrack: only string methods and anchored patterns with bounded repetition, so each
runs in time linear in the line (issue 15's ``## x`` + spaces + ``y`` and padded fence
info strings or delimiter rows stay linear).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: HTML block start condition 1 (raw text: nothing inside is Markdown) and its end marks.
_RAW_TAGS = ("script", "pre", "style", "textarea")
#: HTML block start condition 6: block-level tag names from the CommonMark spec.
_BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "base",
        "basefont",
        "blockquote",
        "body",
        "caption",
        "center",
        "col",
        "colgroup",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "frame",
        "frameset",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "head",
        "header",
        "hr",
        "html",
        "iframe",
        "legend",
        "li",
        "link",
        "main",
        "menu",
        "menuitem",
        "nav",
        "noframes",
        "ol",
        "optgroup",
        "option",
        "p",
        "param",
        "search",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "ul",
    ]
)
# Condition 7: one complete open or closing tag alone on the line. Attribute values and
# names are bounded and disjoint from what follows them, so the match cannot backtrack
# over the line more than once.
_OPEN_TAG_RE = re.compile(
    r"<[A-Za-z][A-Za-z0-9-]*"
    r"(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*"
    r"\s*/?>"
)
_CLOSE_TAG_RE = re.compile(r"</[A-Za-z][A-Za-z0-9-]*\s*>")
_ORDERED_DIGITS = 9


@dataclass(frozen=True, slots=True)
class FenceOpen:
    """An opening code fence: its marker character and length, indent and info string."""

    char: str
    length: int
    indent: int
    info: str


@dataclass(frozen=True, slots=True)
class ListMarker:
    """A list item marker: its width, the spaces after it and the ordered start, if any.

    Attributes:
        width: Columns from the marker's first character to the item's content.
        marker_len: Characters of the marker itself (``-`` is 1, ``12.`` is 3).
        start: The number of an ordered item, ``None`` for a bullet.
        blank: Whether nothing follows the marker on its line.
    """

    width: int
    marker_len: int
    start: int | None
    blank: bool


def leading_spaces(text: str) -> int:
    """The number of spaces ``text`` starts with (tabs are expanded before the scan)."""
    if not text or text[0] != " ":
        return 0
    return len(text) - len(text.lstrip(" "))


def fence_open(content: str, indent: int) -> FenceOpen | None:
    """The fence ``content`` opens (``indent`` < 4 leading spaces), or ``None``."""
    rest = content[indent:]
    char = rest[:1]
    if char not in ("`", "~") or not rest.startswith(char * 3):
        return None
    length = len(rest) - len(rest.lstrip(char))
    info = rest[length:].strip(" \t")
    if char == "`" and "`" in info:
        return None  # a backtick fence's info string cannot hold a backtick (it is code)
    return FenceOpen(char, length, indent, info)


def fence_closes(content: str, fence: FenceOpen) -> bool:
    """Whether ``content`` closes ``fence``: < 4 spaces, at least as long, nothing after."""
    indent = leading_spaces(content)
    if indent > 3:
        return False
    rest = content[indent:]
    if not rest.startswith(fence.char * fence.length):
        return False
    return rest.lstrip(fence.char).strip(" \t") == ""


def atx_heading(content: str, indent: int) -> tuple[int, str] | None:
    """The level and text of an ATX heading on ``content``, or ``None``."""
    rest = content[indent:] if indent else content
    after = rest.lstrip("#")
    hashes = len(rest) - len(after)
    if not 1 <= hashes <= 6:
        return None
    if after and after[0] not in " \t":
        return None
    return hashes, heading_text(after)


def heading_text(text: str) -> str:
    """An ATX heading's text without its optional closing ``#`` sequence."""
    text = text.strip(" \t")
    if text and text[-1] == "#":
        # The closing sequence is a run of "#" preceded by a space (or the whole text).
        bare = text.rstrip("#")
        if not bare or bare[-1] in " \t":
            return bare.strip(" \t")
    return text


def list_marker(content: str, indent: int) -> ListMarker | None:
    """The list item marker at ``content[indent:]``, or ``None``.

    A bullet (``-``, ``*``, ``+``) or 1-9 digits and ``.``/``)``, followed by the end of
    the line or a space. Thematic breaks (``- - -``) are the caller's test.
    """
    rest = content[indent:]
    first = rest[:1]
    start: int | None = None
    if first in ("-", "*", "+") and first:
        marker_len = 1
    elif first.isdigit() and first.isascii():
        digits = len(rest) - len(rest.lstrip("0123456789"))
        if digits > _ORDERED_DIGITS or rest[digits : digits + 1] not in (".", ")"):
            return None
        start = int(rest[:digits])
        marker_len = digits + 1
    else:
        return None
    after = rest[marker_len:]
    if after and after[0] != " ":
        return None
    spaces = leading_spaces(after)
    if spaces == len(after):
        return ListMarker(marker_len + 1, marker_len, start, True)
    if spaces > 4:
        # Five or more spaces: the content is indented code one space after the marker.
        return ListMarker(marker_len + 1, marker_len, start, False)
    return ListMarker(marker_len + spaces, marker_len, start, False)


def thematic_break(stripped: str) -> bool:
    """Whether a stripped line is a thematic break (``***``, ``- - -``, ``___``)."""
    first = stripped[:1]
    if first not in ("-", "*", "_") or not first:
        return False
    # Only the marker, spaces and tabs, and at least three markers.
    return not stripped.strip(first + " \t") and stripped.count(first) >= 3


def setext_level(content: str, indent: int) -> int:
    """1 for a ``===`` underline, 2 for ``---``, 0 for anything else."""
    rest = content[indent:].rstrip(" \t")
    first = rest[:1]
    if first not in ("=", "-") or not first or rest.count(first) != len(rest):
        return 0
    return 1 if first == "=" else 2


def html_block_start(content: str, indent: int) -> int:
    """The CommonMark HTML block kind (1-7) ``content`` starts, or 0 for none."""
    rest = content[indent:]
    if not rest.startswith("<"):
        return 0
    if rest.startswith("<!--"):
        return 2
    if rest.startswith("<?"):
        return 3
    if rest.startswith("<![CDATA["):
        return 5
    if rest.startswith("<!") and rest[2:3].isalpha():
        return 4
    closing = rest.startswith("</")
    name_start = 2 if closing else 1
    name_end = name_start
    while name_end < len(rest) and (rest[name_end].isalnum() or rest[name_end] == "-"):
        name_end += 1
    name = rest[name_start:name_end].lower()
    after = rest[name_end : name_end + 2]
    if not closing and name in _RAW_TAGS and (after[:1] in ("", " ", "\t", ">")):
        return 1
    if name in _BLOCK_TAGS and (after[:1] in ("", " ", "\t", ">") or after == "/>"):
        return 6
    if not name or not name[0].isalpha():
        return 0
    tag = (_CLOSE_TAG_RE if closing else _OPEN_TAG_RE).match(rest)
    # The spec's text excludes </pre> and friends here, but its reference parsers
    # (commonmark.js, markdown-it) do not: a lone </pre> starts a kind-7 block there.
    if tag is not None and not rest[tag.end() :].strip(" \t"):
        return 7
    return 0


#: The text that ends HTML blocks of kinds 1-5 (kinds 6 and 7 end at a blank line).
HTML_BLOCK_END = {2: ("-->",), 3: ("?>",), 4: (">",), 5: ("]]>",)}
RAW_TAG_ENDS = tuple(f"</{name}>" for name in _RAW_TAGS)


def html_block_ends(kind: int, line: str) -> bool:
    """Whether ``line`` holds the end of an HTML block of ``kind`` (1-5)."""
    if kind == 1:
        lowered = line.lower()
        return any(end in lowered for end in RAW_TAG_ENDS)
    return any(end in line for end in HTML_BLOCK_END[kind])


def reference_label(content: str, indent: int) -> str | None:
    """The label of a one-line link reference definition (``[label]: dest``), or ``None``.

    Only the one-line form is recognised (label, destination and optional title on the
    line): definitions split over lines stay paragraph text, as if they were prose.
    """
    rest = content[indent:]
    if not rest.startswith("[") or rest.startswith("[]"):
        return None
    close = _label_end(rest)
    if close < 0 or rest[close + 1 : close + 2] != ":":
        return None
    label = rest[1:close]
    if not label.strip() or len(label) > 999:
        return None
    tail = rest[close + 2 :].strip(" \t")
    if not tail:
        return None
    if tail.startswith("<"):
        end = tail.find(">")
        if end < 0 or "<" in tail[1:end]:
            return None
        after = tail[end + 1 :]
    else:
        parts = tail.split(None, 1)
        after = " " + parts[1] if len(parts) > 1 else ""
    if after and not _valid_title(after):
        return None
    return normalise_label(label)


def _label_end(text: str) -> int:
    """The index of the ``]`` closing the label opened at ``text[0]``, or -1."""
    index = 1
    while index < len(text):
        char = text[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            return -1
        if char == "]":
            return index
        index += 1
    return -1


def _valid_title(after: str) -> bool:
    if after[:1] not in (" ", "\t"):
        return False
    title = after.strip(" \t")
    if not title:
        return True
    pairs = {'"': '"', "'": "'", "(": ")"}
    closer = pairs.get(title[0])
    return closer is not None and len(title) >= 2 and title.endswith(closer)


def normalise_label(label: str) -> str:
    """A link label as CommonMark matches it: case-folded, whitespace collapsed."""
    return " ".join(label.split()).casefold()


def table_delimiter_cells(content: str) -> int:
    """The number of cells of a table delimiter row (``| :-- | --: |``), 0 if it is not one."""
    row = content.strip(" \t")
    if not row or row[0] not in "|:-" or "-" not in row:
        return 0
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|"):
        row = row[:-1]
    cells = row.split("|")
    for raw_cell in cells:
        cell = raw_cell.strip(" \t")
        core = cell[1:] if cell.startswith(":") else cell
        core = core[:-1] if core.endswith(":") else core
        if not core or core.count("-") != len(core):
            return 0
    return len(cells)
