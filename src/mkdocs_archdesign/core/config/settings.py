"""Validator settings shared by ``check`` and the plugin (read from the plugin config)."""

from __future__ import annotations

import enum
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from mkdocs_archdesign.core.config.statuses import StatusVocabulary
from mkdocs_archdesign.core.files import DEFAULT_MAX_FILE_BYTES
from mkdocs_archdesign.core.model import FailOn, Severity, Status

#: The glob, relative to the docs folder, that selects design pages by default.
DEFAULT_DESIGNS = ("design/**/*.md",)

#: The glob, relative to the docs folder, that selects Level 2 API specifications by default.
DEFAULT_LEVEL2_SPECS = ("design/**/*-api-spec.md",)


class RuleLevel(str, enum.Enum):
    """A per-rule setting in ``rules:``: turn the rule off or give it a severity."""

    OFF = "off"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class DraftPolicy(str, enum.Enum):
    """``draft_findings:``: whether findings on Draft designs are downgraded to info."""

    DOWNGRADE = "downgrade"
    KEEP = "keep"


#: Per-rule setting values accepted in ``rules:``.
RULE_LEVELS = tuple(level.value for level in RuleLevel)


class SettingsError(ValueError):
    """A settings value is invalid; the message is one line naming the option."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How designs are validated.

    Attributes:
        designs: Globs (relative to the docs folder) that select design pages.
        template: A custom template path, or ``None`` for the packaged default.
        section_levels: Template heading levels that count as required sections.
        rules: Per-code overrides: ``"off"``, ``"info"``, ``"warning"`` or ``"error"``.
        draft_findings: ``"downgrade"`` (Draft findings become info) or ``"keep"``.
        statuses: The accepted review statuses and the workflow stage of each (a list
            of names or a mapping of names and ``*`` patterns to stages is converted).
        fail_on: The threshold that fails a build or a ``check`` run.
        select: If set, only these codes (or code prefixes such as ``AD2``) run.
        ignore: Codes (or prefixes) that never run.
        level2_specs: Globs (relative to the docs folder) that select Level 2 API
            specifications; a file they match is a spec, never a Level 1 design.
        level2_template: A custom Level 2 template path, or ``None`` for the packaged one.
        level2_folder: Where ``handoff`` writes specs (docs-relative), or ``None`` to
            write each beside its design.
        max_file_bytes: The size cap on every design and spec read; a larger file gets
            AD000 with the reason.
    """

    designs: tuple[str, ...] = DEFAULT_DESIGNS
    template: str | None = None
    section_levels: tuple[int, ...] = (2,)
    rules: Mapping[str, RuleLevel] = field(default_factory=dict)
    draft_findings: DraftPolicy = DraftPolicy.DOWNGRADE
    statuses: StatusVocabulary = field(default_factory=StatusVocabulary.default)
    fail_on: FailOn = FailOn.ERROR
    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    level2_specs: tuple[str, ...] = DEFAULT_LEVEL2_SPECS
    level2_template: str | None = None
    level2_folder: str | None = None
    max_file_bytes: int = DEFAULT_MAX_FILE_BYTES

    def __post_init__(self) -> None:
        # Callers in code may pass plain strings; store the enums so every comparison
        # downstream sees one closed set (the options schema already passes enums).
        levels: dict[str, RuleLevel] = {}
        for code, level in self.rules.items():
            try:
                levels[code.upper()] = RuleLevel(str(getattr(level, "value", level)).lower())
            except ValueError:
                raise SettingsError(
                    f"rules: {code}: {level!r} is not one of {', '.join(RULE_LEVELS)}"
                ) from None
        object.__setattr__(self, "rules", levels)
        try:
            policy = DraftPolicy(self.draft_findings)
        except ValueError:
            raise SettingsError(
                f"draft_findings: {self.draft_findings!r} is not one of downgrade, keep"
            ) from None
        object.__setattr__(self, "draft_findings", policy)
        try:
            object.__setattr__(self, "statuses", StatusVocabulary.parse(self.statuses))
        except ValueError as exc:
            raise SettingsError(f"statuses: {exc}") from None

    def stage_of(self, status_text: str) -> Status | None:
        """The workflow stage of a status as written, ``None`` when it is not configured."""
        return self.statuses.stage_of(status_text)

    @property
    def draft_word(self) -> str:
        """What a design with no status is called: the team's Draft name, else ``Draft``."""
        return self.statuses.name_for(Status.DRAFT) or Status.DRAFT.value

    def rule_enabled(self, code: str) -> bool:
        """Whether the rule ``code`` runs under ``select``, ``ignore`` and ``rules``."""
        if self.select and not any(code.startswith(prefix) for prefix in self.select):
            return False
        if any(code.startswith(prefix) for prefix in self.ignore):
            return False
        return self.rules.get(code) is not RuleLevel.OFF

    def severity_for(self, code: str, default: Severity) -> Severity:
        """The configured severity of ``code`` (its default unless overridden)."""
        level = self.rules.get(code)
        if level is None or level is RuleLevel.OFF:
            return default
        return Severity.parse(level.value)

    def fingerprint(self) -> str:
        """A stable hash of every setting that changes findings (for caches)."""
        payload = json.dumps(
            [
                self.template,
                self.level2_template,
                self.section_levels,
                sorted((k, v.value) for k, v in self.rules.items()),
                self.draft_findings.value,
                self.statuses.as_json(),
                sorted(self.select),
                sorted(self.ignore),
            ]
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]
