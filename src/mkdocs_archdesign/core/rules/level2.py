"""AD3xx: Level 2 details that leaked into a Level 1 design ("no Level 2 details")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from operator import attrgetter, itemgetter

from mkdocs_archdesign.core.document import summary as _summary
from mkdocs_archdesign.core.document.scanner import Node
from mkdocs_archdesign.core.document.sections import API, DATA_MODEL
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule
from mkdocs_archdesign.core.rules.text import matching_lines, node_prose_texts, quote

_CODE_SPAN_CONTENT_RE = re.compile(r"`([^`\n]+)`")
_PARAMS_RE = re.compile(r"\(([^()\n]*)\)")
# A parameter name starts at a word boundary (the look-behind): each start scans one
# word, so a long argument without a colon stays linear (issue 15).
_ANNOTATION_RE = re.compile(r"(?<!\w)[A-Za-z_]\w*[ \t]*:[ \t]*[A-Za-z_\[]")
_CALL_RE = re.compile(r"(?<!\w)[A-Za-z_]\w*\(")
_RETURN_RE = re.compile(r"\)\s*->")
_DEF_RE = re.compile(r"\b(?:async\s+)?def\s+[A-Za-z_]")
_CLASS_RE = re.compile(r"\bclass\s+([A-Za-z_]\w*)\s*\(([^()\n]*)\)")
_MODEL_CLASS_RE = re.compile(
    r"^\s*class\s+[A-Za-z_]\w*\s*\([^()\n]*\b(?:BaseModel|Base|DeclarativeBase|SQLModel"
    r"|TypedDict|NamedTuple)\b"
)
_DATACLASS_RE = re.compile(r"^\s*@(?:dataclasses\.)?dataclass\b")
_FIELD_RE = re.compile(r"^\s*[a-z_][a-z0-9_]*\s*:\s*[A-Za-z_][\w.]*(?:\[[^\n]*\])?\s*(?:=.*)?$")
# Where _is_signature can hold, as patterns that match no newline (for
# matching_lines): each of its three tests needs, in the code, a match of one branch
# here: _DEF_RE "def" + blanks + a name start, _RETURN_RE ")" + blanks + "->", and
# an annotation a ":" inside parameters _PARAMS_RE finds, "(" + no parens + ")".
# Lines and code spans hold no newline, so their "\s" is "[^\S\n]", and a code
# span's text is a piece of its line: a line without a match has no signature in
# itself or in any of its code spans. Linear: each branch starts at one fixed
# character ("d", ")", "(") and scans one run that no other start of it rescans.
_ANNOTATED_AT = r"\([^()\n:]*:[^()\n]*\)"
_SIGNATURE_AT_RE = re.compile(rf"def[^\S\n]+[A-Za-z_]|\)[^\S\n]*->|{_ANNOTATED_AT}")
# Without "def" and "->" only the last branch can match; alone, it starts with one
# literal, which the regex engine skips to instead of trying the branches at each
# character (about a third of the time, timed on the corpus' prose).
_ANNOTATED_AT_RE = re.compile(_ANNOTATED_AT)
_ITEM_TEXT = attrgetter("text")
_PROSE_TEXT = itemgetter(1)
_CODE_LANGUAGES = frozenset({"", "python", "py", "python3", "py3", "pycon", "pyi"})

_FIELD_COLUMNS = frozenset({"field", "fields", "attribute", "column", "name", "field name"})
_VALIDATOR_COLUMNS = frozenset({"validator", "validators", "validation", "constraints"})


@rule("AD301", "level2-signature", Severity.WARNING)
def level2_signature(ctx: DesignContext) -> Iterator[Hit]:
    """A full signature appears in the design.

    What it checks:
        Bullets of the API overview name methods only: a bullet with a parameter
        annotation (``user_id: int``), a return annotation (``-> User``) or a
        ``def``/``async def``, in a code span or as plain text, is a Level 2 signature.
        Anywhere else in the design the same holds for every inline code span
        (`` `verify(sig: bytes, body: bytes) -> bool` ``), every list item and every
        line of a Python or unlabelled fenced block (``async def receive(raw: bytes)
        -> Ack:``). A method name with its argument names (``get_user(user_id)``) is
        Level 1 and fine. One finding per line.

    Why it matters:
        The seed: "API Overview (method names only, NOT full signatures)" and, in the
        pre-handoff checklist, "No Level 2 details (full signatures, field
        definitions)". Signatures are the Level 2 API designer's deliverable; writing
        them at Level 1 fixes decisions before the design is approved.

    Example:
        ```markdown
        - `get_user_by_id(user_id: int) -> User`: Retrieve user by ID
        ```

    Fix:
        Keep the name and the argument names: ``- `get_user_by_id(user_id)`: Retrieve user by ID``.
    """
    _, items = _summary.api_overview_items(ctx)
    title = ctx.section_title(API)
    seen: set[int] = set()
    for index in _candidate_lines("\n".join(map(_ITEM_TEXT, items))):
        item = items[index]
        spans = _CODE_SPAN_CONTENT_RE.findall(item.text) or [item.text]
        if any(map(_is_signature, spans)):
            seen.add(item.line)
            yield Hit(item.line, f"API overview has a full signature: '{quote(item.text)}'", title)
    yield from _signatures_elsewhere(ctx, seen)


def _signatures_elsewhere(ctx: DesignContext, seen: set[int]) -> Iterator[Hit]:
    """Signatures in code spans, list items and code blocks outside the API overview."""
    for node, prose_text in zip(ctx.design.nodes, node_prose_texts(ctx), strict=True):
        # What _candidate_lines needs on some line, for all of the node's lines at once
        # (the pattern matches no newline, so a line's match is one in their join).
        if (
            "def" in prose_text
            or "->" in prose_text
            or ("(" in prose_text and ":" in prose_text and _ANNOTATED_AT_RE.search(prose_text))
        ):
            # The lines are joined again, not taken from prose_text: that text only
            # decides whether to look (the fast-path tests widen it to look everywhere).
            indices = _candidate_lines("\n".join(map(_PROSE_TEXT, node.prose)))
            if indices:  # most nodes have no candidate line: no generator for them
                yield from _prose_signatures(node, indices, seen)
        for fence in node.fences:
            if fence.language not in _CODE_LANGUAGES:
                continue
            body = fence.body
            for index in _candidate_lines("\n".join(body)):
                text = body[index]
                # Outside the API overview a line needs "(" or "def": "x) -> y" is none.
                if ("(" in text or "def" in text) and _is_signature(text):
                    yield Hit(fence.line + index + 1, f"full signature: '{quote(text.strip())}'")


def _prose_signatures(node: Node, indices: list[int], seen: set[int]) -> Iterator[Hit]:
    """Signatures in the code spans and list items of the node's prose lines at ``indices``.

    Lines in ``seen`` are skipped.
    """
    items: set[int] | None = None
    prose = node.prose
    for index in indices:
        line, text = prose[index]
        # A match means "def", "->" or ":" is there; as in code blocks, a line needs a
        # "(" or a "def" too.
        if ("(" not in text and "def" not in text) or line in seen:
            continue
        candidates = _CODE_SPAN_CONTENT_RE.findall(text) if "`" in text else []
        if items is None:
            items = {item.line for item in node.items}
        if line in items and _CALL_RE.search(text):
            candidates.append(text)
        if any(map(_is_signature, candidates)):
            seen.add(line)
            yield Hit(line, f"full signature: '{quote(text)}'")


def _candidate_lines(text: str) -> list[int]:
    """The lines of ``text`` (joined by newlines) that may hold a signature."""
    if "def" in text or "->" in text:
        return matching_lines(_SIGNATURE_AT_RE, text)
    return matching_lines(_ANNOTATED_AT_RE, text)


def _is_signature(code: str) -> bool:
    has_def = "def" in code
    has_arrow = "->" in code
    if ":" not in code and not has_arrow and not has_def:
        return False  # no annotation, no return arrow, no def: the common call or prose
    # Each pattern needs its word: a call with a ":" after it runs only the last one.
    if (has_def and _DEF_RE.search(code)) or (has_arrow and _RETURN_RE.search(code)):
        return True
    if ":" not in code or "(" not in code:
        return False
    return any(
        ":" in params and _ANNOTATION_RE.search(params) for params in _PARAMS_RE.findall(code)
    )


@rule("AD302", "level2-exception-class", Severity.WARNING)
def level2_exception_class(ctx: DesignContext) -> Iterator[Hit]:
    """An exception class definition appears in the design.

    What it checks:
        Anywhere in the design, in prose or code, a class definition whose base is
        ``Exception``/``BaseException`` or any class ending in ``Error``
        (``class OrderNotFoundError(DomainError)``).

    Why it matters:
        The seed lists "Exception class definitions" under "What NOT to include at
        Level 1". Level 1 names the error strategy (domain errors, chaining, HTTP
        mapping); the hierarchy itself is Level 2.

    Example:
        ```python
        class PaymentDeclinedError(Exception):
            pass
        ```

    Fix:
        Describe the error kinds in words (``domain errors such as `PaymentDeclinedError`
        map to 402``) and leave the class to the Level 2 specification.
    """
    for node, prose_text in zip(ctx.design.nodes, node_prose_texts(ctx), strict=True):
        # Most nodes say "class" nowhere: one test on the joined text skips their lines.
        if "class" in prose_text:
            for line, text in node.prose:
                if "class" in text and _is_exception_class(text):
                    yield Hit(line, f"exception class definition: '{quote(text)}'")
        for fence in node.fences:
            if "class" not in "\n".join(fence.body):
                continue
            for offset, text in enumerate(fence.body, start=1):
                if "class" in text and _is_exception_class(text):
                    yield Hit(fence.line + offset, f"exception class definition: '{quote(text)}'")


def _is_exception_class(text: str) -> bool:
    for match in _CLASS_RE.finditer(text):
        for base in match.group(2).split(","):
            name = base.strip().rsplit(".", 1)[-1]
            if name in ("Exception", "BaseException") or name.endswith("Error"):
                return True
    return False


@rule("AD303", "level2-model-code", Severity.WARNING)
def level2_model_code(ctx: DesignContext) -> Iterator[Hit]:
    """Data Model has model code in a code block.

    What it checks:
        Code blocks in Data Model Overview must not define models: a
        ``class X(BaseModel)``, ``class X(Base)`` or ``@dataclass`` definition, or field
        definitions (``name: str``, ``total: Decimal = ...``) in a Python or unlabelled
        block. Diagrams (``mermaid``) and other languages are fine. One finding per
        code block. A table of field definitions is model code too: a header with a
        field column (``Field``, ``Attribute``, ``Column``) and a ``Type`` column, or
        with a ``Validator``/``Validation`` column (``| Field | Type | Validator |``); a
        table of entities and what they mean (``| Entity | Purpose |``) is Level 1.

    Why it matters:
        The seed: no "detailed field definitions and validators" and no "Pydantic model
        code" at Level 1. Entities and relationships are Level 1; fields are Level 2.

    Example:
        ```python
        class Order(BaseModel):
            id: UUID
            total: Decimal
        ```

    Fix:
        Name the entities and relationships instead (``Order has many OrderLines``), or
        draw them with a Mermaid ``erDiagram``.
    """
    section = ctx.template_section(DATA_MODEL)
    if section is None:
        return
    title = ctx.section_title(DATA_MODEL)
    for table in section.tables():
        header = {cell.strip("*_` ").lower() for cell in table.header}
        if header & _FIELD_COLUMNS and (header & _VALIDATOR_COLUMNS or "type" in header):
            yield Hit(
                table.line,
                f"Data Model has a field-definition table: '{quote(' | '.join(table.header))}'",
                title,
            )
    for fence in section.fences():
        fields_allowed = fence.language in _CODE_LANGUAGES
        for offset, text in enumerate(fence.body, start=1):
            if (
                _MODEL_CLASS_RE.match(text)
                or _DATACLASS_RE.match(text)
                or (fields_allowed and ":" in text and _FIELD_RE.match(text))
            ):
                yield Hit(
                    fence.line + offset,
                    f"Data Model has model code: '{quote(text.strip())}'",
                    title,
                )
                break
