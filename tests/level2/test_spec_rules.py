"""AD501-AD506 on small specs: every form that fires, and the near misses that must not."""

from __future__ import annotations

import pytest

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.spec import api_fingerprint, full_signature
from mkdocs_archdesign.core.document.template import LEVEL2_TEMPLATE_NAME, load_template
from mkdocs_archdesign.core.model import DesignSummary, Status
from mkdocs_archdesign.core.rules import REGISTRY
from mkdocs_archdesign.core.validation.specs import check_spec_texts

LEVEL1 = DesignSummary(
    id="orders",
    path="design/orders-design.md",
    title="Orders",
    status=Status.APPROVED,
    status_text="Approved",
    api_methods=("get_order", "cancel_order"),
    api_fingerprint="abc123abc123",
)

GOOD_METHOD = """\
### `{name}`

Fetch one order.

```python
async def {name}(self, order_id: OrderId, *, actor: Actor = SYSTEM) -> Order:
```

**Exceptions**:

- Domain: `OrderNotFoundError`
"""


def spec(methods: str, front: str = "level1: orders\nlevel1_api: abc123abc123\n") -> str:
    return (
        f"---\ntitle: Orders API\n{front}status: Pending Review\n---\n\n# Orders API\n\n"
        f"## Methods\n\n{methods}\n## Data Model\n\n- Order: id, lines.\n\n"
        "## Design Review\n\n**Status**: Pending Review\n**Reviewer**: @lead\n"
        "**Review Date**: TBD\n\n**Review Checklist**:\n\n- [ ] Signatures complete\n"
    )


def findings(text: str, designs: tuple[DesignSummary, ...] = (LEVEL1,)) -> set[tuple[str, int]]:
    template = load_template(None, (2,), LEVEL2_TEMPLATE_NAME)
    (summary,) = check_spec_texts(
        [("design/orders-api-spec.md", text)], designs, template, Settings()
    )
    assert summary.kind == "spec" and summary.level1 == "orders"
    return {(f.code, f.line) for f in summary.findings if f.code.startswith("AD5")}


def line_of(text: str, needle: str) -> int:
    return text.splitlines().index(needle) + 1


def test_a_complete_spec_fires_nothing() -> None:
    text = spec(GOOD_METHOD.format(name="get_order") + GOOD_METHOD.format(name="cancel_order"))
    assert findings(text) == set()


def test_ad501_missing_method_points_at_the_methods_section() -> None:
    text = spec(GOOD_METHOD.format(name="get_order"))
    assert findings(text) == {("AD501", line_of(text, "## Methods"))}


def test_ad502_extra_method_unless_noted() -> None:
    both = GOOD_METHOD.format(name="get_order") + GOOD_METHOD.format(name="cancel_order")
    extra = GOOD_METHOD.format(name="purge_cache")
    text = spec(both + extra)
    assert findings(text) == {("AD502", line_of(text, "### `purge_cache`"))}
    noted = spec(both + extra.replace("Fetch one order.", "**Note**: agreed with @lead."))
    assert findings(noted) == set()


@pytest.mark.parametrize(
    "signature",
    [
        "def get_order(order_id):",  # no annotations
        "def get_order(order_id: OrderId):",  # no return annotation
        "def get_order(order_id, limit: int) -> Order:",  # one parameter bare
        "TODO: def get_order(...) -> ...",  # the template's slot
        "def *args_only(*args) -> None:",  # not the method's name
    ],
)
def test_ad503_fires_without_a_full_annotated_signature(signature: str) -> None:
    method = GOOD_METHOD.format(name="get_order").replace(
        "async def get_order(self, order_id: OrderId, *, actor: Actor = SYSTEM) -> Order:",
        signature,
    )
    text = spec(method + GOOD_METHOD.format(name="cancel_order"))
    assert findings(text) == {("AD503", line_of(text, "### `get_order`"))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("def get_order(self, order_id: OrderId) -> Order:", True),
        ("async def get_order(order_id: str, /, *, limit: int = 50) -> list[Order]:", True),
        ("def get_order(*args: Any, **kwargs: Any) -> None:", True),
        ("def get_order(mapping: dict[str, int] = {}) -> None:", True),
        ("def get_order(order_id) -> Order:", False),
        ("def get_order(*args, **kwargs: Any) -> None:", False),
        ("def get_order(order_id: OrderId)", False),
        ("def get_orders(order_id: OrderId) -> Order:", False),
    ],
)
def test_full_signature_shapes(text: str, expected: bool) -> None:
    assert full_signature(text, "get_order") is expected


