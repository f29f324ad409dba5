"""AD301/AD303 on the Level 2 shapes issue 14 found slipping through, and near misses."""

from __future__ import annotations

from pathlib import Path

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.validation.validator import check_design

ROOT = Path(__file__).resolve().parents[2]
BASE = (ROOT / "tests" / "fixtures" / "complete" / "order-service-design.md").read_text("utf-8")


def findings(anchor: str, addition: str, code: str) -> list[int]:
    """Lines of ``code`` findings after inserting ``addition`` right below ``anchor``."""
    assert anchor in BASE
    text = BASE.replace(anchor, anchor + "\n\n" + addition + "\n", 1)
    result = check_design(text, "d.md", load_template(None), Settings())
    return [f.line for f in result.summary.findings if f.code == code]


def line_of(anchor: str, addition: str, needle: str) -> int:
    text = BASE.replace(anchor, anchor + "\n\n" + addition + "\n", 1)
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


SECTION_4 = "## 4. API Design Guidelines"
SECTION_43 = "### 4.3 Authentication and Authorization"
API = "### 4.4 API Overview"
DATA = "## 5. Data Model Overview"

FIRES = [
    (
        "fenced-async-def",
        SECTION_4,
        "```python\nasync def receive_webhook(processor: str, raw_body: bytes) -> WebhookAck:\n```",
        "async def receive_webhook",
    ),
    (
        "code-span-in-prose",
        SECTION_43,
        "Signatures are checked with `verify(sig: bytes, body: bytes) -> bool` first.",
        "`verify(",
    ),
    (
        "api-bullet-without-backticks",
        API,
        "- def list_events(since: datetime, limit: int = 50) -> list[Event]: recent events",
        "- def list_events",
    ),
    ("bullet-elsewhere", SECTION_43, "- `rotate(key: Key) -> None` rotates keys", "- `rotate("),
]
MISSES = [
    ("method-names-only", SECTION_43, "Signatures are checked with `verify(sig, body)` first."),
    ("prose-parenthesis", SECTION_43, "- Retries (note: see the runbook) are bounded"),
    ("mermaid-fence", SECTION_4, "```mermaid\ngraph TD\n  a(x: y) --> b\n```"),
    ("other-language", SECTION_4, "```typescript\nfunction f(x: number): void {}\n```"),
]


@pytest.mark.parametrize(("name", "anchor", "text", "needle"), FIRES, ids=[c[0] for c in FIRES])
def test_ad301_fires_on_a_full_signature(name, anchor, text, needle):
    assert findings(anchor, text, "AD301") == [line_of(anchor, text, needle)]


@pytest.mark.parametrize(("name", "anchor", "text"), MISSES, ids=[c[0] for c in MISSES])
def test_ad301_near_misses_stay_quiet(name, anchor, text):
    assert findings(anchor, text, "AD301") == []


def test_ad303_fires_on_a_field_definition_table():
    table = "| Field | Type | Validator |\n|---|---|---|\n| total | Decimal | > 0 |"
    assert findings(DATA, table, "AD303") == [line_of(DATA, table, "| Field | Type |")]


def test_ad303_near_miss_an_entity_table_is_level_1():
    table = "| Entity | Purpose |\n|---|---|\n| Order | what the customer bought |"
    assert findings(DATA, table, "AD303") == []


def test_the_annotation_pattern_stays_linear_on_a_long_argument():
    """Issue 15: a long argument in an API bullet. Growth, not time: count regex steps
    indirectly by comparing two sizes in one process with a generous factor."""
    import time
    import timeit

    from mkdocs_archdesign.core.rules.level2 import _is_signature

    def cost(n: int) -> float:
        text = "f(" + "a" * n + ")"
        # CPU time of this thread: other processes on a busy machine do not count.
        return min(
            timeit.repeat(lambda: _is_signature(text), number=3, repeat=5, timer=time.thread_time)
        )

    small, large = cost(5_000), cost(40_000)
    assert large < small * 24  # linear: ~8x; the old pattern was ~64x
