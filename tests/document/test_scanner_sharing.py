"""The scanner's shortcuts build what the general constructors build."""

from __future__ import annotations

import dataclasses

import pytest

from mkdocs_archdesign.core.document import blocks
from mkdocs_archdesign.core.document.nodes import Heading, Node, new_node
from mkdocs_archdesign.core.document.scanner import scan_design


@pytest.mark.parametrize("heading", [None, Heading(2, "Goals", 7)])
def test_new_node_is_the_dataclass_node(heading: Heading | None) -> None:
    built = new_node(heading)
    assert built == Node(heading)
    # Every field is set, and no two nodes share a list.
    assert [f.name for f in dataclasses.fields(Node)] == list(Node.__slots__)
    other = new_node(heading)
    assert all(getattr(built, f) is not getattr(other, f) for f in Node.__slots__[1:])


def test_the_shared_column0_item_never_changes() -> None:
    # Bullets at column 0 that hold blocks, lazy lines, nested items, quotes and fences:
    # every line that marks containers as holding content passes over the shared item.
    text = "\n".join(
        [
            "- a",
            "  - b",
            "    c",
            "- ```",
            "  code",
            "  ```",
            "-",
            "  after a blank start",
            "- > quoted",
            "lazy",
            "- [ ] task",
            "",
            "  more",
            "# H",
        ]
    )
    scan_design(text)
    assert blocks._Container(False, 2, False) == blocks._COLUMN0_ITEM


def test_a_blank_line_keeps_the_shared_column0_item() -> None:
    # run() skips _blank_depth for this stack: what it would have answered.
    scanner = blocks.BlockScanner([])
    scanner.stack.append(blocks._COLUMN0_ITEM)
    assert scanner._blank_depth() == 1
