"""The two levels of the handoff: a Level 1 design's API overview and its Level 2 spec.

After approval the architect hands the design to the api-designer (seed section 3.2:
"Level 1 architecture design is complete. Please proceed with Level 2 API
specification."). The Level 2 specification then holds what Level 1 must not: full
signatures with type annotations, the exceptions each method raises, thread-safety
contracts and field definitions. This module reads both sides of that handoff from
scanned documents, so the AD5xx rules and the ``handoff`` command agree on what a
"method" is.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mkdocs_archdesign.core.document.context import DesignContext, heading_key
from mkdocs_archdesign.core.document.scanner import Section
from mkdocs_archdesign.core.document.summary import api_overview_items, text_value

#: What ``handoff`` appends to a design's id to name its Level 2 specification.
SPEC_SUFFIX = "-api-spec"

#: The section of a Level 2 spec that holds one sub-section per method.
METHODS_KEY = "methods"

# `name(args)`: purpose  /  `async name(args)` - purpose. Names may be dotted (Class.method).
# One search finds both: the name in a look-ahead from the first backtick that opens a
# call, then (optional, so a bullet without one still names its method) the purpose.
_METHOD_RE = re.compile(
    r"`(?=\s*(?:async\s+|def\s+)*([A-Za-z_][\w.]{0,200})\s*\()"
    r"(?:[^`]{0,2000}`\s{0,20}[:\u2013\u2014-]?\s{0,20}(.*))?"
)
# A heading that names a method: `name`, `name(...)` or name(...).
_SPEC_HEADING_RE = re.compile(r"`?\s*(?:async\s+|def\s+)*([A-Za-z_][\w.]{0,200})\s*(?:\(|`|$)")
_EXCEPTION_RE = re.compile(r"\b[A-Z][A-Za-z0-9_]{0,100}(?:Error|Exception)\b")
_PLACEHOLDER_RE = re.compile(r"\b(?:TODO|TBD)\b")


@dataclass(frozen=True, slots=True)
class Method:
    """One method of a Level 1 API overview.

    Attributes:
        name: The method's name as written (``get_order`` or ``Orders.get``).
        purpose: What the bullet says it does (after the code span), or ``""``.
        line: The bullet's line in the design.
    """

    name: str
    purpose: str
    line: int


@dataclass(frozen=True, slots=True)
class SpecMethod:
    """One method section of a Level 2 spec.

    Attributes:
        name: The method the heading names.
        line: The heading's line.
        signature: Whether the section holds a full annotated signature for it.
        exceptions: Whether the section names at least one exception class.
        noted: Whether a ``**Note**:`` line explains a method Level 1 does not list.
    """

    name: str
    line: int
    signature: bool
    exceptions: bool
    noted: bool


@dataclass(frozen=True, slots=True)
class SpecLink:
    """The front-matter link from a spec back to its Level 1 design.

    Attributes:
        level1: The ``level1:`` design id, or ``""`` when missing.
        line: Its line (1 when missing).
        api_fingerprint: ``level1_api:``, the Level 1 API overview's fingerprint when
            the spec was written, or ``""``.
        api_line: Its line.
    """

    level1: str
    line: int
    api_fingerprint: str
    api_line: int


def is_identifier(name: str) -> bool:
    """Whether ``name`` is a Python identifier, or dotted identifiers (``Cls.method``)."""
    return bool(name) and all(part.isidentifier() for part in name.split("."))


def level1_methods(ctx: DesignContext) -> list[Method]:
    """The methods a Level 1 design's API overview names, in document order.

    Placeholder bullets (``TODO_method(arg)`` or a TODO purpose from the template) are
    not methods: an untouched scaffold has none.
    """
    return [Method(name, purpose, line) for name, purpose, line in _method_rows(ctx)]


def level1_api(ctx: DesignContext) -> tuple[tuple[str, ...], str]:
    """The names of :func:`level1_methods` and their :func:`api_fingerprint`.

    What a design's summary keeps of its API overview, without building a
    :class:`Method` per bullet (the summary runs for every design of a corpus).
    """
    rows = _method_rows(ctx)
    if not rows:
        return (), _fingerprint((), ())
    names, purposes, _ = zip(*rows, strict=True)
    return names, _fingerprint(names, purposes)


def _method_rows(ctx: DesignContext) -> list[tuple[str, str, int]]:
    """``(name, purpose, line)`` of each method the API overview names (not placeholders)."""
    _, items = api_overview_items(ctx)
    rows = []
    for item in items:
        match = _METHOD_RE.search(item.text)
        if match is None:
            continue
        name, purpose = match.group(1, 2)
        purpose = purpose.strip() if purpose is not None else ""
        # The name starts with an ASCII letter or "_", and upper() maps each character
        # on its own: only a "t" or "T" can start an upper-cased "TODO".
        if (name[0] in "tT" and name.upper().startswith("TODO")) or (
            purpose.startswith(("TODO", "TBD")) and _PLACEHOLDER_RE.match(purpose)
        ):
            continue
        rows.append((name, purpose, item.line))
    return rows


def api_fingerprint(methods: list[Method]) -> str:
    """A short hash of the API overview's methods and purposes, to tell a stale spec.

    Only names and purposes count: moving the overview or re-wrapping the document does
    not make a spec stale; adding, removing, renaming or re-describing a method does.
    """
    return _fingerprint([method.name for method in methods], [method.purpose for method in methods])


def _fingerprint(names: Sequence[str], purposes: Sequence[str]) -> str:
    """:func:`api_fingerprint` of the methods' names and purposes, in order."""
    # Each purpose counts with its whitespace runs collapsed. Printable text has no
    # whitespace but the space (the only printable one), so when the purposes joined by
    # single spaces are printable, with no double space and no space at either end, each
    # is already collapsed (an edge space or an empty purpose would make a double space).
    joined = " ".join(purposes)
    if not (
        joined.isprintable() and "  " not in joined and joined[:1] != " " and joined[-1:] != " "
    ):
        purposes = [" ".join(purpose.split()) for purpose in purposes]
    payload = "\n".join(map("\t".join, zip(names, purposes, strict=True)))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def key_entities(ctx: DesignContext) -> list[str]:
    """The key entities a Level 1 Data Model Overview names (``**Key entities**: A, B``)."""
    for key, sections in ctx.sections.items():
        if not key.startswith("data model"):
            continue
        for section in sections:
            for label in section.labels():
                if heading_key(label.label) in ("key entities", "entities"):
                    return _entity_names(label.value)
    return []


