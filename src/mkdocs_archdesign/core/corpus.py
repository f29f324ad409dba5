"""Find design files on disk and validate them as one corpus (used by every CLI command)."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from mkdocs_archdesign.core.model import DesignSummary
from mkdocs_archdesign.core.settings import Settings
from mkdocs_archdesign.core.template import Template
from mkdocs_archdesign.core.validator import (
    DesignResult,
    check_corpus,
    check_design,
    read_design_text,
    unreadable_result,
)


class CorpusError(Exception):
    """A path given by the user does not exist or cannot be listed (one-line message)."""


def match_glob(relative: str, pattern: str) -> bool:
    """Match a ``/``-separated relative path against a glob where ``**/`` spans folders.

    ``design/**/*.md`` matches ``design/a.md`` and ``design/x/y/a.md``, as in MkDocs'
    own globs and in gitignore.
    """
    if fnmatch.fnmatchcase(relative, pattern):
        return True
    if "**/" in pattern:
        return fnmatch.fnmatchcase(relative, pattern.replace("**/", "", 1)) or fnmatch.fnmatchcase(
            relative, pattern.replace("**/", "*/", 1)
        )
    return False


def is_design_path(relative: str, globs: Sequence[str]) -> bool:
    """Whether a docs-relative path (``/`` separators) is selected by ``globs``."""
    return any(match_glob(relative, pattern) for pattern in globs)


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
            for name in sorted(files):
                if name.endswith(suffixes):
                    candidate = Path(root) / name
                    found.setdefault(str(candidate), candidate)
    return sorted(found.values(), key=lambda p: p.as_posix())


def check_file(path: Path, shown: str, template: Template, settings: Settings) -> DesignResult:
    """Validate one file; unreadable or non-UTF-8 files become one AD000 finding."""
    try:
        text = read_design_text(path)
    except UnicodeDecodeError as exc:
        return unreadable_result(shown, f"not UTF-8 text (byte {exc.start}): {shown}", settings)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return unreadable_result(shown, f"cannot read {shown}: {reason}", settings)
    return check_design(text, shown, template, settings)


def check_files(
    files: Sequence[Path], template: Template, settings: Settings, base: Path | None = None
) -> list[DesignSummary]:
    """Validate ``files`` as one corpus.

    Args:
        files: Design files.
        template: The template in force.
        settings: Validator settings.
        base: Paths are reported relative to this folder when they are inside it.

    Returns:
        One summary per file, in the order given.
    """
    results = [check_file(path, display_path(path, base), template, settings) for path in files]
    return check_corpus(results, settings)


def display_path(path: Path, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (default: the current folder) when inside it."""
    anchor = base if base is not None else Path.cwd()
    try:
        return path.resolve().relative_to(anchor.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
