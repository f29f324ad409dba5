"""What design pages look like: stages per status and complexity, lists, themes, mermaid set-ups."""

from __future__ import annotations

import re

import pytest
import yaml
from mkdocs.utils.yaml import get_yaml_loader
from plugin_helpers import badge, mermaid_block, with_superfences, write_complete

STAGE = {
    "Draft": ("architect", "current"),
    "Changes Requested": ("architect", "rework"),
    "Approved": ("api", "current"),
}


def design(status: str, complexity: str, body: str = "") -> str:
    return (
        f"---\ntitle: Probe\nstatus: {status}\ncomplexity: {complexity}\n---\n\n# Probe\n\n{body}"
    )


def classes(graph: str) -> dict[str, str]:
    """Node id -> class, from the ``class a,b kind`` lines."""
    result = {}
    for ids, kind in re.findall(r"^\s*class ([\w,]+) (\w+)$", graph, re.M):
        result.update(dict.fromkeys(ids.split(","), kind))
    return result


@pytest.mark.parametrize("complexity", ["Simple", "Medium", "Complex"])
@pytest.mark.parametrize(
    "status", ["Draft", "Pending Review", "Changes Requested", "Approved", "Superseded"]
)
def test_the_current_stage_is_highlighted_for_each_status_and_complexity(
    make_site, status, complexity
):
    site = make_site(plugins=[{"archdesign": {"fail_on": "never", "handoff_graph": "mermaid"}}])
    site.write("design/probe-design.md", design(status, complexity))
    site.build()
    graph = mermaid_block(site.html("design/probe-design/index.html"))
    kinds = classes(graph)
    if complexity == "Simple":
        assert set(kinds) >= {"architect", "api", "coder", "reviewer", "final"}
        assert "review1" not in kinds and "docs" not in kinds
    elif complexity == "Medium":
        assert set(kinds) >= {"architect", "review1", "api", "review2", "coder", "docs", "final"}
        assert "python-doc-writer<br/><small>parallel</small>" in graph
    else:
        assert "stakeholder input" in graph
        assert "python-coder-specialist<br/><small>phased</small>" in graph
        assert "python-code-reviewer<br/><small>per phase</small>" in graph
    if status == "Superseded":
        assert set(kinds.values()) == {"inactive"}
    elif status == "Pending Review":
        if complexity == "Simple":
            assert "current" not in kinds.values()
            assert 'architect -->|"python-tech-lead design review"| api' in graph
            assert "linkStyle 0 " in graph
        else:
            assert kinds["review1"] == "current" and kinds["architect"] == "done"
    else:
        node, kind = STAGE[status]
        assert kinds[node] == kind
        assert list(kinds.values()).count(kind) == 1


def test_handoffs_add_labelled_edges_and_roles_are_configurable(make_site):
    options = {"fail_on": "never", "roles": {"tech-lead": "Platform lead"}}
    site = make_site(plugins=[{"archdesign": {**options, "handoff_graph": "mermaid"}}])
    text = design("Draft", "Medium").replace(
        "complexity: Medium\n",
        "complexity: Medium\nhandoffs:\n  - label: python-tech-lead escalation\n"
        "    agent: python-tech-lead\n    prompt: Escalate.\n",
    )
    site.write("design/probe-design.md", text)
    site.build()
    html = site.html("design/probe-design/index.html")
    graph = mermaid_block(html)
    # The handoff names the workflow's own architect -> review edge: labelled, not doubled.
    assert 'architect -->|"python-tech-lead escalation"| review1' in graph
    assert "architect -.->" not in graph and "architect --> review1" not in graph
    assert 'review1["Platform lead<br/><small>review</small>"]' in graph
    assert "a design review from Platform lead" in html


def test_a_list_right_under_a_label_line_renders_as_a_list(make_site):
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    body = (
        "**Goals**:\n- Support 1200 RPS\n- p95 under 200ms\n\n"
        "```text\nnot a list:\n- stays as code\n```\n"
    )
    site.write("design/probe-design.md", design("Draft", "Simple", body))
    site.write("other.md", "# Other\n\n**Goals**:\n- folded\n")
    site.build()
    html = site.html("design/probe-design/index.html")
    assert re.search(r"<ul>\s*<li>Support 1200 RPS</li>\s*<li>p95 under 200ms</li>", html)
    assert "not a list:\n- stays as code" in html
    # Pages that are not designs are rendered as MkDocs always does.
    assert "<li>folded</li>" not in site.html("other/index.html")


@pytest.mark.parametrize(
    ("mode", "serving", "shown"),
    [
        ("serve", False, False),
        ("serve", True, True),
        ("always", False, True),
        ("never", True, False),
    ],
)
def test_show_findings_modes(make_site, mode, serving, shown):
    site = make_site(plugins=[{"archdesign": {"fail_on": "never", "show_findings": mode}}])
    site.write("design/probe-design.md", design("Pending Review", "Simple"))
    config = site.load()
    plugin = config.plugins["archdesign"]
    plugin.on_startup(command="serve" if serving else "build", dirty=False)
    from mkdocs.commands.build import build

    build(config)
    html = site.html("design/probe-design/index.html")
    assert ("archdesign-findings" in html) is shown


def test_badge_and_graph_options_and_css_without_directory_urls(make_site):
    site = make_site(
        plugins=[{"archdesign": {"fail_on": "never", "badge": False, "handoff_graph": False}}],
        use_directory_urls=False,
    )
    site.write("design/probe-design.md", design("Draft", "Simple"))
    site.build()
    html = site.html("design/probe-design.html")
    assert "archdesign-badge" not in html and "mermaid" not in html
    assert 'href="../assets/archdesign/archdesign.css"' in html
    assert (site.site_dir / "assets/archdesign/archdesign.css").is_file()


