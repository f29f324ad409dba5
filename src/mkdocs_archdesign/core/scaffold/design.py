"""Scaffold designs and starter sites from templates, refusing anything unsafe.

A new design is rendered completely in memory and then written atomically, so a
refused or failed run never leaves a partial file behind, and an existing file is
never overwritten unless the caller forces it.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs_archdesign.core.escape import terminal_text
from mkdocs_archdesign.core.files import packaged_text

#: Glob characters: a ``designs`` glob's folder prefix stops at the first of these.
_GLOB_CHARS = frozenset("*?[")
_HYPHENS_RE = re.compile(r"-{2,}")
_MODULE_DROP_RE = re.compile(r"[^0-9a-z]+")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

#: The design folder (relative to the docs folder) when no ``designs`` glob says otherwise.
DEFAULT_DESIGN_FOLDER = "design"

#: Files ``init`` writes, relative to the new site's folder.
INIT_CONFIG = "mkdocs.yml"
INIT_INDEX = "docs/index.md"
INIT_EXAMPLE_TITLE = "Example Service"


class ScaffoldError(Exception):
    """A scaffold request is refused; the message is one line."""


def _yaml_escape_char(char: str) -> str:
    code = ord(char)
    if code > 0xFFFF:
        return char
    return f"\\u{code:04x}"


def _needs_yaml_escape(char: str) -> bool:
    # YAML only allows printable characters in a stream and folds Unicode line
    # separators, so JSON's raw output is not always a faithful YAML scalar.
    code = ord(char)
    return (
        code == 0x7F
        or 0x80 <= code <= 0x9F
        or code in (0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF)
        or 0xD800 <= code <= 0xDFFF
    )


def yaml_str(value: object) -> str:
    """Quote ``value`` as a YAML double-quoted scalar that reads back unchanged.

    JSON string syntax is a subset of YAML's double-quoted style; characters YAML
    cannot carry raw are escaped too. Non-ASCII letters stay readable.

    Args:
        value: Any value; it is converted with ``str``.

    Returns:
        A double-quoted scalar such as ``"Order <Service>: \\"v2\\""``.
    """
    quoted = json.dumps(str(value), ensure_ascii=False)
    return "".join(_yaml_escape_char(c) if _needs_yaml_escape(c) else c for c in quoted)


def slugify(title: str) -> str:
    """The file-name stem of a title: ``"Order Service"`` gives ``"order-service"``.

    Lower-case and hyphen-separated, in NFC so every letter keeps its marks
    (``注文サービス`` stays ``注文サービス``, ``Crème`` stays ``crème``): only characters
    that are not letters, marks or digits (spaces, punctuation, ``/``) become hyphens.
    """
    folded = unicodedata.normalize("NFC", title).lower()
    kept = "".join(c if unicodedata.category(c)[0] in "LMN" else "-" for c in folded)
    return _HYPHENS_RE.sub("-", kept).strip("-")


def module_name(title: str) -> str:
    """A Python module name for a title: snake_case ASCII (``"order_service"``)."""
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    name = _MODULE_DROP_RE.sub("_", folded.lower()).strip("_")
    if name and name[0].isdigit():
        name = f"_{name}"
    return name


#: The longest title ``new`` accepts: its slug names the file, and most file systems stop
#: at 255 bytes for a name (``-design.md`` and multi-byte characters included).
MAX_TITLE_LENGTH = 120


def validate_title(title: str) -> str:
    """Check a design title and return its slug.

    Args:
        title: The title given by the user.

    Returns:
        The slug used for the file name.

    Raises:
        ScaffoldError: For empty titles, titles that look like a path (``/abs``,
            ``../x``), ``..`` names, or a title that leaves nothing usable after slugifying.
    """
    if not title.strip():
        raise ScaffoldError("the design title is empty")
    if terminal_text(title) != title:
        # A newline would write raw lines into the "# {{ title }}" heading (a second
        # Design Review section); other controls would reach terminals.
        raise ScaffoldError(
            f"the design title must be one line of text, without control characters: "
            f"{terminal_text(title)!r}"
        )
    if len(title) > MAX_TITLE_LENGTH:
        raise ScaffoldError(
            f"the design title is {len(title)} characters; at most {MAX_TITLE_LENGTH} "
            "(it names the file)"
        )
    stripped = title.strip()
    # A "/" inside a title ("CI/CD Pipeline") is a word separator the slug replaces; a
    # title that starts like a path is most likely a path typed in the wrong place.
    if "\x00" in title or stripped[0] in "/\\" or stripped.startswith(("./", ".\\", "../", "..\\")):
        raise ScaffoldError(f"the design title must be a name, not a path: {title!r}")
    if title.strip().startswith(".."):
        raise ScaffoldError(f"the design title must not start with '..': {title!r}")
    slug = slugify(title)
    if not slug:
        raise ScaffoldError(f"the design title has no letters or digits to name a file: {title!r}")
    return slug


def validate_module(module: str) -> str:
    """Check a ``--module`` value: a dotted Python module name.

    Raises:
        ScaffoldError: If it is not one.
    """
    if not module or not all(part.isidentifier() for part in module.split(".")):
        raise ScaffoldError(
            f"--module must be a Python module name such as order_service: {module!r}"
        )
    return module


def validate_date(value: str) -> str:
    """Check a ``YYYY-MM-DD`` date (a real calendar date).

    Raises:
        ScaffoldError: If it is not one.
    """
    try:
        if not _DATE_RE.match(value):
            raise ValueError(value)
        Date.fromisoformat(value)
    except ValueError:
        raise ScaffoldError(f"--date must be a date as YYYY-MM-DD: {value!r}") from None
    return value


def design_folder(globs: tuple[str, ...] | list[str]) -> PurePosixPath:
    """The docs-relative folder where new designs go: the literal prefix of the first glob.

    ``design/**/*.md`` gives ``design``; ``**/*-design.md`` gives the docs folder itself.

    Args:
        globs: The plugin's ``designs`` globs.

    Returns:
        A relative folder (``PurePosixPath(".")`` for the docs folder).
    """
    if not globs:
        return PurePosixPath(DEFAULT_DESIGN_FOLDER)
    parts: list[str] = []
    for part in PurePosixPath(globs[0]).parts[:-1]:
        if _GLOB_CHARS & set(part) or part in ("..", "/"):
            break
        parts.append(part)
    return PurePosixPath(*parts) if parts else PurePosixPath(".")


def render_template_text(source: str, origin: str, **context: Any) -> str:
    """Render a Jinja2 template for scaffolding (no autoescape; ``yaml_str`` filter).

    Undefined variables render empty rather than failing, so user templates may use
    fewer or other variables than ours.

    Args:
        source: The template source.
        origin: Where it came from, for messages.
        **context: Template variables.

    Returns:
        The rendered text, ending with a newline.

    Raises:
        ScaffoldError: If the template has a Jinja2 error.
    """
    import jinja2  # noqa: PLC0415 - only scaffolding needs Jinja2

    env = jinja2.Environment(autoescape=False, keep_trailing_newline=True)
    env.filters["yaml_str"] = yaml_str
    try:
        text = env.from_string(source).render(**context)
    except jinja2.TemplateSyntaxError as exc:
        raise ScaffoldError(f"template {origin}:{exc.lineno}: {exc.message}") from None
    except jinja2.TemplateError as exc:
        raise ScaffoldError(f"template {origin}: {exc}") from None
    return text if text.endswith("\n") else text + "\n"


@dataclass(frozen=True, slots=True)
class DesignRequest:
    """What ``new`` renders: the template variables of one design.

    Attributes:
        title: The design title as given.
        module: The Python module the design is for.
        owner: The owner (a handle such as ``@alice``).
        date: The creation date, ``YYYY-MM-DD``.
    """

    title: str
    module: str
    owner: str
    date: str

    @property
    def slug(self) -> str:
        """The file-name stem (the design's id)."""
        return slugify(self.title)

    @property
    def file_name(self) -> str:
        """``<slug>-design.md``."""
        return f"{self.slug}-design.md"


def render_design(source: str, request: DesignRequest, origin: str = "<default>") -> str:
    """Render a design template for ``request``.

    Args:
        source: The template source.
        request: Title, module, owner and date.
        origin: Where the template came from, for messages.

    Returns:
        The design's Markdown.
    """
    return render_template_text(
        source,
        origin,
        title=request.title,
        module=request.module,
        owner=request.owner,
        date=request.date,
        id=request.slug,
    )


def write_new_file(path: Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` to ``path`` atomically; never clobber unless ``force``.

    The text goes to a temporary file in the same folder first. Without ``force`` it
    is then hard-linked into place, which fails if ``path`` exists, so a file created
    concurrently is never overwritten; with ``force`` it replaces ``path``.

    Args:
        path: The target file; its folder is created if needed.
        text: The content (written as UTF-8 with ``\\n`` line endings).
        force: Replace an existing file.

    Raises:
        ScaffoldError: If the file exists (and not ``force``) or cannot be written.
    """
    if not force and path.exists():
        raise ScaffoldError(f"file exists: {path} (use --force to overwrite)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ScaffoldError(f"cannot create folder {path.parent}: {exc.strerror}") from None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise ScaffoldError(f"cannot write in {path.parent}: {exc.strerror}") from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        # mkstemp creates 0600; a design is an ordinary shared source file.
        tmp.chmod(_default_file_mode())
        if force:
            tmp.replace(path)
        else:
            _link_exclusive(tmp, path)
    except FileExistsError:
        raise ScaffoldError(f"file exists: {path} (use --force to overwrite)") from None
    except OSError as exc:
        raise ScaffoldError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        tmp.unlink(missing_ok=True)


def _default_file_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _link_exclusive(tmp: Path, path: Path) -> None:
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError:
        # No hard links on this file system: reserve the name exclusively, then
        # move the complete content over the reservation.
        reserved = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        os.close(reserved)
        try:
            tmp.replace(path)
        except BaseException:
            # Never leave the empty reservation: it would pass for a design and block `new`.
            path.unlink(missing_ok=True)
            raise


def design_subfolder(folder: PurePosixPath, sub: str) -> PurePosixPath:
    """``folder / sub`` for ``new --folder``, refused unless ``sub`` stays inside ``folder``.

    Args:
        folder: The docs-relative design folder.
        sub: The ``--folder`` value, e.g. ``payments`` or ``payments/cards``.

    Returns:
        The docs-relative folder the new design goes into.

    Raises:
        ScaffoldError: If ``sub`` is empty, absolute, or climbs out with ``..``.
    """
    text = sub.strip().replace("\\", "/")
    parts = [part for part in text.split("/") if part not in ("", ".")]
    if not parts or text.startswith("/") or ".." in parts or "\x00" in text or ":" in parts[0]:
        raise ScaffoldError(f"--folder must be a folder inside the design folder {folder}: {sub!r}")
    return folder.joinpath(*parts)


def new_design_path(docs_dir: Path, folder: PurePosixPath, slug: str) -> Path:
    """The target file of a new design, checked to stay inside the design folder.

    Raises:
        ScaffoldError: If the resolved path would leave ``docs_dir / folder``.
    """
    base = (docs_dir / folder).resolve()
    target = (base / f"{slug}-design.md").resolve()
    if target.parent != base:
        raise ScaffoldError(f"the design would be written outside {docs_dir / folder}: {target}")
    return docs_dir / folder / f"{slug}-design.md"


def ensure_inside(path: Path, folder: Path) -> None:
    """Refuse ``path`` unless it resolves inside ``folder`` (a symlinked subfolder may not).

    Raises:
        ScaffoldError: If it does not.
    """
    if folder.resolve() not in path.resolve().parents:
        raise ScaffoldError(f"the design would be written outside {folder}: {path}")


def init_template(name: str) -> str:
    """Read a packaged starter-site template (``templates/init/<name>``)."""
    return packaged_text("templates", "init", name)


def init_files(site_name: str, design_source: str, request: DesignRequest) -> dict[str, str]:
    """The files of a starter site, relative path to content.

    Args:
        site_name: The ``site_name`` of the new site.
        design_source: The design template source for the example design.
        request: The example design's variables.

    Returns:
        ``mkdocs.yml``, ``docs/index.md`` and ``docs/design/<slug>-design.md``.
    """
    design_rel = f"docs/{DEFAULT_DESIGN_FOLDER}/{request.file_name}"
    context = {
        "site_name": site_name,
        "design_folder": DEFAULT_DESIGN_FOLDER,
        "example_title": request.title,
        "example_path": f"{DEFAULT_DESIGN_FOLDER}/{request.file_name}",
    }
    return {
        INIT_CONFIG: render_template_text(init_template("mkdocs.yml.j2"), "mkdocs.yml", **context),
        INIT_INDEX: render_template_text(init_template("index.md.j2"), "index.md", **context),
        design_rel: render_design(design_source, request),
    }


def write_site(root: Path, files: dict[str, str]) -> list[Path]:
    """Write a starter site's files, refusing if any of them already exists.

    Every target is checked before anything is written, so a refused run writes
    nothing; each file is still written exclusively in case of a race.

    Args:
        root: The site folder.
        files: Relative path to content, as from :func:`init_files`.

    Returns:
        The written files.

    Raises:
        ScaffoldError: If a target exists or cannot be written.
    """
    targets = [(root / rel, text) for rel, text in files.items()]
    for path, _ in targets:
        if path.exists():
            raise ScaffoldError(f"refusing to overwrite existing {path}")
    written: list[Path] = []
    for path, text in targets:
        write_new_file(path, text, force=False)
        written.append(path)
    return written
