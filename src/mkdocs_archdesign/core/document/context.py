"""The design context: one scanned design with the template and settings it is read against.

Rules, the summary and the review workflow all read a design through this object, so the
facts they share (sections by key, the Design Review block, the status) are computed once.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.scanner import ScannedDesign, Section
from mkdocs_archdesign.core.document.template import Template, normalise_heading
from mkdocs_archdesign.core.model import Status


@dataclass(frozen=True, slots=True)
class ReviewBlock:
    """The Design Review section's ``**Label**: value`` lines, as written.

    Attributes:
        section: The Design Review section, or ``None`` when the design has none.
        status: The ``**Status**:`` value, or ``None`` when absent.
        status_line: Its line.
        reviewer: The ``**Reviewer**:`` value, or ``None`` when absent.
        reviewer_line: Its line.
        review_date: The ``**Review Date**:`` value, or ``None`` when absent.
        review_date_line: Its line.
    """

    section: Section | None
    status: str | None = None
    status_line: int = 0
    reviewer: str | None = None
    reviewer_line: int = 0
    review_date: str | None = None
    review_date_line: int = 0


@dataclass(slots=True)
class DesignContext:
    """Everything a per-design rule may look at, computed once per design.

    Attributes:
        design: The scanned design.
        template: The template (schema) in force.
        settings: The validator settings.
        sections: Every section by its normalised heading key, in document order.
        review: The Design Review block.
        status_text: The review status as written (front matter first), or ``""``.
        status: The parsed status, or ``None`` (unknown, or none written).
        memo: Facts several rules share (e.g. the API overview), computed on first use.
    """

    design: ScannedDesign
    template: Template
    settings: Settings
    sections: dict[str, list[Section]] = field(default_factory=dict)
    review: ReviewBlock = field(default_factory=lambda: ReviewBlock(None))
    status_text: str = ""
    status: Status | None = None
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def meta(self) -> dict[str, Any]:
        """The front matter mapping (empty when absent or broken)."""
        return self.design.front_matter.data

    def section(self, key: str) -> Section | None:
        """The first section whose normalised heading equals ``key``."""
        found = self.sections.get(key)
        return found[0] if found else None

    def template_section(self, key: str) -> Section | None:
        """The section for ``key`` if the template keeps it, else ``None``.

        Content rules (AD2xx) only run where the template has a section of that title,
        so custom templates without, say, a Data Model section are not held to it.
        """
        if self.template.find(key) is None:
            return None
        return self.section(key)

    def section_title(self, key: str) -> str | None:
        """The template's display title for ``key`` (for a finding's ``section``)."""
        required = self.template.find(key)
        if required is None:
            return None
        # display_title depends on the title alone; rules ask for it per design.
        title = _display_titles.get(required.title)
        if title is None:
            if len(_display_titles) > 4096:
                _display_titles.clear()
            title = _display_titles[required.title] = required.display_title
        return title

    def front_matter_line(self, key: str) -> int:
        """The 1-based line where front matter ``key:`` is written (1 if not found)."""
        if not self.design.front_matter.present:
            return 1
        prefix = f"{key}:"
        for index, line in enumerate(self.design.front_matter_lines, start=2):
            if line.startswith(prefix):
                return index
        return 1


#: ``RequiredSection.display_title`` by section title, for :meth:`DesignContext.section_title`:
#: the same few titles recur in every design, and each lookup ran a regex substitution.
_display_titles: dict[str, str] = {}

#: :func:`normalise_heading`, memoised: the same few dozen headings recur in every design,
#: and folding them dominated validation time on large corpora.
heading_key: Callable[[str], str] = functools.lru_cache(maxsize=4096)(normalise_heading)


def iter_sections_by_key(design: ScannedDesign) -> Iterator[tuple[str, Section]]:
    """Every section of ``design`` with its normalised heading key."""
    for section in design.sections():
        yield heading_key(section.title), section
