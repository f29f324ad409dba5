"""Value types shared by the scanner, the rules, the catalog and both adapters."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field

from mkdocs_archdesign.core.frozen import fast_init


class Severity(enum.IntEnum):
    """How serious a finding is; ordered so that ``ERROR > WARNING > INFO``."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The lower-case name used in every output format (``"error"``)."""
        return self.name.lower()

    @classmethod
    def parse(cls, value: str) -> Severity:
        """Read a severity name as users write it.

        Args:
            value: ``"error"``, ``"warning"`` or ``"info"`` in any case.

        Returns:
            The matching severity.

        Raises:
            ValueError: If the name is not a severity.
        """
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(
                f"unknown severity {value!r}; expected one of: error, warning, info"
            ) from None


class FailOn(enum.Enum):
    """The threshold at or above which findings fail a build or a ``check`` run."""

    ERROR = "error"
    WARNING = "warning"
    NEVER = "never"

    def fails(self, severity: Severity) -> bool:
        """Tell whether a finding of ``severity`` crosses this threshold."""
        if self is FailOn.NEVER:
            return False
        if self is FailOn.WARNING:
            return severity >= Severity.WARNING
        return severity >= Severity.ERROR


_STATUS_KEY_RE = re.compile(r"[\s_\-]+")


def normalise_status_key(value: str) -> str:
    """Fold a status for comparison: case-insensitive, ``-``, ``_`` and spaces alike.

    Args:
        value: A status as written, e.g. ``"pending-review"``.

    Returns:
        A comparison key, e.g. ``"pending review"``.
    """
    return _STATUS_KEY_RE.sub(" ", value.strip()).strip().lower()


class Status(enum.Enum):
    """The review statuses of the default workflow, in workflow order."""

    DRAFT = "Draft"
    PENDING_REVIEW = "Pending Review"
    CHANGES_REQUESTED = "Changes Requested"
    APPROVED = "Approved"
    SUPERSEDED = "Superseded"

    @property
    def slug(self) -> str:
        """A CSS- and URL-safe name, e.g. ``"pending-review"``."""
        return self.value.lower().replace(" ", "-")

    @classmethod
    def parse(cls, value: str) -> Status | None:
        """Match a status as written by an author, or return ``None``.

        Matching ignores case and treats ``-``, ``_`` and spaces alike, so
        ``pending_review`` and ``Pending-Review`` are both Pending Review.
        """
        key = normalise_status_key(value)
        for status in cls:
            if normalise_status_key(status.value) == key:
                return status
        return None


class Stage(enum.Enum):
    """Where a design is in the whole handoff chain, Level 1 and Level 2 together.

    The first five follow the Level 1 review; an Approved design then moves on when its
    Level 2 spec exists (the api-designer at work) and when the spec is approved (ready
    for implementation by the coder).
    """

    DRAFT = "draft"
    PENDING_REVIEW = "pending-review"
    CHANGES_REQUESTED = "changes-requested"
    APPROVED = "approved"
    LEVEL2_IN_PROGRESS = "level2-in-progress"
    READY_FOR_IMPLEMENTATION = "ready-for-implementation"
    SUPERSEDED = "superseded"


def handoff_stage(status: Status, level2_approved: bool | None) -> Stage:
    """The handoff-chain stage of a design: its review status, moved on by its Level 2 spec.

    The catalog's board and ``catalog.json``, the page's stepper and flowchart and the
    next-step line all ask this one function, so they cannot disagree about a design.

    Args:
        status: The design's status for workflow purposes (unknown statuses are Draft).
        level2_approved: Whether its Level 2 spec is Approved; ``None`` when it has none.

    Returns:
        The stage.
    """
    if status is Status.APPROVED and level2_approved is not None:
        return Stage.READY_FOR_IMPLEMENTATION if level2_approved else Stage.LEVEL2_IN_PROGRESS
    return Stage(status.slug)


