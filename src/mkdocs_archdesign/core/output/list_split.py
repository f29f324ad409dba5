"""Lists right under a paragraph line, split where CommonMark would start them.

Python-Markdown never lets a list interrupt a paragraph: ``**Goals**:`` followed on the
next line by ``- item`` renders as one paragraph. Authors (and the seed) write it that
way and mean a list, and CommonMark agrees when the list is a bullet list or starts at
``1.``. Earlier versions inserted blank lines into the page's text, judging fences, raw
HTML and comments with their own approximations; a sentence wrapped before ``2026.``
turned into a list and blank lines appeared inside ``<pre>`` blocks and fences whose
closing fence the renderer did not accept.

This block processor runs inside Python-Markdown instead, on the blocks its own parser
made: fenced code and raw HTML are already stashed by then (by whichever fence extension
the site uses), headings, rules, tables and lists have claimed their blocks, so what
reaches it is paragraph text. It splits such a block before the first line that
CommonMark would start a list on and that Python-Markdown renders as one: ``-``, ``*``
or ``+`` and a space, or ``1.`` and a space, indented at most 3 spaces, with text after.
It is active only while a design page is rendered.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from collections.abc import Callable

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension

from mkdocs_archdesign.core.document import marks

#: Just above Python-Markdown's paragraph processor (10), below every other block kind.
PRIORITY = 12


def list_start(block: str) -> int:
    """The index of the first line after the first that starts a list, or 0 for none."""
    lines = block.split("\n")
    for index in range(1, len(lines)):
        line = lines[index]
        indent = marks.leading_spaces(line)
        if indent > 3:
            continue
        first = line[indent : indent + 1]
        if first not in ("-", "*", "+", "1"):
            continue
        if first == "1":
            if not line.startswith("1. ", indent):
                continue
        elif not line.startswith(" ", indent + 1) or marks.thematic_break(line.strip()):
            continue
        if line[indent + 2 :].strip():
            return index
    return 0


class _SplitProcessor(BlockProcessor):
    def __init__(self, md: Markdown, active: Callable[[], bool]) -> None:
        super().__init__(md.parser)
        self._active = active

    def test(self, parent: etree.Element, block: str) -> bool:
        return self._active() and list_start(block) > 0

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        block = blocks.pop(0)
        lines = block.split("\n")
        at = list_start(block)
        blocks[0:0] = ["\n".join(lines[:at]), "\n".join(lines[at:])]
        # False: the paragraph processor takes the first half; the list one the second.
        return False


class ListSplitExtension(Extension):
    """Registers the list splitter; ``active`` says whether a design page is rendering."""

    def __init__(self, active: Callable[[], bool]) -> None:
        super().__init__()
        self.active = active

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the block processor on ``md``."""
        md.parser.blockprocessors.register(
            _SplitProcessor(md, self.active), "archdesign_lists", PRIORITY
        )
