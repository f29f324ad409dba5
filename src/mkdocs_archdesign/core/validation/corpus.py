"""Find design files on disk and validate them as one corpus (used by every CLI command)."""

from __future__ import annotations

import fnmatch
import functools
import gc
import os
import re
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Literal, overload

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.catalog_fence import is_catalog_page
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.files import RealPaths
from mkdocs_archdesign.core.model import FOLDER_PAGE_NAMES, DesignSummary
from mkdocs_archdesign.core.validation.validator import (
    DesignResult,
    check_corpus,
    check_design,
    read_design_source,
)

_Matcher = Callable[[str], "re.Match[str] | None"]


class CorpusError(Exception):
    """A path given by the user does not exist or cannot be listed (one-line message)."""


def match_glob(relative: str, pattern: str) -> bool:
    """Match a ``/``-separated relative path against a glob where ``**/`` spans folders.

    ``design/**/*.md`` matches ``design/a.md`` and ``design/x/y/a.md``, as in MkDocs'
    own globs and in gitignore.
    """
    return any(fnmatch.fnmatchcase(relative, form) for form in _glob_forms(pattern))


def _glob_forms(pattern: str) -> list[str]:
    """The fnmatch patterns a glob stands for: a first ``**/`` spans no folder or some."""
    if "**/" not in pattern:
        return [pattern]
    return [pattern, pattern.replace("**/", "", 1), pattern.replace("**/", "*/", 1)]


def is_design_path(relative: str, globs: Sequence[str]) -> bool:
    """Whether a docs-relative path (``/`` separators) is selected by ``globs``.

    The same verdict as :func:`match_glob` for each glob, from one compiled pattern:
    listing a corpus asks this of every file under the docs folder.
    """
    return _glob_set(tuple(globs))(relative) is not None


@functools.lru_cache(maxsize=64)
def _glob_set(globs: tuple[str, ...]) -> _Matcher:
    """One ``match`` for "any of ``globs``", each with :func:`match_glob`'s ``**/`` forms."""
    forms = [form for pattern in globs for form in _glob_forms(pattern)]
    # fnmatch.translate anchors each form at the end and numbers its groups uniquely, so
    # the alternation matches exactly when fnmatchcase matches one of the forms.
    joined = "|".join(f"(?:{fnmatch.translate(form)})" for form in forms) or "(?!)"
    return re.compile(joined).match


def discover(paths: Iterable[Path], suffixes: tuple[str, ...] = (".md",)) -> list[Path]:
    """Expand files and folders into a sorted list of Markdown files.

    Args:
        paths: Files (taken as they are) and folders (walked, hidden folders skipped).
        suffixes: File endings that count as designs inside folders.

    Returns:
        Files in a stable order, without duplicates.

    Raises:
        CorpusError: If a path does not exist.
    """
    found: dict[str, Path] = {}
    for path in paths:
        if not path.exists():
            raise CorpusError(f"path does not exist: {path}")
        if path.is_file():
            found.setdefault(str(path), path)
            continue
        for root, dirs, files in os.walk(path):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            folder = Path(root)
            for name in sorted(files):
                if name.endswith(suffixes):
                    candidate = folder / name
                    found.setdefault(str(candidate), candidate)
    return sorted(found.values(), key=lambda p: p.as_posix())