class Complexity(enum.Enum):
    """Module complexity, which chooses the collaboration workflow (seed section 3.3)."""

    SIMPLE = "Simple"
    MEDIUM = "Medium"
    COMPLEX = "Complex"

    @classmethod
    def from_api_count(cls, count: int) -> Complexity:
        """Simple below 5 APIs, Medium for 5 to 15, Complex above 15."""
        if count < 5:
            return cls.SIMPLE
        if count <= 15:
            return cls.MEDIUM
        return cls.COMPLEX

    @classmethod
    def parse(cls, value: str) -> Complexity | None:
        """Match a complexity name in any case, or return ``None``."""
        key = value.strip().lower()
        for item in cls:
            if item.value.lower() == key:
                return item
        return None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one design, as every output format reports it.

    Attributes:
        path: The design's path as given (relative to the docs folder or the cwd).
        line: 1-based line nearest the problem.
        code: The stable rule code, e.g. ``"AD101"``.
        name: The rule's readable name, e.g. ``"missing-section"``.
        severity: The effective severity after config, drafts and overrides.
        message: What is wrong; quotes the offending text where there is one.
        section: The template section the finding belongs to, if any.
    """

    path: str
    line: int
    code: str
    name: str
    severity: Severity
    message: str
    section: str | None = None

    def sort_key(self) -> tuple[str, int, str, str]:
        """Order findings by file, line, then code, for stable output."""
        return (self.path, self.line, self.code, self.message)


@fast_init
@dataclass(frozen=True, slots=True)
class Handoff:
    """A front-matter handoff entry (label, agent, prompt, send), as in the seed."""

    label: str
    agent: str
    prompt: str = ""
    send: bool = False


@dataclass(frozen=True, slots=True)
class FindingCounts:
    """How many findings a design (or a run) has per severity."""

    error: int = 0
    warning: int = 0
    info: int = 0

    @classmethod
    def of(cls, findings: list[Finding] | tuple[Finding, ...]) -> FindingCounts:
        """Count ``findings`` by severity."""
        e = w = i = 0
        for f in findings:
            if f.severity is Severity.ERROR:
                e += 1
            elif f.severity is Severity.WARNING:
                w += 1
            else:
                i += 1
        return cls(error=e, warning=w, info=i)

    def as_dict(self) -> dict[str, int]:
        """``{"error": E, "warning": W, "info": I}``, as every JSON output writes it."""
        return {"error": self.error, "warning": self.warning, "info": self.info}

    def phrase(self) -> str:
        """The counts in words for badges and tables: ``1 error, 2 warnings, 43 to do``.

        Info findings are what a Draft still has to do (its errors and warnings are
        downgraded to info), so they are spelled out too: a draft with 43 of them is
        not "none". ``none`` only when there is no finding at all.
        """
        parts = []
        if self.error:
            parts.append(f"{self.error} error{'s' if self.error != 1 else ''}")
        if self.warning:
            parts.append(f"{self.warning} warning{'s' if self.warning != 1 else ''}")
        if self.info:
            parts.append(f"{self.info} to do")
        return ", ".join(parts) if parts else "none"

    def __add__(self, other: FindingCounts) -> FindingCounts:
        return FindingCounts(
            self.error + other.error, self.warning + other.warning, self.info + other.info
        )


@dataclass(frozen=True, slots=True)
class ReviewLogEntry:
    """One line of a design's review trail: ``- DATE: FROM -> TO by WHO: NOTE``.

    Attributes:
        date: ``YYYY-MM-DD`` as written.
        before: The status before the transition, as written.
        after: The status after it, as written.
        who: The handle that made it (may be empty).
        note: The note, or ``""``.
        line: The entry's line in the design.
    """

    date: str
    before: str
    after: str
    who: str = ""
    note: str = ""
    line: int = 0

    def as_dict(self) -> dict[str, str]:
        """``{date, from, to, by, note}``, as ``catalog.json`` and ``status --history`` write it."""
        return {
            "date": self.date,
            "from": self.before,
            "to": self.after,
            "by": self.who,
            "note": self.note,
        }


@fast_init
@dataclass(frozen=True, slots=True)
class DesignSummary:
    """What the plugin, the catalog and ``status`` need to know about one design.

    Summaries hold no document text, so a corpus of 10,000 designs stays small in memory.

    Attributes:
        id: The file name without ``.md`` and without a trailing ``-design``.
        path: The design's path as given (docs-relative in the plugin).
        title: Front matter ``title``, else the first level-1 heading, else the id, as
            plain text (inline Markdown rendered: :func:`~.document.inline.plain_title`).
        status: The review status, ``None`` when it is not a known status.
        status_text: The status as written (for unknown statuses).
        owner: Front matter ``owner`` or an empty string.
        module: Front matter ``module`` or an empty string.
        tags: Front matter ``tags``.
        depends_on: Front matter ``depends_on`` (design ids).
        superseded_by: Front matter ``superseded_by`` or ``None``.
        api_count: Number of method bullets in the API overview.
        complexity: Front matter ``complexity`` if valid, else from ``api_count``.
        sections_present: Required sections present and non-empty.
        sections_required: Number of required sections in the template.
        reviewer: The Design Review ``**Reviewer**:`` value (empty when unset).
        review_date: The Design Review ``**Review Date**:`` value (empty when unset).
        handoffs: Front matter handoffs.
        findings: Every finding on this design, after the severity policy.
        kind: ``"design"`` for a Level 1 design, ``"spec"`` for a Level 2 API spec.
        level1: For a spec, the id of the Level 1 design it specifies (``""`` otherwise).
        level2: For a design, front matter ``level2:`` (its spec's id) or ``""``.
        api_methods: The API overview's method names (placeholders excluded).
        api_fingerprint: A hash of those methods and their purposes (stale-spec check).
        escalated_to: Who an open escalation is with (``**Escalated**:``), or ``""``.
        review_log: The ``**Review Log**:`` entries, oldest first.
        level2_status: For a design, its Level 2 spec's status once linked (``""``: none).
        title_markdown: The title as written, inline Markdown and all (``""`` when a
            summary is built without it: then ``title`` is the source too).
        level2_stage: That spec's workflow stage (``None``: no spec, or an unknown status).
    """

    id: str
    path: str
    title: str
    status: Status | None
    status_text: str
    owner: str = ""
    module: str = ""
    tags: tuple[str, ...] = ()
    depends_on: tuple[str, ...] = ()
    superseded_by: str | None = None
    api_count: int = 0
    complexity: Complexity = Complexity.SIMPLE
    sections_present: int = 0
    sections_required: int = 0
    reviewer: str = ""
    review_date: str = ""
    handoffs: tuple[Handoff, ...] = ()
    findings: tuple[Finding, ...] = field(default_factory=tuple)
    kind: str = "design"
    level1: str = ""
    level2: str = ""
    api_methods: tuple[str, ...] = ()
    api_fingerprint: str = ""
    escalated_to: str = ""
    review_log: tuple[ReviewLogEntry, ...] = ()
    level2_status: str = ""
    title_markdown: str = ""
    level2_stage: Status | None = None

    @property
    def completeness(self) -> float:
        """Share of required sections present and non-empty, from 0.0 to 1.0."""
        if self.sections_required == 0:
            return 1.0
        return self.sections_present / self.sections_required

    @property
    def counts(self) -> FindingCounts:
        """Findings per severity."""
        return FindingCounts.of(self.findings)

    @property
    def effective_status(self) -> Status:
        """The status for workflow purposes: unknown statuses count as Draft."""
        return self.status if self.status is not None else Status.DRAFT

    @property
    def stage(self) -> Stage:
        """The handoff-chain stage (see :func:`handoff_stage`)."""
        # The spec's stage, not its spelling: a team's "Accepted" spec is approved too.
        level2 = self.level2_stage is Status.APPROVED if self.level2_status else None
        return handoff_stage(self.effective_status, level2)

    @property
    def ready_for_handoff(self) -> bool:
        """Approved with no error or warning finding: the seed's handoff gate."""
        counts = self.counts
        return self.status is Status.APPROVED and counts.error == 0 and counts.warning == 0


#: File names that stand for their folder (one design per folder, as in the KEPs).
FOLDER_PAGE_NAMES = frozenset({"readme", "index"})


def design_id_from_path(path: str) -> str:
    """Derive a design's id from its path: the file stem without a trailing ``-design``.

    A ``README.md`` or ``index.md`` stands for its folder, so its id is the folder's
    name (``keps/sig-x/1234-name/README.md`` is ``1234-name``).

    Args:
        path: A path with ``/`` or ``\\`` separators.

    Returns:
        The id, e.g. ``"order-service"`` for ``docs/design/order-service-design.md``.
    """
    # Without a backslash the split on either separator is the plain split on "/".
    pieces = path.split("/") if "\\" not in path else re.split(r"[\\/]", path)
    parts = [part for part in pieces if part not in ("", ".")]
    name = parts[-1] if parts else path
    if name.lower().endswith(".md"):
        name = name[:-3]
    if name.lower() in FOLDER_PAGE_NAMES and len(parts) > 1 and parts[-2] != "..":
        name = parts[-2]
    if name.lower().endswith("-design") and len(name) > len("-design"):
        name = name[: -len("-design")]
    return name


def design_id(path: str, declared: object = None) -> str:
    """A design's id: its ``id:`` front-matter value when set, else from its path.

    Args:
        path: The design's path.
        declared: The front matter's ``id`` value (a non-empty string to count).

    Returns:
        The id.
    """
    if isinstance(declared, str) and declared.strip():
        return declared.strip()
    return design_id_from_path(path)