def test_material_nav_shows_the_design_status(make_site):
    site = make_site(
        plugins=[{"archdesign": {"fail_on": "never"}}],
        theme={"name": "material"},
        nav=["index.md", {"Designs": ["design/probe-design.md"]}],
    )
    with_superfences(site)
    site.write("design/probe-design.md", design("Pending Review", "Simple"))
    config = site.build()
    assert config.extra["status"]["archdesign-pending-review"] == "Design: Pending Review"
    html = site.html("index.html")
    assert 'class="md-status md-status--archdesign-pending-review"' in html
    assert 'title="Design: Pending Review"' in html
    css = (site.site_dir / "assets/archdesign/archdesign.css").read_text()
    assert ".md-status--archdesign-pending-review::after" in css


def test_material_superfences_setup_builds_strict(make_site):
    site = with_superfences(
        make_site(
            theme={"name": "material"}, plugins=[{"archdesign": {"handoff_graph": "mermaid"}}]
        )
    )
    write_complete(site)
    site.build(strict=True)
    html = site.html("design/order-service-design/index.html")
    # No init directive before the chart: mermaid 11's auto-run (mermaid2) drops such graphs.
    assert '<pre class="mermaid"><code>flowchart TD\n' in html
    assert "archdesign-status--approved" in badge(html)


def test_mermaid2_with_a_local_javascript_path_builds_strict(make_site):
    site = make_site(
        plugins=[
            "search",
            {"mermaid2": {"javascript": "js/mermaid.min.js"}},
            {"archdesign": {"handoff_graph": "mermaid"}},
        ]
    )
    write_complete(site)
    site.write("js/mermaid.min.js", "/* stand-in: the browser test uses the real file */\n")
    site.build(strict=True)
    html = site.html("design/order-service-design/index.html")
    assert 'class="mermaid"' in html and "flowchart TD" in mermaid_block(html)
    assert "js/mermaid.min.js" in html


def test_missing_mermaid_renderer_warns_once_with_the_fix(make_site, caplog_mkdocs):
    site = make_site()
    write_complete(site)
    site.build()
    hints = [r for r in caplog_mkdocs.records if "mermaid diagrams" in r.getMessage()]
    assert len(hints) == 1
    assert "add to mkdocs.yml: plugins: [search, mermaid2, archdesign]" in hints[0].getMessage()


def test_material_without_the_fence_is_told_the_exact_line(make_site, caplog_mkdocs):
    site = make_site(theme={"name": "material"})
    write_complete(site)
    site.build()
    hints = [r.getMessage() for r in caplog_mkdocs.records if "mermaid diagrams" in r.getMessage()]
    assert len(hints) == 1
    line = hints[0].split("add to mkdocs.yml: ", 1)[1].split("; or set", 1)[0]
    # The line is YAML MkDocs loads as it is: paste it and the warning goes away.
    loaded = yaml.load(line, Loader=get_yaml_loader())
    fence = loaded["markdown_extensions"][0]["pymdownx.superfences"]["custom_fences"][0]
    assert fence["name"] == "mermaid" and fence["format"].__name__ == "fence_code_format"
    with_superfences(site)
    caplog_mkdocs.clear()
    site.build(strict=True)
    assert not [r for r in caplog_mkdocs.records if "mermaid diagrams" in r.getMessage()]


def test_default_theme_with_the_material_fence_is_told_it_draws_nothing(make_site, caplog_mkdocs):
    site = with_superfences(make_site(theme={"name": "mkdocs"}))
    write_complete(site)
    site.build()
    hints = [r.getMessage() for r in caplog_mkdocs.records if "mermaid diagrams" in r.getMessage()]
    assert len(hints) == 1 and "mermaid2.fence_mermaid" in hints[0]


def test_no_mermaid_warning_when_no_graph_is_drawn(make_site, caplog_mkdocs):
    site = make_site(plugins=[{"archdesign": {"handoff_graph": False, "catalog": False}}])
    write_complete(site)
    site.build(strict=True)
    assert not [r for r in caplog_mkdocs.records if "mermaid diagrams" in r.getMessage()]


@pytest.mark.parametrize("tasklist", [False, True])
def test_the_design_review_block_keeps_its_lines_and_checkboxes(make_site, tasklist):
    extensions = ["pymdownx.tasklist"] if tasklist else []
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}], markdown_extensions=extensions)
    body = (
        "## Design Review\n\n**Status**: Draft\n**Reviewer**: @tom\n**Review Date**: TBD\n\n"
        "**Review Checklist**:\n\n- [x] Goals are measurable\n- [ ] Alternatives justified\n\n"
        "**Problem statement**: one paragraph\nwrapped over two lines.\n\n"
        "```text\n- [ ] stays as code\n```\n"
    )
    site.write("design/probe-design.md", design("Draft", "Simple", body))
    site.build()
    html = site.html("design/probe-design/index.html")
    assert "<strong>Status</strong>: Draft<br />\n<strong>Reviewer</strong>: @tom<br />" in html
    assert "one paragraph\nwrapped over two lines." in html  # prose keeps its flow
    assert "- [ ] stays as code" in html
    checked = re.findall(r'<input[^>]*type="checkbox"[^>]*>', html)
    assert len(checked) == 2 and sum("checked" in box for box in checked) == 1
    assert "[x]" not in html.split("<h2", 1)[1].split("<pre", 1)[0]
    assert ("archdesign-task" in html) is not tasklist  # tasklist renders them when it is on
