"""AD207, AD208: Alternatives Considered has two or more alternatives, each with trade-offs."""

from __future__ import annotations

import re
from bisect import bisect_left
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

# A line names a part when its word (plain text without list marker and leading
# whitespace, up to the first ":", stripped, lower-cased) is one of _ALTERNATIVE_PARTS.
# Over lines joined by "\n" with MULTILINE, "^"/"$" are each line's start/end and
# [^\S\n] is \s (= str.isspace) within a line. The letters are spelled out: IGNORECASE
# would also fold "ſ" and "K", which lower() keeps. Anchored and possessive: linear.
_PART_RE = re.compile(
    r"^(?:(?:[-*+]|\d{1,9}[.)])[ \t]++)?[^\S\n]*+"
    r"([pP][rR][oO][sS]|[cC][oO][nN][sS]|[dD][eE][cC][iI][sS][iI][oO][nN])[^\S\n]*+(?::|$)",
    re.MULTILINE,
)


def part_words(texts: list[str]) -> Iterator[tuple[int, str]]:
    """``(index, part)`` for each text naming a part (``- **Pros**: ...`` -> ``pros``).

    The same as testing each text's
    ``without_list_marker(plain(text)).lstrip().split(":", 1)[0].strip().lower()``
    against ``pros``/``cons``/``decision``, in one search over all of them.
    """
    # plain() of the joined text is the join of each plain(): it only drops characters.
    # Prose lines hold no "\n", so the n-th line of the joined text is texts[n].
    joined = plain("\n".join(texts))
    index = position = 0
    for match in _PART_RE.finditer(joined):
        # Counted from the previous match on: linear in the text.
        index += joined.count("\n", position, match.start())
        position = match.start()
        yield index, match.group(1).lower()


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
    lines = list(section.prose())
    for index, word in part_words([text for _, text in lines]):
        line = lines[index][0]
        if line > starts[0]:
            # The last alternative starting before the line (starts are sorted, distinct).
            parts[bisect_left(starts, line) - 1].add(word)
    title = ctx.section_title(ALTERNATIVES)
    for (line, name), seen in zip(found, parts, strict=True):
        missing = [part.capitalize() for part in _ALTERNATIVE_PARTS if part not in seen]
        if missing:
            yield Hit(line, f"alternative '{quote(name)}' lacks {', '.join(missing)}", title)
