"""Rewrite the value of a one-line YAML ``key: value`` front matter entry in place.

Both ``check --fix`` (status agreement) and ``review`` (status transitions) change a
front matter value without re-serialising the YAML, so quotes, spacing and a trailing
comment survive, and every other line is untouched.
"""

from __future__ import annotations

import json
import re

from mkdocs_archdesign.core.model import Status

_SCALAR_LINE_RE = re.compile(
    r"(?P<key>[A-Za-z_][\w-]*[ \t]*:)(?P<gap>[ \t]*)"
    r"(?P<value>\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*'|[^#]*?)"
    r"(?P<tail>[ \t]*(?:[ \t]#.*)?)$"
)
_PLAIN_YAML_RE = re.compile(r"[A-Za-z0-9][\w.\-]*")


def yaml_plain(value: str) -> str:
    """``value`` as a YAML scalar: plain when safe, else double-quoted (JSON is YAML)."""
    if _PLAIN_YAML_RE.fullmatch(value) or value in {s.value for s in Status}:
        return value
    return json.dumps(value)


def front_key_line(front_matter_lines: tuple[str, ...], key: str) -> int | None:
    """The 1-based file line of top-level front matter ``key:``, or ``None``.

    Args:
        front_matter_lines: The lines between the fences (file line 2 on).
        key: The key, e.g. ``"status"``.
    """
    pattern = re.compile(rf"{re.escape(key)}[ \t]*:(?:[ \t]|$)")
    for index, line in enumerate(front_matter_lines, start=2):
        if pattern.match(line):
            return index
    return None


def scalar_line_with(content: str, value: str, *, continued: bool = False) -> str | None:
    """The line ``content`` (``key: old``) with its value replaced by ``value``.

    The old value's quoting style is kept (double, single or plain), as are the gap
    after the colon and a trailing comment.

    Args:
        content: The line without its ending.
        value: The new value (unquoted).
        continued: Whether the next line continues the value (indented), which makes
            the entry multi-line.

    Returns:
        The new line, or ``None`` when the entry is not a one-line scalar (a block
        scalar, a flow collection, an anchor, a tag, empty, or continued).
    """
    match = _SCALAR_LINE_RE.fullmatch(content)
    old = match.group("value") if match else ""
    if match is None or not old or old[0] in "|>[{&*!" or continued:
        return None
    if old.startswith('"'):
        new = json.dumps(value)
    elif old.startswith("'"):
        new = "'" + value.replace("'", "''") + "'"
    else:
        new = yaml_plain(value)
    gap = match.group("gap") or " "
    return f"{match.group('key')}{gap}{new}{match.group('tail')}"
