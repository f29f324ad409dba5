"""The front matter most designs have, read with string methods; PyYAML reads the rest.

A design's front matter is nearly always a flat mapping: ``key: value`` lines whose values
are plain or quoted scalars, flow lists (``[a, b]``), and block lists of scalars or of
flat mappings (``handoffs:``). Even with libyaml, PyYAML builds two ``Mark`` objects and a
node per scalar and resolves each scalar's type in Python: about 0.1 ms for a dozen
lines, more than the scanner spends on the rest of the design.

:func:`load_plain` reads exactly that shape and nothing else. Every scalar's type is
decided by PyYAML's own implicit resolvers (the loader's table, in its order) and built
by PyYAML's own constructors, so an int, a date or ``yes`` come out as ``yaml.load``
makes them. Anything outside the shape — a comment after a value, a multi-line scalar,
an escape, a nested mapping, an indicator character, a tab, a non-printable character —
returns :data:`NOT_PLAIN`, and the caller hands the text to PyYAML, errors included.
"""

from __future__ import annotations

import re
from typing import Any, Final

import yaml
import yaml.constructor


class _NotPlain:
    """The sentinel type of :data:`NOT_PLAIN`."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_PLAIN"


#: What :func:`load_plain` returns for a text outside the plain shape.
NOT_PLAIN: Final = _NotPlain()

# A plain scalar may not start with an indicator: "-", "?" and ":" open block structure,
# the flow characters open flow collections, "#" a comment, "&", "*", "!" anchors,
# aliases and tags, "|" and ">" block scalars, quotes quoted scalars; "%", "@" and "`"
# are reserved.
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
# Inside a flow list an item ends at any of these, and quotes would start a quoted item.
_FLOW_SPECIAL = frozenset(",:?[]{}#'\"")
_NULL_TAG = "tag:yaml.org,2002:null"
_BOOL_TAG = "tag:yaml.org,2002:bool"

_constructor: yaml.constructor.SafeConstructor | None = None


#: ``key: value`` or ``key:``: an ASCII key (letters, digits, ``_``, ``-``; no leading
#: ``-``), the colon, and the value after at least one space (trailing spaces are the
#: caller's to drop: a lazy value before `` *`` would rescan a run of spaces per character).
_ENTRY_RE = re.compile(r"(\w[\w-]*):(?: +(.*))?\Z", re.ASCII)


def load_plain(text: str, resolvers: dict[Any, Any]) -> Any:
    """The mapping ``yaml.safe_load(text)`` gives, when ``text`` has the plain shape.

    Args:
        text: The front matter between the ``---`` lines, lines joined by ``"\\n"``.
        resolvers: The loader's ``yaml_implicit_resolvers`` (first character -> list of
            ``(tag, regexp)``), the table PyYAML itself resolves plain scalars with.

    Returns:
        A ``dict``, or :data:`NOT_PLAIN` when the text is not of the shape this reads.
    """
    lines = text.split("\n")
    result: dict[Any, Any] = {}
    count = len(lines)
    index = 0
    while index < count:
        line = lines[index]
        index += 1
        if not line.isprintable():
            return NOT_PLAIN  # tabs, controls, odd spaces and line separators: PyYAML's call
        if not line.strip(" ") or line[0] == "#":
            continue
        entry = _ENTRY_RE.match(line)
        if entry is None:
            return NOT_PLAIN
        key = _resolve(entry[1], resolvers)
        if not isinstance(key, str):
            return NOT_PLAIN  # "on:", "1:" and the like are keys PyYAML types
        written = (entry[2] or "").rstrip(" ")
        if written:
            value = _scalar_or_flow(written, resolvers)
        else:
            # "key:" alone: a block list below it, or null.
            end = index
            while end < count and (lines[end][:1] in (" ", "-") or not lines[end].strip(" ")):
                end += 1
            block = [line for line in lines[index:end] if line.strip(" ")]
            index = end
            value = _block_list(block, resolvers) if block else None
        if value is NOT_PLAIN:
            return NOT_PLAIN
        result[key] = value
    return result if result else NOT_PLAIN


def _block_list(lines: list[str], resolvers: dict[Any, Any]) -> Any:
    """The list a ``key:``'s ``- item`` lines (none blank) make, or :data:`NOT_PLAIN`."""
    first = lines[0]
    indent = len(first) - len(first.lstrip(" "))
    marker = first[:indent] + "- "
    inner = first[:indent] + "  "
    items: list[Any] = []
    mapping: dict[Any, Any] | None = None
    for line in lines:
        if not line.isprintable():
            return NOT_PLAIN
        if line.startswith(marker):
            content = line[indent + 2 :].rstrip(" ")
            if not content or content[0] == " ":
                return NOT_PLAIN
            entry = _ENTRY_RE.match(content)
            if entry is not None:
                # "- key: value" opens a mapping; its further keys align with this one.
                mapping = {}
                items.append(mapping)
            else:
                mapping = None
                value = _scalar_or_flow(content, resolvers)
                if value is NOT_PLAIN:
                    return NOT_PLAIN
                items.append(value)
                continue
        elif mapping is not None and line.startswith(inner):
            entry = _ENTRY_RE.match(line, indent + 2)
        else:
            return NOT_PLAIN
        written = (entry[2] or "").rstrip(" ") if entry is not None else ""
        if entry is None or not written:
            return NOT_PLAIN  # a nested block, or a line of some other shape
        key = _resolve(entry[1], resolvers)
        value = _scalar_or_flow(written, resolvers)
        if not isinstance(key, str) or value is NOT_PLAIN:
            return NOT_PLAIN
        mapping[key] = value
    return items


