"""Make a design page's front matter safe for the theme before any template reads it.

MkDocs parses front matter itself and hands ``page.meta`` to the theme, and themes print
some of it raw: Material writes ``page.meta.title`` unescaped into the navigation, the
tabs, the header, ``<title>`` and the footer of *every* page, ``description`` and ``author``
into ``<meta>`` attributes, ``subtitle`` into the nav, the revision dates into the page
footer, and tag names into tag lists (the full list, taken from the theme templates, is in
:mod:`mkdocs_archdesign.core.document.theme_keys`). Design authors are untrusted, so for
design pages these values are replaced by escaped text (a :class:`markupsafe.Markup`, so a
template's own ``| e`` does not escape them twice), and values of the wrong type, or a
YAML alias bomb, are dropped: the validator reports them.

Keys the theme interprets (``hide``, ``search``, ``template``, ``icon``) are dropped when
their shape is wrong, or when they name a template or icon the theme does not have: any of
those raises inside the theme and aborts the whole build (and freezes ``mkdocs serve``).
"""

from __future__ import annotations

from collections.abc import Callable, MutableMapping
from typing import Any

from markupsafe import Markup

from mkdocs_archdesign.core.document.frontmatter import MAX_VALUES, exceeds_values
from mkdocs_archdesign.core.document.theme_keys import (
    PRINTED_LIST_KEYS,
    PRINTED_TEXT_KEYS,
    printed_text,
    theme_key_problems,
)
from mkdocs_archdesign.core.escape import html_text


def neutralise_meta(
    meta: MutableMapping[str, Any], has_template: Callable[[str], bool] | None = None
) -> list[str]:
    """Escape, in place, every front-matter value a theme prints; drop what is unsafe.

    Args:
        meta: ``page.meta`` of a design page, as MkDocs parsed it.
        has_template: Whether the theme has a template of this name (``main.html``,
            ``.icons/material/pencil.svg``); ``None`` skips the existence check.

    Returns:
        One message per dropped interpreted key, for the build log.
    """
    if exceeds_values(meta, MAX_VALUES):
        # MkDocs' own parse does not bound aliases; no theme or plugin may walk this.
        meta.clear()
        return []
    dropped: list[str] = []
    for key, message in theme_key_problems(meta):
        if key not in PRINTED_TEXT_KEYS:
            del meta[key]
            dropped.append(f"{message}; ignored")
    if has_template is not None:
        dropped.extend(_drop_missing(meta, has_template))
    for key in PRINTED_TEXT_KEYS:
        if key in meta:
            text = printed_text(meta[key])
            if text is None:
                del meta[key]
            else:
                meta[key] = Markup(html_text(text))
    for key in PRINTED_LIST_KEYS:
        if key in meta:
            names = _name_list(meta[key])
            if names is None:
                del meta[key]
            else:
                meta[key] = [Markup(html_text(name)) for name in names]
    return dropped


def _drop_missing(meta: MutableMapping[str, Any], has_template: Callable[[str], bool]) -> list[str]:
    dropped = []
    template = meta.get("template")
    if isinstance(template, str) and not has_template(template):
        del meta["template"]
        dropped.append(f"front matter 'template' {template!r} is not a theme template; ignored")
    icon = meta.get("icon")
    if isinstance(icon, str) and not has_template(f".icons/{icon}.svg"):
        del meta["icon"]
        dropped.append(f"front matter 'icon' {icon!r} is not an icon of the theme; ignored")
    return dropped


def _name_list(value: object) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        return None
    names = [printed_text(item) for item in value]
    return [name for name in names if name is not None]
