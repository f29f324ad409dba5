"""Graph algorithms shared by the cycle rule (AD005) and the catalog's dependency graph."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def strongly_connected_components(graph: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively.

    Iterative so that a 10,000-design dependency chain cannot hit Python's recursion
    limit. Edges to ids that are not keys of ``graph`` are ignored (unknown references
    are AD004's business, not a cycle).

    Args:
        graph: Node to the nodes it points at.

    Returns:
        Every component (single nodes included), each listing its members, in the
        order Tarjan completes them; roots are visited in sorted order, so the result
        is deterministic.
    """
    index_of: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    children = {node: [c for c in targets if c in graph] for node, targets in graph.items()}
    for root in sorted(graph):
        if root in index_of:
            continue
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            node, child_index = work.pop()
            if child_index == 0:
                index_of[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = children[node]
            if child_index < len(targets):
                work.append((node, child_index + 1))
                child = targets[child_index]
                if child not in index_of:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index_of[child])
                continue
            if low[node] == index_of[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return components
