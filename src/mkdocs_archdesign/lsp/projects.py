"""Which project a document belongs to, and that project's live corpus.

The server gives a verdict only where ``check`` would: the project is found from the
document's folder the way ``check`` finds it (the nearest ``mkdocs.yml`` upwards, else
the workspace folder with the defaults), with the same options and template, and the
document gets diagnostics only when that project's ``designs`` globs select it.

A project is reloaded when its ``mkdocs.yml`` or its template changes on disk (their
stamps are compared before every validation, which costs two ``stat`` calls), so an
edited config or template applies without restarting the server.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs_archdesign.core.config.project import (
    ProjectConfig,
    ProjectConfigError,
    find_config_file,
    load_project_config,
)
from mkdocs_archdesign.core.config.schema import DEFAULT_RULES_URL, OptionError, parse_option
from mkdocs_archdesign.core.document.template import Template, TemplateError, load_template
from mkdocs_archdesign.core.validation.corpus import (
    configured_designs,
    display_paths,
    is_design_path,
)
from mkdocs_archdesign.core.validation.live import FileStamp, LiveCorpus

#: The config file looked for in a document's folder and each folder above it.
CONFIG_NAME = "mkdocs.yml"


class ProjectError(Exception):
    """A project's config or template cannot be used; the message is one line."""


def find_config(start: Path) -> Path | None:
    """The nearest config in ``start`` or above, as ``check`` finds it, made absolute.

    Args:
        start: The document's folder.

    Returns:
        The config file, or ``None``.
    """
    found = find_config_file(start)
    return found.absolute() if found is not None else None


def load_project(config: Path | None, root: Path) -> tuple[ProjectConfig, Template]:
    """The project config and template, as ``check`` loads them.

    Args:
        config: The ``mkdocs.yml``, or ``None`` for the defaults.
        root: The project folder when there is no config.

    Returns:
        The config and the template in force.

    Raises:
        ProjectError: With ``check``'s one-line message when either cannot be used.
    """
    try:
        project = load_project_config(config) if config else ProjectConfig.default(root)
        template = load_template(project.settings.template, project.settings.section_levels)
    except (ProjectConfigError, TemplateError) as exc:
        raise ProjectError(str(exc)) from None
    return project, template


@dataclass(slots=True)
class Project:
    """A loaded project: its config, template, corpus and what says it is current."""

    root: Path
    config: ProjectConfig
    template: Template
    corpus: LiveCorpus
    stamps: tuple[FileStamp | None, ...]
    rules_url: str = DEFAULT_RULES_URL
    files: dict[str, Path] = field(default_factory=dict)

    def shown(self, path: Path) -> str:
        """The path ``check`` run in the project folder prints for ``path``."""
        return display_paths([path], self.root)[0]

    def is_design(self, path: Path) -> bool:
        """Whether the ``designs`` globs select ``path``."""
        try:
            relative = path.relative_to(self.config.docs_dir).as_posix()
        except ValueError:
            return False
        return path.suffix == ".md" and is_design_path(relative, self.config.settings.designs)


def _watched(config: Path | None, project: ProjectConfig) -> tuple[Path, ...]:
    template = project.settings.template
    return tuple(p for p in (config, Path(template) if template else None) if p is not None)


class Projects:
    """Every project the editor has opened a document of, keyed by its config (or root)."""

    def __init__(self, workspace_roots: Callable[[], Iterable[Path]]) -> None:
        """Find projects inside the folders ``workspace_roots()`` lists."""
        self._roots = workspace_roots
        self._projects: dict[Path, Project] = {}
        self.errors: dict[Path, str] = {}

    def locate(self, path: Path) -> tuple[Path | None, Path] | None:
        """The config and root of the project ``path`` belongs to, or ``None``."""
        roots = sorted(
            (r for r in self._roots() if r == path or r in path.parents),
            key=lambda r: len(r.parts),
            reverse=True,
        )
        stop = roots[0] if roots else None
        config = find_config(path.parent)
        if config is not None:
            return config, config.parent
        if stop is None:
            return None
        return None, stop

    def project_for(self, path: Path) -> Project | None:
        """The current project of a document, loading or reloading it as needed.

        Raises:
            ProjectError: If the project's config or template cannot be used.
        """
        located = self.locate(path)
        if located is None:
            return None
        config, root = located
        key = config if config is not None else root
        project = self._projects.get(key)
        if project is not None and project.stamps == tuple(
            FileStamp.of(p) for p in _watched(config, project.config)
        ):
            return project
        try:
            project = self._load(config, root)
        except ProjectError as exc:
            self._projects.pop(key, None)
            self.errors[key] = str(exc)
            raise
        self.errors.pop(key, None)
        self._projects[key] = project
        return project

    def loaded(self) -> list[Project]:
        """The projects loaded so far."""
        return list(self._projects.values())

    def forget(self, key: Path | None = None) -> None:
        """Drop one project (by config or root), or all, so the next use reloads it."""
        if key is None:
            self._projects.clear()
        else:
            self._projects.pop(key, None)

    @staticmethod
    def _load(config: Path | None, root: Path) -> Project:
        project, template = load_project(config, root)
        corpus = LiveCorpus(template, project.settings)
        docs = project.docs_dir
        files = configured_designs(docs, project.settings.designs) if docs.is_dir() else []
        shown = display_paths(files, root)
        corpus.load_files(zip(shown, files, strict=True), skip_catalog=True)
        try:
            # The one options schema the plugin's ``rules_url`` is read with.
            rules_url = parse_option("rules_url", project.options.get("rules_url"))
        except OptionError as exc:
            raise ProjectError(f"{config}: plugins: archdesign: {exc}") from None
        return Project(
            root=root,
            config=project,
            template=template,
            corpus=corpus,
            stamps=tuple(FileStamp.of(p) for p in _watched(config, project)),
            rules_url=rules_url if isinstance(rules_url, str) and rules_url else DEFAULT_RULES_URL,
            # Only the designs: the catalog page the corpus left out is none.
            files={name: path for name, path in zip(shown, files, strict=True) if name in corpus},
        )
