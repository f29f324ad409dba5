"""Checking designs makes no reference cycles, so the pass may pause the cyclic collector.

``check_each`` turns the collector off for a pass over a corpus. That is only sound while
every object a design's check builds is freed by reference counting: were a check to leave
cycles behind, a large corpus would hold them all until the pass ends. These tests count
what the collector finds after passes over a small and a ten times larger corpus of
varied designs (the complete fixtures, real-world shapes, hostile values, broken input).
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.validation.corpus import check_each, check_files

from .corpus import hostile_design
from .hostile import ALL

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "complete"

# Shapes real documents have: a KEP-like fence in a list, a TOC comment before the title,
# link definitions, a raw HTML block, an alert, a wrapped code span, a setext heading.
REAL_WORLD = """<!-- toc -->
- [Summary](#summary)
<!-- /toc -->

# KEP-5710: Events

- [X] Events
  - ```json
    {"a": 1}
    ```
- [X] more

<pre>
kept

as is
</pre>

> [!NOTE]
> see [core team] and `wrapped
> span` here

Setext title
------------

[core team]: https://example.com/team
"""


def _shapes() -> list[str]:
    shapes = [path.read_text(encoding="utf-8") for path in sorted(FIXTURES.glob("*.md"))]
    shapes += [REAL_WORLD, "---\nstatus: [unclosed\n---\n# Broken\n", "\ufeff# BOM\r\nline\r\n"]
    shapes += [hostile_design(value) for value in ALL[:8]]
    return shapes


def _write_corpus(folder: Path, count: int) -> list[Path]:
    shapes = _shapes()
    folder.mkdir()
    paths = []
    for index in range(count):
        path = folder / f"design-{index:04d}.md"
        path.write_text(shapes[index % len(shapes)], encoding="utf-8")
        paths.append(path)
    return paths


def _garbage_after_pass(paths: list[Path]) -> int:
    template = load_template()
    settings = Settings()
    gc.collect()
    gc.disable()
    try:
        check_files(paths, template, settings)
        return gc.collect()
    finally:
        gc.enable()


def test_a_ten_times_larger_corpus_leaves_no_more_cyclic_garbage(tmp_path: Path) -> None:
    small = _garbage_after_pass(_write_corpus(tmp_path / "small", 30))
    large = _garbage_after_pass(_write_corpus(tmp_path / "large", 300))
    # A cycle per design would show as hundreds more objects in the larger pass; what is
    # found at all is a one-off of the pass (caches filled once), the same for both.
    assert large <= small + 20, (small, large)


@pytest.mark.parametrize("enabled", [True, False])
def test_the_pass_leaves_the_collector_as_it_found_it(tmp_path: Path, enabled: bool) -> None:
    paths = _write_corpus(tmp_path / "designs", 3)
    items = [(path, path.name, False) for path in paths]
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        results = check_each(items, load_template(), Settings())
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert [result.summary.path for result in results if result is not None] == [
        path.name for path in paths
    ]
