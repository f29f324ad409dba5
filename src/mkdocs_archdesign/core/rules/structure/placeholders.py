"""AD103: placeholder text left over from the template."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from mkdocs_archdesign.core.document.marks import normalise_label
from mkdocs_archdesign.core.document.scanner import Section, scan_design
from mkdocs_archdesign.core.document.template import Template, normalise_prose
from mkdocs_archdesign.core.model import Severity, Status
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, heading_key, rule
from mkdocs_archdesign.core.rules.text import quote, strip_code_spans, table_rows

_TODO_RE = re.compile(r"\b(TODO|TBD)\b")
# "[words]" that is not a link ("[a](b)", "[a][b]", "[a]: url"), a footnote or an image.
_BRACKET_RE = re.compile(r"(?<![\]!\\])\[([^\[\]\n]{1,80})\](?![(\[:])")
# "<words with spaces>": no space right after "<" or before ">", so "p95 < 200ms and
# p99 > 1s" is not a hint; "=", "/", ":" and quotes rule out tags and autolinks.
_HINT_RE = re.compile(r"<([A-Za-z][^<>\n=/:\"']{0,80}[^<>\s=/:\"'])>")
_REVIEW_DATE_KEY = "review date"


@rule("AD103", "placeholder-text", Severity.WARNING)
def placeholder_text(ctx: DesignContext) -> Iterator[Hit]:
    """Template placeholder text is left in the design.

    What it checks:
        Outside code (fences, indented code, also in list items, and inline code
        spans, even one wrapped over two lines) and HTML comments, no line may keep
        the template's placeholders: the words ``TODO`` or ``TBD`` (except
        ``**Review Date**: TBD`` while the design is not Approved); a bracketed
        placeholder such as ``[Option Name]`` (words in square brackets that are not a
        link, a footnote, a GitHub alert such as ``> [!NOTE]``, a task checkbox, or a
        shortcut reference to a link defined in the file: ``[core team]`` with
        ``[core team]: https://...`` below; the definitions themselves render as nothing
        and are never read); an angle-bracket hint such as
        ``<service name>`` (not an HTML tag or autolink); or a line of the template's
        example prose left unchanged. Headings, ``**Label**:`` lines, table headers,
        checklist items and the Design Review block are never compared with the
        template's example prose. One finding per line.

    Why it matters:
        A placeholder means a decision was not made. The Level 2 designer would have to
        guess, and reviewers skim past it because the section "looks filled in".

    Example:
        ```markdown
        **Alternative 1: [Option Name]**

        - **Decision**: TODO
        ```

    Fix:
        Replace the placeholder with the real content, or delete the line.
    """
    review = ctx.review.section
    review_range = (review.line, review.end_line) if review is not None else (0, -1)
    skip_example: set[int] | None = None
    examples = ctx.template.example_lines
    first_words = _example_first_words(ctx.template)
    approved = ctx.status is Status.APPROVED
    refs = ctx.design.references
    for node in ctx.design.nodes:
        in_span = False
        previous = -1
        for lineno, raw_text in node.prose:
            # A code span may open on one line and close on the next (wrapped prose).
            if in_span or "`" in raw_text:
                text, in_span = _outside_wrapped_span(raw_text, in_span and lineno == previous + 1)
            else:
                text = raw_text  # what _outside_wrapped_span gives, without the call
            previous = lineno
            # _placeholder's first test inlined: most lines have no placeholder mark.
            found = (
                _placeholder(text, approved, refs)
                if "TODO" in text or "TBD" in text or "[" in text or "<" in text
                else None
            )
            # A line's first 8 characters, lower-cased, start its normalise_prose form
            # when they are printable ASCII without a double space; other whitespace (a
            # tab, a no-break space) or case folding that changes length: any example.
            head = text[:8].lower()
            if (
                found is None
                and (
                    head in first_words
                    or not (head.isascii() and head.isprintable())
                    or "  " in head
                )
                and not review_range[0] <= lineno <= review_range[1]
                and normalise_prose(text) in examples
            ):
                if skip_example is None:
                    skip_example = _structural_lines(ctx)
                if lineno not in skip_example:
                    found = "template example text"
            if found is not None:
                yield Hit(lineno, f"placeholder {found} left in: '{quote(text)}'")
        for table in node.tables:
            for lineno, row in table_rows(table):
                text = " | ".join(row)
                # _placeholder's first test inlined, as for prose lines above.
                if "TODO" not in text and "TBD" not in text and "[" not in text and "<" not in text:
                    continue
                found = _placeholder(text, approved)
                if found is not None:
                    yield Hit(lineno, f"placeholder {found} left in: '{quote(text)}'")


def _outside_wrapped_span(text: str, in_span: bool) -> tuple[str, bool]:
    """``text`` without the part inside a code span wrapped across lines, and the state."""
    if "`" not in text:
        return ("", True) if in_span else (text, False)
    if in_span:
        text = text[text.index("`") + 1 :]
    if text.count("`") % 2:
        return text[: text.rindex("`")], True
    return text, False


def _placeholder(text: str, approved: bool, refs: frozenset[str] = frozenset()) -> str | None:
    """Describe the first placeholder in a line, or ``None``."""
    if "TODO" not in text and "TBD" not in text and "[" not in text and "<" not in text:
        return None  # the common case, decided without any regex
    candidate = strip_code_spans(text)
    # The pattern needs one of its two words: most marked lines hold only "[" or "<".
    todo = _TODO_RE.search(candidate) if "TODO" in candidate or "TBD" in candidate else None
    if todo is not None and not (
        todo.group(1) == "TBD" and not approved and _is_review_date_tbd(candidate)
    ):
        return f"'{todo.group(1)}'"
    if "[" in candidate:
        for match in _BRACKET_RE.finditer(candidate):
            inner = match.group(1).strip()
            if (
                inner
                and inner not in ("x", "X")
                and inner[0] not in "^!"
                and _has_letter(inner)
                and normalise_label(inner) not in refs
            ):
                return f"'[{inner}]'"
    if "<" in candidate:
        hint = _HINT_RE.search(candidate)
        if hint is not None and " " in hint.group(1):
            return f"'<{hint.group(1)}>'"
    return None


def _is_review_date_tbd(text: str) -> bool:
    head, _, value = text.replace("*", "").partition(":")
    return heading_key(head.lstrip("-+ ")) == _REVIEW_DATE_KEY and value.strip() == "TBD"


_first_words: dict[str, frozenset[str]] = {}


def _example_first_words(template: Template) -> frozenset[str]:
    """The first words of the template's example lines, a cheap pre-test per line."""
    words = _first_words.get(template.digest)
    if words is None:
        words = frozenset({"?", *(line[:8] for line in template.example_lines)})
        if len(_first_words) > 16:
            _first_words.clear()
        _first_words[template.digest] = words
    return words


