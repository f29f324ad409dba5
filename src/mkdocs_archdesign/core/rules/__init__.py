"""The AD rule catalog. Importing this package registers every rule.

Find a rule by its code: AD0xx metadata (:mod:`.metadata`), AD1xx structure
(:mod:`.structure`: AD103 in ``structure/placeholders.py``, the rest in
``structure/sections.py``), AD2xx Level 1 content (:mod:`.content`), AD3xx Level 2 leaks
(:mod:`.level2`), AD4xx review (:mod:`.review`), AD5xx Level 2 specifications
(:mod:`.level2_spec`).
"""

from mkdocs_archdesign.core.rules import (  # noqa: F401
    content,
    level2,
    level2_spec,
    metadata,
    review,
    structure,
)
from mkdocs_archdesign.core.rules.base import REGISTRY, Rule

__all__ = ["REGISTRY", "Rule", "all_rules"]


def all_rules() -> list[Rule]:
    """Every registered rule, ordered by code."""
    return [REGISTRY[code] for code in sorted(REGISTRY)]
