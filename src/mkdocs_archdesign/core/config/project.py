"""Read the archdesign options from a ``mkdocs.yml`` without importing MkDocs.

The CLI must work where MkDocs is absent or broken (a site built by another
generator, a CI job with only this package), and must never execute anything a
config names. So the file is read with a safe YAML loader that understands MkDocs'
own tags (``!ENV``, ``!relative``) and turns every other tag, including
``!!python/name:`` that Material's mermaid fence uses, into an inert value.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from mkdocs_archdesign.core.config.schema import (
    OptionError,
    parse_option,
    settings_from_options,
    unknown_option_warnings,
)
from mkdocs_archdesign.core.config.settings import DEFAULT_DESIGNS, Settings
from mkdocs_archdesign.core.files import UnreadableFileError, read_text

#: The plugin's name in ``plugins:`` (the ``mkdocs.plugins`` entry point).
PLUGIN_NAME = "archdesign"

#: The config file names looked for, in MkDocs' own order of preference.
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")

#: How deep ``INHERIT:`` chains may go before we call it a loop.
_MAX_INHERIT_DEPTH = 20


class ProjectConfigError(Exception):
    """The config cannot be used; the message is one line naming the file and option."""


@dataclass(frozen=True, slots=True)
class ProjectConfig:
    """What the CLI needs from a project's ``mkdocs.yml``.

    Attributes:
        path: The config file, or ``None`` when there is none (defaults apply).
        docs_dir: The docs folder, resolved against the config file's folder.
        settings: Validator settings from the archdesign plugin options.
        enabled: Whether the archdesign plugin is listed and enabled.
        options: The raw plugin options, for commands that read more than ``Settings``.
        warnings: One line per unknown option name (``show_finding: unknown option ...``).
    """

    path: Path | None
    docs_dir: Path
    settings: Settings
    enabled: bool
    options: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def design_dir(self) -> Path:
        """Where ``new`` writes: the docs folder's ``design/`` (``docs/design`` without config)."""
        return self.docs_dir / "design"

    @property
    def root(self) -> Path:
        """The folder relative paths in the config are resolved against."""
        return self.path.parent if self.path is not None else Path.cwd()

    @classmethod
    def default(cls, root: Path | None = None) -> ProjectConfig:
        """The configuration used when there is no ``mkdocs.yml``: ``docs/`` and defaults."""
        base = root if root is not None else Path.cwd()
        return cls(path=None, docs_dir=base / "docs", settings=Settings(), enabled=False)


class _ConfigLoader(yaml.SafeLoader):
    """A SafeLoader that knows MkDocs' tags and neutralises every other tag."""

    config_dir: Path = Path()


def _construct_env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    # Same semantics as pyyaml-env-tag (what MkDocs uses): every item but the last
    # names a variable; the last item of a list of two or more is the default.
    if isinstance(node, yaml.ScalarNode):
        names: list[yaml.Node] = [node]
        default: Any = None
    elif isinstance(node, yaml.SequenceNode) and node.value:
        names = list(node.value)
        default = None
        if len(names) > 1:
            default = loader.construct_object(names.pop())
    else:
        return None
    for name_node in names:
        if not isinstance(name_node, yaml.ScalarNode):
            continue
        name = loader.construct_scalar(name_node)
        if name in os.environ:
            raw = os.environ[name]
            tag = loader.resolve(yaml.ScalarNode, raw, (True, False))  # type: ignore[no-untyped-call]
            return loader.construct_object(yaml.ScalarNode(tag, raw))
    return default


def _construct_relative(loader: _ConfigLoader, node: yaml.Node) -> Any:
    # MkDocs resolves ``!relative`` against the current Markdown file at build time;
    # outside a build the config folder is the only meaningful anchor.
    value = loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else ""
    value = str(value)
    if value in ("", "$config_dir"):
        return str(loader.config_dir)
    return value


def _construct_inert(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    # Keep the shape of the data but never import or call anything.
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node, deep=True)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    value = loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else ""
    return value if value else str(node.tag)


_ConfigLoader.add_constructor("!ENV", _construct_env)
_ConfigLoader.add_constructor("!relative", _construct_relative)
_ConfigLoader.add_multi_constructor("", _construct_inert)


def read_yaml_config(path: Path) -> dict[str, Any]:
    """Read one YAML config file, tags neutralised, ``INHERIT:`` not followed.

    Args:
        path: The file.

    Returns:
        The top-level mapping (empty for an empty file).

    Raises:
        ProjectConfigError: If the file cannot be read, is not YAML, or is not a mapping.
    """
    try:
        text = read_text(path, "config", encoding="utf-8-sig")
    except UnreadableFileError as exc:
        raise ProjectConfigError(str(exc)) from None
    loader = _ConfigLoader(text)
    loader.config_dir = path.parent
    try:
        data = loader.get_single_data()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or exc.__class__.__name__
        raise ProjectConfigError(f"{path}{where}: not valid YAML: {problem}") from None
    finally:
        loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ProjectConfigError(f"{path}: not a mapping of options")
    return data


