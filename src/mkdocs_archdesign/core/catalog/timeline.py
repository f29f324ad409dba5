"""Time in each status, read from a design's review log.

The board, the catalog's review timeline and ``status --history`` show how long each
stage took, from the ``**Review Log**`` lines the workflow writes. Designs written
before the log existed fall back to their review date where a caller needs an age.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from mkdocs_archdesign.core.model import ReviewLogEntry


def log_date(text: str) -> datetime.date | None:
    """A log entry's ``YYYY-MM-DD`` date, or ``None`` when it is not a real date."""
    try:
        return datetime.date.fromisoformat(text.strip())
    except ValueError:
        return None


def days_per_status(log: Sequence[ReviewLogEntry], today: datetime.date) -> dict[str, int]:
    """Days spent in each status, in the order first reached (the current one to ``today``).

    Each entry starts its ``after`` status on its date; the status lasts until the next
    entry (or ``today``). Entries without a readable date are skipped; time spent before
    the first entry is unknown and not counted.
    """
    points = [(entry.after, day) for entry in log if (day := log_date(entry.date)) is not None]
    spans: dict[str, int] = {}
    for index, (after, day) in enumerate(points):
        end = points[index + 1][1] if index + 1 < len(points) else today
        spans[after] = spans.get(after, 0) + max(0, (end - day).days)
    return spans
