"""What the plugin adds to the site's config: its stylesheet, status titles, a mermaid check.

Nothing is ever written into ``docs_dir``: the stylesheet is a generated file (as
mkdocs-gen-files does it) that MkDocs copies to ``site_dir`` itself.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files

from mkdocs_archdesign.core.model import Status

log = get_plugin_logger(__name__)

#: Where the stylesheet lands in the built site (and its ``extra_css`` entry).
CSS_URI = "assets/archdesign/archdesign.css"

#: Material nav status slugs (``page.meta.status``) are prefixed so they never clash
#: with the theme's own ``new``/``deprecated`` or a site's custom statuses.
STATUS_PREFIX = "archdesign-"

MERMAID_HINT = (
    "handoff graphs and the catalog's dependency graph need a mermaid renderer, and none "
    "is configured. Add the mermaid2 plugin (plugins: [mermaid2]) or, with Material, a "
    "custom fence: markdown_extensions: [{pymdownx.superfences: {custom_fences: [{name: "
    "mermaid, class: mermaid, format: !!python/name:pymdownx.superfences.fence_code_format}"
    "]}}]; or set handoff_graph: false and catalog: false"
)


#: The Markdown extension's name in ``markdown_extensions`` (Zensical's way in).
EXTENSION_NAME = "mkdocs_archdesign.extension"


def drop_markdown_extension(config: MkDocsConfig) -> None:
    """Take the Markdown extension out of an MkDocs build that runs the plugin.

    A site moving to Zensical lists both; MkDocs must not render the blocks twice, and the
    plugin (which sees the whole build) is the better renderer wherever it runs.
    """
    extensions = config.markdown_extensions
    if EXTENSION_NAME not in extensions:
        return
    config.markdown_extensions = [name for name in extensions if name != EXTENSION_NAME]
    config.mdx_configs.pop(EXTENSION_NAME, None)
    log.info("%s is listed too; the archdesign plugin renders this build", EXTENSION_NAME)


def nav_status(slug: str) -> str:
    """The ``page.meta.status`` value for a design status slug, e.g. ``archdesign-approved``."""
    return STATUS_PREFIX + slug


def stylesheet() -> str:
    """The packaged stylesheet's text."""
    return (
        resources.files("mkdocs_archdesign")
        .joinpath("assets")
        .joinpath("archdesign.css")
        .read_text(encoding="utf-8")
    )


def add_stylesheet_link(config: MkDocsConfig) -> None:
    """List the stylesheet in ``extra_css`` once (a config object may be built twice)."""
    if CSS_URI not in [str(entry) for entry in config.extra_css]:
        config.extra_css.append(CSS_URI)


def add_stylesheet_file(files: Files, config: MkDocsConfig) -> None:
    """Add the stylesheet to the build as a generated file, unless the site ships one."""
    if files.get_file_from_path(CSS_URI) is not None:
        return
    files.append(File.generated(config, CSS_URI, content=stylesheet()))


def register_status_titles(config: MkDocsConfig) -> None:
    """Give every design status a title in ``extra.status`` (Material's nav tooltip).

    A site's own titles for the same slugs win; a non-mapping ``extra.status`` is left
    alone, because it is the site's and Material would not read it anyway.
    """
    extra: Any = config.extra
    titles = extra.get("status")
    if titles is None:
        titles = {}
        extra["status"] = titles
    if not isinstance(titles, dict):
        return
    for status in Status:
        titles.setdefault(nav_status(status.slug), f"Design: {status.value}")
    titles.setdefault(nav_status("unknown"), "Design: unknown status")


def mermaid_configured(config: MkDocsConfig) -> bool:
    """Whether the mermaid2 plugin or a ``mermaid`` superfences custom fence is set up."""
    if "mermaid2" in config.plugins:
        return True
    superfences = config.mdx_configs.get("pymdownx.superfences") or {}
    fences = superfences.get("custom_fences") or []
    return any(isinstance(fence, dict) and fence.get("name") == "mermaid" for fence in fences)
