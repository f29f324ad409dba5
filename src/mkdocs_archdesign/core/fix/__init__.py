"""Machine fixes for findings: plan them on a design's text, apply them in memory.

The API is small and stable, for ``check --fix`` and the language server's code actions:
:func:`plan_fixes` returns :class:`Fix` values (the findings each one resolves, a
description and line edits against the original text), :func:`apply_fixes` applies them
preserving every other byte, and :func:`lsp_text_edits` turns a fix into LSP TextEdits.
"""

from mkdocs_archdesign.core.fix.edits import EditKind, Fix, LineEdit, apply_fixes, lsp_text_edits
from mkdocs_archdesign.core.fix.planner import fix_blocker, plan_fixes
from mkdocs_archdesign.core.fixable import FIXABLE_CODES, is_fixable

__all__ = [
    "FIXABLE_CODES",
    "EditKind",
    "Fix",
    "LineEdit",
    "apply_fixes",
    "fix_blocker",
    "is_fixable",
    "lsp_text_edits",
    "plan_fixes",
]
