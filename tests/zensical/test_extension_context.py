"""The Markdown extension driven exactly as Zensical drives it, without Zensical installed.

Zensical's ``zensical/markdown/render.py`` builds, for every page, a ``Markdown`` from the
config's extension names with its ``ContextExtension`` inserted first; that extension
registers a ``Preprocessor`` named ``rendering_context`` (priority 0) carrying ``page`` (an
object with ``path``, ``url``, ``meta``) and the site ``config`` dict (``root_dir`` is the
config file's folder, ``docs_dir`` as written). The fake below does the same, so the
extension sees what it sees under Zensical; tests/zensical/test_zensical_build.py runs the
real thing.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from mkdocs_archdesign.cli import main
from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.frontmatter import find_front_matter_end
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.output.page_blocks import render_badge
from mkdocs_archdesign.core.validation.corpus import check_files
from mkdocs_archdesign.extension import session

REPO_ROOT = Path(__file__).resolve().parents[2]
COMPLETE = REPO_ROOT / "tests" / "fixtures" / "complete"
SUPERFENCES = {
    "pymdownx.superfences": {
        "custom_fences": [
            {
                "name": "mermaid",
                "class": "mermaid",
                "format": __import__("pymdownx.superfences").superfences.fence_code_format,
            }
        ]
    }
}


@dataclass
class FakePage:
    """zensical.extensions.context.Page: what the extension may read."""

    url: str
    path: str
    meta: dict[str, Any] = field(default_factory=dict)


class FakeContext(Preprocessor):
    name = "rendering_context"

    def __init__(self, md: Markdown, page: FakePage, config: dict[str, Any]) -> None:
        super().__init__(md)
        self.page = page
        self.config = config

    def run(self, lines: list[str]) -> list[str]:
        return lines


class FakeContextExtension(Extension):
    def __init__(self, page: FakePage, config: dict[str, Any]) -> None:
        super().__init__()
        self.page, self.site = page, config

    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(FakeContext(md, self.page, self.site), "rendering_context", 0)


@pytest.fixture(autouse=True)
def _fresh_process_state() -> None:
    # Each test is a new "process": Zensical keeps one for a whole serve session.
    session.forget_all()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    design = root / "docs" / "design"
    design.mkdir(parents=True)
    for path in COMPLETE.glob("*.md"):
        shutil.copy(path, design / path.name)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (design / "index.md").write_text(
        "# Design catalog\n\n```archdesign-catalog\n```\n", encoding="utf-8"
    )
    (root / "mkdocs.yml").write_text(
        "site_name: t\nmarkdown_extensions:\n  - mkdocs_archdesign.extension:\n"
        "      show_findings: always\n",
        encoding="utf-8",
    )
    return root


def render(
    root: Path, path: str, options: dict[str, Any] | None = None, *, context: bool = True
) -> str:
    """Render one page as zensical.markdown.render.render does."""
    source = (root / "docs" / path).read_text(encoding="utf-8")
    # Zensical parses front matter in Rust and hands over the body and the meta.
    lines = source.split("\n")
    end = find_front_matter_end(lines)
    meta = yaml.safe_load("\n".join(lines[1:end])) if end is not None else {}
    body = "\n".join(lines[end + 1 :]) if end is not None else source
    config = {"root_dir": str(root), "docs_dir": "docs", "use_directory_urls": True}
    url = path.removesuffix(".md").removesuffix("index") + "/"
    extensions: list[Any] = ["toc", "tables", "pymdownx.superfences", "mkdocs_archdesign.extension"]
    if context:
        extensions.insert(0, FakeContextExtension(FakePage(url, path, dict(meta)), config))
    md = Markdown(
        extensions=extensions,
        extension_configs={**SUPERFENCES, "mkdocs_archdesign.extension": options or {}},
    )
    return md.convert(body)


def corpus_summary(root: Path, name: str) -> Any:
    """What the CLI's corpus says about one design (the reference the page must show)."""
    files = sorted((root / "docs" / "design").glob("*-design.md"))
    summaries = check_files(files, load_template(), Settings(), base=root / "docs")
    return next(s for s in summaries if s.path == f"design/{name}")


def test_a_design_page_gets_the_core_badge_graph_and_next_step(project: Path) -> None:
    html = render(project, "design/order-service-design.md")
    assert render_badge(corpus_summary(project, "order-service-design.md")) in html
    assert '<pre class="mermaid"><code>flowchart' in html
    assert 'class="archdesign-next-step" data-search-exclude>Next step:' in html
    # The badge comes after the title, like the plugin puts it.
    assert html.index("<h1") < html.index("archdesign-badge")
    assert 'rel="stylesheet" href="data:text/css' in html


