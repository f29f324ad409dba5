"""AD207, AD208: Alternatives Considered has two or more alternatives, each with trade-offs."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_archdesign.core.document.scanner import Section
from mkdocs_archdesign.core.document.sections import ALTERNATIVES
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule
from mkdocs_archdesign.core.rules.text import plain, quote, without_list_marker

# Used with .match() on one line, so anchored: linear in the line.
_ALTERNATIVE_RE = re.compile(r"\*\*(?:alternative|option)\b[^*\n]*\*\*", re.IGNORECASE)


@rule("AD207", "too-few-alternatives", Severity.ERROR)
def too_few_alternatives(ctx: DesignContext) -> Iterator[Hit]:
    """Alternatives Considered lists fewer than two alternatives.

    What it checks:
        An alternative is a sub-heading of Alternatives Considered, or a bold line
        starting with ``Alternative`` or ``Option`` (``**Alternative 1: FastAPI**``).
        At least two are required.

    Why it matters:
        The seed: "For each major decision, document at least 2 alternatives". With one
        option there was no decision, only a choice nobody can review.

    Example:
        ```markdown
        ## 9. Alternatives Considered

        **Alternative 1: FastAPI** — chosen.
        ```

    Fix:
        Document the option you rejected too, with its pros, cons and why it lost.
    """
    section = ctx.template_section(ALTERNATIVES)
    if section is None:
        return
    found = _alternatives_of(ctx, section)
    if len(found) < 2:
        yield Hit(
            section.line,
            f"Alternatives Considered lists {len(found)} alternative(s); at least 2 are needed",
            ctx.section_title(ALTERNATIVES),
        )


def alternatives(section: Section) -> list[tuple[int, str]]:
    """The alternatives of a section: bold ``Alternative``/``Option`` lines, else sub-headings.

    Returns:
        ``(line, title)`` pairs in document order.
    """
    bold = [
        (line, match.group(0).strip("*").strip())
        for line, text in section.prose()
        # The pattern opens with "**": a line without it is decided without a match.
        if "**" in text and (match := _ALTERNATIVE_RE.match(without_list_marker(text))) is not None
    ]
    if bold:
        return bold
    subs = list(section.subsections())
    if not subs:
        return []
    level = min(heading.level for heading in subs)
    return [(heading.line, heading.text) for heading in subs if heading.level == level]


def _alternatives_of(ctx: DesignContext, section: Section) -> list[tuple[int, str]]:
    """:func:`alternatives` of ``section``, found once for AD207 and AD208."""
    key = f"alternatives:{section.line}"
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = alternatives(section)
    return list(found)


_ALTERNATIVE_PARTS = ("pros", "cons", "decision")


@rule("AD208", "incomplete-alternative", Severity.WARNING)
def incomplete_alternative(ctx: DesignContext) -> Iterator[Hit]:
    """An alternative lacks its Pros, Cons or Decision.

    What it checks:
        Under each alternative (up to the next one), there must be Pros, Cons and a
        Decision: as ``**Pros**:``/``**Pros:**`` labels, or bullets starting with those
        words (``- Cons: ...``).

    Why it matters:
        "Alternatives are well-justified (why rejected)" is on the review checklist. An
        alternative without trade-offs or a decision documents nothing.

    Example:
        ```markdown
        **Alternative 2: Django + DRF**

        - **Pros**: batteries included
        ```

    Fix:
        Add the missing parts: ``- **Cons**: ...`` and ``- **Decision**: Rejected because ...``.
    """
    section = ctx.template_section(ALTERNATIVES)
    if section is None:
        return
    found = _alternatives_of(ctx, section)
    if not found:
        return
    starts = [line for line, _ in found]
    parts: list[set[str]] = [set() for _ in found]
    for line, text in section.prose():
        if line <= starts[0]:
            continue
        slot = _slot(starts, line)
        word = without_list_marker(plain(text)).lstrip().split(":", 1)[0].strip().lower()
        if word in _ALTERNATIVE_PARTS:
            parts[slot].add(word)
    title = ctx.section_title(ALTERNATIVES)
    for (line, name), seen in zip(found, parts, strict=True):
        missing = [part.capitalize() for part in _ALTERNATIVE_PARTS if part not in seen]
        if missing:
            yield Hit(line, f"alternative '{quote(name)}' lacks {', '.join(missing)}", title)


def _slot(starts: list[int], line: int) -> int:
    """Index of the last alternative starting before ``line`` (starts are sorted)."""
    slot = 0
    for index, start in enumerate(starts):
        if start < line:
            slot = index
        else:
            break
    return slot
