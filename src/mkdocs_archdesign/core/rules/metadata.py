"""AD0xx: metadata rules (front matter, status, references between designs)."""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_archdesign.core.document.sections import REVIEW
from mkdocs_archdesign.core.document.theme_keys import theme_key_problems
from mkdocs_archdesign.core.graphs import strongly_connected_components
from mkdocs_archdesign.core.model import Severity, normalise_status_key
from mkdocs_archdesign.core.rules.base import (
    CorpusEntry,
    CorpusHit,
    DesignContext,
    Hit,
    corpus_rule,
    rule,
)

_LIST_OF_STRINGS_KEYS = ("tags", "depends_on", "archdesign_ignore")
_STRING_KEYS = ("id", "title", "module", "owner", "status", "superseded_by", "complexity")


@rule("AD001", "invalid-front-matter", Severity.ERROR)
def invalid_front_matter(ctx: DesignContext) -> Iterator[Hit]:
    """Front matter is not valid YAML, not a mapping, or a known key has the wrong type.

    What it checks:
        The YAML block between the opening and closing ``---`` must parse, must be a
        mapping, and its known keys must have the right types: ``id``, ``title``,
        ``module``, ``owner``, ``status``, ``superseded_by`` and ``complexity`` are strings;
        ``tags`` and ``depends_on`` are lists of strings; ``handoffs`` is a list of
        mappings, each with a ``label`` and an ``agent``. Keys the theme prints or
        interprets must have the shape it expects: ``description``, ``author``,
        ``subtitle``, ``revision_date``, ``git_revision_date_localized``,
        ``git_creation_date_localized`` and ``location`` are text; ``hide`` is a list of
        names; ``search`` is a mapping of ``exclude`` (true/false) and ``boost`` (a
        number); ``template`` is a theme template name ending in ``.html``; ``icon`` is an
        icon name such as ``material/pencil``. The site drops a bad value before the
        theme sees it (and a ``template`` or ``icon`` the theme does not have).

    Why it matters:
        MkDocs silently drops front matter it cannot parse, so a typo turns a design
        into a page with no metadata: no status, no owner, no dependencies, and the
        catalog quietly shows it wrong. A theme key of the wrong shape (``hide: 5``)
        would abort the whole site build.

    Example:
        ```yaml
        ---
        title: Order Service
        tags: checkout, payments
        depends_on: [inventory
        ---
        ```

    Fix:
        Close the bracket and write lists as lists:
        ``tags: [checkout, payments]``, ``depends_on: [inventory]``.
    """
    front = ctx.design.front_matter
    if front.error is not None:
        yield Hit(front.error_line, front.error)
        return
    meta = ctx.meta
    for key in _STRING_KEYS:
        if key in meta and meta[key] is not None and not isinstance(meta[key], str):
            kind = type(meta[key]).__name__
            yield Hit(
                ctx.front_matter_line(key), f"front matter '{key}' must be a string, not a {kind}"
            )
    for key in _LIST_OF_STRINGS_KEYS:
        if key not in meta or meta[key] is None:
            continue
        value = meta[key]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            yield Hit(ctx.front_matter_line(key), f"front matter '{key}' must be a list of strings")
    if "handoffs" in meta and meta["handoffs"] is not None:
        yield from _check_handoffs(ctx, meta["handoffs"])
    for key, message in theme_key_problems(meta):
        if key not in _STRING_KEYS and key not in _LIST_OF_STRINGS_KEYS:
            yield Hit(ctx.front_matter_line(key), message)


def _check_handoffs(ctx: DesignContext, value: object) -> Iterator[Hit]:
    # The key's line is looked up per finding: most designs' handoffs have none.
    if not isinstance(value, list):
        yield Hit(
            ctx.front_matter_line("handoffs"),
            "front matter 'handoffs' must be a list of mappings with 'label' and 'agent'",
        )
        return
    for number, entry in enumerate(value, start=1):
        if not isinstance(entry, dict):
            yield Hit(
                ctx.front_matter_line("handoffs"),
                f"front matter 'handoffs' entry {number} must be a mapping",
            )
            continue
        missing = [key for key in ("label", "agent") if not isinstance(entry.get(key), str)]
        if missing:
            names = " and ".join(f"'{key}'" for key in missing)
            yield Hit(
                ctx.front_matter_line("handoffs"),
                f"front matter 'handoffs' entry {number} needs {names} as text",
            )


