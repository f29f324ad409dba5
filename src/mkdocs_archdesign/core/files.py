"""Read a user's file — only a regular file, only up to a size cap — or say why not in one line.

Designs, templates and configs come from a repository anyone may commit to. A design
committed as a symlink to ``/dev/zero`` would be read until memory runs out, a FIFO would
block forever, and a symlink to a file outside the docs folder would be read (and
published). So every read opens the file without blocking, checks on the open descriptor
that it is a regular file, and reads at most the cap.
"""

# os.path on strings, not pathlib: resolving every design's location with Path.resolve()
# and Path.parents cost more than reading it (profile of check on 1,000 designs).
# ruff: noqa: PTH109, PTH114, PTH118

from __future__ import annotations

import os
import stat
from pathlib import Path

#: The default cap: far above any real design (the test corpus reads a 20 MB one).
#: ``max_file_bytes`` in the options sets it for designs and specs.
DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024

#: The largest cap the option accepts: every file read is held in memory whole.
MAX_FILE_BYTES_LIMIT = 1024 * 1024 * 1024


class UnreadableFileError(Exception):
    """A file cannot be read as text; the message is one line naming the file."""


class NotReadableAsDesignError(OSError):
    """Not a regular file, outside the allowed folder, or over the size cap.

    An :class:`OSError` whose ``strerror`` is the reason, so callers that already turn
    read errors into one line (AD000) need no new case.
    """


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _refuse(reason: str, path: str | Path) -> NotReadableAsDesignError:
    return NotReadableAsDesignError(0, reason, str(path))


def read_regular_bytes(
    path: str | Path,
    root: Path | None = None,
    max_bytes: int | None = None,
    real: RealPaths | None = None,
) -> bytes:
    """The bytes of ``path`` if it is a regular file within the cap (and within ``root``).

    Args:
        path: The file.
        root: When given and ``path`` lies in it, the file's real location must be in it
            too (a symlink out of the docs folder is refused).
        max_bytes: The size cap: the ``max_file_bytes`` option for designs and specs
            (the refusal then names the option); ``None``: :data:`DEFAULT_MAX_FILE_BYTES`
            (configs, read before there are options, and templates).
        real: The folder resolutions of the current pass over a corpus, shared so that
            ``root`` and each design folder are resolved once, not once per file.

    Returns:
        The file's bytes.

    Raises:
        NotReadableAsDesignError: Not a regular file, a symlink leaving ``root``, or larger
            than ``max_bytes``.
        OSError: Any other failure to open or read.
    """
    if root is not None:
        # A Path is taken as it is: building another one per design cost more than a read.
        _check_inside(path if isinstance(path, Path) else Path(path), root, real)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _refuse(f"not a regular file ({_kind(info.st_mode)})", path)
        cap = DEFAULT_MAX_FILE_BYTES if max_bytes is None else max_bytes
        if info.st_size > cap:
            raise _refuse(_over_cap(info.st_size, cap, max_bytes is not None), path)
        chunks = []
        remaining = cap + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:  # it grew past the cap while being read
            raise _refuse(_over_cap(None, cap, max_bytes is not None), path)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _over_cap(size: int | None, cap: int, configured: bool) -> str:
    seen = f" ({size} bytes)" if size is not None else ""
    option = "; raise max_file_bytes to read it" if configured else ""
    return f"larger than the {cap}-byte size cap{seen}{option}"


def _check_inside(path: Path, root: Path, real: RealPaths | None = None) -> None:
    # String operations: pathlib's resolve() and parents cost more than the read itself
    # on a 1,000-design check.
    real_root = os.path.realpath(root) if real is None else real.folder(os.fspath(root))
    prefix = real_root if real_root.endswith(os.sep) else real_root + os.sep
    # Where the name itself lives (its folder resolved, the file not followed).
    located = _located(os.fspath(path)) if real is None else real.located(os.fspath(path))
    if not located.startswith(prefix):
        return  # a file named outside the folder is read as given
    target = os.path.realpath(located) if os.path.islink(located) else located
    if not target.startswith(prefix):
        raise _refuse(f"a symlink to {target}, outside {real_root}", path)


def _located(name: str) -> str:
    """``name`` with its folder resolved and its last part kept (not followed)."""
    # join, not abspath: "a/link/../x" must resolve "link" before "..", as resolve() does.
    absolute = os.path.join(os.getcwd(), name)
    folder, base = os.path.split(absolute)
    if base in ("", ".", ".."):
        return os.path.realpath(absolute)
    return os.path.join(os.path.realpath(folder), base)


