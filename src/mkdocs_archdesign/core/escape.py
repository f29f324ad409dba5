"""Escaping for every place user-supplied text lands: HTML, mermaid, CI annotations.

Design pages come from many authors; titles, owners, tags and quoted text are
untrusted. Every renderer routes values through one of these functions.
"""

from __future__ import annotations

import html
import re

_MERMAID_ID_RE = re.compile(r"[^A-Za-z0-9_]")


def html_text(value: object) -> str:
    """Escape ``value`` for HTML text and double- or single-quoted attributes."""
    return html.escape(str(value), quote=True)


def mermaid_label(value: object) -> str:
    """Make ``value`` safe inside a double-quoted mermaid label (``id["..."]``).

    Mermaid decodes ``#name;`` entities in labels, so every character that could
    close the label, start a directive, or be read as markup becomes an entity:
    quotes, brackets, angle brackets, ``%``, ``#``, ``;``, backticks, pipes and
    newlines. The result renders as the original text.
    """
    text = str(value).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    out = []
    for char in text:
        if char.isalnum() or char in " .,:/@+=*!?'_-()&":
            out.append("#amp;" if char == "&" else char)
        else:
            out.append(f"#{ord(char)};")
    return "".join(out)


def mermaid_id(value: str, prefix: str = "n") -> str:
    """A mermaid node id derived from ``value``: letters, digits and ``_`` only.

    Distinct values can collide after folding (``a-b`` and ``a_b``), so callers that
    need uniqueness should number nodes instead; this keeps ids readable in source.
    """
    folded = _MERMAID_ID_RE.sub("_", value)
    return f"{prefix}_{folded}"[:120]


def github_data(value: object) -> str:
    """Escape a GitHub workflow-command message (``%``, CR and LF)."""
    return str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(value: object) -> str:
    """Escape a GitHub workflow-command property value (also ``:`` and ``,``)."""
    return github_data(value).replace(":", "%3A").replace(",", "%2C")


#: Code points a terminal or log viewer may act on rather than show: C0 controls (ESC starts
#: CSI/OSC sequences that move the cursor, set the title or write the clipboard), DEL, C1
#: controls (U+009B is a one-character CSI), line/paragraph separators, and the bidi
#: overrides and isolates that reorder what a reader sees ("Trojan Source").
_TERMINAL_UNSAFE = (
    *range(0x00, 0x20),
    *range(0x7F, 0xA0),
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
)
_TERMINAL_TABLES: dict[str, dict[int, str]] = {}


def terminal_text(value: object, replacement: str = "?") -> str:
    """Make user text safe to print to a terminal or a log: one line, no control sequences.

    Every C0 and C1 control (including ESC and U+009B), DEL, U+2028/U+2029 and every bidi
    override or isolate becomes ``replacement``, so a design's title cannot move the
    cursor, retitle the window, write the clipboard, forge an extra output line or reorder
    the text around it. Everything else, wide and combining characters included, is kept.

    Args:
        value: Any value; it is converted with ``str``.
        replacement: What each unsafe code point becomes (``"?"`` by default; reports
            that join text into one line pass ``" "``).

    Returns:
        The text with every unsafe code point replaced.
    """
    table = _TERMINAL_TABLES.get(replacement)
    if table is None:
        table = _TERMINAL_TABLES.setdefault(
            replacement, dict.fromkeys(_TERMINAL_UNSAFE, replacement)
        )
    return str(value).translate(table)


_MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]()#+\-.!|~])")


def markdown_text(value: object) -> str:
    """Make ``value`` literal text in GitHub-flavoured Markdown, on one line, in a table cell.

    HTML-significant characters become entities (``<`` ``>`` ``&`` and quotes), every
    Markdown punctuation character that could start emphasis, a link, a heading, a list
    or a table cell is backslash-escaped, and controls (line breaks included) become
    spaces, so a design's path or message cannot add rows, links, images or markup to a
    job summary.
    """
    text = terminal_text(value, " ")
    return _MARKDOWN_SPECIAL_RE.sub(r"\\\1", html.escape(text, quote=True))
