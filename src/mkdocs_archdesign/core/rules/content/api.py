"""AD209, AD210: API Design Guidelines has an API overview and an error handling strategy."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain
from operator import attrgetter

from mkdocs_archdesign.core.document import summary as _summary
from mkdocs_archdesign.core.document.sections import API
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule
from mkdocs_archdesign.core.rules.text import is_placeholder


@rule("AD209", "missing-api-overview", Severity.ERROR)
def missing_api_overview(ctx: DesignContext) -> Iterator[Hit]:
    """API Design Guidelines has no API overview naming methods.

    What it checks:
        API Design Guidelines must contain an API overview: a sub-heading
        (``### 4.4 API Overview``) or an ``**API Overview**`` label, followed by at
        least one bullet naming a method in a code span (`` `get_user_by_id(user_id)` ``)
        that no longer holds ``TODO``/``TBD``.

    Why it matters:
        The overview is the hand-off to the Level 2 API designer and decides the
        module's complexity (Simple < 5 APIs, Medium 5-15, Complex > 15), which picks
        the collaboration workflow.

    Example:
        ```markdown
        ### 4.4 API Overview

        The service exposes the usual CRUD operations.
        ```

    Fix:
        List the methods, names only: ``- `create_order(cart)`: Place an order``.
    """
    section = ctx.template_section(API)
    if section is None:
        return
    line, found = _summary.api_overview_items(ctx)
    items = [item for item in found if not is_placeholder(item.text)]
    title = ctx.section_title(API)
    if line is None:
        yield Hit(section.line, "API Design Guidelines has no API Overview", title)
    elif not items:
        yield Hit(line, "API Overview names no method (e.g. '- `get_order(order_id)`: ...')", title)


_ERROR_RE = re.compile(r"error|exception|failure", re.IGNORECASE)
_TEXT = attrgetter("text")
_LABEL = attrgetter("label")


@rule("AD210", "missing-error-handling", Severity.WARNING)
def missing_error_handling(ctx: DesignContext) -> Iterator[Hit]:
    """API Design Guidelines says nothing about error handling.

    What it checks:
        API Design Guidelines must mention errors in a sub-heading, a ``**Label**:`` or
        a bullet (the word "error", "exception" or "failure").

    Why it matters:
        The seed's API guidelines start with the error handling strategy: domain errors,
        infrastructure errors with exception chaining, validation errors and their HTTP
        mapping. Left out, every implementer invents their own.

    Example:
        ```markdown
        ## 4. API Design Guidelines

        ### 4.2 API Versioning
        ```

    Fix:
        Add ``### 4.1 Error Handling Strategy`` with the error kinds and their mapping.
    """
    section = ctx.template_section(API)
    if section is None:
        return
    # Lazily, in C: the strategy is usually the first sub-heading, so the rest is not read.
    texts = chain(
        map(_TEXT, section.subsections()),
        map(_LABEL, section.labels()),
        map(_TEXT, section.items()),
    )
    if not any(map(_ERROR_RE.search, texts)):
        yield Hit(
            section.line,
            "API Design Guidelines has no error handling strategy",
            ctx.section_title(API),
        )
