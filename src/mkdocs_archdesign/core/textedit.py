"""Line-preserving text surgery and atomic file writes.

Review edits must leave every byte outside the edited lines untouched: the BOM, each
line's own ending (LF, CRLF or CR, even mixed), and a missing final newline. So a
document is held as its lines *with* their endings, edits replace or insert whole
lines, and the bytes are reassembled exactly.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"

#: One line with its ending: LF, CRLF or CR (CommonMark's line endings), or the last line
#: without one. The ending is matched after a run that cannot contain it: linear.
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


class UnsafeWriteError(Exception):
    """Writing to this path could damage something outside the project (one-line message)."""


@dataclass(frozen=True, slots=True)
class Lines:
    """A document split into lines that keep their endings.

    Attributes:
        lines: Each line with its own ending (the last one may have none).
        bom: Whether the text started with a UTF-8 byte order mark.
    """

    lines: tuple[str, ...]
    bom: bool = False

    @classmethod
    def from_text(cls, text: str) -> Lines:
        """Split ``text`` as the scanner does, so line ``n`` here is line ``n`` there.

        Args:
            text: The decoded document, possibly starting with a BOM.

        Returns:
            The lines with their endings.
        """
        bom = text.startswith(BOM)
        body = text[1:] if bom else text
        return cls(tuple(_LINE_RE.findall(body)), bom)

    @property
    def text(self) -> str:
        """The document reassembled, BOM included."""
        return (BOM if self.bom else "") + "".join(self.lines)

    @property
    def body(self) -> str:
        """The document without its BOM (what the scanner numbers)."""
        return "".join(self.lines)

    @property
    def newline(self) -> str:
        """The document's first line ending, used for inserted lines (LF if none)."""
        for line in self.lines:
            ending = line_ending(line)
            if ending:
                return ending
        return "\n"


def line_ending(line: str) -> str:
    """The ending of ``line`` (``"\\r\\n"``, ``"\\n"``, ``"\\r"``, or ``""``)."""
    if line.endswith("\r\n"):
        return "\r\n"
    return line[-1] if line.endswith(("\n", "\r")) else ""


def content_of(line: str) -> str:
    """``line`` without its ending."""
    ending = line_ending(line)
    return line[: len(line) - len(ending)] if ending else line


class LineEditor:
    """Collects replacements and insertions by original line number, then applies them.

    Line numbers are 1-based and always refer to the original document, so edits can
    be planned from one scan without tracking shifts.
    """

    def __init__(self, lines: Lines) -> None:
        """Start editing ``lines``."""
        self._lines = lines
        self._replace: dict[int, str] = {}
        self._insert_after: dict[int, list[str]] = {}

    @property
    def source(self) -> Lines:
        """The original document."""
        return self._lines

    def content(self, line: int) -> str:
        """The current content (no ending) of original line ``line``."""
        if line in self._replace:
            return self._replace[line]
        return content_of(self._lines.lines[line - 1])

    def replace(self, line: int, content: str) -> None:
        """Replace the content of ``line``, keeping its own line ending."""
        self._replace[line] = content

    def insert_after(self, line: int, contents: list[str]) -> None:
        """Insert lines after original ``line`` (0 inserts at the top).

        Lines inserted after the same line keep the order of the calls.
        """
        self._insert_after.setdefault(line, []).extend(contents)

    def result(self) -> Lines:
        """The edited document; untouched lines are the original strings."""
        return Lines(tuple(line for line, _ in self._assemble()), self._lines.bom)

    def origins(self) -> list[int]:
        """For each line of :meth:`result`, the original line it is or follows (1-based)."""
        return [max(1, origin) for _, origin in self._assemble()]

    def _assemble(self) -> list[tuple[str, int]]:
        source = self._lines.lines
        newline = self._lines.newline
        out = [(content + newline, 0) for content in self._insert_after.get(0, [])]
        for number, original in enumerate(source, start=1):
            ending = line_ending(original)
            line = self._replace[number] + ending if number in self._replace else original
            inserted = self._insert_after.get(number, [])
            if inserted and not ending:
                # The old last line had no ending; it needs one before lines follow it,
                # and the last inserted line takes over "no ending" at end of file.
                out.append((line + newline, number))
                out.extend((content + newline, number) for content in inserted[:-1])
                out.append((inserted[-1], number))
                continue
            out.append((line, number))
            out.extend((content + newline, number) for content in inserted)
        return out


def decode(data: bytes) -> str:
    """Decode a design file's bytes as UTF-8, keeping a BOM as ``\\ufeff``.

    Raises:
        UnicodeDecodeError: If the bytes are not UTF-8.
    """
    return data.decode("utf-8")


def unified_diff(old: str, new: str, path: str) -> str:
    """A unified diff of two texts, labelled with ``path`` (empty when equal)."""
    diff = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"a/{path}",
        tofile=f"b/{path}",
    )
    out = []
    for chunk in diff:
        out.append(
            chunk if chunk.endswith(("\n", "\r")) else chunk + "\n\\ No newline at end of file\n"
        )
    return "".join(out)


def ensure_writable_inside(path: Path, root: Path) -> Path:
    """Resolve ``path`` for writing, refusing symlinks that lead outside ``root``.

    Args:
        path: The file the user named.
        root: The folder writes must stay in (the project or docs folder).

    Returns:
        The real file to write (the symlink's target when it stays inside ``root``).

    Raises:
        UnsafeWriteError: If the real file is outside ``root``.
    """
    real = path.resolve()
    real_root = root.resolve()
    if real != real_root and real_root not in real.parents:
        raise UnsafeWriteError(
            f"refusing to write {path}: it resolves to {real}, outside {real_root}"
        )
    return real


