"""The page's raw-HTML blocks, handed to Python-Markdown already stashed.

Python-Markdown runs every raw-HTML block through its HTML parser only to keep it
verbatim (``HtmlBlockPreprocessor`` stores it in the ``htmlStash``), and MkDocs' link
rewriter then walks nothing of it. A design page's badge and stepper are about 125
tags, more markup than many designs' own text, so on a 300-design site that parse was
about a sixth of the plugin's share of ``mkdocs build``.

The page's Markdown gets one marker line per raw-HTML block instead; the preprocessor
here swaps each marker for the stash placeholder Python-Markdown's parser would have
made. ``RawHtmlPostprocessor`` puts block-level stashed HTML in place of the paragraph
holding its placeholder, so the page's HTML is the same, byte for byte. Markdown blocks
(the mermaid fence of ``handoff_graph: mermaid``) stay text: the site's fence extension
must render them.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

#: After ``normalize_whitespace`` (30), which deletes the stash's STX/ETX marks, and
#: before fences (25) and raw HTML (20), which must not see the markers.
PRIORITY = 29


def is_raw_html(block: str) -> bool:
    """Whether a rendered block is raw HTML (the rest are Markdown)."""
    return block.lstrip().startswith("<")


class RawBlocks(Extension):
    """Markers for a page's raw-HTML blocks, and the preprocessor that stashes them.

    One instance serves a whole build: :meth:`markers` is called for each page right
    before the page is converted, and the conversion takes that page's blocks.
    """

    def __init__(self) -> None:
        super().__init__()
        # A marker must never equal a line an author wrote: a random word per instance.
        self._prefix = f"archdesign-block-{secrets.token_hex(8)}-"
        self.pending: dict[str, str] = {}

    def markers(self, blocks: Sequence[str]) -> list[str]:
        """``blocks`` with every raw-HTML block replaced by its marker line.

        Args:
            blocks: The page's blocks, in order (raw HTML or Markdown).

        Returns:
            The blocks to insert into the page's Markdown.
        """
        self.pending = {}
        out: list[str] = []
        for index, block in enumerate(blocks):
            if block and is_raw_html(block):
                marker = f"{self._prefix}{index}"
                # The trailing newline is the one Python-Markdown keeps with raw HTML.
                self.pending[marker] = block.strip("\n") + "\n"
                out.append(marker)
            else:
                out.append(block)
        return out

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the stashing preprocessor on ``md``."""
        md.preprocessors.register(_StashPreprocessor(md, self), "archdesign_blocks", PRIORITY)


class _StashPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, blocks: RawBlocks) -> None:
        super().__init__(md)
        self._blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        pending = self._blocks.pending
        if not pending:
            return lines
        self._blocks.pending = {}  # one page's blocks, taken by that page's conversion
        for index, line in enumerate(lines):
            html = pending.pop(line, None)
            if html is not None:
                lines[index] = self.md.htmlStash.store(html)
                if not pending:
                    break
        return lines
