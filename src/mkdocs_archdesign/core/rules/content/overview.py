"""AD201, AD202: Design Overview has an architecture diagram and a component table."""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_archdesign.core.document.sections import OVERVIEW
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule
from mkdocs_archdesign.core.rules.text import header_key, is_placeholder, plain, quote, table_rows


@rule("AD201", "missing-architecture-diagram", Severity.ERROR)
def missing_architecture_diagram(ctx: DesignContext) -> Iterator[Hit]:
    """Design Overview has no Mermaid architecture diagram.

    What it checks:
        The Design Overview section (or one of its sub-sections) must contain a fenced
        code block whose language is ``mermaid`` (```` ```mermaid ```` or ``~~~mermaid``).

    Why it matters:
        The seed asks for an architecture diagram showing the major components, the
        external dependencies and the direction of the data flow; it is the first
        thing a reviewer and the Level 2 designer look at. A diagram as a picture file
        cannot be diffed, reviewed or kept in sync with the text.

    Example:
        ```markdown
        ## 3. Design Overview

        The API talks to the service layer, which talks to PostgreSQL.
        ```

    Fix:
        Add a diagram:

        ````markdown
        ```mermaid
        flowchart LR
            client --> api[API] --> service[Order Service] --> db[(PostgreSQL)]
        ```
        ````
    """
    section = ctx.template_section(OVERVIEW)
    if section is None:
        return
    if not any(fence.language == "mermaid" for fence in section.fences()):
        yield Hit(
            section.line,
            "Design Overview has no mermaid architecture diagram",
            ctx.section_title(OVERVIEW),
        )


_COMPONENT_COLUMNS = ("component", "responsibility", "technology")


@rule("AD202", "missing-component-table", Severity.ERROR)
def missing_component_table(ctx: DesignContext) -> Iterator[Hit]:
    """Design Overview has no complete component responsibilities table.

    What it checks:
        The Design Overview section must contain a table whose header has
        ``Component``, ``Responsibility`` and ``Technology`` columns, and every cell of
        that table must be filled in (a ``TODO``/``TBD`` cell is not filled in). Each
        row with an empty or placeholder cell is reported.

    Why it matters:
        The table says who does what with which technology. A missing or half-filled
        table leaves the Level 2 designer to invent component boundaries.

    Example:
        ```markdown
        | Component | Responsibility | Technology |
        | --------- | -------------- | ---------- |
        | API       | REST endpoints |            |
        ```

    Fix:
        Add the table and fill every cell (``| API | REST endpoints | FastAPI |``).
    """
    section = ctx.template_section(OVERVIEW)
    if section is None:
        return
    title = ctx.section_title(OVERVIEW)
    for table in section.tables():
        columns = [header_key(cell) for cell in table.header]
        if not all(any(col.startswith(want) for col in columns) for want in _COMPONENT_COLUMNS):
            continue
        if not table.rows:
            yield Hit(table.line, "component table has no rows", title)
        for line, row in table_rows(table):
            if len(row) < len(table.header) or _has_gap(row):
                yield Hit(
                    line,
                    "component table row has an empty or placeholder cell: "
                    f"'{quote(' | '.join(row))}'",
                    title,
                )
        return
    yield Hit(
        section.line,
        "Design Overview has no table with Component, Responsibility and Technology columns",
        title,
    )


def _has_gap(row: tuple[str, ...]) -> bool:
    """Whether a cell of ``row`` is empty once plain, or still holds ``TODO``/``TBD``.

    The same as testing ``not plain(cell).strip() or is_placeholder(cell)`` per cell, with
    C-level calls per row: cells hold no "\n" (a row is one line) and plain() only drops
    characters, so splitting the joined plain row gives each cell's plain(); and a cell
    is a placeholder only if it holds "TODO" or "TBD", which then the joined row holds.
    """
    if not row:
        return False
    joined = "\n".join(row)
    if not all(map(str.strip, plain(joined).split("\n"))):
        return True
    return ("TODO" in joined or "TBD" in joined) and any(map(is_placeholder, row))
