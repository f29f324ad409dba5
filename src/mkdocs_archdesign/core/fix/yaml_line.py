"""Rewrite the value of a one-line YAML ``key: value`` front matter entry in place.

Both ``check --fix`` (status agreement) and ``review`` (status transitions) change a
front matter value without re-serialising the YAML, so quotes, spacing and a trailing
comment survive, and every other line is untouched.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

_SCALAR_KEY_RE = re.compile(r"[A-Za-z_][\w-]*[ \t]*:")
_DOUBLE_QUOTED_RE = re.compile(r'"(?:[^"\\]|\\.)*"')
_SINGLE_QUOTED_RE = re.compile(r"'(?:[^']|'')*'")


@dataclass(frozen=True, slots=True)
class ScalarLine:
    """A one-line ``key: value  # comment`` front matter line, split into its parts.

    Attributes:
        key: ``key:`` (with any blanks before the colon).
        gap: The blanks between the colon and the value.
        value: The value as written (quotes included), possibly empty.
        tail: Blanks after the value and a ``# comment``, if any.
    """

    key: str
    gap: str
    value: str
    tail: str


def split_scalar_line(content: str) -> ScalarLine | None:
    """Split a front matter line into key, gap, value and tail, in linear time.

    A regex with a lazy value followed by optional blanks backtracked quadratically on a
    value padded with blanks; this walks the line once. A value is a double- or
    single-quoted YAML scalar or plain text without ``#``; a comment needs a blank
    before its ``#``.

    Args:
        content: The line without its ending.

    Returns:
        The parts, or ``None`` when the line is not ``key: value``.
    """
    key = _SCALAR_KEY_RE.match(content)
    if key is None:
        return None
    rest = content[key.end() :]
    value_start = len(rest) - len(rest.lstrip(" \t"))
    gap, body = rest[:value_start], rest[value_start:]
    for quoted_re in (_DOUBLE_QUOTED_RE, _SINGLE_QUOTED_RE):
        quoted = quoted_re.match(body)
        if quoted is not None and _is_tail(body[quoted.end() :]):
            return ScalarLine(key.group(), gap, quoted.group(), body[quoted.end() :])
    hash_at = body.find("#")
    plain, comment = (body, "") if hash_at < 0 else (body[:hash_at], body[hash_at:])
    value = plain.rstrip(" \t")
    if comment and not plain:
        if not gap:
            return None  # ``key:#x``: a comment needs a blank before its '#'
        # ``key: # comment``: the last blank belongs to the comment, the value is empty.
        return ScalarLine(key.group(), gap[:-1], "", gap[-1] + comment)
    if comment and value == plain:
        return None  # ``key: a#b``: '#' inside a plain value
    return ScalarLine(key.group(), gap, value, plain[len(value) :] + comment)


def _is_tail(text: str) -> bool:
    """Whether ``text`` is blanks, optionally then a blank and a ``# comment``."""
    stripped = text.lstrip(" \t")
    return not stripped or (stripped.startswith("#") and len(stripped) < len(text))


#: Words separated by single spaces: no ``: `` or `` #`` can occur, so YAML reads them as
#: one plain scalar (``superseded by ADR-0057``); whether it is a *string* is checked apart.
_PLAIN_YAML_RE = re.compile(r"[A-Za-z0-9][\w.\-]{0,200}(?: [\w.\-]{1,200}){0,20}")


def yaml_plain(value: str) -> str:
    """``value`` as a YAML scalar: plain when safe, else double-quoted (JSON is YAML).

    Plain only when YAML reads it back as the same string: ``true``, ``null`` or ``0057``
    would come back as a bool, nothing or a number.
    """
    if _PLAIN_YAML_RE.fullmatch(value) and _reads_back(value):
        return value
    return json.dumps(value)


def _reads_back(value: str) -> bool:
    try:
        return bool(yaml.safe_load(f"k: {value}") == {"k": value})
    except yaml.YAMLError:  # pragma: no cover - the pattern admits no YAML syntax
        return False


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
    match = split_scalar_line(content)
    old = match.value if match else ""
    if match is None or not old or old[0] in "|>[{&*!" or continued:
        return None
    if old.startswith('"'):
        new = json.dumps(value)
    elif old.startswith("'"):
        new = "'" + value.replace("'", "''") + "'"
    else:
        new = yaml_plain(value)
    gap = match.gap or " "
    return f"{match.key}{gap}{new}{match.tail}"