@rule("AD002", "unknown-status", Severity.ERROR)
def unknown_status(ctx: DesignContext) -> Iterator[Hit]:
    """The review status is not one of the configured statuses.

    What it checks:
        The front matter ``status`` and the Design Review ``**Status**:`` line must each
        be one of the configured statuses (by default Draft, Pending Review, Changes
        Requested, Approved, Superseded; ``statuses:`` may name a team's own words and
        ``*`` patterns such as ``superseded by *``). Matching ignores case and treats
        ``-``, ``_`` and spaces alike, so ``pending-review`` is Pending Review.

    Why it matters:
        The status drives the badge, the handoff graph and the catalog's board. An
        unknown status ("In Review", "LGTM") leaves the design nowhere in the workflow.

    Example:
        ```markdown
        **Status**: In review
        ```

    Fix:
        Use a configured status: ``**Status**: Pending Review``.
    """
    names = ctx.settings.statuses.describe()
    front = ctx.meta.get("status")
    if isinstance(front, str) and front.strip() and ctx.settings.stage_of(front) is None:
        yield Hit(
            ctx.front_matter_line("status"),
            f"status '{front.strip()}' is not one of: {names}",
        )
    review = ctx.review
    if review.status is not None and ctx.settings.stage_of(review.status) is None:
        shown = review.status.strip() or "(empty)"
        yield Hit(
            review.status_line,
            f"Design Review status '{shown}' is not one of: {names}",
            ctx.section_title(REVIEW),
        )


@rule("AD003", "status-mismatch", Severity.ERROR)
def status_mismatch(ctx: DesignContext) -> Iterator[Hit]:
    """Front matter ``status`` and the Design Review ``**Status**:`` line disagree.

    What it checks:
        When both are written, they must name the same status after the same folding
        as AD002 (case, ``-``, ``_`` and spaces).

    Why it matters:
        Readers see the Design Review block; the badge, the navigation and the catalog
        read the front matter. If they disagree, one of them is lying.

    Example:
        ```markdown
        ---
        status: Approved
        ---
        ...
        **Status**: Pending Review
        ```

    Fix:
        Change both together, or let ``mkdocs-archdesign review`` do it.
    """
    front = ctx.meta.get("status")
    review = ctx.review
    if not isinstance(front, str) or not front.strip() or not review.status:
        return
    if normalise_status_key(front) != normalise_status_key(review.status):
        yield Hit(
            review.status_line,
            f"front matter status '{front.strip()}' disagrees with Design Review status "
            f"'{review.status.strip()}'",
            ctx.section_title(REVIEW),
        )


@corpus_rule("AD004", "unknown-reference", Severity.WARNING)
def unknown_reference(entries: list[CorpusEntry]) -> Iterator[CorpusHit]:
    """``depends_on`` or ``superseded_by`` names a design that is not in the corpus.

    What it checks:
        Every id in ``depends_on`` and the ``superseded_by`` id must be the id of a
        design of the project (a design's id is its ``id:`` front matter, else its file
        name without ``.md`` and a trailing ``-design``, else, for a ``README.md`` or
        ``index.md``, its folder's name).

    Why it matters:
        A dangling reference breaks the dependency graph and hides a real dependency,
        usually after a rename.

    Example:
        ```yaml
        depends_on: [inventory-servise]
        ```

    Fix:
        Use the other design's id exactly (``inventory-service`` for
        ``inventory-service-design.md``), or add the missing design.
    """
    known = {entry.id for entry in entries}
    for entry in entries:
        for ref in entry.depends_on:
            if ref not in known:
                yield CorpusHit(
                    entry.path,
                    Hit(entry.depends_on_line, f"depends_on names unknown design '{ref}'"),
                )
        if entry.superseded_by is not None and entry.superseded_by not in known:
            yield CorpusHit(
                entry.path,
                Hit(
                    entry.superseded_by_line,
                    f"superseded_by names unknown design '{entry.superseded_by}'",
                ),
            )


