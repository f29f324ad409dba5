"""AD2xx: Level 1 content rules, one per item of the seed's review checklists.

One module per section the rules read; find a rule by its code:

============  ====================  ================================================
Code          Module                Section it reads
============  ====================  ================================================
AD201, AD202  :mod:`.overview`      Design Overview (diagram, component table)
AD203, AD204  :mod:`.goals`         Goals and Non-Goals
AD205, AD212  :mod:`.performance`   Concurrency & Performance Requirements
AD206         :mod:`.constraints`   Implementation Constraints (or Design Overview)
AD207, AD208  :mod:`.alternatives`  Alternatives Considered
AD209, AD210  :mod:`.api`           API Design Guidelines
AD211         :mod:`.scope`         Context and Scope
AD213         :mod:`.cross_cutting` Cross-Cutting Concerns
AD214         :mod:`.assumptions`   every section (``ASSUMPTION:`` lines)
============  ====================  ================================================

Each rule looks up its section by a key from
:mod:`mkdocs_archdesign.core.document.sections` and runs only where the template in force
keeps that section (:meth:`DesignContext.template_section`); a design that lacks the
section altogether is AD101's business, not these rules'. Every pattern runs on user
text line by line, so each is bounded or anchored: linear in the line.
"""

from mkdocs_archdesign.core.rules.content import (
    alternatives,
    api,
    assumptions,
    constraints,
    cross_cutting,
    goals,
    overview,
    performance,
    scope,
)

__all__ = [
    "alternatives",
    "api",
    "assumptions",
    "constraints",
    "cross_cutting",
    "goals",
    "overview",
    "performance",
    "scope",
]
