"""A corpus that lives in an editor: the designs on disk with unsaved buffers over them.

``check`` reads every design once and validates the set. An editor changes one design at
a time, many times a second, and the text that matters is the unsaved buffer, not the
file. So each design's per-design result is kept; a change re-validates that one design
and re-runs the cross-design stage only when the design's ids or links changed (the
cross-design rules see nothing else), which is what lets a design that *references* the
edited one see its findings change, without a graph walk over the corpus per keystroke.
Results are the validator's own, so the findings are exactly those of ``check``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.model import DesignSummary, Finding
from mkdocs_archdesign.core.validation.corpus import check_file
from mkdocs_archdesign.core.validation.validator import (
    CorpusHits,
    DesignResult,
    check_design,
    corpus_hits,
    with_corpus_hits,
)


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What tells a changed file from an unchanged one without reading it."""

    mtime_ns: int
    size: int

    @classmethod
    def of(cls, path: Path) -> FileStamp | None:
        """The stamp of ``path``, or ``None`` when it cannot be stat'ed."""
        try:
            stat = path.stat()
        except OSError:
            return None
        return cls(stat.st_mtime_ns, stat.st_size)


class LiveCorpus:
    """One project's designs: on-disk results, buffer results over them, merged findings.

    Designs are named by their shown path (what ``check`` prints for them), which is also
    the path cross-design rules use to place their findings.
    """

    def __init__(self, template: Template, settings: Settings) -> None:
        """Start an empty corpus validated with ``template`` and ``settings``."""
        self.template = template
        self.settings = settings
        self._files: dict[str, Path] = {}
        self._stamps: dict[str, FileStamp | None] = {}
        self._disk: dict[str, DesignResult] = {}
        self._buffers: dict[str, DesignResult] = {}
        self._hits: CorpusHits | None = None

    def __len__(self) -> int:
        return len(self._disk.keys() | self._buffers.keys())

    def __contains__(self, shown: object) -> bool:
        return shown in self._disk or shown in self._buffers

    def load_files(self, files: Iterable[tuple[str, Path]], skip_catalog: bool = False) -> None:
        """Validate files from disk (``(shown, path)`` pairs), replacing earlier results.

        Args:
            files: ``(shown, path)`` pairs.
            skip_catalog: The files were listed by the ``designs`` globs: the site's
                catalog page among them is no design and stays out of the corpus.
        """
        for shown, path in files:
            self._read(shown, path, skip_catalog)
        self._hits = None

    def refresh_file(self, shown: str, path: Path) -> bool:
        """Re-read one file if it changed on disk (or is new, or is gone).

        Returns:
            Whether anything changed.
        """
        stamp = FileStamp.of(path)
        if stamp is None:
            return self.forget_file(shown)
        if shown in self._disk and self._stamps.get(shown) == stamp:
            return False
        self._read(shown, path)
        self._hits = None
        return True

    def forget_file(self, shown: str) -> bool:
        """Drop a file that no longer exists; returns whether it was known."""
        known = self._disk.pop(shown, None) is not None
        self._files.pop(shown, None)
        self._stamps.pop(shown, None)
        if known:
            self._hits = None
        return known

    def disk_result(self, shown: str) -> DesignResult | None:
        """The result of the file on disk, if it is part of the corpus."""
        return self._disk.get(shown)

    def set_buffer(self, shown: str, text: str) -> None:
        """Validate an editor buffer; it stands for the file until :meth:`drop_buffer`."""
        before = self._current(shown)
        result = check_design(text, shown, self.template, self.settings)
        self._buffers[shown] = result
        if before is None or before.entry != result.entry:
            self._hits = None

    def use_disk_for(self, shown: str) -> None:
        """Let the file on disk stand for ``shown`` again (an unreadable or closed buffer)."""
        before = self._buffers.pop(shown, None)
        after = self._disk.get(shown)
        if before is not None and (after is None or after.entry != before.entry):
            self._hits = None

    def drop_buffer(self, shown: str) -> None:
        """Forget a buffer (the document was closed); the file on disk counts again."""
        self.use_disk_for(shown)

    def summaries(self) -> Mapping[str, DesignSummary]:
        """Every design's summary with per-design and cross-design findings, by shown path."""
        return {shown: self.summary(shown) for shown in sorted(self._disk.keys() | self._buffers)}

    def summary(self, shown: str) -> DesignSummary:
        """One design's summary, exactly as ``check`` over the same corpus reports it.

        Raises:
            KeyError: If ``shown`` is not in the corpus.
        """
        result = self._current(shown)
        if result is None:
            raise KeyError(shown)
        return with_corpus_hits(result, self._corpus_hits().get(shown, ()), self.settings)

    def findings(self, shown: str) -> tuple[Finding, ...]:
        """The findings of one design (empty if it is not in the corpus)."""
        return self.summary(shown).findings if shown in self else ()

    def _current(self, shown: str) -> DesignResult | None:
        return self._buffers.get(shown) or self._disk.get(shown)

    def _corpus_hits(self) -> CorpusHits:
        if self._hits is None:
            results = {**self._disk, **self._buffers}
            self._hits = corpus_hits([results[s].entry for s in sorted(results)], self.settings)
        return self._hits

    def _read(self, shown: str, path: Path, skip_catalog: bool = False) -> None:
        # Stamped before the read, as before: a change while reading shows as a new stamp.
        stamp = FileStamp.of(path)
        result = check_file(path, shown, self.template, self.settings, skip_catalog=skip_catalog)
        if result is None:  # the catalog page, told from the text read for checking
            self.forget_file(shown)
            return
        self._files[shown] = path
        self._stamps[shown] = stamp
        self._disk[shown] = result
