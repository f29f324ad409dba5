"""Real ``zensical build`` runs in ``.venv-zensical`` (created by scripts/zensical-env.sh).

A tiny site, then the project's own docs site, whose design pages and catalog must show
the same badge, handoff graph, next step and catalog rows as its MkDocs build.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO_ROOT = Path(__file__).resolve().parents[2]
ZENSICAL = REPO_ROOT / ".venv-zensical" / "bin" / "zensical"
COMPLETE = REPO_ROOT / "tests" / "fixtures" / "complete"
DESIGN_PAGES = [
    "design/mkdocs-archdesign-design/index.html",
    *(
        f"design/examples/{name}-design/index.html"
        for name in (
            "order-service",
            "payment-gateway",
            "inventory-sync",
            "notification-hub",
            "legacy-order-export",
        )
    ),
]

pytestmark = pytest.mark.skipif(
    not ZENSICAL.is_file(), reason="no .venv-zensical: run scripts/zensical-env.sh to create it"
)


def zensical_build(root: Path) -> subprocess.CompletedProcess[str]:
    """``zensical build --clean`` in ``root``; fails the test on a non-zero exit."""
    result = subprocess.run(
        [str(ZENSICAL), "build", "--clean"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result


def badge(page: str) -> str:
    match = re.search(r'<div class="archdesign-badge.*?</div>', page, re.S)
    assert match is not None, "no badge"
    return match.group(0)


def next_step(page: str) -> str:
    match = re.search(r'<p class="archdesign-next-step"[^>]*>.*?</p>', page, re.S)
    assert match is not None, "no next step"
    return match.group(0).replace(" data-search-exclude", "")  # dropped by Zensical


def handoff_graph(page: str) -> str:
    """The handoff stepper block (the workflow drawn as HTML on every design page)."""
    match = re.search(r'<div class="archdesign-handoff".*?</details>\s*</div>', page, re.S)
    if match is None:
        raise AssertionError("no handoff graph")
    # Zensical's Markdown drops the bare data-search-exclude attribute; its search differs.
    return match.group(0).replace(" data-search-exclude", "")


def catalog_rows(page: str) -> list[str]:
    rows = re.findall(r'<tr data-status=".*?</tr>', page, re.S)
    assert rows, "no catalog rows"
    return rows


def test_a_tiny_site_builds_with_the_extension(tmp_path: Path) -> None:
    root = tmp_path / "site-project"
    design = root / "docs" / "design"
    design.mkdir(parents=True)
    for path in COMPLETE.glob("*.md"):
        shutil.copy(path, design / path.name)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (design / "index.md").write_text(
        "# Design catalog\n\n```archdesign-catalog\n```\n", encoding="utf-8"
    )
    (root / "mkdocs.yml").write_text(
        "site_name: Tiny\n"
        "markdown_extensions:\n"
        "  - pymdownx.superfences:\n"
        "      custom_fences:\n"
        "        - name: mermaid\n"
        "          class: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format\n"
        "  - mkdocs_archdesign.extension:\n"
        "      designs: ['design/**/*.md']\n",
        encoding="utf-8",
    )
    result = zensical_build(root)
    log = result.stdout + result.stderr
    assert "archdesign: 4 design(s) checked: 0 error(s), 0 warning(s)" in log
    page = (root / "site/design/order-service-design/index.html").read_text(encoding="utf-8")
    assert "archdesign-status--approved" in badge(page)
    assert "archdesign-handoff__step--current" in handoff_graph(page)
    assert "Next step:" in next_step(page)
    catalog = (root / "site/design/index.html").read_text(encoding="utf-8")
    assert len(catalog_rows(catalog)) == 4
    assert "archdesign-board" in catalog


@pytest.fixture(scope="module")
def docs_sites(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The docs site built by Zensical and by MkDocs + Material, from the same sources."""
    root = tmp_path_factory.mktemp("zensical-docs")
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "docs", root / "docs")
    result = zensical_build(root)
    (root / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    mkdocs_site = tmp_path_factory.mktemp("mkdocs-docs")
    build(load_config(str(REPO_ROOT / "mkdocs.yml"), strict=True, site_dir=str(mkdocs_site)))
    return root / "site", mkdocs_site


@pytest.mark.parametrize("page", DESIGN_PAGES)
def test_zensical_design_pages_match_the_mkdocs_build(
    docs_sites: tuple[Path, Path], page: str
) -> None:
    zensical, mkdocs = ((site / page).read_text(encoding="utf-8") for site in docs_sites)
    assert badge(zensical) == badge(mkdocs)
    assert handoff_graph(zensical) == handoff_graph(mkdocs)
    assert next_step(zensical) == next_step(mkdocs)


def test_zensical_catalog_matches_the_mkdocs_build(docs_sites: tuple[Path, Path]) -> None:
    zensical, mkdocs = (
        (site / "design/index.html").read_text(encoding="utf-8") for site in docs_sites
    )
    assert catalog_rows(zensical) == catalog_rows(mkdocs)
    assert len(catalog_rows(zensical)) == len(DESIGN_PAGES)
    for marker in ("data-archdesign-catalog", "archdesign-board", "Dependency graph"):
        assert marker in zensical, marker
    # The dependency graph is the same source, Level 2 chain and links included.
    graphs = [
        re.findall(r'<pre class="mermaid"><code>(.*?)</code></pre>', page, re.S)
        for page in (zensical, mkdocs)
    ]
    assert graphs[0] == graphs[1] and len(graphs[0]) == 1
    source = html.unescape(graphs[0][0])
    assert re.search(r"^    d\d+ -\.->\|Level 2\| s\d+$", source, re.M)
    assert re.search(r'^    click s\d+ href "examples/payment-gateway-api-spec/"$', source, re.M)


def test_zensical_counts_designs_and_specs_as_check_does(
    docs_sites: tuple[Path, Path], build_total_of_check: Callable[[Path], str]
) -> None:
    log = (docs_sites[0].parent / "build.log").read_text(encoding="utf-8")
    total = build_total_of_check(REPO_ROOT)
    assert "2 Level 2 spec(s)" in total
    assert f"archdesign: {total}" in log


def test_a_design_over_max_file_bytes_is_ad000_on_zensical(tmp_path: Path) -> None:
    root = tmp_path / "capped"
    (root / "docs" / "design").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / "design" / "big-design.md").write_text(
        "---\nstatus: Draft\n---\n# Big\n\n" + "x" * 5000 + "\n", encoding="utf-8"
    )
    (root / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - mkdocs_archdesign.extension:\n"
        "      max_file_bytes: 4096\n      show_findings: always\n",
        encoding="utf-8",
    )
    result = zensical_build(root)
    assert "design/big-design.md:1 AD000 cannot read design/big-design.md: larger than the " in (
        result.stdout + result.stderr
    )
    assert "4096-byte size cap" in result.stdout + result.stderr
    page = (root / "site/design/big-design/index.html").read_text(encoding="utf-8")
    # Zensical itself reads and publishes the page's text; the extension shows why it
    # refused the design (the plugin, under MkDocs, also withholds the text).
    assert "AD000" in page and "4096-byte size cap" in page


def test_a_hostile_title_is_escaped_on_zensical(tmp_path: Path) -> None:
    # Zensical prints page.meta's title unescaped (<title>, nav, header): the extension
    # neutralises a design's front matter as the plugin does under MkDocs.
    root = tmp_path / "hostile"
    (root / "docs" / "design").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    (root / "docs" / "design" / "x-design.md").write_text(
        '---\ntitle: "<img src=x onerror=alert(1)>"\nstatus: Draft\n---\n# X\n\ntext\n',
        encoding="utf-8",
    )
    (root / "mkdocs.yml").write_text(
        "site_name: x\nmarkdown_extensions:\n  - mkdocs_archdesign.extension\n", encoding="utf-8"
    )
    zensical_build(root)
    page = (root / "site/design/x-design/index.html").read_text(encoding="utf-8")
    assert "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
