"""The catalog's dependency graph: a mermaid flowchart of designs linked by ``depends_on``.

What is drawn, so that a 1,000- or 10,000-design site stays usable:

* Superseded designs are left out (they are history, and listed in the table).
* Designs with no dependency in either direction are left out (they would only be
  a wall of unconnected boxes; the table lists them).
* At most :data:`MAX_GRAPH_NODES` designs are drawn, in catalog order (workflow status,
  then title); a note under the graph says how many were left out.

Unknown references are dashed "missing" nodes, and every edge on a dependency cycle
is drawn red, thick, and labelled ``cycle`` (so it does not rely on colour alone).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs_archdesign.core.catalog.model import Catalog, CatalogEntry
from mkdocs_archdesign.core.escape import mermaid_label
from mkdocs_archdesign.core.graphs import strongly_connected_components
from mkdocs_archdesign.core.model import Status

#: The most designs drawn in one graph; mermaid's layout slows sharply beyond this.
MAX_GRAPH_NODES = 150

#: Fill, stroke and text colours per status slug (WCAG AA contrast on the fill).
STATUS_STYLES = {
    "draft": "fill:#eceff1,stroke:#546e7a,color:#263238",
    "pending-review": "fill:#fff8e1,stroke:#f57f17,color:#3e2723",
    "changes-requested": "fill:#fbe9e7,stroke:#bf360c,color:#3e2723",
    "approved": "fill:#e8f5e9,stroke:#2e7d32,color:#1b5e20",
    "superseded": "fill:#f5f5f5,stroke:#9e9e9e,color:#424242",
    "unknown": "fill:#ede7f6,stroke:#5e35b1,color:#311b92",
    "missing": "fill:#ffffff,stroke:#b71c1c,stroke-dasharray:5 5,color:#b71c1c",
}

CYCLE_LINK_STYLE = "stroke:#d32f2f,stroke-width:3px,color:#d32f2f"


@dataclass(frozen=True, slots=True)
class GraphPlan:
    """What the dependency graph shows, before it becomes mermaid source.

    Attributes:
        nodes: Drawn designs, in catalog order.
        missing: Unknown ids referenced by drawn designs, sorted.
        edges: ``(from_id, to_id)`` pairs between drawn nodes (designs or missing).
        cycle_edges: The subset of ``edges`` that lies on a dependency cycle.
        omitted_superseded: Superseded designs left out.
        omitted_isolated: Designs with no dependency left out.
        omitted_over_cap: Designs left out because of :data:`MAX_GRAPH_NODES`.
    """

    nodes: tuple[CatalogEntry, ...]
    missing: tuple[str, ...]
    edges: tuple[tuple[str, str], ...]
    cycle_edges: frozenset[tuple[str, str]]
    omitted_superseded: int
    omitted_isolated: int
    omitted_over_cap: int


def plan_graph(catalog: Catalog, max_nodes: int = MAX_GRAPH_NODES) -> GraphPlan:
    """Choose the nodes and edges of the dependency graph (see the module docstring)."""
    by_id = catalog.by_id()
    live = [e for e in catalog.entries if e.workflow_status is not Status.SUPERSEDED]
    live_ids = {e.id for e in live}
    linked: set[str] = set()
    for entry in live:
        targets = [t for t in entry.depends_on if t in live_ids or t not in by_id]
        if targets:
            linked.add(entry.id)
            linked.update(t for t in targets if t in live_ids)
    connected = [e for e in live if e.id in linked]
    drawn = connected[:max_nodes]
    drawn_ids = {e.id for e in drawn}
    edges: list[tuple[str, str]] = []
    missing: set[str] = set()
    for entry in drawn:
        for target in dict.fromkeys(entry.depends_on):
            if target in drawn_ids:
                edges.append((entry.id, target))
            elif target not in by_id:
                missing.add(target)
                edges.append((entry.id, target))
    all_edges = [(e.id, t) for e in catalog.entries for t in e.depends_on if t in by_id]
    on_cycle = cycle_edges(all_edges)
    return GraphPlan(
        nodes=tuple(drawn),
        missing=tuple(sorted(missing)),
        edges=tuple(edges),
        cycle_edges=frozenset(edge for edge in edges if edge in on_cycle),
        omitted_superseded=len(catalog.entries) - len(live),
        omitted_isolated=len(live) - len(connected),
        omitted_over_cap=len(connected) - len(drawn),
    )


def cycle_edges(edges: Iterable[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    """The edges that lie on a cycle: both ends in one strongly connected component."""
    graph: dict[str, list[str]] = {}
    edge_list = list(edges)
    for source, target in edge_list:
        graph.setdefault(source, []).append(target)
        graph.setdefault(target, [])
    component = _components(graph)
    return frozenset(
        (source, target)
        for source, target in edge_list
        if source == target or component[source] == component[target]
    )


def _components(graph: dict[str, list[str]]) -> dict[str, int]:
    """Each node's strongly connected component, as a number."""
    return {
        member: number
        for number, component in enumerate(strongly_connected_components(graph))
        for member in component
    }


def render_dependency_graph(plan: GraphPlan) -> str:
    """The mermaid flowchart source (without the fence) for ``plan``.

    Node ids are numbered (``d0``, ``m0``) so no design id can break the syntax; every
    label goes through :func:`~mkdocs_archdesign.core.escape.mermaid_label`.
    """
    lines = ["flowchart LR"]
    lines.extend(
        f"    classDef st_{slug.replace('-', '_')} {style}" for slug, style in STATUS_STYLES.items()
    )
    node_ids: dict[str, str] = {}
    for number, entry in enumerate(plan.nodes):
        node_ids[entry.id] = f"d{number}"
        label = mermaid_label(f"{entry.title} ({entry.status})")
        css = entry.status_slug.replace("-", "_")
        lines.append(f'    d{number}["{label}"]:::st_{css}')
    for number, ident in enumerate(plan.missing):
        node_ids[ident] = f"m{number}"
        label = mermaid_label(f"missing: {ident}")
        lines.append(f'    m{number}["{label}"]:::st_missing')
    cycle_links: list[int] = []
    for number, (source, target) in enumerate(plan.edges):
        if (source, target) in plan.cycle_edges:
            lines.append(f"    {node_ids[source]} -->|cycle| {node_ids[target]}")
            cycle_links.append(number)
        else:
            lines.append(f"    {node_ids[source]} --> {node_ids[target]}")
    if cycle_links:
        lines.append(f"    linkStyle {','.join(map(str, cycle_links))} {CYCLE_LINK_STYLE}")
    return "\n".join(lines) + "\n"


def graph_note(plan: GraphPlan) -> str:
    """One sentence saying what the graph leaves out, for the text under it (plain text)."""
    parts = []
    if plan.omitted_over_cap:
        parts.append(
            f"{_designs(plan.omitted_over_cap, 'connected design')} beyond the first "
            f"{len(plan.nodes)} (the graph is capped to keep the page usable)"
        )
    if plan.omitted_isolated:
        parts.append(f"{_designs(plan.omitted_isolated, 'design')} with no dependency")
    if plan.omitted_superseded:
        parts.append(_designs(plan.omitted_superseded, "superseded design"))
    if not parts:
        return "Every design with a dependency is shown."
    return "Not drawn: " + "; ".join(parts) + ". The table and catalog.json list every design."


def _designs(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