def _has_letter(text: str) -> bool:
    return any(map(str.isalpha, text))


def _structural_lines(ctx: DesignContext) -> set[int]:
    """Lines never compared with the template's example prose (labels, tables, tasks)."""
    lines: set[int] = set()
    for node in ctx.design.nodes:
        lines.update(label.line for label in node.labels)
        lines.update(table.line for table in node.tables)
        lines.update(item.line for item in node.items if item.checked is not None)
    return lines


@dataclass(frozen=True, slots=True)
class _Scaffold:
    """A template's own prose lines (normalised) and fence bodies, as a scaffold has them."""

    lines: frozenset[str]
    fences: frozenset[tuple[str, ...]]


_scaffold_lines: dict[str, _Scaffold] = {}


def _scaffold(template: Template) -> _Scaffold:
    """Every prose line and fence body of the template itself, as a scaffold leaves them.

    Unlike ``example_lines`` (what AD103 flags), this keeps labels, checklist items and
    the Design Review block: an unchanged line of the template is not the author's work,
    whatever kind of line it is. Computed once per template.
    """
    found = _scaffold_lines.get(template.digest)
    if found is None:
        scanned = scan_design(template.source, template.origin)
        lines = frozenset(
            normalise_prose(text) for _, text in scanned.all_prose() if "{" not in text
        )
        fences = frozenset(
            tuple(line.strip() for line in fence.body)
            for node in scanned.nodes
            for fence in node.fences
        )
        if len(_scaffold_lines) > 16:
            _scaffold_lines.clear()
        found = _scaffold_lines[template.digest] = _Scaffold(lines, fences)
    return found


def section_has_own_content(ctx: DesignContext, section: Section) -> bool:
    """Whether a section holds something of the author's beyond template placeholders.

    A prose line counts unless it has a placeholder (TODO, TBD, ``[Option Name]``,
    ``<hint>``) or is a line of the template left unchanged; a table row counts unless
    it is a placeholder or empty; a code block counts unless it is the template's own.
    So an untouched scaffold's sections are not complete, however full they look.

    Args:
        ctx: The design's context (template, status).
        section: A section of the design.

    Returns:
        ``True`` if at least one line is the author's own content.
    """
    return sections_with_own_content(ctx, (section,)) == 1


def sections_with_own_content(ctx: DesignContext, sections: Iterable[Section]) -> int:
    """How many of ``sections`` hold content of the author's (:func:`section_has_own_content`).

    Args:
        ctx: The design's context (template, status).
        sections: Sections of the design.

    Returns:
        The number of those sections with at least one line of the author's own.
    """
    # The template's lines and the status are looked up once for all the sections: a
    # summary asks about every required section of every design.
    scaffold = _scaffold(ctx.template)
    approved = ctx.status is Status.APPROVED
    count = 0
    for section in sections:  # a loop: the summary asks this of every design
        if _has_own_content(section, scaffold, approved):
            count += 1
    return count


def _has_own_content(section: Section, scaffold: _Scaffold, approved: bool) -> bool:
    lines = scaffold.lines
    for node in section.nodes:
        for _, text in node.prose:
            # Both tests only skip a line, so the cheap one goes first: the template-line
            # lookup decides most skipped lines, and most other lines hold no placeholder
            # mark, which is decided without calling _placeholder.
            # A stripped line of printable ASCII without a double space is its own
            # normalised form but for case (no other whitespace is printable ASCII).
            if (
                text.lower()
                if text.isascii()
                and text.isprintable()
                and "  " not in text
                and text[:1] != " "
                and text[-1:] != " "
                else normalise_prose(text)
            ) in lines:
                continue
            if ("TODO" in text or "TBD" in text or "[" in text or "<" in text) and _placeholder(
                text, approved
            ) is not None:
                continue
            return True
        for table in node.tables:
            for _, row in table_rows(table):
                if any(map(str.strip, row)) and _placeholder(" | ".join(row), approved) is None:
                    return True
        for fence in node.fences:
            if tuple(map(str.strip, fence.body)) not in scaffold.fences:
                return True
    return False
