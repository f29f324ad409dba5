"""AD206: a minimum Python version in Design Overview or Implementation Constraints."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_archdesign.core.document.sections import CONSTRAINTS, OVERVIEW
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, heading_key, rule
from mkdocs_archdesign.core.rules.text import is_placeholder, plain, section_lines

# Each is anchored on a literal ("python", "3.", ">") and bounded, so linear in the line.
_PYTHON_VERSION_RES = (
    re.compile(r"\bpython\s*v?3(?:\.\d{1,2})?\b", re.IGNORECASE),
    re.compile(r"(?<![\d.])3\.\d{1,2}\s*\+"),
    re.compile(r">=?\s*3\.\d{1,2}\b"),
)


@rule("AD206", "missing-python-version", Severity.WARNING)
def missing_python_version(ctx: DesignContext) -> Iterator[Hit]:
    """No minimum Python version in Design Overview or Implementation Constraints.

    What it checks:
        Design Overview or Implementation Constraints must name a minimum Python
        version: ``Python 3.12``, ``3.12+`` or ``>=3.11``, in plain text or a code
        span, on a line that no longer holds ``TODO``/``TBD``.

    Why it matters:
        The minimum version decides which language features, typing syntax and
        libraries the Level 2 design and the implementation may use.

    Example:
        ```markdown
        ## 8. Implementation Constraints

        - MUST use: type annotations on all public functions
        ```

    Fix:
        Add ``- **Python Version**: 3.12+`` (or ``Minimum: Python 3.12``).
    """
    sections = [
        section
        for key in (OVERVIEW, CONSTRAINTS)
        if (section := ctx.template_section(key)) is not None
    ]
    if not sections:
        return
    for section in sections:
        for _, text in section_lines(section):
            # plain() keeps every "3", and each pattern needs one: test it first.
            if "3" not in text or is_placeholder(text):
                continue
            flat = plain(text)
            if any(pattern.search(flat) for pattern in _PYTHON_VERSION_RES):
                return
    last = sections[-1]
    yield Hit(
        last.line,
        "no minimum Python version (e.g. 'Python 3.12+') in Design Overview or "
        "Implementation Constraints",
        ctx.section_title(heading_key(last.title)),
    )