def _entity_names(value: str) -> list[str]:
    names = []
    for part in re.split(r"[,;]", value.replace(" and ", ",")):
        name = part.strip().strip("`*_. ").split("(")[0].strip()
        if name and not _PLACEHOLDER_RE.search(name) and name not in names:
            names.append(name)
    return names


def spec_link(ctx: DesignContext) -> SpecLink:
    """Read a spec's ``level1:`` and ``level1_api:`` front-matter keys."""
    meta = ctx.meta
    return SpecLink(
        level1=text_value(meta.get("level1")).strip(),
        line=ctx.front_matter_line("level1"),
        api_fingerprint=text_value(meta.get("level1_api")).strip(),
        api_line=ctx.front_matter_line("level1_api"),
    )


def spec_methods(ctx: DesignContext) -> list[SpecMethod]:
    """The method sections of a Level 2 spec: the sub-headings of its Methods section."""
    section = ctx.section(METHODS_KEY)
    if section is None:
        return []
    found = []
    for sub in _subsections(section):
        match = _SPEC_HEADING_RE.match(sub.title.strip())
        if match is None or not is_identifier(match.group(1)):
            continue
        name = match.group(1)
        found.append(
            SpecMethod(
                name=name,
                line=sub.line,
                signature=_has_signature(sub, name),
                exceptions=_names_exceptions(sub),
                noted=any(heading_key(label.label) == "note" for label in sub.labels()),
            )
        )
    return found


