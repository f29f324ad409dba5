"""AD000: a design that cannot be read. The validator reports it; this module defines it.

AD000 is not a check a design's content can trigger: it is how the validator reports a
file it could not validate at all. It is still a code users see, so it is defined here,
beside the rules, with the same four documentation sections, and the rule reference
page lists it first. It is not in :data:`~mkdocs_archdesign.core.rules.base.REGISTRY`, so
it cannot be selected or turned off.
"""

from __future__ import annotations

from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import Rule, documented_rule

__all__ = ["UNREADABLE_RULE"]

_DOC = """\
A design file cannot be read or is not UTF-8 text.

What it checks:
    Every design given to ``check`` or selected by the plugin's ``designs`` globs
    must be readable and decode as UTF-8 (a byte-order mark is allowed). A file that
    cannot be read gets this one finding, naming the file (and the first bad byte),
    and no other finding. It is not a rule you can select: it is how the validator
    reports a file it could not validate.

Why it matters:
    A design that cannot be read cannot be checked; reporting it, rather than
    skipping it or stopping, keeps every other design's findings in the same run.

Example:
    A design saved as Latin-1 by an old editor: ``Café`` is byte ``0xE9``.

Fix:
    Re-save the file as UTF-8, or fix its permissions.
"""

#: The AD000 entry: code, name, default severity and documentation.
UNREADABLE_RULE: Rule = documented_rule("AD000", "unreadable-design", Severity.ERROR, _DOC)
