"""The catalog's dependency graph: designs linked by ``depends_on``, and each to its Level 2 spec.

What is drawn, so that a 1,000- or 10,000-design site stays usable:

* Superseded designs are left out (they are history, and listed in the table).
* Designs with no dependency in either direction and no Level 2 spec are left out (they
  would only be a wall of unconnected boxes; the table lists them).
* At most :data:`MAX_GRAPH_NODES` nodes (designs and their specs) are drawn, in catalog
  order (workflow status, then title); a note under the graph says how many were left out.

A design's Level 2 spec is a node of its own: a different shape (``[[...]]``), its own
status colour, a ``Level 2:`` label, and a dotted blue edge labelled ``Level 2`` from the
design, so the Level 1 to Level 2 chain reads without relying on colour. Unknown
references are dashed "missing" nodes, and every edge on a dependency cycle is drawn red,
thick, and labelled ``cycle``. Given the page it lands on, every design and spec node
links to its page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs_archdesign.core.catalog.model import Catalog, CatalogEntry, relative_url
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

#: The Level 1 to Level 2 edge: dotted (its ``-.->`` form) and blue.
LEVEL2_LINK_STYLE = "stroke:#1565c0,stroke-width:2px,color:#0d47a1"


@dataclass(frozen=True, slots=True)
class GraphPlan:
    """What the dependency graph shows, before it becomes mermaid source.

    Attributes:
        nodes: Drawn designs, in catalog order; those with a Level 2 spec bring its node.
        missing: Unknown ids referenced by drawn designs, sorted.
        edges: ``(from_id, to_id)`` pairs between drawn nodes (designs or missing).
        cycle_edges: The subset of ``edges`` that lies on a dependency cycle.
        omitted_superseded: Superseded designs left out.
        omitted_isolated: Designs with no dependency and no Level 2 spec left out.
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
        if targets or entry.level2 is not None:
            linked.add(entry.id)
            linked.update(t for t in targets if t in live_ids)
    connected = [e for e in live if e.id in linked]
    drawn: list[CatalogEntry] = []
    room = max_nodes
    for entry in connected:
        # A spec is drawn with its design or not at all: half a chain would mislead.
        cost = 1 if entry.level2 is None else 2
        if cost > room:
            break
        drawn.append(entry)
        room -= cost
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


def render_dependency_graph(plan: GraphPlan, page_dest: str | None = None) -> str:
    """The mermaid flowchart source (without the fence) for ``plan``.

    Node ids are numbered (``d0``, ``s0``, ``m0``) so no design id can break the syntax;
    every label goes through :func:`~mkdocs_archdesign.core.escape.mermaid_label`.

    Args:
        plan: What to draw.
        page_dest: The built HTML file the graph lands on (``design/index.html``): design
            and spec nodes then link to their pages, relative to it. ``None``: no links.

    Returns:
        The flowchart source, ending with a newline.
    """
    lines = ["flowchart LR"]
    lines.extend(
        f"    classDef st_{slug.replace('-', '_')} {style}" for slug, style in STATUS_STYLES.items()
    )
    node_ids: dict[str, str] = {}
    links: list[tuple[str, str]] = []
    specs: list[tuple[str, str]] = []
    for number, entry in enumerate(plan.nodes):
        node = node_ids[entry.id] = f"d{number}"
        label = mermaid_label(f"{entry.title} ({entry.status})")
        css = entry.status_slug.replace("-", "_")
        lines.append(f'    {node}["{label}"]:::st_{css}')
        links.append((node, entry.url))
        if entry.level2 is not None:
            spec = f"s{len(specs)}"
            # The team's word for the spec's status, coloured by its stage (as designs are).
            label = mermaid_label(f"Level 2: {entry.level2.id} ({entry.level2.status})")
            css = entry.level2.status_slug.replace("-", "_")
            lines.append(f'    {spec}[["{label}"]]:::st_{css}')
            links.append((spec, entry.level2.url))
            specs.append((node, spec))
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
    # linkStyle counts edges in the order they are written: the Level 2 edges come last.
    lines.extend(f"    {design} -.->|Level 2| {spec}" for design, spec in specs)
    level2_links = range(len(plan.edges), len(plan.edges) + len(specs))
    if cycle_links:
        lines.append(f"    linkStyle {','.join(map(str, cycle_links))} {CYCLE_LINK_STYLE}")
    if specs:
        lines.append(f"    linkStyle {','.join(map(str, level2_links))} {LEVEL2_LINK_STYLE}")
    if page_dest is not None:
        # URLs are percent-encoded site paths (no quote can occur); mermaid sanitises them.
        lines.extend(
            f'    click {node} href "{relative_url(url, page_dest)}"' for node, url in links
        )
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
        parts.append(
            f"{_designs(plan.omitted_isolated, 'design')} with no dependency and no Level 2 spec"
        )
    if plan.omitted_superseded:
        parts.append(_designs(plan.omitted_superseded, "superseded design"))
    if not parts:
        return "Every design with a dependency or a Level 2 spec is shown."
    return "Not drawn: " + "; ".join(parts) + ". The table and catalog.json list every design."


def _designs(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
