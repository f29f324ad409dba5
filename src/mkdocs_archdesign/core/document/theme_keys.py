"""Front-matter keys that themes print or interpret, and what a design may put in them.

MkDocs hands ``page.meta`` to the theme unchanged. The themes this project supports
(Material and MkDocs' own ``mkdocs`` and ``readthedocs``) do two things with it:

* they **print** some values into HTML without escaping (enumerated from the theme
  templates: Material's ``base.html``, ``partials/header.html``, ``nav-item.html``,
  ``source-file.html``, ``redirect.html`` and ``tags.html``, and ``mkdocs``'s
  ``content.html``) — those are :data:`PRINTED_TEXT_KEYS` and :data:`PRINTED_LIST_KEYS`;
* they **interpret** others, and a value of the wrong shape raises inside a template
  (``"toc" in 5``), or names a template or icon that does not exist — either aborts the
  whole build and freezes ``mkdocs serve``. Those are :data:`INTERPRETED_KEYS`.

The plugin escapes the first group and drops invalid values of the second before the
theme sees them; the AD001 rule reports the same problems with :func:`theme_key_problems`,
so ``check`` and the build agree.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping

#: Keys printed as text: ``title`` (header, nav, tabs, ``<title>``, footer, feedback),
#: ``description``/``author`` (``<meta>`` attributes), ``subtitle`` (nav), the three
#: revision dates (Material's page footer), ``location`` (``redirect.html``, also inside a
#: script string).
PRINTED_TEXT_KEYS = (
    "title",
    "description",
    "author",
    "subtitle",
    "revision_date",
    "git_revision_date_localized",
    "git_creation_date_localized",
    "location",
)

#: Keys holding a list of names printed as text: ``tags`` (Material's tags plugin) and
#: ``source`` (the ``mkdocs`` theme's source-file labels).
PRINTED_LIST_KEYS = ("tags", "source")

#: The parts ``hide`` may name in Material (others are ignored by the theme).
HIDE_NAMES = frozenset({"navigation", "toc", "footer", "path", "tags", "feedback"})

#: Keys a theme or MkDocs interprets; see :func:`theme_key_problems` for their shapes.
INTERPRETED_KEYS = ("hide", "search", "template", "icon")

#: A Material icon reference (``material/pencil``, ``fontawesome/solid/user``).
_ICON_RE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}(?:/[a-z0-9][a-z0-9_.-]{0,63}){1,3}")
#: A theme template name (``main.html``, ``overrides/design.html``), never leaving the theme.
_TEMPLATE_RE = re.compile(
    r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}(?:/[A-Za-z0-9_-][A-Za-z0-9_.-]{0,99}){0,4}"
)


def printed_text(value: object) -> str | None:
    """The text a printed scalar stands for, or ``None`` when it is not a scalar.

    Dates (YAML reads ``2026-01-02`` as a date) print as ISO dates; booleans and null,
    which a theme would print as ``True``/``None``, count as not text.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


def theme_key_problems(meta: Mapping[str, object]) -> list[tuple[str, str]]:
    """Every front-matter value a theme would print or interpret that has the wrong shape.

    Args:
        meta: The front matter mapping.

    Returns:
        ``(key, message)`` pairs, in key order; an empty list when all is well.
    """
    problems: list[tuple[str, str]] = []
    for key in PRINTED_TEXT_KEYS:
        if key in meta and meta[key] is not None and printed_text(meta[key]) is None:
            problems.append((key, f"front matter '{key}' must be text, not a {_kind(meta[key])}"))
    for key in INTERPRETED_KEYS:
        if key in meta and meta[key] is not None:
            message = _interpreted_problem(key, meta[key])
            if message is not None:
                problems.append((key, message))
    return problems


def _interpreted_problem(key: str, value: object) -> str | None:
    if key == "hide":
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            names = ", ".join(sorted(HIDE_NAMES))
            return f"front matter 'hide' must be a list of names ({names})"
        return None
    if key == "search":
        return _search_problem(value)
    if key == "template":
        if not isinstance(value, str) or not _TEMPLATE_RE.fullmatch(value) or ".." in value:
            return "front matter 'template' must be a theme template name such as 'main.html'"
        if not value.endswith(".html"):
            return f"front matter 'template' must name an .html template, not {value!r}"
        return None
    if not isinstance(value, str) or not _ICON_RE.fullmatch(value) or ".." in value:
        return "front matter 'icon' must be an icon name such as 'material/pencil'"
    return None


def _search_problem(value: object) -> str | None:
    if not isinstance(value, dict):
        return "front matter 'search' must be a mapping such as {exclude: true} or {boost: 2}"
    unknown = sorted(str(name) for name in value if name not in ("exclude", "boost"))
    if unknown:
        return f"front matter 'search' has unknown keys: {', '.join(unknown)} (use exclude, boost)"
    if "exclude" in value and not isinstance(value["exclude"], bool):
        return "front matter 'search.exclude' must be true or false"
    boost = value.get("boost")
    if "boost" in value and (isinstance(boost, bool) or not isinstance(boost, (int, float))):
        return "front matter 'search.boost' must be a number"
    return None


def _kind(value: object) -> str:
    return type(value).__name__
