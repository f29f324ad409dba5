"""Design pages as a reader sees them at 1280 px: the compact stepper, the Design Review block,
and every mermaid set-up the configuration page documents, built from its exact snippet."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "plugin"))
from plugin_helpers import complete_design, write_complete

pytestmark = pytest.mark.browser

REPO_ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO_ROOT / "test-artifacts"
CONFIGURATION = REPO_ROOT / "docs" / "configuration.md"
DESIGN_PAGE = "design/order-service-design/index.html"
#: The issue's budget for the workflow block at 1280 px, whatever the complexity.
MAX_HEIGHT = 200


def documented_setup(heading: str) -> str:
    """The first ``yaml`` block under ``### heading`` on the configuration page, verbatim."""
    text = CONFIGURATION.read_text(encoding="utf-8")
    section = text.split(f"\n### {heading}\n", 1)[1].split("\n### ", 1)[0]
    match = re.search(r"```yaml[^\n]*\n(.*?)```", section, re.S)
    assert match is not None, f"no yaml block under {heading!r}"
    return match.group(1)


def build_from(root: Path, mkdocs_yml: str) -> Path:
    """Write ``mkdocs.yml`` as given plus the complete designs, build, return the site dir."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text(mkdocs_yml, encoding="utf-8")
    docs = root / "docs"
    (docs / "design").mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Home\n", encoding="utf-8")
    for fixture in (REPO_ROOT / "tests" / "fixtures" / "complete").glob("*.md"):
        (docs / "design" / fixture.name).write_text(fixture.read_text("utf-8"), "utf-8")
    build(load_config(str(root / "mkdocs.yml")))
    return root / "site"


def viewport_shot(page: Any, name: str) -> Path:
    """The first screen (1280 x 900) as ``test-artifacts/<name>.png``."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


#: Material draws into closed shadow roots; opened, the test can read what was drawn.
OPEN_SHADOW_ROOTS = (
    "const attach = Element.prototype.attachShadow;"
    "Element.prototype.attachShadow = function (init) {"
    " return attach.call(this, { ...init, mode: 'open' }); };"
)


def assert_diagrams_drawn(page: Any) -> None:
    """Every mermaid block has become an SVG with a size, none says "Syntax error"."""
    page.wait_for_function(
        "(() => { const blocks = [...document.querySelectorAll('.mermaid')];"
        " return blocks.length > 0 && blocks.every(b => b.getBoundingClientRect().height > 30"
        " && (b.querySelector('svg') || (b.shadowRoot && b.shadowRoot.querySelector('svg'))));"
        " })()",
        timeout=30_000,
    )
    text = page.evaluate(
        "[...document.querySelectorAll('.mermaid')].map(b => (b.shadowRoot"
        " ? b.shadowRoot.textContent : '') + b.textContent).join(' ')"
    )
    assert "Syntax error" not in text
    assert "flowchart" not in page.locator("article, [role=main], body").first.inner_text()


@pytest.mark.parametrize("complexity", ["Simple", "Medium", "Complex"])
def test_the_stepper_fits_the_first_screen_for_every_complexity(
    make_site: Any, serve_site: Any, page: Any, complexity: str
) -> None:
    site = make_site(theme={"name": "material"}, plugins=[{"archdesign": {"catalog": False}}])
    text = re.sub(r"(?m)^complexity: .*\n", "", complete_design())
    text = text.replace("status: Approved\n", f"status: Approved\ncomplexity: {complexity}\n")
    site.write("design/order-service-design.md", text)
    site.build()
    page.goto(f"{serve_site(site.site_dir)}/{DESIGN_PAGE}")
    block = page.locator(".archdesign-handoff")
    box = block.bounding_box()
    viewport_shot(page, f"stepper-{complexity.lower()}")
    assert box is not None and 0 < box["height"] <= MAX_HEIGHT, box
    steps = page.locator(".archdesign-handoff__step")
    expected = {"Simple": 5, "Medium": 7, "Complex": 8}[complexity]
    assert steps.count() == expected
    tops = {round(steps.nth(i).bounding_box()["y"]) for i in range(expected)}
    assert len(tops) == 1, "the stages must stay on one line"
    current = page.locator(".archdesign-handoff__step[aria-current=step]")
    assert "api-designer" in current.text_content()
    assert "python-api-designer" in current.get_attribute("title")
    # The current stage shows its name in full; the others may be cut with an ellipsis.
    assert current.evaluate("e => e.scrollWidth <= e.clientWidth")
    # The design's own text starts on the first screen.
    first_heading = page.locator("article h2, .md-content h2").first.bounding_box()
    assert first_heading is not None and first_heading["y"] < 900
    viewport_shot(page, f"stepper-{complexity.lower()}")
    page.locator(".archdesign-handoff__details > summary").click()
    items = page.locator(".archdesign-handoff__list > li")
    expect_visible(items.first)
    assert items.count() == expected
    assert "current step" in page.locator(".archdesign-handoff__item--current").text_content()
    viewport_shot(page, f"stepper-{complexity.lower()}-open")


