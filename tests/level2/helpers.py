"""Shared pieces of the Level 2 tests: an approved design, and a spec filled in by hand."""

from __future__ import annotations

import re
from pathlib import Path

COMPLETE = Path(__file__).resolve().parents[1] / "fixtures" / "complete"
APPROVED = COMPLETE / "order-service-design.md"

_SIGNATURE_SLOT = re.compile(r"TODO: def (\w+)\(\.\.\.\) -> \.\.\.")


def fill_spec(text: str) -> str:
    """Fill every Level 2 slot the template leaves: signatures, exceptions, contracts."""
    text = _SIGNATURE_SLOT.sub(
        lambda m: f"async def {m.group(1)}(order_id: OrderId, *, actor: Actor) -> Order:", text
    )
    replacements = {
        "- TODO: each parameter, its type and meaning; the return value.": (
            "- `order_id`: the order; `actor`: who asks. Returns the order as stored."
        ),
        "- Domain: TODO": "- Domain: `OrderNotFoundError` when no such order exists",
        "- Infrastructure: TODO": "- Infrastructure: `StorageUnavailableError`, chained",
        "- Validation: TODO": "- Validation: `InvalidOrderIdError` for a malformed id",
        "**Thread safety and concurrency**: TODO": (
            "**Thread safety and concurrency**: safe to await concurrently; no shared state."
        ),
        "```python\nTODO\n```": "```python\norder = await orders.get(order_id, actor=me)\n```",
        "| TODO  | TODO | TODO      |": "| id    | UUID | non-nil   |",
    }
    for old, new in replacements.items():
        text = text.replace(old, new)
    return text
