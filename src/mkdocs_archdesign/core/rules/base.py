"""The rule protocol: what a rule is, what it receives and what it yields.

A rule is one small function registered with :func:`rule` (per design) or
:func:`corpus_rule` (across designs). Its docstring documents it in four sections,
*What it checks*, *Why it matters*, *Example* and *Fix*; the rule reference page and
``mkdocs-archdesign rules`` are generated from those docstrings, so code and docs
never drift.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from mkdocs_archdesign.core.model import Severity, Status
from mkdocs_archdesign.core.scanner import ScannedDesign, Section
from mkdocs_archdesign.core.settings import Settings
from mkdocs_archdesign.core.template import Template, normalise_heading


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: the line, the message, and the template section if any."""

    line: int
    message: str
    section: str | None = None


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
        return required.display_title if required is not None else None

    def front_matter_line(self, key: str) -> int:
        """The 1-based line where front matter ``key:`` is written (1 if not found)."""
        if not self.design.front_matter.present:
            return 1
        prefix = f"{key}:"
        for index, line in enumerate(self.design.front_matter_lines, start=2):
            if line.startswith(prefix):
                return index
        return 1


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    """What cross-design rules know of one design: its id, links and their lines."""

    id: str
    path: str
    depends_on: tuple[str, ...]
    superseded_by: str | None
    depends_on_line: int = 1
    superseded_by_line: int = 1


@dataclass(frozen=True, slots=True)
class CorpusHit:
    """A cross-design finding: which design (by path) it lands on, and the hit."""

    path: str
    hit: Hit


DesignCheck = Callable[[DesignContext], Iterable[Hit]]
CorpusCheck = Callable[[list[CorpusEntry]], Iterable[CorpusHit]]


@dataclass(frozen=True, slots=True)
class Rule:
    """A registered rule.

    Attributes:
        code: Stable code, e.g. ``"AD101"``.
        name: Readable kebab-case name, e.g. ``"missing-section"``.
        severity: Default severity.
        summary: One line: when it fires.
        doc: The full docstring (What it checks / Why it matters / Example / Fix).
        check: The checker for per-design rules.
        corpus_check: The checker for cross-design rules.
    """

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: DesignCheck | None = None
    corpus_check: CorpusCheck | None = None

    @property
    def is_corpus_rule(self) -> bool:
        """Whether the rule looks across designs (AD004, AD005)."""
        return self.corpus_check is not None

    def doc_sections(self) -> dict[str, str]:
        """The docstring split by its section titles (``"What it checks"`` ...)."""
        sections: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in self.doc.splitlines()[1:]:
            title = line.strip().rstrip(":")
            if title in DOC_SECTIONS and line.strip().endswith(":"):
                current = sections.setdefault(title, [])
                continue
            if current is not None:
                current.append(line)
        return {k: inspect.cleandoc("\n".join(v)) for k, v in sections.items()}


DOC_SECTIONS = ("What it checks", "Why it matters", "Example", "Fix")

#: Every rule by code, filled by the ``@rule`` and ``@corpus_rule`` decorators.
REGISTRY: dict[str, Rule] = {}


def _register(
    code: str, name: str, severity: Severity, func: Callable[..., Any], **kw: Any
) -> Rule:
    doc = inspect.cleandoc(func.__doc__ or "")
    if not doc:
        raise ValueError(f"rule {code} has no docstring")
    # Docstrings use reST-style ``code``; single backticks read the same in a terminal.
    summary = doc.splitlines()[0].strip().replace("``", "`")
    if code in REGISTRY:
        raise ValueError(f"rule code {code} is registered twice")
    registered = Rule(code, name, severity, summary, doc, **kw)
    REGISTRY[code] = registered
    return registered


def rule(code: str, name: str, severity: Severity) -> Callable[[DesignCheck], DesignCheck]:
    """Register a per-design rule.

    Args:
        code: Stable code, e.g. ``"AD101"``.
        name: Readable kebab-case name.
        severity: Default severity.

    Returns:
        A decorator that registers the checker and returns it unchanged.
    """

    def decorate(func: DesignCheck) -> DesignCheck:
        _register(code, name, severity, func, check=func)
        return func

    return decorate


def corpus_rule(code: str, name: str, severity: Severity) -> Callable[[CorpusCheck], CorpusCheck]:
    """Register a cross-design rule (it sees every design in the run)."""

    def decorate(func: CorpusCheck) -> CorpusCheck:
        _register(code, name, severity, func, corpus_check=func)
        return func

    return decorate


#: :func:`normalise_heading`, memoised: the same few dozen headings recur in every design,
#: and folding them dominated validation time on large corpora.
heading_key: Callable[[str], str] = functools.lru_cache(maxsize=4096)(normalise_heading)


def iter_sections_by_key(design: ScannedDesign) -> Iterator[tuple[str, Section]]:
    """Every section of ``design`` with its normalised heading key."""
    for section in design.sections():
        yield heading_key(section.title), section
