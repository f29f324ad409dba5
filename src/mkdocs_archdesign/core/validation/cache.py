"""Reuse per-design validation results across rebuilds, keyed by content, never by mtime.

``mkdocs serve`` rebuilds the whole site on every save. Scanning and checking one design
is cheap, but doing it for 1,000 designs on every keystroke-save is not. The cache keeps
each design's :class:`~mkdocs_archdesign.core.validator.DesignResult` under a key made of
the design's path, a hash of its text, the template's digest and the settings'
fingerprint, so a changed design, template or config can never be served stale. The
cross-design stage is always recomputed from the cached summaries.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.validation.validator import DesignResult, check_design


@dataclass(slots=True)
class CacheStats:
    """How a cache was used since it was created or last reset."""

    hits: int = 0
    misses: int = 0


class ValidationCache:
    """A per-design result cache, pruned to the designs seen in the latest run."""

    def __init__(self) -> None:
        self._entries: dict[str, tuple[str, DesignResult]] = {}
        self._seen: set[str] = set()
        self._fingerprint: tuple[Settings, str] | None = None
        self.stats = CacheStats()

    def check(self, text: str, path: str, template: Template, settings: Settings) -> DesignResult:
        """Return the cached result for this exact input, or validate and remember it.

        Args:
            text: The design's source.
            path: Its path (the cache is keyed per path: ids and messages name it).
            template: The template in force (its digest is part of the key).
            settings: Validator settings (their fingerprint is part of the key).

        Returns:
            The same result :func:`check_design` would return.
        """
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        key = f"{digest}:{template.digest}:{self._fingerprint_of(settings)}"
        self._seen.add(path)
        cached = self._entries.get(path)
        if cached is not None and cached[0] == key:
            self.stats.hits += 1
            return cached[1]
        self.stats.misses += 1
        result = check_design(text, path, template, settings)
        self._entries[path] = (key, result)
        return result

    def _fingerprint_of(self, settings: Settings) -> str:
        # A build passes the same Settings object for every design; hashing it once per
        # object instead of once per design keeps a 1,000-design rebuild cheap.
        remembered = self._fingerprint
        if remembered is None or remembered[0] is not settings:
            remembered = self._fingerprint = (settings, settings.fingerprint())
        return remembered[1]

    def start_run(self) -> None:
        """Begin a build: counters reset, and designs not seen in this run get dropped."""
        self._seen = set()
        self.stats = CacheStats()

    def finish_run(self) -> None:
        """End a build: forget designs that were renamed or deleted since the last one."""
        for path in list(self._entries):
            if path not in self._seen:
                del self._entries[path]

    def clear(self) -> None:
        """Forget everything (after a config or template change)."""
        self._entries.clear()
        self._seen.clear()

    def __len__(self) -> int:
        return len(self._entries)
