"""Make a design page's front matter safe for the theme before any template reads it.

MkDocs parses front matter itself and hands ``page.meta`` to the theme, and themes print
some of it raw: Material writes ``page.meta.title`` unescaped into the navigation, the
tabs, the header, ``<title>`` and the footer of *every* page, ``description`` and ``author``
into ``<meta>`` attributes, ``subtitle`` into the nav, and tag names into tag lists. A
design titled ``<img src=x onerror=...>`` would run script site-wide. Design authors are
untrusted, so for design pages these values are replaced by escaped text (a
:class:`markupsafe.Markup`, so a template's own ``| e`` does not escape them twice), and
values of the wrong type, or a YAML alias bomb, are dropped: the validator reports them.
"""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from markupsafe import Markup

from mkdocs_archdesign.core.document.frontmatter import MAX_VALUES, exceeds_values
from mkdocs_archdesign.core.escape import html_text

#: Front-matter keys that MkDocs' and Material's templates print as text or attributes.
TEXT_KEYS = ("title", "description", "author", "subtitle")

#: Keys whose value is a list of names printed as text (Material's tags plugin).
LIST_KEYS = ("tags",)


def neutralise_meta(meta: MutableMapping[str, Any]) -> None:
    """Escape, in place, every front-matter value a theme prints; drop what is unsafe.

    Args:
        meta: ``page.meta`` of a design page, as MkDocs parsed it.
    """
    if exceeds_values(meta, MAX_VALUES):
        # MkDocs' own parse does not bound aliases; no theme or plugin may walk this.
        meta.clear()
        return
    for key in TEXT_KEYS:
        if key in meta:
            text = _scalar_text(meta[key])
            if text is None:
                del meta[key]
            else:
                meta[key] = Markup(html_text(text))
    for key in LIST_KEYS:
        if key in meta:
            names = _name_list(meta[key])
            if names is None:
                del meta[key]
            else:
                meta[key] = [Markup(html_text(name)) for name in names]


def _scalar_text(value: object) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (str, int, float)):
        return str(value)
    return None


def _name_list(value: object) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        return None
    names = [_scalar_text(item) for item in value]
    return [name for name in names if name is not None]
