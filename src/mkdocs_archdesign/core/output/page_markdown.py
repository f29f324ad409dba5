"""Text surgery on a design page's Markdown before the generator converts it.

Two edits that cannot change what the author wrote: drop a front-matter block MkDocs
could not parse (it would render as a rule and raw YAML), and insert the plugin's blocks
just after the page's level-1 title, found with the scanner's CommonMark block structure
(so a leading comment, a ``<!-- toc -->`` list or a ``# line`` inside a fence never
misleads it). Lists written right under a paragraph line are not a text edit any more:
:mod:`.list_split` splits them inside Python-Markdown, on the renderer's own blocks.
"""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs_archdesign.core.document import marks
from mkdocs_archdesign.core.document.blocks import BlockScanner
from mkdocs_archdesign.core.document.frontmatter import find_front_matter_end


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


def insert_after_title(markdown: str, blocks: Sequence[str]) -> str:
    """Place ``blocks`` right after the page's level-1 title, or at the top without one.

    The title is the first level-1 heading outside any container (block quote, list
    item), wherever it is: after leading HTML comments, TOC markers or blank lines. When
    it is the page's first element MkDocs takes the page title from it, so nothing may
    come before it; readers expect the status under the title in any case.

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
    at = title_end(lines)
    inserted = ["", *"\n\n".join(parts).split("\n"), ""]
    return "\n".join([*lines[:at], *inserted, *lines[at:]])


def title_end(lines: list[str]) -> int:
    """The index of the line after the page's top-level level-1 heading, 0 without one."""
    # Most pages open with their "# Title" (after blank lines at most): nothing before it
    # can open a container, so it is the title without scanning the whole page.
    for index, line in enumerate(lines):
        if line.strip(" \t"):
            indent = marks.leading_spaces(line)
            first = marks.atx_heading(line, indent) if indent < 4 else None
            if first is not None and first[0] == 1:
                return index + 1
            break
    scanner = BlockScanner(lines)
    scanner.run(0)
    for node in scanner.nodes:
        heading = node.heading
        if heading is None or heading.level != 1:
            continue
        line = lines[heading.line - 1]
        indent = marks.leading_spaces(line)
        if indent < 4 and marks.atx_heading(line, indent) is not None:
            return heading.line
        # A setext title: its underline is the first "===" line after the text.
        for index in range(heading.line, len(lines)):
            underline = lines[index]
            if marks.setext_level(underline, marks.leading_spaces(underline)) == 1:
                return index + 1
    return 0
