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
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

BOM = "\ufeff"


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
        return cls(tuple(body.splitlines(keepends=True)), bom)

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
    """The ending of ``line`` (``"\\r\\n"``, ``"\\n"``, another break, or ``""``)."""
    if line.endswith("\r\n"):
        return "\r\n"
    content = line.rstrip("\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029")
    return line[len(content) :]


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


def atomic_write(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so readers see the old or the new file, never half.

    Writes a temporary file in the same folder, flushes it to disk, copies the original
    file's permission bits, then renames it over ``path``. On any failure the temporary
    file is removed and the original is left as it was.

    Raises:
        OSError: If any step fails (the original is intact).
    """
    folder = path.parent
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else None
    fd, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            Path(temp_name).chmod(mode)
        # os.replace is the one atomic rename on POSIX and Windows alike.
        os.replace(temp_name, path)  # noqa: PTH105
    except BaseException:
        with contextlib.suppress(OSError):
            Path(temp_name).unlink()
        raise