def _scalar_or_flow(value: str, resolvers: dict[Any, Any]) -> Any:
    """A value written on its key's line: a quoted or plain scalar, ``[...]`` or ``{}``."""
    first = value[0]
    if first == '"':
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != '"' or '"' in inner or "\\" in inner:
            return NOT_PLAIN
        return inner
    if first == "'":
        inner = value[1:-1]
        if len(value) < 2 or value[-1] != "'" or "'" in inner.replace("''", ""):
            return NOT_PLAIN
        return inner.replace("''", "'")
    if first == "[":
        return _flow_list(value, resolvers)
    if value == "{}":
        return {}
    if not _plain_scalar(value):
        return NOT_PLAIN
    return _resolve(value, resolvers)


def _flow_list(value: str, resolvers: dict[Any, Any]) -> Any:
    if value[-1] != "]":
        return NOT_PLAIN
    inner = value[1:-1].strip(" ")
    if not inner:
        return []
    items = []
    for part in inner.split(","):
        item = part.strip(" ")
        if not item or item[0] in _INDICATORS or not _FLOW_SPECIAL.isdisjoint(item):
            return NOT_PLAIN
        typed = _resolve(item, resolvers)
        if typed is NOT_PLAIN:
            return NOT_PLAIN
        items.append(typed)
    return items


def _plain_scalar(value: str) -> bool:
    """Whether ``value`` (stripped) is one plain scalar, ending where the line ends."""
    return (
        value[0] not in _INDICATORS
        and ": " not in value
        and not value.endswith(":")
        and " #" not in value
    )


def _resolve(value: str, resolvers: dict[Any, Any]) -> Any:
    """A plain scalar typed as PyYAML types it, or :data:`NOT_PLAIN` for merge/value tags."""
    for tag, regexp in resolvers.get(value[:1], ()):
        if regexp.match(value):
            return _construct(tag, value)
    # Resolvers for any first character (none by default), tried after, as PyYAML does.
    for tag, regexp in resolvers.get(None, ()):
        if regexp.match(value):
            return _construct(tag, value)
    return value


def _construct(tag: str, value: str) -> Any:
    if tag == _NULL_TAG:
        return None
    if tag == _BOOL_TAG:
        return yaml.constructor.SafeConstructor.bool_values[value.lower()]
    method = _CONSTRUCTORS.get(tag)
    if method is None:
        return NOT_PLAIN
    global _constructor  # noqa: PLW0603 - one stateless constructor, made on first use
    if _constructor is None:
        _constructor = yaml.constructor.SafeConstructor()
    try:
        return method(_constructor, yaml.ScalarNode(tag, value))
    except (ValueError, OverflowError):
        # "2026-13-45": PyYAML composes the whole text before it builds a value, so a
        # syntax error further down is what it reports; only it can say which.
        return NOT_PLAIN


_CONSTRUCTORS = {
    "tag:yaml.org,2002:int": yaml.constructor.SafeConstructor.construct_yaml_int,
    "tag:yaml.org,2002:float": yaml.constructor.SafeConstructor.construct_yaml_float,
    "tag:yaml.org,2002:timestamp": yaml.constructor.SafeConstructor.construct_yaml_timestamp,
}
