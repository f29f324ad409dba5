"""Lines end where CommonMark, Python-Markdown and the LSP end them: LF, CRLF, CR.

A form feed, U+0085 (NEL) or U+2028/U+2029 inside a line is text to all three (MkDocs
reads a page with universal newlines and Python-Markdown splits it on LF), so a finding
after one is on the line an editor shows, and a review edit keeps every byte.
"""

from __future__ import annotations

import pytest

from mkdocs_archdesign.core.document.scanner import scan_design, split_lines
from mkdocs_archdesign.core.textedit import Lines, content_of

TEXTS = [
    "",
    "a",
    "a\n",
    "a\n\n",
    "\n",
    "a\r\nb\rc\nd",
    "\r\r\n\n\r",
    "\ufeffa\r\n",
    "x\x0cy\n\x85z\u2028w\u2029v\x0bu\x1cq\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_scanner_and_review_edits_split_alike(text: str) -> None:
    kept = Lines.from_text(text)
    assert [content_of(line) for line in kept.lines] == split_lines(text)
    assert kept.text == text  # every byte back, endings and BOM included


@pytest.mark.parametrize("text", TEXTS)
def test_only_lf_cr_and_crlf_end_lines(text: str) -> None:
    normalised = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    # Python-Markdown's own split, after MkDocs' universal-newline read.
    expected = normalised.split("\n")
    if expected[-1] == "":
        expected.pop()
    assert split_lines(text) == expected


def test_a_heading_after_a_form_feed_or_line_separator_is_on_the_line_editors_show() -> None:
    text = "# T\n\nprose\x0cmore\u2028still the same line\n\n## Next\n"
    headings = scan_design(text).headings
    assert [(h.text, h.line) for h in headings] == [("T", 1), ("Next", 5)]