def test_ad504_fires_when_no_exception_is_named() -> None:
    method = GOOD_METHOD.format(name="get_order").replace(
        "- Domain: `OrderNotFoundError`", "- Domain: TODO OrderNotFoundError"
    )
    text = spec(method + GOOD_METHOD.format(name="cancel_order"))
    assert findings(text) == {("AD504", line_of(text, "### `get_order`"))}


@pytest.mark.parametrize(
    ("front", "designs"),
    [
        ("level1_api: abc123abc123\n", (LEVEL1,)),  # no level1: key
        ("level1: ghost\nlevel1_api: abc123abc123\n", (LEVEL1,)),  # unknown design
        (
            "level1: orders\nlevel1_api: abc123abc123\n",
            (DesignSummary("orders", "d.md", "O", Status.DRAFT, "Draft"),),
        ),  # not approved
    ],
)
def test_ad505_unlinked(front: str, designs: tuple[DesignSummary, ...]) -> None:
    text = spec(GOOD_METHOD.format(name="get_order"), front)
    template = load_template(None, (2,), LEVEL2_TEMPLATE_NAME)
    (summary,) = check_spec_texts([("design/x-api-spec.md", text)], designs, template, Settings())
    codes = {f.code for f in summary.findings}
    assert "AD505" in codes


def test_ad506_stale_when_the_fingerprint_differs() -> None:
    both = GOOD_METHOD.format(name="get_order") + GOOD_METHOD.format(name="cancel_order")
    text = spec(both, "level1: orders\nlevel1_api: 000000000000\n")
    assert findings(text) == {("AD506", line_of(text, "level1_api: 000000000000"))}
    # No fingerprint written: nothing to compare, no finding.
    assert findings(spec(both, "level1: orders\n")) == set()


def test_fingerprint_ignores_layout_but_not_meaning() -> None:
    from mkdocs_archdesign.core.document.spec import Method

    one = [Method("get_order", "Fetch  one order", 10)]
    assert api_fingerprint(one) == api_fingerprint([Method("get_order", "Fetch one order", 99)])
    assert api_fingerprint(one) != api_fingerprint([Method("get_order", "Fetch two", 10)])


def test_level1_content_and_leak_rules_never_run_on_a_spec() -> None:
    text = spec(GOOD_METHOD.format(name="get_order") + GOOD_METHOD.format(name="cancel_order"))
    template = load_template(None, (2,), LEVEL2_TEMPLATE_NAME)
    (summary,) = check_spec_texts([("design/o-api-spec.md", text)], (LEVEL1,), template, Settings())
    assert not [f for f in summary.findings if f.code.startswith(("AD2", "AD3"))]


@pytest.mark.parametrize("code", sorted(c for c in REGISTRY if REGISTRY[c].spec_check))
def test_each_spec_rule_can_be_turned_off(code: str) -> None:
    text = spec("### `purge_cache`\n\nNo signature.\n", "level1: ghost\nlevel1_api: 1\n")
    template = load_template(None, (2,), LEVEL2_TEMPLATE_NAME)
    settings = Settings(rules={code: "off"})
    (summary,) = check_spec_texts([("design/o-api-spec.md", text)], (LEVEL1,), template, settings)
    assert all(f.code != code for f in summary.findings)
