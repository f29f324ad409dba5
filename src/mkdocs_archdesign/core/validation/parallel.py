"""Validate many design files on several processes (``check --jobs N``).

The per-design stage (read, scan, run rules) is independent per file, so it is split
into contiguous chunks handed to worker processes; each worker returns plain
:class:`~mkdocs_archdesign.core.validator.DesignResult` values (frozen dataclasses,
picklable). The cross-design stage needs every result and is cheap, so it runs once in
the parent. The outcome is identical to :func:`~mkdocs_archdesign.core.corpus.check_files`.

Processes only pay off when the corpus is large enough to amortise starting them; below
:data:`MIN_FILES_PER_JOB` files per job the work stays in this process.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template
from mkdocs_archdesign.core.files import RealPaths
from mkdocs_archdesign.core.model import DesignSummary
from mkdocs_archdesign.core.validation.corpus import (
    check_each,
    corpus_summaries,
    display_paths,
    skips_catalog,
    with_context,
)
from mkdocs_archdesign.core.validation.validator import DesignResult

#: Below this many files per extra process, starting workers costs more than it saves
#: (a worker checks roughly 1,000 designs a second; starting one takes tens of ms).
MIN_FILES_PER_JOB = 200

#: Chunks per worker: more than one, so a worker that drew slow files does not leave
#: the others idle at the end, few enough that per-chunk pickling stays negligible.
CHUNKS_PER_JOB = 4


def plan_chunks(count: int, jobs: int) -> list[range]:
    """Split ``count`` items into contiguous index ranges for ``jobs`` workers.

    Args:
        count: The number of files.
        jobs: The number of worker processes (at least 1).

    Returns:
        Non-empty, contiguous, in-order ranges covering ``0..count``.
    """
    if count <= 0:
        return []
    parts = min(count, max(1, jobs) * CHUNKS_PER_JOB)
    size, extra = divmod(count, parts)
    chunks = []
    start = 0
    for part in range(parts):
        stop = start + size + (1 if part < extra else 0)
        chunks.append(range(start, stop))
        start = stop
    return chunks


def effective_jobs(count: int, jobs: int) -> int:
    """How many processes are worth starting for ``count`` files when ``jobs`` are allowed."""
    if jobs <= 1:
        return 1
    return max(1, min(jobs, count // MIN_FILES_PER_JOB))


def check_files_parallel(
    files: Sequence[Path],
    template: Template,
    settings: Settings,
    jobs: int,
    base: Path | None = None,
    context: Sequence[Path] = (),
    root: Path | None = None,
    real: RealPaths | None = None,
    *,
    listed: bool = False,
) -> list[DesignSummary]:
    """Validate ``files`` as one corpus, using up to ``jobs`` processes.

    The site's catalog page is left out of ``context``, and of ``files`` when ``listed``,
    exactly as :func:`~mkdocs_archdesign.core.validation.corpus.check_files` does.

    Args:
        files: Design files.
        template: The template in force (sent to each worker).
        settings: Validator settings (sent to each worker).
        jobs: The maximum number of processes; 1 (or a small corpus) means this process.
        base: Paths are reported relative to this folder when they are inside it.
        context: Designs cross-design rules see but that are not reported on.
        root: The docs folder (symlinked designs must stay in it), if known.
        real: Resolutions shared with the pass that found ``files`` and ``context``
            (only to tell which designs of ``context`` are among ``files``).
        listed: ``files`` were listed by the ``designs`` globs, not named by the user.

    Returns:
        One summary per file of ``files`` that is a design, in the order given, exactly
        as ``check_files`` returns.
    """
    named = len(files)
    files = with_context(files, context, real)
    shown = display_paths(files, base)
    skips = [skips_catalog(i, named, listed) for i in range(len(files))]
    workers = effective_jobs(len(files), jobs)
    if workers == 1:
        checked = check_each(zip(files, shown, skips, strict=True), template, settings, root)
        return corpus_summaries(checked, named, settings)
    # Imported here: a single-process run (the default) never pays for them.
    import multiprocessing  # noqa: PLC0415
    from concurrent.futures import ProcessPoolExecutor  # noqa: PLC0415

    chunks = [
        [(str(files[i]), shown[i], skips[i]) for i in chunk]
        for chunk in plan_chunks(len(files), workers)
    ]
    # The platform's default start method: fork on Linux (cheap, the CLI is single-threaded),
    # spawn on macOS and Windows, where forking is unsafe or unavailable.
    start_method = multiprocessing.get_context()
    with ProcessPoolExecutor(max_workers=workers, mp_context=start_method) as pool:
        count = len(chunks)
        parts = pool.map(
            _check_chunk, chunks, [template] * count, [settings] * count, [root] * count
        )
        checked = [result for part in parts for result in part]
    return corpus_summaries(checked, named, settings)


def _check_chunk(
    chunk: list[tuple[str, str, bool]], template: Template, settings: Settings, root: Path | None
) -> list[DesignResult | None]:
    """Check ``(path, shown, skip_catalog)`` items; ``None`` stands for a skipped catalog page.

    The ``None`` keeps one result per item, so the parent knows which results are of the
    reported files without sending the paths back.
    """
    return check_each(
        ((Path(path), shown, skip) for path, shown, skip in chunk), template, settings, root
    )
