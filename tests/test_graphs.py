"""The shared strongly-connected-components routine behind AD005 and the catalog graph."""

from __future__ import annotations

from mkdocs_archdesign.core.graphs import strongly_connected_components
from mkdocs_archdesign.core.rules.metadata import find_cycles


def _multi(graph: dict[str, list[str]]) -> list[set[str]]:
    return [set(c) for c in strongly_connected_components(graph) if len(c) > 1]


def test_components_group_cycles_and_keep_singletons() -> None:
    graph = {"a": ["b"], "b": ["c"], "c": ["a", "d"], "d": [], "e": ["e"]}
    components = strongly_connected_components(graph)
    assert sorted(map(sorted, components)) == [["a", "b", "c"], ["d"], ["e"]]
    assert _multi(graph) == [{"a", "b", "c"}]


def test_unknown_targets_are_ignored() -> None:
    assert strongly_connected_components({"a": ["missing"]}) == [["a"]]


def test_a_10000_node_chain_closing_into_a_cycle_needs_no_recursion() -> None:
    size = 10_000
    graph = {f"n{i}": [f"n{(i + 1) % size}"] for i in range(size)}
    (component,) = strongly_connected_components(graph)
    assert len(component) == size


def test_find_cycles_reports_self_loops_and_orders_from_the_smallest_id() -> None:
    graph = {"orders": ("billing",), "billing": ("orders",), "solo": ("solo",), "x": ()}
    assert find_cycles(graph) == [["billing", "orders"], ["solo"]]
