"""Split and parse a design's YAML front matter, reporting errors with their line.

MkDocs silently drops front matter it cannot parse, so the validator re-parses it here
and turns every problem into a finding instead of an empty ``page.meta``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from mkdocs_archdesign.core.document.plain_yaml import NOT_PLAIN, load_plain

try:  # libyaml is ~10x faster; PyYAML wheels ship it, source builds may not.
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

#: Aliases beyond this count are refused: a "billion laughs" document expands each
#: alias by reference, which is cheap to load but explodes when serialised to JSON.
MAX_ALIASES = 100

#: Values (scalars, list items, mapping keys and values) the parsed front matter may hold
#: once aliases are followed. Fewer than 100 aliases still nest into a billion values
#: (ten aliases per level, nine levels), and every consumer that walks or prints the data
#: (a rule, ``str()``, a theme, JSON) would pay for the expansion.
MAX_VALUES = 10_000


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The front matter block of a document.

    Attributes:
        data: The parsed mapping; empty when absent or broken.
        present: Whether the document starts with a ``---`` block.
        body_start: 0-based index of the first line after the block.
        error: A one-line description of what is wrong, or ``None``.
        error_line: 1-based line of the error within the document.
    """

    data: dict[str, Any]
    present: bool
    body_start: int
    error: str | None = None
    error_line: int = 1


def find_front_matter_end(lines: list[str]) -> int | None:
    """Return the 0-based index of the closing ``---``/``...`` line, or ``None``.

    Args:
        lines: The document's lines without line endings; ``lines[0]`` must be ``---``.
    """
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        stripped = lines[index].rstrip()
        if stripped in ("---", "..."):
            return index
    return None


def parse_front_matter(lines: list[str]) -> FrontMatter:
    """Parse the YAML block at the top of ``lines``.

    Args:
        lines: The document's lines without line endings (a BOM already removed).

    Returns:
        The front matter; ``error`` is set when the YAML is broken, not a mapping, or
        uses too many aliases. The body then starts after the block anyway, so the rest
        of the document is still checked.
    """
    end = find_front_matter_end(lines)
    if end is None:
        if lines and lines[0].rstrip() == "---":
            return FrontMatter({}, True, 0, "front matter opened with '---' is never closed", 1)
        return FrontMatter({}, False, 0)
    text = "\n".join(lines[1:end])
    if text.count("*") and _count_aliases(text) > MAX_ALIASES:
        return FrontMatter(
            {}, True, end + 1, f"front matter uses more than {MAX_ALIASES} YAML aliases", 1
        )
    try:
        data = _load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 2) if mark is not None else 1
        problem = exc.problem or exc.context or "invalid YAML"
        return FrontMatter({}, True, end + 1, f"front matter is not valid YAML: {problem}", line)
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        what = "too deeply nested" if isinstance(exc, RecursionError) else str(exc).splitlines()[0]
        return FrontMatter({}, True, end + 1, f"front matter is not valid YAML: {what}", 1)
    if data is None:
        return FrontMatter({}, True, end + 1)
    if not isinstance(data, dict):
        kind = type(data).__name__
        return FrontMatter({}, True, end + 1, f"front matter is a {kind}, not a mapping of keys", 2)
    if exceeds_values(data, MAX_VALUES):
        message = f"front matter expands to more than {MAX_VALUES} values (YAML aliases)"
        return FrontMatter({}, True, end + 1, message, 1)
    return FrontMatter({str(k): v for k, v in data.items()}, True, end + 1)


class _Unusual(Exception):
    """The document uses something :func:`_construct` leaves to PyYAML's constructor."""


#: Characters of anchors, aliases, tags, merge keys and directives: with none of them in
#: the text, every node of the document is its own, plainly tagged value.
_UNUSUAL_MARKS = ("&", "*", "!", "<<", "%")
_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null", "timestamp")
)


def _load(text: str) -> Any:
    """``yaml.load(text, Loader=_Loader)``, with a faster constructor for plain documents.

    The commonest front matter (flat keys, scalars, lists) is read by
    :func:`~mkdocs_archdesign.core.document.plain_yaml.load_plain` without building
    nodes. Otherwise libyaml parses in C, but PyYAML's constructor is Python and was half
    the time of a design's front matter: plain documents (no anchors, aliases, tags or
    merge keys) are built from the composed nodes directly, calling PyYAML's own
    constructors for every non-string scalar; anything else goes through ``yaml.load``
    unchanged.
    """
    if any(mark in text for mark in _UNUSUAL_MARKS):
        return yaml.load(text, Loader=_Loader)
    plain = load_plain(text, _Loader.yaml_implicit_resolvers)
    if plain is not NOT_PLAIN:
        return plain
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _construct(node, loader)
    except (_Unusual, RecursionError):
        # PyYAML's constructor is iterative: let it decide what deep nesting gives.
        return yaml.load(text, Loader=_Loader)
    finally:
        loader.dispose()


def _construct(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR_TAG:
            return node.value
        if node.tag in _SCALAR_TAGS:
            return loader.construct_object(node)
    elif isinstance(node, yaml.SequenceNode) and node.tag == "tag:yaml.org,2002:seq":
        return [_construct(child, loader) for child in node.value]
    elif isinstance(node, yaml.MappingNode) and node.tag == "tag:yaml.org,2002:map":
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Unusual
            mapping[_construct(key_node, loader)] = _construct(value_node, loader)
        return mapping
    raise _Unusual


def exceeds_values(data: object, limit: int) -> bool:
    """Whether ``data`` holds more than ``limit`` values when aliases are followed.

    The walk is iterative and stops at ``limit``, so it is cheap on a bomb, on deep
    nesting and on a self-referencing alias (``&a [*a]``) alike.

    Args:
        data: Parsed YAML (``page.meta`` or this module's result).
        limit: The most values allowed.
    """
    stack: list[object] = [data]
    seen = 0
    while stack:
        value = stack.pop()
        seen += 1
        if seen > limit:
            return True
        if isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, (list, tuple, set)):
            stack.extend(value)
    return False


def _count_aliases(text: str) -> int:
    """Count YAML alias tokens (``*name``) cheaply, over-approximating."""
    count = 0
    for token in text.split("*")[1:]:
        if token[:1].isalnum() or token[:1] in "_-":
            count += 1
    return count
