"""Read a user's text file and explain, in one line, why it cannot be read."""

from __future__ import annotations

from pathlib import Path


class UnreadableFileError(Exception):
    """A file cannot be read as text; the message is one line naming the file."""


def read_text(path: str | Path, what: str, encoding: str = "utf-8") -> str:
    """Read ``path`` as text, turning every failure into one readable line.

    Args:
        path: The file.
        what: What the file is, for the message (``"template"``, ``"config"``).
        encoding: ``"utf-8"``, or ``"utf-8-sig"`` to drop a byte-order mark.

    Returns:
        The file's text.

    Raises:
        UnreadableFileError: If the file is missing, a folder, not UTF-8, or unreadable.
    """
    try:
        return Path(path).read_bytes().decode(encoding)
    except FileNotFoundError:
        raise UnreadableFileError(f"{what} not found: {path}") from None
    except IsADirectoryError:
        raise UnreadableFileError(f"{what} is a directory, not a file: {path}") from None
    except UnicodeDecodeError:
        raise UnreadableFileError(f"{what} is not UTF-8 text: {path}") from None
    except OSError as exc:
        raise UnreadableFileError(f"cannot read {what} {path}: {exc.strerror}") from None
