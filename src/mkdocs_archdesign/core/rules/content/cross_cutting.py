"""AD213: Cross-Cutting Concerns covers observability, security and reliability."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_archdesign.core.document.sections import CROSS_CUTTING
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule
from mkdocs_archdesign.core.rules.text import one_text, section_lines

#: The cross-cutting concerns of seed section 2.7, with the words that show each one.
CONCERNS = (
    ("observability", re.compile(r"\b(?:observab|logging|metrics|tracing|monitoring)")),
    ("security", re.compile(r"\b(?:security|secure|authentication|authori[sz]ation|secrets?)")),
    ("reliability", re.compile(r"\b(?:reliab|resilien|retr(?:y|ies)|circuit\s+breaker|failover)")),
)


@rule("AD213", "missing-cross-cutting-concern", Severity.WARNING)
def missing_cross_cutting_concern(ctx: DesignContext) -> Iterator[Hit]:
    """Cross-Cutting Concerns lacks observability, security or reliability.

    What it checks:
        Cross-Cutting Concerns must cover observability (logging, metrics, tracing),
        security and reliability (retries, circuit breakers, health checks), each
        recognised by its name or a typical word for it in the section's text. Each
        missing concern is reported.

    Why it matters:
        These are the concerns every module must answer for in production; the seed
        lists all three in section 2.7.

    Example:
        ```markdown
        ## 7. Cross-Cutting Concerns

        ### 7.1 Observability

        - structlog with JSON output, Prometheus metrics
        ```

    Fix:
        Add ``### 7.2 Security`` and ``### 7.3 Reliability``.
    """
    section = ctx.template_section(CROSS_CUTTING)
    if section is None:
        return
    texts = [heading.text for heading in section.subsections()]
    texts.extend(text for _, text in section_lines(section))
    # The patterns match no NUL (see one_text): one search per concern over every text.
    # Lower-casing the joined text lower-cases each: only a final sigma looks at its
    # neighbours, and NUL is neither cased nor case-ignorable.
    joined = one_text(texts).lower()
    title = ctx.section_title(CROSS_CUTTING)
    for name, pattern in CONCERNS:
        if pattern.search(joined) is None:
            yield Hit(section.line, f"Cross-Cutting Concerns does not cover {name}", title)