def expect_visible(locator: Any) -> None:
    from playwright.sync_api import expect

    expect(locator).to_be_visible()


@pytest.mark.parametrize("tasklist", [False, True])
def test_the_design_review_block_renders_as_written(
    make_site: Any, serve_site: Any, page: Any, tasklist: bool
) -> None:
    extensions = ["pymdownx.tasklist"] if tasklist else []
    site = make_site(theme={"name": "material"}, markdown_extensions=extensions)
    write_complete(site)
    site.build()
    page.goto(f"{serve_site(site.site_dir)}/{DESIGN_PAGE}")
    boxes = [
        page.get_by_text(label, exact=True).first.bounding_box()
        for label in ("Status", "Reviewer", "Review Date")
    ]
    tops = [box["y"] for box in boxes if box is not None]
    assert len(tops) == 3 and tops[0] < tops[1] < tops[2], "each label on its own line"
    boxes_checked = page.locator("article input[type=checkbox]:checked")
    assert boxes_checked.count() == complete_design().count("- [x] ")
    assert "[x]" not in page.locator("article").inner_text()
    viewport_shot(page, f"design-review-tasklist-{'on' if tasklist else 'off'}")
    page.get_by_text("Review Checklist").first.scroll_into_view_if_needed()
    viewport_shot(page, f"design-review-checklist-{'on' if tasklist else 'off'}")


@pytest.mark.parametrize(
    ("heading", "name"),
    [
        ("Material for MkDocs (recommended)", "material-superfences"),
        ("Material with mkdocs-mermaid2-plugin", "material-mermaid2"),
        ("The default theme with mkdocs-mermaid2-plugin", "mkdocs-mermaid2"),
    ],
)
def test_every_documented_setup_draws_the_diagrams(
    tmp_path: Path, serve_site: Any, page: Any, heading: str, name: str
) -> None:
    site_dir = build_from(tmp_path, documented_setup(heading))
    url = serve_site(site_dir)
    page.add_init_script(OPEN_SHADOW_ROOTS)
    for path in (DESIGN_PAGE, "design/index.html"):
        page.goto(f"{url}/{path}")
        assert_diagrams_drawn(page)
        viewport_shot(page, f"setup-{name}-{path.split('/')[-2] or 'catalog'}")


def test_the_default_theme_alone_says_what_to_add_and_that_line_draws(
    tmp_path: Path, serve_site: Any, page: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level("WARNING", logger="mkdocs")
    documented = documented_setup("The default theme alone")
    build_from(tmp_path / "alone", documented)
    hints = [r.getMessage() for r in caplog.records if "mermaid diagrams" in r.getMessage()]
    assert len(hints) == 1
    line = hints[0].split("add to mkdocs.yml: ", 1)[1].split("; or set", 1)[0]
    # The page still reads: badge and stepper are HTML, with no mermaid source above them.
    page.goto(f"{serve_site(tmp_path / 'alone' / 'site')}/{DESIGN_PAGE}")
    assert page.locator(".archdesign-handoff__step").count() == 7  # the fixture is Medium
    first = page.locator(".archdesign-handoff").bounding_box()
    assert first is not None and first["y"] < 400
    # Replacing the plugins line with the one the warning names makes the diagrams draw.
    fixed = re.sub(r"(?ms)^plugins:\n(?:  - .*\n)+", line + "\n", documented)
    site_dir = build_from(tmp_path / "fixed", fixed)
    page.add_init_script(OPEN_SHADOW_ROOTS)
    page.goto(f"{serve_site(site_dir)}/{DESIGN_PAGE}")
    assert_diagrams_drawn(page)