def deep_merge(parent: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    """Merge ``child`` over ``parent`` like MkDocs' ``INHERIT``: dicts merge, the rest replaces.

    Args:
        parent: The inherited config.
        child: The inheriting config; its values win.

    Returns:
        A new mapping; the inputs are not modified.
    """
    merged: dict[str, Any] = dict(parent)
    for key, value in child.items():
        base = merged.get(key)
        if isinstance(base, Mapping) and isinstance(value, Mapping):
            merged[key] = deep_merge(base, value)
        else:
            merged[key] = value
    return merged


def load_yaml_with_inherit(path: Path) -> dict[str, Any]:
    """Read a config and every file it ``INHERIT``s, merged child-over-parent.

    Args:
        path: The config file.

    Returns:
        The merged mapping without the ``INHERIT`` key.

    Raises:
        ProjectConfigError: On any unreadable file in the chain, or an inheritance loop.
    """
    chain: list[dict[str, Any]] = []
    seen: list[Path] = []
    current: Path | None = path
    while current is not None:
        resolved = current.resolve()
        if resolved in seen or len(seen) >= _MAX_INHERIT_DEPTH:
            raise ProjectConfigError(f"{path}: INHERIT loops back to {current}")
        seen.append(resolved)
        data = read_yaml_config(current)
        parent = data.pop("INHERIT", None)
        chain.append(data)
        if parent is None:
            current = None
        elif isinstance(parent, str) and parent.strip():
            current = current.parent / parent
            if not current.is_file():
                raise ProjectConfigError(f"{seen[-1]}: INHERIT: file not found: {current}")
        else:
            raise ProjectConfigError(f"{current}: INHERIT: expected a file path")
    merged: dict[str, Any] = {}
    for data in reversed(chain):
        merged = deep_merge(merged, data)
    return merged


def find_plugin_options(data: Mapping[str, Any], path: Path) -> tuple[bool, dict[str, Any]]:
    """Find the archdesign plugin in ``plugins:`` (list or mapping form).

    Args:
        data: The merged config.
        path: The config file, for messages.

    Returns:
        ``(listed, options)``; options are empty when the plugin has none.

    Raises:
        ProjectConfigError: If ``plugins`` or the plugin's options have the wrong shape.
    """
    plugins = data.get("plugins")
    if plugins is None:
        return False, {}
    entries: list[tuple[Any, Any]]
    if isinstance(plugins, Mapping):
        entries = list(plugins.items())
    elif isinstance(plugins, list):
        entries = []
        for item in plugins:
            if isinstance(item, Mapping):
                entries.extend(item.items())
            else:
                entries.append((item, None))
    else:
        raise ProjectConfigError(f"{path}: plugins: expected a list or a mapping")
    for name, options in entries:
        if name != PLUGIN_NAME:
            continue
        if options is None:
            return True, {}
        if not isinstance(options, Mapping):
            raise ProjectConfigError(f"{path}: plugins: {PLUGIN_NAME}: expected a mapping")
        return True, dict(options)
    return False, {}


def load_project_config(path: Path) -> ProjectConfig:
    """Read a project's ``mkdocs.yml`` (following ``INHERIT``) into a :class:`ProjectConfig`.

    Args:
        path: The config file.

    Returns:
        The project configuration.

    Raises:
        ProjectConfigError: If the file cannot be read or an option is invalid.
    """
    data = load_yaml_with_inherit(path)
    listed, options = find_plugin_options(data, path)
    docs_dir = data.get("docs_dir", "docs")
    if not isinstance(docs_dir, str) or not docs_dir.strip():
        raise ProjectConfigError(f"{path}: docs_dir: expected a folder path")
    prefix = f"{path}: plugins: {PLUGIN_NAME}"
    try:
        enabled = bool(parse_option("enabled", options.get("enabled")))
        # Parses every option of the schema, not only those Settings holds, so `check`
        # refuses `badge: maybe` exactly as `mkdocs build` does.
        settings = settings_from_options(options, path.parent)
    except OptionError as exc:
        raise ProjectConfigError(f"{prefix}: {exc}") from None
    return ProjectConfig(
        path=path,
        docs_dir=path.parent / docs_dir,
        settings=settings,
        enabled=listed and enabled,
        options=options,
        warnings=tuple(f"{prefix}: {w}" for w in unknown_option_warnings(options)),
    )


def find_config_file(start: Path) -> Path | None:
    """The nearest ``mkdocs.yml`` in ``start`` or a folder above it, up to the root.

    Args:
        start: A folder (or a file, whose folder is used) to search from.

    Returns:
        The config file, shown relative to the current folder when it sits in it or
        above it (``../mkdocs.yml``), else absolute; ``None`` when there is none.
    """
    here = Path(os.path.normpath(start.absolute()))
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return _near_form(candidate)
    return None


def _near_form(path: Path) -> Path:
    # Messages and design paths derive from the config path, so keep it the way the
    # user would type it from where they stand.
    cwd = Path.cwd()
    folder = path.parent
    if folder == cwd or folder in cwd.parents:
        return Path(os.path.relpath(path, cwd))
    return path


def discover_project(start: Path, explicit: Path | None = None) -> ProjectConfig:
    """Find and read the project a folder belongs to, as ruff and git find theirs.

    Walks up from ``start`` to the filesystem root for ``mkdocs.yml`` (``explicit``,
    the ``--config`` value, overrides the search); ``docs_dir``, ``designs`` and the
    template resolve relative to that file. With no config anywhere above, the
    defaults apply (``docs/`` under the current folder).

    Args:
        start: The folder to search from (the current folder for the CLI, the
            document's folder for an editor).
        explicit: A config file that must be used instead of searching.

    Returns:
        The project configuration.

    Raises:
        ProjectConfigError: If the config cannot be read or parsed (one line with its
            path and line), or an option is invalid.
    """
    path = explicit if explicit is not None else find_config_file(start)
    if path is None:
        return ProjectConfig.default()
    return load_project_config(path)


__all__ = [
    "CONFIG_NAMES",
    "DEFAULT_DESIGNS",
    "PLUGIN_NAME",
    "ProjectConfig",
    "ProjectConfigError",
    "deep_merge",
    "discover_project",
    "find_config_file",
    "find_plugin_options",
    "load_project_config",
    "load_yaml_with_inherit",
    "read_yaml_config",
    "settings_from_options",
]
