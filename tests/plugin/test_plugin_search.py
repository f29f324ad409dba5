"""Search hygiene and nav status: what the plugin adds to every page, and what it keeps out."""

from __future__ import annotations

import json
import re

import pytest
from plugin_helpers import with_superfences, write_complete

DESIGN = "design/order-service-design/"


def design_entries(site) -> list[dict[str, str]]:
    index = json.loads((site.site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    return [doc for doc in index["docs"] if doc["location"].startswith(DESIGN)]


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_the_plugins_blocks_stay_out_of_search_but_status_owner_and_id_are_found(make_site, theme):
    site = make_site(theme={"name": theme}, plugins=["search", "archdesign"])
    if theme == "material":
        with_superfences(site)
    write_complete(site)
    site.build()
    entries = design_entries(site)
    text = " ".join(doc["text"] for doc in entries)
    # Before: the stepper's role names and the mermaid classDef lines were in every design.
    assert "classDef" not in text and "python-coder-specialist" not in text
    assert "Next step" not in text
    first = entries[0]["text"] if entries[0]["location"] == DESIGN else entries[1]["text"]
    for words in ("Status", "Approved", "Owner", "@alice", "Design id", "order-service"):
        assert words in text, words
    # Separated, not run together ("Status ApprovedCompleteness ...").
    assert re.search(r"Status\s+Approved\s*;\s*Owner\s+@alice\s*;", first)
    # The page itself still shows every block.
    html = site.html(f"{DESIGN}index.html")
    assert 'class="archdesign-handoff"' in html and "archdesign-next-step" in html


@pytest.mark.parametrize(
    ("option", "designs", "shown"),
    [
        ("auto", 2, True),
        ("auto", 60, False),
        (True, 60, True),
        (False, 2, False),
    ],
)
def test_nav_status_option(make_site, option, designs, shown):
    site = make_site(
        theme={"name": "material"},
        plugins=[{"archdesign": {"nav_status": option, "fail_on": "never", "catalog": False}}],
    )
    for number in range(designs):
        site.write(f"design/d{number}-design.md", f"---\nstatus: Approved\n---\n# D{number}\n")
    site.build()
    html = site.html("index.html")
    assert ("md-status--archdesign-approved" in html) is shown
    # Off, no design's own status word becomes an empty icon in the nav either.
    assert ("md-status md-status--" in html) is shown


def test_nav_icons_follow_the_stage_of_the_teams_words(make_site):
    site = make_site(
        theme={"name": "material"},
        plugins=[
            {
                "archdesign": {
                    "fail_on": "never",
                    "catalog": False,
                    "statuses": {"Proposed": "pending-review", "Accepted": "approved"},
                }
            }
        ],
    )
    site.write("design/a-design.md", "---\nstatus: Accepted\n---\n# A\n")
    site.write("design/b-design.md", "---\nstatus: proposed\n---\n# B\n")
    site.write("design/c-design.md", "---\nstatus: Approved\n---\n# C\n")  # not configured
    site.build()
    html = site.html("index.html")
    assert html.count("md-status--archdesign-approved") == 1
    assert html.count("md-status--archdesign-pending-review") == 1
    assert html.count("md-status--archdesign-unknown") == 1
    # The tooltip names the stage in the team's word.
    assert 'title="Design: Accepted"' in html
    assert 'title="Design: Proposed"' in html


def test_search_reads_the_badges_words_and_none_of_the_excluded_blocks():
    from mkdocs_archdesign.plugin.site_setup import search_stand_ins, with_stand_ins

    badge = (
        '<div class="archdesign-badge" role="group"><span class="l">Owner</span> '
        '<span class="v">&lt;script&gt;alert(1)&lt;/script&gt;</span></div>'
    )
    excluded = '<div class="archdesign-handoff" data-search-exclude><ol><li>a</li></ol></div>'
    fence = "```mermaid\nflowchart LR\n```"
    pairs = search_stand_ins([f"\n{badge}\n", excluded, fence])
    # The words stay (still escaped: the stand-in is HTML too); the tags and the
    # excluded block go; a Markdown block is not raw HTML in the page, so it is not paired.
    assert pairs == [(badge, "Owner &lt;script&gt;alert(1)&lt;/script&gt;"), (excluded, "")]
    page = f"<h1>T</h1>\n{badge}\n\n{excluded}\n<p>{badge}</p>"
    assert with_stand_ins(page, pairs) == (
        f"<h1>T</h1>\nOwner &lt;script&gt;alert(1)&lt;/script&gt;\n\n\n<p>{badge}</p>"
    )


@pytest.mark.parametrize("theme", ["mkdocs", "material"])
def test_the_catalog_page_is_found_by_its_headings_not_by_every_designs_row(make_site, theme):
    site = make_site(theme={"name": theme}, plugins=["search", "archdesign"])
    with_superfences(site)
    write_complete(site)
    site.build()
    index = json.loads((site.site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    catalog = [doc for doc in index["docs"] if doc["location"].startswith("design/#")]
    text = " ".join(doc["text"] for doc in catalog)
    titles = {doc["title"] for doc in catalog}
    assert {"Designs", "Dependency graph", "Handoff board", "Review timeline"} <= titles
    assert "Arrows point from a design" in text  # the sections' own sentences stay
    # Before: the filter options run together, every row, the graph's mermaid source.
    for leftover in ("AllDraft", "@alice", "order-service", "classDef", "flowchart"):
        assert leftover not in text, leftover
    # The page still shows all of it.
    html = site.html("design/index.html")
    assert "archdesign-catalog__filters" in html and 'class="mermaid"' in html
    assert "order-service" in html