def configured_designs(docs_dir: Path, globs: Sequence[str]) -> list[Path]:
    """Every file under ``docs_dir`` whose docs-relative path one of ``globs`` selects.

    Hidden folders are skipped. ``check`` without paths and the language server both
    list a project's designs with this, so they validate the same corpus. No file is
    read: the site's catalog page (the ``archdesign-catalog`` fence) may be among them,
    and is left out when it is read for checking (``skip_catalog`` of :func:`check_file`).

    Args:
        docs_dir: The docs folder (it must exist).
        globs: The ``designs`` globs, relative to ``docs_dir``.

    Returns:
        Files in a stable order.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(docs_dir):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        folder = Path(root)
        # (folder relative / name).as_posix() as strings: a name from os.walk holds no
        # separator, and pathlib per file cost more than matching the globs.
        head = folder.relative_to(docs_dir).as_posix()
        head = "" if head == "." else head + "/"
        for name in sorted(files):
            if is_design_path(head + name, globs):
                found.append(folder / name)
    return sorted(found, key=lambda p: p.as_posix())


@overload
def check_file(
    path: Path,
    shown: str,
    template: Template,
    settings: Settings,
    root: Path | None = ...,
    real: RealPaths | None = ...,
    *,
    skip_catalog: Literal[False] = ...,
) -> DesignResult: ...


@overload
def check_file(
    path: Path,
    shown: str,
    template: Template,
    settings: Settings,
    root: Path | None = ...,
    real: RealPaths | None = ...,
    *,
    skip_catalog: bool,
) -> DesignResult | None: ...


def check_file(
    path: Path,
    shown: str,
    template: Template,
    settings: Settings,
    root: Path | None = None,
    real: RealPaths | None = None,
    *,
    skip_catalog: bool = False,
) -> DesignResult | None:
    """Validate one file; unreadable, irregular or non-UTF-8 files become one AD000 finding.

    Args:
        path: The file.
        shown: The path findings name.
        template: The template in force.
        settings: Validator settings.
        root: The docs folder: a design in it that is a symlink must stay in it.
        real: Folder resolutions shared across one pass over a corpus.
        skip_catalog: The file was listed by the ``designs`` globs (or is context), so
            if it is the site's catalog page it is no design: ``None`` is returned.

    Returns:
        The file's result, or ``None`` for a skipped catalog page. A file that cannot
        be read is a design with its AD000 finding, as in the plugin: without its
        text nothing says it is the catalog page.
    """
    text = read_design_source(path, shown, settings, root, real)
    if not isinstance(text, str):
        return text
    # Decided here, from the text the check needs anyway: telling the catalog page
    # apart while listing the designs read every file twice.
    if skip_catalog and is_catalog_page(text):
        return None
    return check_design(text, shown, template, settings, _path_id(path, shown))


def _path_id(path: Path, shown: str) -> str | None:
    # ``README.md`` shown from inside its own folder has lost the folder its id comes
    # from; the real location still has it, so every folder gives the same id.
    if "/" in shown or path.stem.lower() not in FOLDER_PAGE_NAMES:
        return None
    return Path(os.path.normpath(path.absolute())).as_posix()


def with_context(
    files: Sequence[Path], context: Sequence[Path], real: RealPaths | None = None
) -> list[Path]:
    """``files`` followed by the designs of ``context`` that are not among them.

    Cross-design rules (``depends_on``, ``superseded_by``, cycles, duplicate ids) must see
    the whole corpus even when only some files are reported on; a file named twice (as
    ``x.md`` and ``docs/design/x.md``) is one design, so identity is the resolved path.
    ``real`` shares the resolutions of the current pass (each file resolved once).
    """
    if not context:
        # check_files_parallel has added the context already: resolving every file
        # again to add nothing cost a realpath per design.
        return list(files)
    if real is None:
        real = RealPaths()
    named = {real.text(path) for path in files}
    extra = [path for path in context if real.text(path) not in named]
    return [*files, *extra]


def check_files(
    files: Sequence[Path],
    template: Template,
    settings: Settings,
    base: Path | None = None,
    context: Sequence[Path] = (),
    root: Path | None = None,
    *,
    listed: bool = False,
) -> list[DesignSummary]:
    """Validate ``files`` as one corpus, together with the designs of ``context``.

    The site's catalog page (the ``archdesign-catalog`` fence) is never a design of
    ``context``, nor of ``files`` when ``listed``: it gets no summary and cross-design
    rules do not see it. A file the user named (``listed`` false) is checked as given.

    Args:
        files: Design files to report on.
        template: The template in force.
        settings: Validator settings.
        base: Paths are reported relative to this folder when they are inside it.
        context: The project's other designs: cross-design rules resolve against them,
            but they are not reported on.
        root: The docs folder (symlinked designs must stay in it), if known.
        listed: ``files`` were listed by the ``designs`` globs, not named by the user.

    Returns:
        One summary per file of ``files`` that is a design (a skipped catalog page has
        none), in the order given.
    """
    every = with_context(files, context)
    named = len(files)
    skips = [skips_catalog(i, named, listed) for i in range(len(every))]
    items = zip(every, display_paths(every, base), skips, strict=True)
    checked = check_each(items, template, settings, root)
    return corpus_summaries(checked, named, settings)


def check_each(
    items: Iterable[tuple[Path, str, bool]],
    template: Template,
    settings: Settings,
    root: Path | None = None,
) -> list[DesignResult | None]:
    """:func:`check_file` for ``(path, shown, skip_catalog)`` items, in one pass.

    The one loop :func:`check_files`, a single-process ``check_files_parallel`` and each
    of its workers run: one :class:`RealPaths` serves the pass. The cyclic garbage
    collector is paused for the pass (and left as it was after).

    Returns:
        One result per item, ``None`` for a skipped catalog page.
    """
    real = RealPaths()
    # Checking a design makes no reference cycles (tests/hardening/test_no_cycles.py):
    # reference counting frees each design's objects once its result is built. The cyclic
    # collector would only walk the growing list of results again and again, about 50 M
    # instructions of a 1,000-design check, and find nothing to free.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [
            check_file(path, shown, template, settings, root, real, skip_catalog=skip)
            for path, shown, skip in items
        ]
    finally:
        if collecting:
            gc.enable()


def skips_catalog(index: int, named: int, listed: bool) -> bool:
    """Whether the file at ``index`` of ``files`` followed by context leaves out a catalog page.

    Args:
        index: The file's position in ``files`` followed by the context designs.
        named: How many of them are ``files`` (the rest is context).
        listed: ``files`` were listed by the ``designs`` globs.

    Returns:
        True for context and for listed files.
    """
    return listed or index >= named


def corpus_summaries(
    checked: Sequence[DesignResult | None], named: int, settings: Settings
) -> list[DesignSummary]:
    """Run the cross-design stage over the designs of ``checked``; report the first ``named``.

    Args:
        checked: One result per file of ``files`` followed by context, ``None`` for a
            skipped catalog page.
        named: How many of them are ``files``, the ones reported on.
        settings: Validator settings.

    Returns:
        The summaries of the designs among the first ``named``, in order.
    """
    reported = sum(result is not None for result in checked[:named])
    results = [result for result in checked if result is not None]
    # The reported designs come first, so the context designs are the tail cut off here.
    return check_corpus(results, settings)[:reported]


def display_path(path: Path, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (default: the current folder) when inside it."""
    return display_paths([path], base)[0]


