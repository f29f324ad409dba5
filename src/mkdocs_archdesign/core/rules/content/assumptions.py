"""AD214: every ASSUMPTION: is followed by a RISK: and a MITIGATION: (in any section)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from mkdocs_archdesign.core.model import Severity
from mkdocs_archdesign.core.rules.base import DesignContext, Hit, rule
from mkdocs_archdesign.core.rules.text import node_prose_texts, plain, quote

_ASSUMPTION_RE = re.compile(r"\bASSUMPTION\s*:", re.IGNORECASE)
_RISK_RE = re.compile(r"\bRISK\s*:", re.IGNORECASE)
_MITIGATION_RE = re.compile(r"\bMITIGATION\s*:", re.IGNORECASE)


@rule("AD214", "assumption-without-mitigation", Severity.WARNING)
def assumption_without_mitigation(ctx: DesignContext) -> Iterator[Hit]:
    """An ``ASSUMPTION:`` is not followed by a ``RISK:`` and a ``MITIGATION:``.

    What it checks:
        After each ``ASSUMPTION:``, both a ``RISK:`` and a ``MITIGATION:`` must follow
        (on the same or later lines) before the next assumption or the next heading.

    Why it matters:
        The seed's Strategy 3: a decision made on incomplete information must say what
        happens if the assumption is wrong and what will be done about it.

    Example:
        ```markdown
        - ASSUMPTION: traffic is I/O-bound
        - RISK: CPU-bound work would block the event loop
        ```

    Fix:
        Add ``- MITIGATION: profile with py-spy; move CPU work to a process pool``.
    """
    for node, prose_text in zip(ctx.design.nodes, node_prose_texts(ctx), strict=True):
        # Without a ":" or an "assumption" on any line, no line below would start one.
        if ":" not in prose_text or "ssumption" not in prose_text.lower():
            continue
        pending: tuple[int, str] | None = None
        risk = mitigation = False
        for line, text in node.prose:
            # Cheap pre-test: most lines mention none of the three markers.
            if ":" not in text or (pending is None and "ssumption" not in text.lower()):
                continue
            flat = plain(text)
            assumption = _ASSUMPTION_RE.search(flat)
            if assumption is not None:
                if pending is not None and not (risk and mitigation):
                    yield _assumption_hit(pending, risk, mitigation)
                pending = (line, flat[assumption.end() :].strip())
                risk = mitigation = False
                tail = flat[assumption.end() :]
            else:
                tail = flat
            if pending is not None:
                risk = risk or _RISK_RE.search(tail) is not None
                mitigation = mitigation or _MITIGATION_RE.search(tail) is not None
        if pending is not None and not (risk and mitigation):
            yield _assumption_hit(pending, risk, mitigation)


def _assumption_hit(pending: tuple[int, str], risk: bool, mitigation: bool) -> Hit:
    missing = " and ".join(
        name for name, seen in (("RISK", risk), ("MITIGATION", mitigation)) if not seen
    )
    return Hit(pending[0], f"ASSUMPTION without {missing}: '{quote(pending[1])}'")
