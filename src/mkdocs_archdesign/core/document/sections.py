"""The section keys of the default template: one name for each section the code looks up.

A key is a heading folded by :func:`~mkdocs_archdesign.core.document.template.normalise_heading`
(case, numbering, ``&``/``and``, hyphens and a trailing ``Overview`` ignored), so
``## 6. Concurrency & Performance Requirements Overview`` is looked up as
:data:`PERFORMANCE`. The keys are literals (this module imports nothing, so every layer
can use it); ``tests/document/test_sections.py`` checks each against its title in
:data:`TITLES`.
"""

from __future__ import annotations

SCOPE = "context and scope"
GOALS = "goals and non goals"
OVERVIEW = "design"  # "Design Overview" minus the optional trailing "Overview"
API = "api design guidelines"
API_OVERVIEW = "api"  # the "API Overview" sub-section of API Design Guidelines
DATA_MODEL = "data model"
PERFORMANCE = "concurrency and performance requirements"
CROSS_CUTTING = "cross cutting concerns"
CONSTRAINTS = "implementation constraints"
ALTERNATIVES = "alternatives considered"
REVIEW = "design review"

#: Each key with the default template's title it folds from.
TITLES = {
    SCOPE: "Context and Scope",
    GOALS: "Goals and Non-Goals",
    OVERVIEW: "Design Overview",
    API: "API Design Guidelines",
    API_OVERVIEW: "API Overview",
    DATA_MODEL: "Data Model Overview",
    PERFORMANCE: "Concurrency & Performance Requirements Overview",
    CROSS_CUTTING: "Cross-Cutting Concerns",
    CONSTRAINTS: "Implementation Constraints",
    ALTERNATIVES: "Alternatives Considered",
    REVIEW: "Design Review",
}
