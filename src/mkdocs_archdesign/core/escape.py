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
