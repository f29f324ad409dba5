"""The rule protocol: what a rule is, what it receives and what it yields.

A rule is one small function registered with :func:`rule` (per design) or
:func:`corpus_rule` (across designs). Its docstring documents it in four sections,
*What it checks*, *Why it matters*, *Example* and *Fix*; the rule reference page and
``mkdocs-archdesign rules`` are generated from those docstrings, so code and docs
never drift.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from mkdocs_archdesign.core.document.context import (
    DesignContext,
    ReviewBlock,
    heading_key,
    iter_sections_by_key,
)
from mkdocs_archdesign.core.document.spec import SpecInput
from mkdocs_archdesign.core.model import Severity

__all__ = [
    "REGISTRY",
    "CorpusEntry",
    "CorpusHit",
    "DesignContext",
    "Hit",
    "ReviewBlock",
    "Rule",
    "corpus_rule",
    "documented_rule",
    "heading_key",
    "iter_sections_by_key",
    "rule",
    "spec_rule",
]


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule reports: the line, the message, and the template section if any."""

    line: int
    message: str
    section: str | None = None


@dataclass(frozen=True, slots=True)
class CorpusEntry:
    """What cross-design rules know of one design: its id, links and their lines."""

    id: str
    path: str
    depends_on: tuple[str, ...]
    superseded_by: str | None
    depends_on_line: int = 1
    superseded_by_line: int = 1
    id_line: int = 1


@dataclass(frozen=True, slots=True)
class CorpusHit:
    """A cross-design finding: which design (by path) it lands on, and the hit."""

    path: str
    hit: Hit


DesignCheck = Callable[[DesignContext], Iterable[Hit]]
CorpusCheck = Callable[[list[CorpusEntry]], Iterable[CorpusHit]]
SpecCheck = Callable[[SpecInput], Iterable[Hit]]


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
        spec_check: The checker for Level 2 specifications (AD5xx).
    """

    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    check: DesignCheck | None = None
    corpus_check: CorpusCheck | None = None
    spec_check: SpecCheck | None = None

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


def documented_rule(code: str, name: str, severity: Severity, doc: str, **kw: Any) -> Rule:
    """Build a rule from its documentation, without registering it.

    Args:
        code: Stable code, e.g. ``"AD101"``.
        name: Readable kebab-case name.
        severity: Default severity.
        doc: The documentation: a summary line, then the four sections of
            :data:`DOC_SECTIONS`.
        **kw: ``check`` or ``corpus_check``.

    Returns:
        The rule; its summary is the first line of ``doc``.

    Raises:
        ValueError: If ``doc`` is empty.
    """
    doc = inspect.cleandoc(doc)
    if not doc:
        raise ValueError(f"rule {code} has no docstring")
    # Docstrings use reST-style ``code``; single backticks read the same in a terminal.
    summary = doc.splitlines()[0].strip().replace("``", "`")
    return Rule(code, name, severity, summary, doc, **kw)


def _register(
    code: str, name: str, severity: Severity, func: Callable[..., Any], **kw: Any
) -> Rule:
    if code in REGISTRY:
        raise ValueError(f"rule code {code} is registered twice")
    registered = documented_rule(code, name, severity, func.__doc__ or "", **kw)
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


def spec_rule(code: str, name: str, severity: Severity) -> Callable[[SpecCheck], SpecCheck]:
    """Register a Level 2 specification rule (it sees a spec and its Level 1 design)."""

    def decorate(func: SpecCheck) -> SpecCheck:
        _register(code, name, severity, func, spec_check=func)
        return func

    return decorate