@corpus_rule("AD005", "dependency-cycle", Severity.WARNING)
def dependency_cycle(entries: list[CorpusEntry]) -> Iterator[CorpusHit]:
    """``depends_on`` links form a cycle.

    What it checks:
        Follows ``depends_on`` between designs and reports each cycle once, on the
        design with the smallest id in it, naming every member in order.

    Why it matters:
        Circular dependencies between modules are an anti-pattern in the seed ("indicates
        poor module design"), and a cycle makes the implementation order undefined.

    Example:
        ``orders`` depends on ``billing``, ``billing`` depends on ``orders``.

    Fix:
        Break the cycle: extract the shared part into its own design, or invert one
        dependency.
    """
    for cycle in find_cycles({entry.id: entry.depends_on for entry in entries}):
        first = cycle[0]
        owner = next(entry for entry in entries if entry.id == first)
        members = " -> ".join([*cycle, first])
        yield CorpusHit(owner.path, Hit(owner.depends_on_line, f"dependency cycle: {members}"))


@corpus_rule("AD006", "duplicate-id", Severity.ERROR)
def duplicate_id(entries: list[CorpusEntry]) -> Iterator[CorpusHit]:
    """Two or more designs have the same id.

    What it checks:
        Every design's id must be unique in the project. The id is the ``id:`` front
        matter when present, else the file name without ``.md`` and a trailing
        ``-design``, else, for ``README.md`` or ``index.md``, the folder's name. Each
        design of a clash gets the finding, naming every path that shares the id.

    Why it matters:
        ``depends_on``, ``superseded_by``, ``review supersede --by`` and the catalog
        find designs by id; with two designs behind one id they pick one of them
        arbitrarily, and the dependency graph silently points at the wrong module.

    Example:
        ``payments/fraud-scoring-design.md`` and ``risk/fraud-scoring-design.md`` are
        both ``fraud-scoring``.

    Fix:
        Rename one file, or give each design its own ``id:`` in front matter
        (``id: payments-fraud-scoring``), and update the ``depends_on`` that meant it.
    """
    by_id: dict[str, list[CorpusEntry]] = {}
    for entry in entries:
        by_id.setdefault(entry.id, []).append(entry)
    for ident, group in by_id.items():
        if len(group) < 2:
            continue
        paths = ", ".join(sorted(entry.path for entry in group))
        for entry in group:
            yield CorpusHit(
                entry.path,
                Hit(entry.id_line, f"id '{ident}' is used by {len(group)} designs: {paths}"),
            )


def find_cycles(graph: dict[str, tuple[str, ...]]) -> list[list[str]]:
    """Find the cycles of a dependency graph, one per strongly connected component.

    Args:
        graph: Design id to the ids it depends on (unknown ids are ignored).

    Returns:
        Each cycle as a list of ids starting at its smallest id, sorted by that id.
    """
    components = [
        component
        for component in strongly_connected_components(graph)
        if len(component) > 1 or component[0] in graph.get(component[0], ())
    ]
    cycles = []
    for component in components:
        members = set(component)
        start = min(component)
        cycles.append(_order_cycle(start, members, graph))
    return sorted(cycles, key=lambda c: c[0])


def _order_cycle(start: str, members: set[str], graph: dict[str, tuple[str, ...]]) -> list[str]:
    """Walk from ``start`` along edges inside ``members`` to list a readable cycle."""
    path = [start]
    seen = {start}
    node = start
    while True:
        nxt = next((c for c in graph.get(node, ()) if c in members and c not in seen), None)
        if nxt is None:
            break
        path.append(nxt)
        seen.add(nxt)
        node = nxt
    return path