class RealPaths:
    """``Path.resolve()`` for many files of few folders: each folder is resolved once.

    Meant for one pass over a corpus (a ``check`` run), not to be kept: a folder that
    becomes a symlink later would still resolve as it did, and so would a file's
    :meth:`text` (it names a file for identity; reads check symlinks themselves).
    """

    __slots__ = ("_cwd", "_folders", "_names", "_texts")

    def __init__(self) -> None:
        self._folders: dict[str, str] = {}
        # A file's resolved name by its located name: a check names each design up to six
        # times (split into specs, context, duplicates), with a system call each.
        self._texts: dict[str, str] = {}
        # The same, by the name as given: most files are named the same way each time.
        self._names: dict[str, str] = {}
        # One pass, one working folder: asking the OS for it per file cost a system call each.
        self._cwd = os.getcwd()

    def folder(self, name: str) -> str:
        """``os.path.realpath(name)`` of a folder, resolved once per pass."""
        absolute = os.path.join(self._cwd, name)
        real_folder = self._folders.get(absolute)
        if real_folder is None:
            real_folder = self._folders[absolute] = os.path.realpath(absolute)
        return real_folder

    def located(self, name: str) -> str:
        """``name`` with its folder resolved and its last part kept (as :func:`_located`)."""
        folder, base = os.path.split(os.path.join(self._cwd, name))
        if base in ("", ".", ".."):
            return _located(name)
        return os.path.join(self.folder(folder), base)

    def __call__(self, path: Path) -> Path:
        """The real location of ``path``, as ``path.resolve()`` gives it."""
        return Path(self.text(path))

    def text(self, path: Path) -> str:
        """:meth:`__call__` as a string: comparing and slicing strings skips pathlib."""
        name = os.fspath(path)
        resolved = self._names.get(name)
        if resolved is not None:
            return resolved
        if os.path.split(name)[1] in ("", ".", ".."):
            return str(path.resolve())
        located = self.located(name)
        resolved = self._texts.get(located)
        if resolved is None:
            resolved = os.path.realpath(located) if os.path.islink(located) else located
            self._texts[located] = resolved
        self._names[name] = resolved
        return resolved


def read_text(path: str | Path, what: str, encoding: str = "utf-8") -> str:
    """Read ``path`` as text, turning every failure into one readable line.

    Args:
        path: The file.
        what: What the file is, for the message (``"template"``, ``"config"``).
        encoding: ``"utf-8"``, or ``"utf-8-sig"`` to drop a byte-order mark.

    Returns:
        The file's text.

    Raises:
        UnreadableFileError: If the file is missing, a folder, not a regular file, over
            the size cap, not UTF-8, or unreadable.
    """
    try:
        return read_regular_bytes(path).decode(encoding)
    except FileNotFoundError:
        raise UnreadableFileError(f"{what} not found: {path}") from None
    except IsADirectoryError:
        raise UnreadableFileError(f"{what} is a directory, not a file: {path}") from None
    except NotReadableAsDesignError as exc:
        if exc.strerror == "not a regular file (a directory)":
            raise UnreadableFileError(f"{what} is a directory, not a file: {path}") from None
        raise UnreadableFileError(f"{what} {path} is {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UnreadableFileError(f"{what} is not UTF-8 text: {path}") from None
    except OSError as exc:
        raise UnreadableFileError(f"cannot read {what} {path}: {exc.strerror}") from None


#: The installed package's folder: a wheel installs it as one, so its files are read as files.
_PACKAGE_FOLDER = Path(__file__).resolve().parent.parent


def packaged_text(*parts: str) -> str:
    """The text of a file shipped in the package, e.g. ``packaged_text("assets", "catalog.js")``.

    Read straight from the package's folder. ``importlib.resources`` is used only when the
    package is not a folder (imported from a zip archive): importing it and its zip reader
    cost ``check`` more start-up than reading the template did.

    Args:
        parts: The path inside the ``mkdocs_archdesign`` package, one part per argument.

    Returns:
        The file's text (UTF-8).

    Raises:
        OSError: If the file is not in the package.
    """
    if _PACKAGE_FOLDER.is_dir():
        return _PACKAGE_FOLDER.joinpath(*parts).read_text(encoding="utf-8")
    from importlib import resources  # noqa: PLC0415 - only for a zipped package

    resource = resources.files("mkdocs_archdesign")
    for part in parts:
        resource = resource.joinpath(part)
    return resource.read_text(encoding="utf-8")
