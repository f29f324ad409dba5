"""AD2xx: Level 1 content rules, one per item of the seed's review checklists.

Each rule looks up its section by the default template's title and runs only where the
template in force keeps that section (:meth:`DesignContext.template_section`); a design
that lacks the section altogether is AD101's business, not these rules'.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from mkdocs_archdesign.core.document import summary as _summary
from mkdocs_archdesign.core.document.scanner import ListItem, Section
from mkdocs_archdesign.core.document.template import normalise_heading
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, heading_key, rule
from mkdocs_archdesign.core.rules.text import (
    header_key,
    is_placeholder,
    plain,
    quote,
    section_lines,
    table_rows,
    without_list_marker,
)

# Section keys, folded the way headings are matched ("Design Overview" folds to "design").
OVERVIEW = normalise_heading("Design Overview")
GOALS = normalise_heading("Goals and Non-Goals")
PERFORMANCE = normalise_heading("Concurrency & Performance Requirements Overview")
API = normalise_heading("API Design Guidelines")
ALTERNATIVES = normalise_heading("Alternatives Considered")
SCOPE = normalise_heading("Context and Scope")
CROSS_CUTTING = normalise_heading("Cross-Cutting Concerns")
CONSTRAINTS = normalise_heading("Implementation Constraints")

_PERCENTILE_RE = re.compile(r"\b[pP]\d{1,3}(?:\.\d+)?\b")
_NUMBER_WORDS = r"\d[\d,.]*\s*[kKmM]?"
_THROUGHPUT_RES = (
    re.compile(
        _NUMBER_WORDS + r"\s*(?:[A-Za-z]+\s+){0,2}(?:rps|qps|tps|per\s+(?:sec|second|minute|min"
        r"|hour)s?)\b",
        re.IGNORECASE,
    ),
    re.compile(_NUMBER_WORDS + r"\s*[A-Za-z]{0,12}\s*/\s*(?:s|sec|second|min|minute|h|hour)\b"),
    re.compile(r"\b(?:rps|qps|tps|throughput)\b[^\d\n]{0,20}\d", re.IGNORECASE),
)
_LATENCY_RE = re.compile(
    r"\bp\d{2,3}(?:\.\d+)?\b[^\d\n]{0,20}\d[\d,.]*\s*(?:ms|s|sec|secs|seconds?"
    r"|milliseconds?|µs|us|minutes?|min)\b",
    re.IGNORECASE,
)
_PYTHON_VERSION_RES = (
    re.compile(r"\bpython\s*v?3(?:\.\d{1,2})?\b", re.IGNORECASE),
    re.compile(r"(?<![\d.])3\.\d{1,2}\s*\+"),
    re.compile(r">=?\s*3\.\d{1,2}\b"),
)
_ALTERNATIVE_RE = re.compile(r"\*\*(?:alternative|option)\b[^*\n]*\*\*", re.IGNORECASE)
_ASSUMPTION_RE = re.compile(r"\bASSUMPTION\s*:", re.IGNORECASE)
_RISK_RE = re.compile(r"\bRISK\s*:", re.IGNORECASE)
_MITIGATION_RE = re.compile(r"\bMITIGATION\s*:", re.IGNORECASE)

#: What Context and Scope must cover, with the words that show each one.
SCOPE_ELEMENTS = (
    ("problem statement", re.compile(r"\bproblem")),
    ("target users", re.compile(r"\b(?:users?|audience|consumers?|clients?)\b")),
    ("system boundary", re.compile(r"\b(?:boundar(?:y|ies)|upstream|downstream|integrations?)")),
    ("out of scope", re.compile(r"\b(?:out[\s-]+of[\s-]+scope|not\s+in\s+scope)")),
)
#: The cross-cutting concerns of seed section 2.7, with the words that show each one.
CONCERNS = (
    ("observability", re.compile(r"\b(?:observab|logging|metrics|tracing|monitoring)")),
    ("security", re.compile(r"\b(?:security|secure|authentication|authori[sz]ation|secrets?)")),
    ("reliability", re.compile(r"\b(?:reliab|resilien|retr(?:y|ies)|circuit\s+breaker|failover)")),
)


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
            if len(row) < len(table.header) or any(
                not plain(cell).strip() or is_placeholder(cell) for cell in row
            ):
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


@rule("AD203", "unmeasurable-goal", Severity.WARNING)
def unmeasurable_goal(ctx: DesignContext) -> Iterator[Hit]:
    """A goal has no number to measure it by.

    What it checks:
        Every bullet under Goals (not Non-Goals; the two are told apart by a
        ``**Goals**``/``**Non-Goals**`` label or sub-heading) must contain a number.
        A bare percentile name does not count (``p95`` alone is not a target), but
        ``150ms``, ``1200 RPS`` or ``99.9%`` do. Sub-bullets belong to their parent
        bullet; a bullet still holding ``TODO``/``TBD`` does not count as measured. One
        finding per bullet, quoting it.

    Why it matters:
        The seed's anti-pattern: "Improve performance" is not a goal, "Reduce p95
        latency from 500ms to 100ms" is. A goal without a number cannot be verified,
        so it cannot be reviewed or tested.

    Example:
        ```markdown
        **Goals**:

        - Make checkout fast and scalable
        ```

    Fix:
        Make it measurable: ``- Checkout p95 latency < 150ms at 1200 RPS``.
    """
    section = ctx.template_section(GOALS)
    if section is None:
        return
    goals, _ = split_goals(section)
    title = ctx.section_title(GOALS)
    for group in _bullet_groups(goals):
        if not any(_has_measure(item.text) and not is_placeholder(item.text) for item in group):
            yield Hit(
                group[0].line, f"goal has no measurable target: '{quote(group[0].text)}'", title
            )


@rule("AD204", "missing-non-goals", Severity.WARNING)
def missing_non_goals(ctx: DesignContext) -> Iterator[Hit]:
    """Goals and Non-Goals lists no non-goal.

    What it checks:
        The Goals and Non-Goals section must list at least one non-goal: a bullet after
        a ``**Non-Goals**`` label or under a Non-Goals sub-heading.

    Why it matters:
        Explicit non-goals ("NOT supporting real-time WebSocket in v1") stop scope
        creep and answer the reviewer's first question: what are we not doing?

    Example:
        ```markdown
        ## 2. Goals and Non-Goals

        - Support 1000 RPS with p95 < 200ms
        ```

    Fix:
        Add ``**Non-Goals**:`` with at least one bullet.
    """
    section = ctx.template_section(GOALS)
    if section is None:
        return
    _, non_goals = split_goals(section)
    if not non_goals:
        yield Hit(section.line, "Goals and Non-Goals lists no non-goal", ctx.section_title(GOALS))


def split_goals(section: Section) -> tuple[list[ListItem], list[ListItem]]:
    """Split a Goals and Non-Goals section's bullets into goals and non-goals.

    A ``**Goals**``/``**Non-Goals**`` label or sub-heading switches the mode; bullets
    before any marker are goals.
    """
    goals: list[ListItem] = []
    non_goals: list[ListItem] = []
    target = goals
    for node in section.nodes:
        if node.heading is not None and node is not section.own:
            target = _goal_target(node.heading.text, goals, non_goals, target)
        markers = {
            label.line: kind
            for label in node.labels
            if (kind := _goal_kind(label.label)) is not None
        }
        events: list[tuple[int, ListItem | None]] = [(line, None) for line in markers]
        events.extend((item.line, item) for item in node.items if item.line not in markers)
        events.sort(key=lambda event: event[0])
        for line, item in events:
            if item is None:
                target = non_goals if markers[line] == "non" else goals
            else:
                target.append(item)
    return goals, non_goals


def _goal_kind(text: str) -> str | None:
    key = heading_key(text)
    if key in ("goals", "goal"):
        return "goals"
    if key in ("non goals", "non goal"):
        return "non"
    return None


def _goal_target(
    text: str, goals: list[ListItem], non_goals: list[ListItem], current: list[ListItem]
) -> list[ListItem]:
    kind = _goal_kind(text)
    if kind == "goals":
        return goals
    if kind == "non":
        return non_goals
    return current


def _bullet_groups(items: list[ListItem]) -> Iterator[list[ListItem]]:
    """Group bullets with their deeper-indented sub-bullets."""
    group: list[ListItem] = []
    for item in items:
        if group and item.indent > group[0].indent and item.line > group[0].line:
            group.append(item)
            continue
        if group:
            yield group
        group = [item]
    if group:
        yield group


def _has_measure(text: str) -> bool:
    return any(ch.isdigit() for ch in _PERCENTILE_RE.sub("", text))


@rule("AD205", "unspecific-performance-target", Severity.ERROR)
def unspecific_performance_target(ctx: DesignContext) -> Iterator[Hit]:
    """Concurrency & Performance has no throughput figure or no latency percentile.

    What it checks:
        The Concurrency & Performance Requirements section must state a throughput
        figure (a number next to a rate unit, either order: ``1200 RPS``,
        ``RPS: 1200``, ``300 req/s``, ``6000 events per second``, ``40 jobs/min``) and
        a latency percentile with a time (``p95 < 150ms``, ``p99 under 2 s``). Lines
        still holding ``TODO``/``TBD`` do not count, so the template's hints do not
        pass. Each missing one is reported.

    Why it matters:
        "Performance targets are specific (RPS, latency percentiles)" is on the seed's
        review checklist. Without numbers, neither the concurrency model nor the
        framework choice can be justified or load-tested.

    Example:
        ```markdown
        ### 6.1 Performance Targets

        - The service must be fast and handle peak traffic.
        ```

    Fix:
        State both: ``- **Expected RPS**: 1000 (average), 2000 (peak)`` and
        ``- **Response Time**: p50 < 50ms, p95 < 200ms``.
    """
    section = ctx.template_section(PERFORMANCE)
    if section is None:
        return
    throughput = latency = False
    for _, text in section_lines(section):
        if is_placeholder(text):
            continue
        flat = plain(text)
        throughput = throughput or any(pattern.search(flat) for pattern in _THROUGHPUT_RES)
        latency = latency or _LATENCY_RE.search(flat) is not None
        if throughput and latency:
            return
    title = ctx.section_title(PERFORMANCE)
    if not throughput:
        yield Hit(section.line, "no throughput target (e.g. '1200 RPS', '300 req/s')", title)
    if not latency:
        yield Hit(section.line, "no latency percentile with a time (e.g. 'p95 < 150ms')", title)


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
            if is_placeholder(text):
                continue
            flat = plain(text)
            if "3" in flat and any(pattern.search(flat) for pattern in _PYTHON_VERSION_RES):
                return
    last = sections[-1]
    yield Hit(
        last.line,
        "no minimum Python version (e.g. 'Python 3.12+') in Design Overview or "
        "Implementation Constraints",
        ctx.section_title(heading_key(last.title)),
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
    found = alternatives(section)
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
        if (match := _ALTERNATIVE_RE.match(without_list_marker(text))) is not None
    ]
    if bold:
        return bold
    subs = list(section.subsections())
    if not subs:
        return []
    level = min(heading.level for heading in subs)
    return [(heading.line, heading.text) for heading in subs if heading.level == level]


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
    found = alternatives(section)
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
    texts: Iterable[str] = (
        *(heading.text for heading in section.subsections()),
        *(label.label for label in section.labels()),
        *(item.text for item in section.items()),
    )
    if not any(_ERROR_RE.search(text) for text in texts):
        yield Hit(
            section.line,
            "API Design Guidelines has no error handling strategy",
            ctx.section_title(API),
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
    texts = _markers(section)
    title = ctx.section_title(SCOPE)
    for name, pattern in SCOPE_ELEMENTS:
        if not any(pattern.search(text) for text in texts):
            yield Hit(section.line, f"Context and Scope has no {name}", title)


def _markers(section: Section) -> list[str]:
    """Sub-headings, labels and the first words of each line, lower-cased."""
    texts = [heading.text.lower() for heading in section.subsections()]
    texts.extend(label.label.lower() for label in section.labels())
    texts.extend(without_list_marker(plain(text))[:40].lower() for _, text in section.prose())
    return texts


_STRATEGY_COLUMNS = ("thread safe", "strategy")


@rule("AD212", "missing-concurrency-strategy", Severity.WARNING)
def missing_concurrency_strategy(ctx: DesignContext) -> Iterator[Hit]:
    """Concurrency & Performance has no concurrency strategy table.

    What it checks:
        The Concurrency & Performance Requirements section must contain a table whose
        header has a ``Component`` column and a ``Thread-Safe?`` or ``Strategy`` column.

    Why it matters:
        "Concurrency model justified (async vs sync, GIL strategy)" is on the review
        checklist. The table says, per component, how shared state is made safe.

    Example:
        ```markdown
        ### 6.2 Concurrency Strategy

        We use asyncio.
        ```

    Fix:
        Add ``| Component | Thread-Safe? | Strategy |`` with one row per component.
    """
    section = ctx.template_section(PERFORMANCE)
    if section is None:
        return
    for table in section.tables():
        columns = [header_key(cell) for cell in table.header]
        if any(c.startswith("component") for c in columns) and any(
            c.startswith(want) for c in columns for want in _STRATEGY_COLUMNS
        ):
            return
    yield Hit(
        section.line,
        "no concurrency strategy table (Component | Thread-Safe? | Strategy)",
        ctx.section_title(PERFORMANCE),
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
    texts = [heading.text.lower() for heading in section.subsections()]
    texts.extend(text.lower() for _, text in section_lines(section))
    title = ctx.section_title(CROSS_CUTTING)
    for name, pattern in CONCERNS:
        if not any(pattern.search(text) for text in texts):
            yield Hit(section.line, f"Cross-Cutting Concerns does not cover {name}", title)


@rule("AD214", "assumption-without-mitigation", Severity.WARNING)
def assumption_without_mitigation(ctx: DesignContext) -> Iterator[Hit]:
    """An ``ASSUMPTION:`` is not followed by a ``RISK:`` and a ``MITIGATION:``.

    What it checks:
        After each ``ASSUMPTION:``, both a ``RISK:`` and a ``MITIGATION:`` must follow
        (on the same or later lines) before the next assumption or the next heading.

    Why it matters:
        The seed's Strategy 3: a decision made on incomplete information must say what
        happens if the assumption is wrong and what will be done about it.

    Example:
        ```markdown
        - ASSUMPTION: traffic is I/O-bound
        - RISK: CPU-bound work would block the event loop
        ```

    Fix:
        Add ``- MITIGATION: profile with py-spy; move CPU work to a process pool``.
    """
    for node in ctx.design.nodes:
        pending: tuple[int, str] | None = None
        risk = mitigation = False
        for line, text in node.prose:
            # Cheap pre-test: most lines mention none of the three markers.
            if ":" not in text or (pending is None and "ssumption" not in text.lower()):
                continue
            flat = plain(text)
            assumption = _ASSUMPTION_RE.search(flat)
            if assumption is not None:
                if pending is not None and not (risk and mitigation):
                    yield _assumption_hit(pending, risk, mitigation)
                pending = (line, flat[assumption.end() :].strip())
                risk = mitigation = False
                tail = flat[assumption.end() :]
            else:
                tail = flat
            if pending is not None:
                risk = risk or _RISK_RE.search(tail) is not None
                mitigation = mitigation or _MITIGATION_RE.search(tail) is not None
        if pending is not None and not (risk and mitigation):
            yield _assumption_hit(pending, risk, mitigation)


def _assumption_hit(pending: tuple[int, str], risk: bool, mitigation: bool) -> Hit:
    missing = " and ".join(
        name for name, seen in (("RISK", risk), ("MITIGATION", mitigation)) if not seen
    )
    return Hit(pending[0], f"ASSUMPTION without {missing}: '{quote(pending[1])}'")