class ConcurrentEditError(Exception):
    """The file changed between the read and the write; nothing was written (one line)."""


class ProtectedFileError(Exception):
    """The file is read-only, hard-linked or owned by someone else; nothing was written."""


#: The temporary files :func:`atomic_write` creates: ``.NAME.XXXXXXXX.tmp`` beside ``NAME``.
TEMP_SUFFIX = ".tmp"


def stale_temp_files(path: Path) -> list[Path]:
    """Temporary files this tool left beside ``path`` (a killed write), oldest name first.

    Only names of the tool's own pattern (``.NAME.`` + 8 ``mkstemp`` characters + ``.tmp``)
    match, so nobody else's file is ever touched.
    """
    pattern = re.compile(re.escape(f".{path.name}.") + r"[A-Za-z0-9_]{8}" + re.escape(TEMP_SUFFIX))
    try:
        names = sorted(entry.name for entry in os.scandir(path.parent))
    except OSError:
        return []
    return [path.parent / name for name in names if pattern.fullmatch(name)]


@contextlib.contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """Hold an advisory lock on ``folder`` (POSIX ``flock``) for a check-then-rename.

    The folder's inode outlives every rename inside it, so two writers of the same file
    serialise here; the lock is released when the process dies, so a killed writer never
    leaves it held. Where ``flock`` does not exist the content check alone remains.
    """
    try:
        import fcntl  # noqa: PLC0415 - POSIX only
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


@contextlib.contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """Turn SIGTERM (a cancelled CI job) into ``SystemExit`` so cleanup code runs."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def atomic_write(
    path: Path, data: bytes, expected: bytes | None = None, force: bool = False
) -> list[Path]:
    """Replace ``path`` with ``data`` so readers see the old or the new file, never half.

    Writes a temporary file in the same folder, flushes it to disk, gives it the original
    file's permission bits and owner, then renames it over ``path``. With ``expected``
    (the bytes the caller read), the file is compared with them under a folder lock right
    before the rename: if anyone changed it meanwhile, nothing is written. Two concurrent
    writers of one file therefore never both succeed. On any failure, SIGTERM included,
    the temporary file is removed and the original is left as it was; temporary files a
    killed earlier write left behind are removed first.

    Args:
        path: The file to replace (or create).
        data: The new bytes.
        expected: The bytes the caller's edit is based on, or ``None`` to skip the check.
        force: Replace a read-only file (keeping it read-only) and write a hard-linked
            file in place, keeping its links, instead of refusing.

    Returns:
        The stale temporary files that were removed.

    Raises:
        ConcurrentEditError: The file no longer holds ``expected``.
        ProtectedFileError: The file is read-only or hard-linked (without ``force``), or
            its owner cannot be kept.
        OSError: If any step fails (the original is intact).
    """
    folder = path.parent
    with _sigterm_as_exit(), _folder_lock(folder):
        removed = []
        for stale in stale_temp_files(path):
            with contextlib.suppress(OSError):
                stale.unlink()
                removed.append(stale)
        try:
            info: os.stat_result | None = path.stat()
        except FileNotFoundError:
            info = None
        if expected is not None:
            _check_unchanged(path, expected)
        if info is not None and _protected(path, info, force) == "links":
            _write_in_place(path, data)
            return removed
        _replace(path, data, info)
        return removed


def _check_unchanged(path: Path, expected: bytes) -> None:
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        current = None
    if current != expected:
        raise ConcurrentEditError(
            f"{path} changed while this command ran (another edit or review was saved); "
            "nothing written: run it again"
        )


def _protected(path: Path, info: os.stat_result, force: bool) -> str | None:
    """``"links"`` when a hard-linked file is to be written in place; raises when refused."""
    if not info.st_mode & stat.S_IWUSR and not force:
        raise ProtectedFileError(
            f"{path} is read-only (mode {stat.S_IMODE(info.st_mode):o}); "
            "nothing written: make it writable or use --force"
        )
    if info.st_nlink > 1:
        if not force:
            raise ProtectedFileError(
                f"{path} has {info.st_nlink} hard links; replacing it would split them; "
                "nothing written: use --force to write it in place"
            )
        return "links"
    return None


def _write_in_place(path: Path, data: bytes) -> None:
    """Write through a hard link: every link sees the new bytes (not atomic, by request)."""
    with path.open("r+b") as handle:
        handle.write(data)
        handle.truncate()
        handle.flush()
        os.fsync(handle.fileno())


def _replace(path: Path, data: bytes, info: os.stat_result | None) -> None:
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    temp = Path(temp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if info is None:
            temp.chmod(0o666 & ~_umask())  # what open() would have given a new file
        else:
            temp.chmod(stat.S_IMODE(info.st_mode))
            _keep_owner(temp, path, info)
        # os.replace is the one atomic rename on POSIX and Windows alike.
        os.replace(temp, path)  # noqa: PTH105
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _keep_owner(temp: Path, path: Path, info: os.stat_result) -> None:
    created = temp.stat()
    if (created.st_uid, created.st_gid) == (info.st_uid, info.st_gid):
        return
    try:
        os.chown(temp, info.st_uid, info.st_gid)
    except PermissionError:
        if created.st_uid != info.st_uid:
            raise ProtectedFileError(
                f"{path} belongs to another user, who would lose it; nothing written"
            ) from None
        # Same owner, a group we are not in: keep the owner, the group is ours now.


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