def test_edits_renames_and_deletes_show_on_the_next_render(project: Path) -> None:
    design = project / "docs" / "design"
    first = render(project, "design/order-service-design.md")
    assert "archdesign-status--approved" in first
    # Edited: the next render of the page shows the new status.
    text = (design / "order-service-design.md").read_text(encoding="utf-8")
    (design / "order-service-design.md").write_text(
        text.replace("status: Approved", "status: Pending Review"), encoding="utf-8"
    )
    assert "archdesign-status--pending-review" in render(project, "design/order-service-design.md")
    # Renamed: the new path is a design, the catalog lists it under its new URL.
    (design / "order-service-design.md").rename(design / "orders-design.md")
    assert "archdesign-badge" in render(project, "design/orders-design.md")
    catalog = render(project, "design/index.md")
    assert 'href="orders-design/"' in catalog
    assert "order-service-design/" not in catalog
    # Deleted: a design that depended on it gets the cross-design finding on its page.
    dependents = [p for p in design.glob("*-design.md") if "depends_on" in p.read_text("utf-8")]
    assert dependents, "the complete fixtures have a dependency"
    dependent = dependents[0]
    for other in design.glob("*-design.md"):
        if other != dependent:
            other.unlink()
    page = render(project, f"design/{dependent.name}", {"show_findings": "always"})
    assert "AD004" in page


def test_the_catalog_fence_renders_table_graph_board_and_assets(project: Path) -> None:
    html = render(project, "design/index.md")
    assert "```archdesign-catalog" not in html and "archdesign:catalog-table" not in html
    assert html.count('<tr data-status="') == 4
    assert "archdesign-board" in html
    assert "Dependency graph" in html
    assert 'src="data:text/javascript' in html and "data:text/css" in html
    # The catalog page is not a design itself.
    assert "archdesign-badge" not in html


def test_without_a_page_context_it_says_so_once_and_renders_nothing(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    plain = render(project, "design/order-service-design.md", context=False)
    render(project, "design/payment-gateway-design.md", context=False)
    assert "archdesign-badge" not in plain
    said = [r.getMessage() for r in caplog.records if "needs Zensical" in r.getMessage()]
    assert len(said) <= 1  # once per process (an earlier test may have said it already)
    from mkdocs_archdesign import extension

    assert extension.NO_CONTEXT in extension._said


def test_a_bad_option_is_one_line_and_nothing_is_rendered(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    html = render(project, "design/order-service-design.md", {"show_findings": "loud"})
    assert "archdesign-badge" not in html
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert any("show_findings: 'loud' is not one of serve, always, never" in e for e in errors)
    assert all("\n" not in e for e in errors)


def test_page_options_match_the_plugin_names(project: Path) -> None:
    html = render(
        project, "design/order-service-design.md", {"badge": False, "handoff_graph": False}
    )
    assert "archdesign-badge" not in html and "classDef current" not in html
    assert "archdesign-next-step" not in html


def test_check_reads_the_extensions_options(project: Path) -> None:
    # A Zensical site lists only the extension; `check`, the CI gate, uses its options.
    (project / "mkdocs.yml").write_text(
        "site_name: t\nmarkdown_extensions:\n  - mkdocs_archdesign.extension:\n"
        "      designs: ['design/order-*.md']\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        main, ["check", "--config", str(project / "mkdocs.yml"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert "order-service-design.md" in result.output
    assert "payment-gateway-design.md" not in result.output
    assert "index.md" not in result.output


def test_mkdocs_with_plugin_and_extension_renders_once(make_site: Any, caplog_mkdocs: Any) -> None:
    site = make_site(markdown_extensions=[{"mkdocs_archdesign.extension": {}}])
    for path in COMPLETE.glob("*.md"):
        site.write(f"design/{path.name}", path.read_text(encoding="utf-8"))
    site.build()
    page = site.html("design/order-service-design/index.html")
    assert page.count('<div class="archdesign-badge') == 1
    assert page.count('class="archdesign-next-step"') == 1
    messages = [r.getMessage() for r in caplog_mkdocs.records]
    assert any("the archdesign plugin renders this build" in m for m in messages)
    assert not any("needs Zensical" in m for m in messages)
