"""AD211: Context and Scope covers problem, users, boundary and out-of-scope."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_archdesign.core.document.scanner import Section
from mkdocs_archdesign.core.document.sections import SCOPE
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule
from mkdocs_archdesign.core.rules.text import LIST_MARKER, one_text, plain

#: What Context and Scope must cover, with the words that show each one.
SCOPE_ELEMENTS = (
    ("problem statement", re.compile(r"\bproblem")),
    ("target users", re.compile(r"\b(?:users?|audience|consumers?|clients?)\b")),
    ("system boundary", re.compile(r"\b(?:boundar(?:y|ies)|upstream|downstream|integrations?)")),
    ("out of scope", re.compile(r"\b(?:out[\s-]+of[\s-]+scope|not\s+in\s+scope)")),
)


@rule("AD211", "missing-scope-element", Severity.WARNING)
def missing_scope_element(ctx: DesignContext) -> Iterator[Hit]:
    """Context and Scope lacks a problem statement, target users, boundary or out-of-scope.

    What it checks:
        Context and Scope must cover the four items of seed section 2.1: the problem
        statement, the target users, the system boundary (upstream and downstream) and
        what is out of scope. Each is recognised by a sub-heading, a ``**Label**:`` or
        the start of a line naming it. Each missing item is reported.

    Why it matters:
        "Can a new team member understand WHY this module exists? Are integration
        points clearly defined?" Without a boundary and an out-of-scope list, reviewers
        cannot tell a missing feature from an intentional omission.

    Example:
        ```markdown
        ## 1. Context and Scope

        **Problem statement**: checkout is slow.
        ```

    Fix:
        Add the missing items, e.g. ``**Out of scope**:`` with a bullet list.
    """
    section = ctx.template_section(SCOPE)
    if section is None:
        return
    # The patterns match no NUL (see one_text): one search per element over every text.
    texts = _marker_text(section)
    title = ctx.section_title(SCOPE)
    for name, pattern in SCOPE_ELEMENTS:
        if pattern.search(texts) is None:
            yield Hit(section.line, f"Context and Scope has no {name}", title)


# A line's first words: without_list_marker(line)[:40]. Anchored at each line start of
# the "\n"-joined prose (lines hold no "\n"), with the marker pattern of rules/text.py:
# [ \t]+ takes every blank, as there, and the bounded group never fails, so the engine
# never backtracks into the marker. It matches once per line, even an empty one.
_FIRST_WORDS_RE = re.compile(rf"^(?:{LIST_MARKER}[ \t]+)?([^\n]{{0,40}})", re.MULTILINE)


def _marker_text(section: Section) -> str:
    """Sub-headings, labels and the first words of each line, lower-cased, by :func:`one_text`."""
    texts = [heading.text for heading in section.subsections()]
    texts.extend(label.label for label in section.labels())
    lines = [text for _, text in section.prose()]
    if lines:
        # plain() of the joined lines is the join of each plain(): it only drops characters.
        texts.extend(_FIRST_WORDS_RE.findall(plain("\n".join(lines))))
    # Lower-casing after joining by NUL is lower-casing each text: only a final sigma
    # looks at its neighbours, and NUL is neither cased nor case-ignorable.
    return one_text(texts).lower()
