"""Issue 15's hostile line shapes scan in linear time.

Growth, never a threshold: the same shape at two sizes in one process, best of several
runs; 8x the input may cost at most 24x (3x what linear growth allows; the quadratic
patterns these replace cost 64x). Sizes stay under the allocator's
mmap threshold (128 KB), where page faults, not the scanner, would dominate.
"""

from __future__ import annotations

import time
import timeit
from collections.abc import Callable

import pytest

from mkdocs_archdesign.core.document.scanner import scan_design

SHAPES: dict[str, Callable[[int], str]] = {
    "atx-heading-padded": lambda n: "## x" + " " * n + "y\n",
    "atx-heading-closing-run": lambda n: "## x" + " " * n + "y#\n",
    "fence-info-padded": lambda n: "```" + " " * n + "x\n",
    "table-delimiter-padded": lambda n: "| a | b |\n| -" + " " * n + "- | --- |\n",
    "setext-underline-padded": lambda n: "Title\n" + "=" + " " * n + "=\n",
    "list-marker-padded": lambda n: "1." + " " * n + "x\n",
    "html-open-tag-padded": lambda n: "<a" + " " * n + '"\n',
    "reference-definition-padded": lambda n: "[a]:" + " " * n + "/url x\n",
    # The plain front-matter reader's line pattern: a padded value, trailing blanks, a
    # long key without its colon.
    "front-matter-value-padded": lambda n: "---\nkey: a" + " " * n + "b\n---\n",
    "front-matter-trailing-blanks": lambda n: "---\nkey: a" + " " * n + "\n---\n",
    "front-matter-key-without-colon": lambda n: "---\n" + "k" * n + "\n---\n",
}


def _cost(text: str) -> float:
    # CPU time of this thread, not wall time: other processes on a busy machine do not count.
    return min(timeit.repeat(lambda: scan_design(text), number=3, repeat=5, timer=time.thread_time))


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_hostile_line_scans_in_linear_time(name: str) -> None:
    shape = SHAPES[name]
    small, large = _cost(shape(5_000)), _cost(shape(40_000))
    assert large < small * 24, (name, small, large)
