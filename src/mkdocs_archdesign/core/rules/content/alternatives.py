"""AD207, AD208: Alternatives Considered has two or more alternatives, each with trade-offs."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from operator import itemgetter

from mkdocs_archdesign.core.document.scanner import Section
from mkdocs_archdesign.core.document.sections import ALTERNATIVES
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule
from mkdocs_archdesign.core.rules.text import LIST_MARKER, plain, quote

_TEXT = itemgetter(1)

# Used with .match() on one line, and anchored (\A, so a search too): linear in the line.
# Group 1 is the bold title after without_list_marker()'s marker (rules/text.py), taken
# whole ([ \t]++) as there; were the engine to skip a present marker, the "**" would have
# to start at its "-", "*", "+" or digit, followed by a blank or "." / ")": it cannot.
_ALTERNATIVE_RE = re.compile(
    rf"\A(?:{LIST_MARKER}[ \t]++)?(\*\*(?:alternative|option)\b[^*\n]*\*\*)",
    re.IGNORECASE,
)


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
    lines = list(section.prose())
    # One match per line, run by map in C; zip stops at the shorter, the lines.
    matches = map(_ALTERNATIVE_RE.match, map(_TEXT, lines))
    bold = [
        (line, match.group(1).strip("*").strip())
        for (line, _), match in zip(lines, matches, strict=False)
        if match is not None
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
# Used with .match() on one plain line: the marker is without_list_marker()'s, taken
# whole as there, and \s is str.isspace(), which lstrip() and strip() drop. The letters
# are spelled out: IGNORECASE would also fold "ſ" and "K", which lower() keeps.
# Anchored (\A, so a search too) and possessive: linear in the line.
_PART_RE = re.compile(
    rf"\A(?:{LIST_MARKER}[ \t]++)?\s*+"
    r"([pP][rR][oO][sS]|[cC][oO][nN][sS]|[dD][eE][cC][iI][sS][iI][oO][nN])\s*+(?::|\Z)"
)


def part_words(texts: list[str]) -> Iterator[tuple[int, str]]:
    """``(index, part)`` for each text naming a part (``- **Pros**: ...`` -> ``pros``).

    The same as testing each text's
    ``without_list_marker(plain(text)).lstrip().split(":", 1)[0].strip().lower()``
    against ``pros``/``cons``/``decision``, with one match per text run by map in C.
    """
    # Prose lines hold no "\n", and plain() only drops characters: splitting the joined
    # plain text gives each text's plain(). Without texts, zip drops the one "" split.
    flat = plain("\n".join(texts)).split("\n")
    matches = map(_PART_RE.match, flat)
    for index, match in zip(range(len(texts)), matches, strict=False):
        if match is not None:
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
    for index, word in part_words(list(map(_TEXT, lines))):
        line = lines[index][0]
        if line > starts[0]:
            # The last alternative starting before the line (starts are sorted, distinct).
            parts[bisect_left(starts, line) - 1].add(word)
    title = ctx.section_title(ALTERNATIVES)
    for (line, name), seen in zip(found, parts, strict=True):
        missing = [part.capitalize() for part in _ALTERNATIVE_PARTS if part not in seen]
        if missing:
            yield Hit(line, f"alternative '{quote(name)}' lacks {', '.join(missing)}", title)
