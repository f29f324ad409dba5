"""A corpus that lives in an editor: the designs on disk with unsaved buffers over them.

``check`` reads every design once and validates the set. An editor changes one design at
a time, many times a second, and the text that matters is the unsaved buffer, not the
file. So each design's per-design result is kept; a change re-validates that one design
and then re-runs only the cross-design stage (cheap: it sees ids and links, not text),
which is what lets a design that *references* the edited one see its findings change.
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
    DesignResult,
    check_corpus,
    check_design,
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
        self._merged: dict[str, DesignSummary] | None = None

    def __len__(self) -> int:
        return len(self._disk.keys() | self._buffers.keys())

    def __contains__(self, shown: object) -> bool:
        return shown in self._disk or shown in self._buffers

    def load_files(self, files: Iterable[tuple[str, Path]]) -> None:
        """Validate files from disk (``(shown, path)`` pairs), replacing earlier results."""
        for shown, path in files:
            self._read(shown, path)
        self._merged = None

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
        self._merged = None
        return True

    def forget_file(self, shown: str) -> bool:
        """Drop a file that no longer exists; returns whether it was known."""
        known = self._disk.pop(shown, None) is not None
        self._files.pop(shown, None)
        self._stamps.pop(shown, None)
        if known:
            self._merged = None
        return known

    def disk_result(self, shown: str) -> DesignResult | None:
        """The result of the file on disk, if it is part of the corpus."""
        return self._disk.get(shown)

    def set_buffer(self, shown: str, text: str) -> None:
        """Validate an editor buffer; it stands for the file until :meth:`drop_buffer`."""
        self._buffers[shown] = check_design(text, shown, self.template, self.settings)
        self._merged = None

    def use_disk_for(self, shown: str) -> None:
        """Let the file on disk stand for ``shown`` again (an unreadable or closed buffer)."""
        if self._buffers.pop(shown, None) is not None:
            self._merged = None

    def drop_buffer(self, shown: str) -> None:
        """Forget a buffer (the document was closed); the file on disk counts again."""
        self.use_disk_for(shown)

    def summaries(self) -> Mapping[str, DesignSummary]:
        """Every design's summary with per-design and cross-design findings, by shown path."""
        if self._merged is None:
            results = {**self._disk, **self._buffers}
            ordered = [results[shown] for shown in sorted(results)]
            merged = check_corpus(ordered, self.settings)
            self._merged = {summary.path: summary for summary in merged}
        return self._merged

    def findings(self, shown: str) -> tuple[Finding, ...]:
        """The findings of one design (empty if it is not in the corpus)."""
        summary = self.summaries().get(shown)
        return summary.findings if summary is not None else ()

    def _read(self, shown: str, path: Path) -> None:
        self._files[shown] = path
        self._stamps[shown] = FileStamp.of(path)
        self._disk[shown] = check_file(path, shown, self.template, self.settings)