def _subsections(section: Section) -> list[Section]:
    """The direct sub-sections of ``section`` (one heading level below its own)."""
    wanted = None
    subs = []
    for node in section.nodes[1:]:
        heading = node.heading
        if heading is None:
            continue
        if wanted is None:
            wanted = heading.level
        if heading.level == wanted:
            subs.append(heading)
    nodes = section.nodes
    result = []
    for index, heading in enumerate(subs):
        start = next(i for i, node in enumerate(nodes) if node.heading is heading)
        stop = len(nodes)
        if index + 1 < len(subs):
            stop = next(i for i, node in enumerate(nodes) if node.heading is subs[index + 1])
        end_line = subs[index + 1].line - 1 if index + 1 < len(subs) else section.end_line
        result.append(Section(heading, nodes[start:stop], end_line))
    return result


def _has_signature(section: Section, name: str) -> bool:
    short = name.rsplit(".", 1)[-1]
    candidates = [line for fence in section.fences() for line in _joined(fence.body)]
    candidates += [text for _, text in section.prose()]
    return any(full_signature(text, short) for text in candidates)


def _joined(body: tuple[str, ...]) -> list[str]:
    """Fence lines with a signature wrapped over several lines joined back into one."""
    joined: list[str] = []
    pending = ""
    for line in body:
        if pending:
            pending += " " + line.strip()
        elif "def " in line and "(" in line:
            pending = line.strip()
        else:
            joined.append(line)
            continue
        if pending.count("(") <= pending.count(")"):
            joined.append(pending)
            pending = ""
    if pending:
        joined.append(pending)
    return joined


def full_signature(text: str, name: str) -> bool:
    """Whether ``text`` holds ``def name(...) -> T`` with every parameter annotated.

    ``self``, ``cls``, a bare ``*`` and ``/`` need no annotation; ``*args`` and
    ``**kwargs`` do. String methods only: the parameter list may be long.
    """
    if _PLACEHOLDER_RE.search(text):
        return False
    marker = f"def {name}("
    start = text.find(marker)
    if start < 0:
        return False
    depth = 0
    index = start + len(marker) - 1
    for index in range(start + len(marker) - 1, len(text)):
        char = text[index]
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
            if depth == 0:
                break
    else:
        return False
    params = text[start + len(marker) : index]
    rest = text[index + 1 :].lstrip()
    if not rest.startswith("->") or not rest[2:].strip(" :"):
        return False
    return all(_annotated(param) for param in _split_params(params))


def _split_params(params: str) -> list[str]:
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in params:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        if char == "," and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [part.strip() for part in parts if part.strip()]


def _annotated(param: str) -> bool:
    name = param.split("=", 1)[0].strip()
    if name in ("self", "cls", "*", "/"):
        return True
    return ":" in name


def _names_exceptions(section: Section) -> bool:
    texts = [item.text for item in section.items()] + [text for _, text in section.prose()]
    texts += [line for fence in section.fences() for line in fence.body]
    return any(_EXCEPTION_RE.search(text) and not _PLACEHOLDER_RE.search(text) for text in texts)


def spec_id_for(design_id: str) -> str:
    """The id of the Level 2 spec ``handoff`` writes for ``design_id``."""
    return f"{design_id}{SPEC_SUFFIX}"


@dataclass(frozen=True, slots=True)
class Level1Facts:
    """What a spec's rules need to know of the Level 1 design it links to.

    Attributes:
        id: The design's id.
        path: The design's path.
        approved: Whether the design's status is Approved.
        status_text: Its status as written.
        methods: Its API overview's method names.
        fingerprint: :func:`api_fingerprint` of those methods.
    """

    id: str
    path: str
    approved: bool
    status_text: str
    methods: tuple[str, ...]
    fingerprint: str


@dataclass(frozen=True, slots=True)
class SpecInput:
    """Everything a Level 2 spec rule (AD5xx) looks at.

    Attributes:
        ctx: The spec, scanned and read against the Level 2 template.
        link: Its ``level1:`` link.
        methods: Its method sections.
        level1: The linked Level 1 design, or ``None`` when the link names no design.
    """

    ctx: DesignContext
    link: SpecLink
    methods: tuple[SpecMethod, ...]
    level1: Level1Facts | None
