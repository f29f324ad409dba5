"""Shared fixtures: real tiny MkDocs sites built in ``tmp_path``, no mocked MkDocs."""

from __future__ import annotations

import logging
import sys
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from mkdocs_archdesign.core.document.template import default_template_source

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def render_default_template(
    title: str = "Order Service", module: str = "order_service", owner: str = "@alice"
) -> str:
    """The packaged template rendered as ``new`` would (a Draft full of placeholders)."""
    from mkdocs_archdesign.core.scaffold.design import DesignRequest, render_design

    return render_design(
        default_template_source(), DesignRequest(title, module, owner, "2024-01-01")
    )


@pytest.fixture(autouse=True)
def _fresh_mkdocs_process() -> Iterator[None]:
    """Give every test the plugin instances a fresh ``mkdocs`` process would get.

    MkDocs keeps plugins that define ``on_startup`` in the ``plugins`` option of the
    ``MkDocsConfig`` class, that is for the whole process: that is how ``serve`` reuses
    them across rebuilds. In one pytest process that made a test that served, or that
    warmed the validation cache, change the verdict of whichever test ran next (found by
    running the suite in random order). A test that means to reuse an instance does so
    within itself.
    """
    yield
    defaults = sys.modules.get("mkdocs.config.defaults")
    if defaults is not None:
        defaults.MkDocsConfig.plugins.plugin_cache.clear()


@dataclass
class Site:
    """A tiny MkDocs project in a temporary folder."""

    root: Path
    config: dict[str, Any]

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def write(self, relative: str, text: str) -> Path:
        """Write a docs file (dedented), creating folders."""
        path = self.docs / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text) if text.startswith("\n") else text, encoding="utf-8")
        return path

    def save_config(self) -> Path:
        path = self.root / "mkdocs.yml"
        path.write_text(yaml.safe_dump(self.config, sort_keys=False), encoding="utf-8")
        return path

    def load(self, **overrides: Any) -> Any:
        """``mkdocs.config.load_config`` on this site's mkdocs.yml."""
        from mkdocs.config import load_config

        return load_config(str(self.save_config()), **overrides)

    def build(self, **overrides: Any) -> Any:
        """Load the config and run a real ``mkdocs build``; returns the config used."""
        from mkdocs.commands.build import build

        config = self.load(**overrides)
        build(config)
        return config

    def html(self, relative: str) -> str:
        """Read a built page, e.g. ``design/order-service-design/index.html``."""
        return (self.site_dir / relative).read_text(encoding="utf-8")


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Site]:
    """Create a site: ``make_site(plugins=[...], theme=..., **extra_config)``."""

    def factory(plugins: list[Any] | None = None, theme: Any = "mkdocs", **extra: Any) -> Site:
        root = tmp_path / "project"
        (root / "docs").mkdir(parents=True, exist_ok=True)
        (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
        config: dict[str, Any] = {
            "site_name": "Test site",
            "docs_dir": "docs",
            "site_dir": "site",
            "theme": theme,
            "plugins": plugins if plugins is not None else ["archdesign"],
        }
        config.update(extra)
        return Site(root, config)

    return factory


@pytest.fixture
def caplog_mkdocs(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Capture everything MkDocs and the plugin log (DEBUG and up)."""
    caplog.set_level(logging.INFO, logger="mkdocs")
    yield caplog


@pytest.fixture
def build_total_of_check() -> Callable[[Path], str]:
    """``f(root)``: what a build's total must say, from ``check`` run there as a subprocess.

    ``check`` ends with ``6 designs, 2 Level 2 specs, 0 errors, 0 warnings, 147 info``; the
    plugin's and the extension's build logs must count the same docs the same way.
    """
    import re
    import subprocess
    import sys

    def expected(root: Path) -> str:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs_archdesign", "check", "--quiet"],
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        match = re.search(
            r"^(\d+) designs, (?:(\d+) Level 2 specs, )?(\d+) errors, (\d+) warnings, "
            r"(\d+) info$",
            result.stdout,
            re.M,
        )
        assert match is not None, result.stdout + result.stderr
        designs, specs, errors, warnings, infos = match.groups()
        kinds = f"{designs} design(s)" + (f", {specs} Level 2 spec(s)" if specs else "")
        return f"{kinds} checked: {errors} error(s), {warnings} warning(s), {infos} info"

    return expected