def display_paths(paths: Sequence[Path], base: Path | None = None) -> list[str]:
    """:func:`display_path` for many files, resolving ``base`` and each folder only once.

    Resolving walks every component of a path with a system call each; a corpus holds
    thousands of files in a few folders, so folders are resolved once and cached. A file
    that is itself a symbolic link is resolved in full, as :func:`display_path` would.

    Args:
        paths: Files, relative or absolute.
        base: Paths are shown relative to this folder (default: the current folder).

    Returns:
        One display path per file, in order: relative with ``/`` when inside ``base``,
        else the path as given.
    """
    anchor = (base if base is not None else Path.cwd()).resolve()
    folders: dict[Path, str | None] = {}
    shown: list[str] = []
    for path in paths:
        if path.is_symlink() or not path.name:
            shown.append(_relative_to(path.resolve(), anchor) or path.as_posix())
            continue
        parent = path.parent
        if parent not in folders:
            folders[parent] = _relative_to(parent.resolve(), anchor)
        folder = folders[parent]
        if folder is None:
            shown.append(path.as_posix())
        else:
            shown.append(path.name if folder == "." else f"{folder}/{path.name}")
    return shown


def _relative_to(resolved: Path, anchor: Path) -> str | None:
    try:
        return resolved.relative_to(anchor).as_posix()
    except ValueError:
        return None
