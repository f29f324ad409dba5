"""AD5xx: the Level 2 API specification against the approved Level 1 design.

These rules run on Level 2 specs only (the ``level2_specs`` globs, by default
``design/**/*-api-spec.md``), never on Level 1 designs. Each sees one spec and the
Level 1 design its ``level1:`` front-matter key names. They are the inverse of AD3xx:
what Level 1 must leave out, Level 2 must contain.
"""

from __future__ import annotations

from collections.abc import Iterator

from mkdocs_archdesign.core.document.spec import SpecInput
from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import Hit, spec_rule


@spec_rule("AD501", "level2-missing-method", Severity.ERROR)
def missing_method(spec: SpecInput) -> Iterator[Hit]:
    """A method of the Level 1 API overview has no section in the Level 2 spec.

    What it checks:
        Every method the approved Level 1 design names in its API overview has a
        sub-section of the spec's Methods section whose heading names it
        (`` ### `get_order` `` or ``### get_order(order_id)``). Names compare exactly,
        dotted names included.

    Why it matters:
        The seed hands the whole API overview to the api-designer. A method without a
        Level 2 section reaches the coder with no signature, no exceptions and no
        concurrency contract: exactly the guesswork Level 2 exists to remove.

    Example:
        Level 1 lists `` `refund_order(order_id)` ``; the spec has sections for
        ``get_order`` and ``create_order`` only.

    Fix:
        Add a ``### `refund_order` `` section under Methods (``mkdocs-archdesign
        handoff`` writes one per method), or remove the method from Level 1 first.
    """
    if spec.level1 is None:
        return
    present = {method.name for method in spec.methods}
    section = spec.ctx.section("methods")
    anchor = section.line if section is not None else spec.link.line
    for name in spec.level1.methods:
        if name not in present:
            yield Hit(
                anchor, f"Level 1 method '{name}' ({spec.level1.id}) has no section under Methods"
            )


@spec_rule("AD502", "level2-extra-method", Severity.WARNING)
def extra_method(spec: SpecInput) -> Iterator[Hit]:
    """The Level 2 spec specifies a method the Level 1 design does not list.

    What it checks:
        Each method section of the spec names a method of the Level 1 API overview,
        unless the section carries a ``**Note**:`` line that says why it was added.

    Why it matters:
        Level 1 is the approved contract. A method that appears only at Level 2 was
        never reviewed at the architecture level; either the design missed it or the
        spec is drifting from what the tech lead approved.

    Example:
        A ``### `purge_cache` `` section when Level 1 lists no ``purge_cache``.

    Fix:
        Add the method to the Level 1 API overview (and review it), or add
        ``**Note**: internal helper, agreed with @tech-lead on 2026-05-01`` to the section.
    """
    if spec.level1 is None:
        return
    known = set(spec.level1.methods)
    for method in spec.methods:
        if method.name not in known and not method.noted:
            yield Hit(
                method.line,
                f"'{method.name}' is not in the API overview of {spec.level1.id}; "
                "add it there or explain it with a **Note**: line",
            )


@spec_rule("AD503", "level2-no-signature", Severity.ERROR)
def no_signature(spec: SpecInput) -> Iterator[Hit]:
    """A method section has no full signature with type annotations.

    What it checks:
        Each method section holds, in a code block or a code span, ``def NAME(...)
        -> T`` (or ``async def``) in which every parameter is annotated (``self``,
        ``cls``, ``*`` and ``/`` excepted) and a return annotation is given. A line
        that still says TODO or TBD does not count.

    Why it matters:
        The full signature is the first thing the seed moves from Level 1 to Level 2:
        "Complete function signatures with type annotations". Without it the coder
        invents the contract, and ``mypy --strict`` has nothing to hold them to.

    Example:
        ```python
        def get_order(order_id):
        ```

    Fix:
        ```python
        async def get_order(order_id: OrderId) -> Order:
        ```
    """
    for method in spec.methods:
        if not method.signature:
            yield Hit(method.line, f"'{method.name}' has no annotated signature (def ... -> T)")


@spec_rule("AD504", "level2-no-exceptions", Severity.WARNING)
def no_exceptions(spec: SpecInput) -> Iterator[Hit]:
    """A method section names no exception it raises.

    What it checks:
        Each method section names at least one exception class (a name ending in
        ``Error`` or ``Exception``, outside TODO lines), in a list, a sentence or code.

    Why it matters:
        The seed's error handling strategy (section 2.4) separates domain,
        infrastructure and validation errors. Callers can only handle what the spec
        names; "raises something" is how error handling becomes bare ``except:``.

    Example:
        ``**Exceptions**:`` followed only by ``- Domain: TODO``.

    Fix:
        ``- Domain: OrderNotFoundError`` / ``- Validation: InvalidOrderIdError``.
    """
    for method in spec.methods:
        if not method.exceptions:
            yield Hit(method.line, f"'{method.name}' names no exception it raises")


@spec_rule("AD505", "level2-unlinked", Severity.ERROR)
def unlinked(spec: SpecInput) -> Iterator[Hit]:
    """A Level 2 spec does not link to an existing, Approved Level 1 design.

    What it checks:
        The spec's front matter has ``level1: ID`` naming a Level 1 design of the
        project, and that design's status is Approved.

    Why it matters:
        "Do not handoff until approved": a spec written against a draft, or against a
        design that was renamed or removed, specifies an architecture nobody approved.

    Example:
        ``level1: orders`` while ``orders-design.md`` is still Pending Review.

    Fix:
        Finish the Level 1 review first, or correct the ``level1:`` id.
    """
    if not spec.link.level1:
        yield Hit(spec.link.line, "no level1: key naming the Level 1 design")
    elif spec.level1 is None:
        yield Hit(spec.link.line, f"level1: names unknown design '{spec.link.level1}'")
    elif not spec.level1.approved:
        status = spec.level1.status_text or "Draft"
        yield Hit(spec.link.line, f"Level 1 design '{spec.level1.id}' is {status}, not Approved")


@spec_rule("AD506", "level2-stale", Severity.WARNING)
def stale(spec: SpecInput) -> Iterator[Hit]:
    """The Level 1 API overview changed after the Level 2 spec was written.

    What it checks:
        ``handoff`` records ``level1_api:``, a fingerprint of the Level 1 API overview's
        method names and purposes, in the spec's front matter. The rule recomputes it
        from the Level 1 design and compares. Moving or re-wrapping the overview does
        not change it; adding, removing, renaming or re-describing a method does.

    Why it matters:
        A spec that silently lags its design is worse than no spec: the coder builds
        the old API with full confidence.

    Example:
        ``refund_order`` was added to the Level 1 overview after the handoff.

    Fix:
        Update the spec's method sections, then set ``level1_api:`` to the value the
        message shows (or re-run ``handoff --force`` into a new file and merge).
    """
    if spec.level1 is None or not spec.link.api_fingerprint:
        return
    if spec.link.api_fingerprint != spec.level1.fingerprint:
        yield Hit(
            spec.link.api_line,
            f"the API overview of {spec.level1.id} changed since this spec was written "
            f"(level1_api is {spec.link.api_fingerprint}, now {spec.level1.fingerprint})",
        )
