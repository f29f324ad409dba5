"""Which findings ``check --fix`` can fix, known without loading the fix planner.

Every report format marks fixable findings (ruff's ``[*]``); a plain ``check`` must not
import the planner, its text editing and its YAML line helpers just to say so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mkdocs_archdesign.core.model import Finding

#: Codes a fix exists for. A finding of these codes is marked fixable in every format.
FIXABLE_CODES = frozenset({"AD003", "AD101", "AD404"})


def is_fixable(finding: Finding) -> bool:
    """Whether ``check --fix`` has a fix for findings like this one (ruff's ``[*]``)."""
    return finding.code in FIXABLE_CODES
