"""The one schema of the ``archdesign:`` options, shared by the plugin and the CLI.

MkDocs validates the plugin's options through :mod:`mkdocs_archdesign.plugin.config`,
whose every option delegates to :func:`parse_option` here; the CLI reads the same
mapping from ``mkdocs.yml`` and calls :func:`settings_from_options`. So both
normalise (``rules: {ad203: off}`` is ``AD203: off``) and refuse (``rules: {AD999X: off}``,
``designs: []``) identically, with the same one-line message naming the option.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs_archdesign.core.config.settings import (
    DEFAULT_DESIGNS,
    DEFAULT_LEVEL2_SPECS,
    DraftPolicy,
    RuleLevel,
    Settings,
)
from mkdocs_archdesign.core.config.statuses import StatusVocabulary
from mkdocs_archdesign.core.files import DEFAULT_MAX_FILE_BYTES, MAX_FILE_BYTES_LIMIT
from mkdocs_archdesign.core.model import FailOn

#: The workflow roles and their default display names (``roles:`` renames them).
DEFAULT_ROLES: dict[str, str] = {
    "architect": "python-architect",
    "api-designer": "python-api-designer",
    "coder-specialist": "python-coder-specialist",
    "code-reviewer": "python-code-reviewer",
    "doc-writer": "python-doc-writer",
    "tech-lead": "python-tech-lead",
    "stakeholders": "stakeholder input",
}

#: The rule reference page finding codes link to by default.
DEFAULT_RULES_URL = "https://mkdocs-archdesign.readthedocs.io/en/latest/rules/"

_RULE_CODE_RE = re.compile(r"^AD\d{3}$")


class ShowFindings(str, enum.Enum):
    """When the findings box is shown on design pages."""

    SERVE = "serve"
    ALWAYS = "always"
    NEVER = "never"


class OptionError(ValueError):
    """An option has a wrong type or value.

    Attributes:
        option: The option's name, e.g. ``rules``.
        detail: What is wrong, without the option name (MkDocs adds its own prefix).
    """

    def __init__(self, option: str, detail: str) -> None:
        super().__init__(f"{option}: {detail}")
        self.option = option
        self.detail = detail


def _choices(enum_type: type[enum.Enum]) -> str:
    return ", ".join(str(member.value) for member in enum_type)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"expected true or false, got {value!r}")
    return value


def _bool_or(*words: str) -> Callable[[Any], bool | str]:
    """A parser for ``true``, ``false`` or one of ``words`` (e.g. ``auto``, ``mermaid``)."""

    def parse(value: Any) -> bool | str:
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in words:
            return value.strip().lower()
        raise ValueError(f"expected true, false or {', '.join(words)}, got {value!r}")

    return parse


#: ``nav_status: auto`` shows Material's nav icons up to this many designs. Material writes
#: every nav entry's icon into every page, so the cost grows with pages x designs (measured
#: on docs/performance.md).
NAV_STATUS_AUTO_LIMIT = 50


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"expected a non-empty string, got {value!r}")
    return value.strip()


def _string_list(value: Any) -> tuple[str, ...]:
    # Tuples are what this parser returns: parsing a parsed value must be the identity.
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)) or not all(
        isinstance(v, str) and v.strip() for v in items
    ):
        raise ValueError(f"expected a list of non-empty strings, got {value!r}")
    if not items:
        raise ValueError("expected at least one entry, got an empty list")
    return tuple(v.strip() for v in items)


def _enum(enum_type: type[enum.Enum]) -> Callable[[Any], Any]:
    def parse(value: Any) -> Any:
        if isinstance(value, enum_type):
            return value
        # YAML reads a bare ``off`` as False; users mean the level ``off``.
        text = "off" if value is False else str(value).strip().lower()
        for member in enum_type:
            if member.value == text:
                return member
        raise ValueError(f"{value!r} is not one of {_choices(enum_type)}")

    return parse


def _section_levels(value: Any) -> tuple[int, ...]:
    items = [value] if isinstance(value, int) else value
    if (
        not isinstance(items, (list, tuple))
        or not items
        or not all(isinstance(v, int) and not isinstance(v, bool) and 1 <= v <= 6 for v in items)
    ):
        raise ValueError(f"expected heading levels 1 to 6, got {value!r}")
    return tuple(sorted(set(items)))


def _rules(value: Any) -> dict[str, RuleLevel]:
    if not isinstance(value, Mapping):
        raise ValueError(f"expected a mapping of rule codes to {_choices(RuleLevel)}")
    levels: dict[str, RuleLevel] = {}
    parse_level = _enum(RuleLevel)
    for code, level in value.items():
        key = str(code).strip().upper()
        if not _RULE_CODE_RE.match(key):
            raise ValueError(f"{code!r} is not a rule code (expected e.g. AD101)")
        try:
            levels[key] = parse_level(level)
        except ValueError as exc:
            raise ValueError(f"{key}: {exc}") from None
    return levels


def _roles(value: Any) -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ValueError("expected a mapping of role keys to display names")
    names: dict[str, str] = {}
    for key, name in value.items():
        if key not in DEFAULT_ROLES:
            raise ValueError(f"unknown role {key!r}; expected one of: {', '.join(DEFAULT_ROLES)}")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{key}: the display name is empty")
        names[str(key)] = name
    return names


def _catalog_page(value: Any) -> str:
    path = value.strip().replace("\\", "/") if isinstance(value, str) else ""
    parts = path.split("/")
    if not path.endswith(".md") or path.startswith("/") or ".." in parts or "" in parts:
        raise ValueError(
            f"expected a Markdown path inside docs_dir such as design/index.md, got {value!r}"
        )
    return path


def _docs_folder(value: Any) -> str:
    path = value.strip().replace("\\", "/").strip("/") if isinstance(value, str) else ""
    if not path or ".." in path.split("/"):
        raise ValueError(f"expected a folder inside docs_dir such as design/api, got {value!r}")
    return path


def _file_bytes(value: Any) -> int:
    if (
        not isinstance(value, int)
        or isinstance(value, bool)
        or not 1 <= value <= MAX_FILE_BYTES_LIMIT
    ):
        raise ValueError(
            f"expected a whole number of bytes from 1 to {MAX_FILE_BYTES_LIMIT} (1 GiB), "
            f"got {value!r}"
        )
    return value


@dataclass(frozen=True, slots=True)
class OptionSpec:
    """One option of the schema: its parser and its default (already normalised)."""

    parse: Callable[[Any], Any]
    default: Any


#: Every ``archdesign:`` option, in the order the configuration page lists them.
OPTIONS: dict[str, OptionSpec] = {
    "enabled": OptionSpec(_bool, True),
    "designs": OptionSpec(_string_list, DEFAULT_DESIGNS),
    "template": OptionSpec(_text, None),
    "section_levels": OptionSpec(_section_levels, (2,)),
    "rules": OptionSpec(_rules, {}),
    "fail_on": OptionSpec(_enum(FailOn), FailOn.ERROR),
    "draft_findings": OptionSpec(_enum(DraftPolicy), DraftPolicy.DOWNGRADE),
    "statuses": OptionSpec(StatusVocabulary.parse, StatusVocabulary.default()),
    "handoff_graph": OptionSpec(_bool_or("stepper", "mermaid"), True),
    "nav_status": OptionSpec(_bool_or("auto"), "auto"),
    "show_findings": OptionSpec(_enum(ShowFindings), ShowFindings.SERVE),
    "badge": OptionSpec(_bool, True),
    "roles": OptionSpec(_roles, {}),
    "rules_url": OptionSpec(_text, DEFAULT_RULES_URL),
    "catalog": OptionSpec(_bool, True),
    "catalog_page": OptionSpec(_catalog_page, "design/index.md"),
    "level2_specs": OptionSpec(_string_list, DEFAULT_LEVEL2_SPECS),
    "level2_template": OptionSpec(_text, None),
    "level2_folder": OptionSpec(_docs_folder, None),
    "max_file_bytes": OptionSpec(_file_bytes, DEFAULT_MAX_FILE_BYTES),
}


def parse_option(name: str, value: Any) -> Any:
    """Normalise one option's value (``None`` means its default).

    Args:
        name: A key of :data:`OPTIONS`.
        value: The value as read from YAML.

    Returns:
        The normalised value (enums for closed sets, tuples for lists).

    Raises:
        OptionError: If the value has the wrong type or is not allowed.
    """
    spec = OPTIONS[name]
    if value is None:
        return spec.default
    try:
        return spec.parse(value)
    except ValueError as exc:
        raise OptionError(name, str(exc)) from None


def unknown_option_warnings(options: Mapping[str, Any]) -> list[str]:
    """One line per option name the schema does not know, with the closest known name.

    Args:
        options: The ``archdesign:`` mapping.

    Returns:
        Messages such as ``show_finding: unknown option (did you mean show_findings?)``.
    """
    warnings = []
    for name in options:
        if name in OPTIONS:
            continue
        import difflib  # noqa: PLC0415 - only an unknown option needs it

        close = difflib.get_close_matches(str(name), list(OPTIONS), n=1)
        hint = f" (did you mean {close[0]}?)" if close else ""
        warnings.append(f"{name}: unknown option{hint}")
    return warnings


def settings_from_options(options: Mapping[str, Any], config_dir: Path | None = None) -> Settings:
    """Turn an ``archdesign:`` options mapping into validator settings.

    Args:
        options: The plugin's options as read from ``mkdocs.yml`` (raw or already parsed).
        config_dir: The folder of ``mkdocs.yml``; a relative ``template`` is resolved in it.

    Returns:
        The settings.

    Raises:
        OptionError: On the first option (in schema order) with a wrong type or value.
    """
    values = {name: parse_option(name, options.get(name)) for name in OPTIONS}
    template = values["template"]
    if template is not None and config_dir is not None:
        template = str(config_dir / template)
    level2_template = values["level2_template"]
    if level2_template is not None and config_dir is not None:
        level2_template = str(config_dir / level2_template)
    return Settings(
        designs=values["designs"],
        template=template,
        section_levels=values["section_levels"],
        rules=values["rules"],
        draft_findings=values["draft_findings"],
        statuses=values["statuses"],
        fail_on=values["fail_on"],
        level2_specs=values["level2_specs"],
        level2_template=level2_template,
        level2_folder=values["level2_folder"],
        max_file_bytes=values["max_file_bytes"],
    )


__all__ = [
    "DEFAULT_ROLES",
    "DEFAULT_RULES_URL",
    "OPTIONS",
    "OptionError",
    "OptionSpec",
    "ShowFindings",
    "parse_option",
    "settings_from_options",
    "unknown_option_warnings",
]
