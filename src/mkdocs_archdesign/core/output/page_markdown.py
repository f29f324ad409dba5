"""Text surgery on a design page's Markdown before the generator converts it.

Three small, line-based edits, each fence- and comment-aware: drop a front-matter block
MkDocs could not parse (it would render as a rule and raw YAML), give lists written right
under a paragraph line the blank line Python-Markdown needs, and insert the plugin's
blocks just after the page's level-1 title (so MkDocs still takes the title from it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mkdocs_archdesign.core.document.frontmatter import find_front_matter_end

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_ITEM_RE = re.compile(r"^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S")
_RULE_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ATX_H1_RE = re.compile(r"^ {0,3}#(?:[ \t]+|$)")
_SETEXT_H1_RE = re.compile(r"^ {0,3}=+[ \t]*$")
#: Lines that start their own block: a list right after them already parses as a list.
_BLOCK_START = ("#", "|", "<", ">", "[")
#: The first characters a fence or a list item can start with: other lines skip the regexes.
_FENCE_FIRST = ("`", "~")
_ITEM_FIRST = "-*+0123456789"


def strip_unparsed_front_matter(markdown: str) -> str:
    """Remove a leading ``---`` block that MkDocs left in the text because it was not YAML.

    Args:
        markdown: The page's Markdown as the generator passes it (MkDocs, Zensical).

    Returns:
        The text after the block, or ``markdown`` unchanged when there is no closed block.
    """
    lines = markdown.split("\n")
    end = find_front_matter_end(lines)
    if end is None:
        return markdown
    return "\n".join(lines[end + 1 :]).lstrip("\n")


def separate_lists(markdown: str) -> str:
    """Insert a blank line before a list that directly follows a paragraph line.

    Python-Markdown folds ``**Goals**:`` followed on the next line by ``- item`` into one
    paragraph; authors (and the seed) write it that way and mean a list.

    Args:
        markdown: The page's Markdown.

    Returns:
        The Markdown with the missing blank lines added (fenced code and comments untouched).
    """
    out: list[str] = []
    fence: str | None = None
    in_comment = False
    in_list = False
    previous = "blank"
    for line in markdown.split("\n"):
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            out.append(line)
            continue
        if in_comment:
            in_comment = "-->" not in line
            out.append(line)
            continue
        stripped = line.strip()
        opening = _FENCE_RE.match(line) if stripped.startswith(_FENCE_FIRST) else None
        if opening is not None:
            fence = opening.group(1)
            previous = "other"
        elif stripped.startswith("<!--") and "-->" not in stripped:
            in_comment = True
            previous = "other"
        elif not stripped:
            previous = "blank"
        elif stripped[0] in _ITEM_FIRST and _ITEM_RE.match(line) and not _RULE_RE.match(line):
            if previous == "text" and not in_list:
                out.append("")
            in_list = True
            previous = "item"
        elif in_list and (line[:1] in " \t" or previous == "item"):
            previous = "item"  # an indented or lazy continuation of the current item
        else:
            in_list = False
            previous = "other" if stripped.startswith(_BLOCK_START) else "text"
        out.append(line)
    return "\n".join(out)


def insert_after_title(markdown: str, blocks: Sequence[str]) -> str:
    """Place ``blocks`` right after the page's level-1 title, or at the top without one.

    MkDocs takes a page's title from a level-1 heading only when it is the first
    element, so the blocks must come after it, not before.

    Args:
        markdown: The page's Markdown.
        blocks: Markdown or raw-HTML blocks; each is separated by blank lines.

    Returns:
        The Markdown with the blocks inserted.
    """
    parts = [block.strip("\n") for block in blocks if block]
    if not parts:
        return markdown
    lines = markdown.split("\n")
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    at = 0
    if index < len(lines) and _ATX_H1_RE.match(lines[index]):
        at = index + 1
    elif index + 1 < len(lines) and lines[index].strip() and _SETEXT_H1_RE.match(lines[index + 1]):
        at = index + 2
    inserted = ["", *"\n\n".join(parts).split("\n"), ""]
    return "\n".join([*lines[:at], *inserted, *lines[at:]])
