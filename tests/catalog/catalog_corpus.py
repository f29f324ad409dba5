"""Design sources for the catalog tests: every status and complexity, plus hostile values."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from mkdocs_archdesign.core.document.template import default_template_source
from mkdocs_archdesign.core.scaffold.design import DesignRequest, render_design


def render_default_template(title: str, module: str, owner: str) -> str:
    """The packaged template rendered as ``new`` does."""
    return render_design(
        default_template_source(), DesignRequest(title, module, owner, "2024-01-01")
    )


HOSTILE_TITLE = "<img src=x onerror=alert(1)>"
HOSTILE_TAG = "say \"hi\" 'there'"
HOSTILE_DEPENDENCY = 'evil"]; click x call alert(1)'


@dataclass(frozen=True)
class Spec:
    """One design to write: docs-relative path and the values the catalog shows."""

    path: str
    title: str
    status: str
    owner: str = "@alice"
    tags: tuple[str, ...] = ()
    depends_on: tuple[str, ...] = ()
    complexity: str | None = None
    reviewer: str = ""
    review_date: str = "TBD"
    extra: dict[str, str] = field(default_factory=dict)


def design_text(spec: Spec) -> str:
    """The default template rendered for ``spec`` (placeholders left: findings expected)."""
    text = render_default_template(spec.title, "mod_" + spec.path.split("/")[-1][:3], spec.owner)
    text = text.replace("status: Draft\n", f"status: {json.dumps(spec.status)}\n", 1)
    text = text.replace("tags: []\n", f"tags: {json.dumps(list(spec.tags))}\n", 1)
    front = f"depends_on: {json.dumps(list(spec.depends_on))}\n"
    if spec.complexity:
        front += f"complexity: {spec.complexity}\n"
    text = text.replace("depends_on: []\n", front, 1)
    text = text.replace("**Status**: Draft", f"**Status**: {spec.status}", 1)
    text = text.replace("**Reviewer**:", f"**Reviewer**: {spec.reviewer}", 1)
    return text.replace("**Review Date**: TBD", f"**Review Date**: {spec.review_date}", 1)


SPECS = (
    Spec(
        "design/orders-design.md",
        "Order Service",
        "Approved",
        "@alice",
        ("payments", "core"),
        ("inventory", "ghost"),
        "Complex",
        "@lead",
        "2024-01-01",
    ),
    Spec(
        "design/inventory-design.md",
        "Inventory",
        "Pending Review",
        "@bob",
        ("core",),
        ("orders",),
        "Medium",
        "",
        "2024-01-20",
    ),
    Spec(
        "design/billing-design.md",
        "Billing",
        "Changes Requested",
        "@carol",
        ("payments",),
        ("orders",),
        None,
        "@lead",
        "2024-01-30",
    ),
    Spec("design/search-design.md", "Search", "Draft", "@alice", ("web",), (), "Simple"),
    Spec(
        "design/legacy/old-orders-design.md",
        "Old Orders",
        "Superseded",
        "@dave",
        (),
        ("orders",),
        None,
        "@lead",
        "2023-05-01",
    ),
    Spec(
        "design/hostile-design.md",
        HOSTILE_TITLE,
        "Draft",
        "@mallory",
        (HOSTILE_TAG,),
        (HOSTILE_DEPENDENCY, "search"),
    ),
)


def write_specs(docs: object, specs: tuple[Spec, ...] = SPECS) -> None:
    """Write every spec under ``docs`` (a Path)."""
    from pathlib import Path

    root = Path(str(docs))
    for spec in specs:
        target = root / spec.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(design_text(spec), encoding="utf-8")
