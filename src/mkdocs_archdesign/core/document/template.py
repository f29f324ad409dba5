"""The design template, which is also the schema of required sections.

The required sections are the template's level-2 headings (``section_levels`` widens
that), except headings that end in ``(Optional)``. Headings are matched loosely, the
way people actually retitle sections: see :func:`normalise_heading`.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_archdesign.core.document import sections
from mkdocs_archdesign.core.document.scanner import ScannedDesign, scan_design
from mkdocs_archdesign.core.files import UnreadableFileError, packaged_text, read_text

DEFAULT_TEMPLATE_NAME = "design.md.j2"

#: The packaged Level 2 API specification template (``handoff`` and the AD5xx rules).
LEVEL2_TEMPLATE_NAME = "level2.md.j2"

_LEADING_NUMBER_RE = re.compile(
    r"^(?:(?:section|part|chapter)\s+\d+(?:\.\d+)*\s*[:.)\-]?\s*|\d+(?:\.\d+)*\s*[.):\-]?\s+)"
)
_OPTIONAL_RE = re.compile(r"\s*\(optional\)\s*$", re.IGNORECASE)
_PUNCT_RE = re.compile(r"[`*_:]+")
_SPACE_RE = re.compile(r"\s+")


class TemplateError(Exception):
    """The template cannot be read or has no required sections; the message is one line."""


def normalise_heading(text: str) -> str:
    """Fold a heading into the key used to match it against the template.

    Case is ignored; a leading number (``1.``, ``1)``, ``4.4``, ``Section 1:``) is dropped;
    ``&`` equals ``and``; hyphens equal spaces; a trailing ``Overview`` is optional;
    ``(Optional)``, emphasis and code marks are ignored.

    Args:
        text: The heading as written.

    Returns:
        The comparison key, e.g. ``"concurrency and performance requirements"``.
    """
    key = _OPTIONAL_RE.sub("", text)
    key = _PUNCT_RE.sub(" ", key).strip().lower()
    key = _LEADING_NUMBER_RE.sub("", key)
    key = key.replace("&", " and ").replace("-", " ").replace("\u2011", " ")
    key = _SPACE_RE.sub(" ", key).strip().rstrip(".")
    if key.endswith(" overview"):
        key = key[: -len(" overview")].rstrip()
    return key


@dataclass(frozen=True, slots=True)
class RequiredSection:
    """A section the template requires: its title as written, match key and level."""

    title: str
    key: str
    level: int

    @property
    def display_title(self) -> str:
        """The title without a leading number (``"Context and Scope"``)."""
        return _LEADING_NUMBER_RE.sub("", self.title.strip()).strip() or self.title


@dataclass(frozen=True, slots=True)
class Template:
    """A loaded template.

    Attributes:
        source: The template text (Jinja2 source).
        origin: Where it came from (a path, or ``"<default>"``).
        required: The required sections, in template order.
        optional_keys: Keys of ``(Optional)`` sections.
        example_lines: Prose lines of the template that a finished design should not keep.
        digest: A content hash of ``source``, for cache invalidation.
        positions: Each required key's index in ``required``, so a lookup is one dict
            access: rules look sections up per heading, and a linear scan made a
            template of 20,000 sections quadratic.
    """

    source: str
    origin: str
    required: tuple[RequiredSection, ...]
    optional_keys: frozenset[str]
    example_lines: frozenset[str]
    digest: str
    positions: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Index the required sections by key (first occurrence wins, as in ``find``)."""
        if not self.positions:
            index: dict[str, int] = {}
            for position, section in enumerate(self.required):
                index.setdefault(section.key, position)
            self.positions.update(index)

    @property
    def is_default(self) -> bool:
        """Whether this is the packaged default template."""
        return self.origin == "<default>"

    def find(self, key: str) -> RequiredSection | None:
        """Return the required section with this match key, if any."""
        position = self.positions.get(key)
        return None if position is None else self.required[position]


def default_template_source(name: str = DEFAULT_TEMPLATE_NAME) -> str:
    """Read a packaged template: the design template by default, or ``name``."""
    return packaged_text("templates", name)


_cache: dict[tuple[str, str, tuple[int, ...]], Template] = {}


def load_template(
    path: str | Path | None = None,
    levels: tuple[int, ...] = (2,),
    default: str = DEFAULT_TEMPLATE_NAME,
) -> Template:
    """Load the default template or a user's template file.

    Args:
        path: A template file (Markdown, optionally Jinja2), or ``None`` for the default.
        levels: Heading levels that count as required sections.
        default: The packaged template used when ``path`` is ``None``
            (:data:`LEVEL2_TEMPLATE_NAME` for Level 2 specs).

    Returns:
        The template with its schema.

    Raises:
        TemplateError: If the file cannot be read, is not UTF-8 text, or has no
            required section.
    """
    if path is None:
        source = default_template_source(default)
        origin = "<default>" if default == DEFAULT_TEMPLATE_NAME else f"<default:{default}>"
    else:
        origin = str(path)
        try:
            source = read_text(path, "template")
        except UnreadableFileError as exc:
            raise TemplateError(str(exc)) from None
    cache_key = (origin, source, levels)
    cached = _cache.get(cache_key)
    if cached is not None:
        return cached
    template = parse_template(source, origin, levels)
    if len(_cache) > 16:
        _cache.clear()
    _cache[cache_key] = template
    return template


def parse_template(
    source: str, origin: str = "<string>", levels: tuple[int, ...] = (2,)
) -> Template:
    """Derive the schema from a template's source.

    Args:
        source: The template text.
        origin: Where it came from, for messages.
        levels: Heading levels that count as required sections.

    Returns:
        The template.

    Raises:
        TemplateError: If no heading of the given levels is required.
    """
    scanned = scan_design(source, origin)
    required: list[RequiredSection] = []
    optional: set[str] = set()
    seen: set[str] = set()
    for heading in scanned.headings:
        if heading.level not in levels or "{{" in heading.text or "{%" in heading.text:
            continue
        key = normalise_heading(heading.text)
        if not key:
            continue
        if _OPTIONAL_RE.search(heading.text):
            optional.add(key)
            continue
        if key in seen:
            continue
        seen.add(key)
        required.append(RequiredSection(heading.text.strip(), key, heading.level))
    if not required:
        wanted = ", ".join(str(level) for level in levels)
        raise TemplateError(
            f"template {origin} has no required section (no level {wanted} heading)"
        )
    examples = _example_lines(scanned)
    digest = hashlib.sha256(source.encode("utf-8")).hexdigest()[:16]
    return Template(source, origin, tuple(required), frozenset(optional), examples, digest)


def _example_lines(scanned: ScannedDesign) -> frozenset[str]:
    """Prose lines that only make sense as template guidance."""
    review_start = None
    for heading in scanned.headings:
        if normalise_heading(heading.text) == sections.REVIEW:
            review_start = heading.line
            break
    skip_lines: set[int] = set()
    for node in scanned.nodes:
        skip_lines.update(label.line for label in node.labels)
        skip_lines.update(item.line for item in node.items if item.checked is not None)
        skip_lines.update(table.line for table in node.tables)
    lines: set[str] = set()
    for lineno, text in scanned.all_prose():
        if lineno in skip_lines or (review_start is not None and lineno > review_start):
            continue
        if "{{" in text or "{%" in text or text.startswith("|") or len(text) < 12:
            continue
        lines.add(normalise_prose(text))
    return frozenset(lines)


def normalise_prose(text: str) -> str:
    """Fold a prose line for comparison with the template's example lines."""
    return _SPACE_RE.sub(" ", text.strip()).lower()
