"""Real builds: validation, fail_on, --strict, config errors, and what lands on the page."""

from __future__ import annotations

import logging

import pytest
from mkdocs.exceptions import Abort
from plugin_helpers import (
    badge,
    complete_design,
    mermaid_block,
    render_default_template,
    with_superfences,
    write_complete,
)

INCOMPLETE = """\
---
title: Half Done
status: Pending Review
---

# Half Done

## 1. Context and Scope

**Problem statement**: orders get lost.
"""


def plugin_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith("mkdocs.plugins.mkdocs_archdesign")]


def test_complete_design_builds_with_badge_and_graph(make_site, caplog_mkdocs):
    site = with_superfences(make_site(plugins=[{"archdesign": {"handoff_graph": "mermaid"}}]))
    write_complete(site)
    site.build(strict=True)
    html = site.html("design/order-service-design/index.html")
    assert "archdesign-status--approved" in badge(html)
    assert ">Approved<" in badge(html)
    assert "10/10 sections" in badge(html)
    assert "@python-tech-lead" in badge(html)
    graph = mermaid_block(html)
    assert "flowchart TD" in graph
    assert "class api current" in graph
    assert "hand off to python-api-designer" in html
    assert "Level 2 API specification." in html  # the handoff prompt
    # The page title is still the design's H1: the blocks go after it, not before.
    assert "<title>Order Service" in html
    assert 'href="../../assets/archdesign/archdesign.css"' in html
    assert (site.site_dir / "assets/archdesign/archdesign.css").is_file()
    assert not (site.docs / "assets").exists(), "nothing may be written into docs_dir"
    summary = [r.getMessage() for r in plugin_records(caplog_mkdocs)][-1]
    assert "4 design(s) checked: 0 error(s), 0 warning(s)" in summary


def test_incomplete_design_fails_after_logging_every_finding(make_site, caplog_mkdocs):
    site = make_site()
    site.write("design/half-design.md", INCOMPLETE)
    with pytest.raises(Abort):
        site.build()
    messages = [r.getMessage() for r in plugin_records(caplog_mkdocs)]
    missing = [m for m in messages if " AD101 " in m]
    # Every required section but the one present is reported: severity, code, path:line.
    assert len(missing) == 9
    assert all(
        m.startswith("mkdocs_archdesign: error AD101 design/half-design.md:") for m in missing
    )
    errors = [r.getMessage() for r in caplog_mkdocs.records if r.levelno == logging.ERROR]
    failed = [m for m in errors if "at or above fail_on: error" in m]
    # The final error names the failing findings (five, then a count), with one prefix.
    assert len(failed) == 1 and failed[0].count("error AD101 design/half-design.md:") == 5
    assert failed[0].count("archdesign:") == 1
    total = sum(1 for m in messages if m.startswith("mkdocs_archdesign: error "))
    assert f"and {total - 5} more" in failed[0]
    warned = [r for r in plugin_records(caplog_mkdocs) if " AD101 " in r.getMessage()]
    assert {r.levelno for r in warned} <= {logging.WARNING, logging.ERROR}
    assert not (site.site_dir / "design").exists(), "the build must stop before writing pages"


def test_fail_on_never_builds_and_still_reports(make_site, caplog_mkdocs):
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    site.write("design/half-design.md", INCOMPLETE)
    site.build()
    assert "archdesign-status--pending-review" in site.html("design/half-design/index.html")
    assert any(" AD101 " in r.getMessage() for r in plugin_records(caplog_mkdocs))


def test_strict_fails_on_a_warning_finding(make_site):
    site = with_superfences(
        make_site(plugins=[{"archdesign": {"fail_on": "never", "rules": {"AD205": "warning"}}}])
    )
    write_complete(site)
    text = complete_design().replace("RPS", "requests").replace("req/s", "requests")
    site.write("design/order-service-design.md", text)
    site.build()  # not strict: fine
    with pytest.raises(Abort, match="strict"):
        site.build(strict=True)


def test_draft_findings_are_info_and_do_not_fail(make_site, caplog_mkdocs):
    caplog_mkdocs.set_level(logging.DEBUG, logger="mkdocs")
    site = make_site()
    site.write("design/order-service-design.md", render_default_template())
    site.build()
    records = [r for r in plugin_records(caplog_mkdocs) if " AD103 " in r.getMessage()]
    # Listed one by one only at debug level (mkdocs build -v); INFO has one line per draft.
    assert records and {r.levelno for r in records} == {logging.DEBUG}
    assert all(r.getMessage().startswith("mkdocs_archdesign: info AD103 ") for r in records)
    infos = [r.getMessage() for r in plugin_records(caplog_mkdocs) if r.levelno == logging.INFO]
    drafts = [m for m in infos if "design/order-service-design.md: Draft, " in m]
    listed = [r for r in plugin_records(caplog_mkdocs) if r.levelno == logging.DEBUG]
    assert drafts == [
        f"mkdocs_archdesign: design/order-service-design.md: Draft, {len(listed)} to do "
        "(mkdocs build -v or mkdocs-archdesign check lists them)"
    ]
    assert len(infos) == 2  # the draft's line and the run's total
    assert "archdesign-status--draft" in site.html("design/order-service-design/index.html")


def test_a_site_without_designs_builds(make_site, caplog_mkdocs):
    site = make_site()
    site.build()
    assert "0 design(s) checked" in caplog_mkdocs.text
    assert "archdesign-badge" not in site.html("index.html")


def test_pages_outside_the_design_globs_are_left_alone(make_site):
    site = make_site(plugins=[{"archdesign": {"designs": ["arch/*.md"]}}])
    site.write("design/half-design.md", INCOMPLETE)
    site.build()
    assert "archdesign-badge" not in site.html("design/half-design/index.html")


def test_disabled_plugin_does_nothing(make_site):
    site = make_site(plugins=[{"archdesign": {"enabled": False}}])
    site.write("design/half-design.md", INCOMPLETE)
    site.build()
    assert "archdesign" not in site.html("design/half-design/index.html")


@pytest.mark.parametrize(
    ("options", "named"),
    [
        ({"rules": {"AD101": "loud"}}, "rules"),
        ({"rules": {"X1": "off"}}, "rules"),
        ({"fail_on": "sometimes"}, "fail_on"),
        ({"show_findings": "maybe"}, "show_findings"),
        ({"template": "missing.md"}, "template"),
        ({"roles": {"wizard": "Gandalf"}}, "roles"),
        ({"section_levels": [9]}, "section_levels"),
        ({"draft_findings": "drop"}, "draft_findings"),
    ],
)
def test_misconfiguration_is_a_normal_config_error_naming_the_option(
    make_site, caplog_mkdocs, options, named
):
    site = make_site(plugins=[{"archdesign": options}])
    with pytest.raises(Abort, match="configuration error"):
        site.load()
    assert f"Plugin 'archdesign' option '{named}':" in caplog_mkdocs.text


def test_rules_off_written_bare_in_yaml_is_accepted(make_site):
    site = make_site()
    site.config["plugins"] = [{"archdesign": {"rules": {"AD101": False, "ad103": "info"}}}]
    config = site.load()
    assert config.plugins["archdesign"].config.rules == {"AD101": "off", "AD103": "info"}


def test_custom_template_relative_to_the_config_file(make_site):
    site = make_site(plugins=[{"archdesign": {"template": "tpl/design.md"}}])
    (site.root / "tpl").mkdir()
    (site.root / "tpl/design.md").write_text("# T\n\n## Purpose\n\n## Risks\n")
    site.write("design/x-design.md", "---\nstatus: Approved\n---\n# X\n\n## Purpose\n\nWhy.\n")
    with pytest.raises(Abort):
        site.build()
    site.write("design/x-design.md", "---\nstatus: Draft\n---\n# X\n\n## Purpose\n\nWhy.\n")
    site.build()
    assert "1/2 sections" in site.html("design/x-design/index.html")


def test_broken_front_matter_shows_its_error_on_the_page(make_site):
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    site.write("design/broken-design.md", "---\ntitle: [oops\n---\n# Broken\n\nText.\n")
    site.build()
    html = site.html("design/broken-design/index.html")
    assert "archdesign-findings" in html
    assert "AD001" in html and "front matter is not valid YAML" in html
    assert "title: [oops" not in html, "the unparsed YAML must not render as text"
    assert "<title>Broken" in html


def test_hostile_front_matter_is_escaped_everywhere_we_write(make_site):
    hostile = "<script>alert(1)</script>"
    text = f"""\
---
title: "{hostile}"
owner: "{hostile}"
tags: ["{hostile}"]
status: "{hostile}"
handoffs:
  - label: "{hostile}"
    agent: "<img src=x onerror=alert(2)>"
    prompt: "{hostile}"
---

# Evil

## Design Review

**Status**: Approved
**Reviewer**: <img src=x onerror=alert(3)>
"""
    options = {"fail_on": "never", "show_findings": "always"}
    site = make_site(plugins=[{"archdesign": {**options, "handoff_graph": "stepper"}}])
    site.write("design/evil-design.md", text)
    site.build()
    html = site.html("design/evil-design/index.html")
    stepper = html[html.index('<div class="archdesign-handoff"') : html.index("</details></div>")]
    assert "<script" not in stepper and "<img" not in stepper
    assert "&lt;img src=x onerror=alert(2)&gt;" in stepper  # the outside agent, escaped
    site = make_site(plugins=[{"archdesign": {**options, "handoff_graph": "mermaid"}}])
    site.write("design/evil-design.md", text)
    site.build()
    html = site.html("design/evil-design/index.html")
    ours = badge(html) + mermaid_block(html)
    ours += html[html.index('<details class="archdesign-findings') : html.index("</details>")]
    assert "<script" not in ours and "<img" not in ours
    assert "&lt;script&gt;" in badge(html)  # the unknown status, spelled out, escaped
    assert "archdesign-status--unknown" in badge(html)
    graph = mermaid_block(html)
    assert "script" in graph and "#60;" in graph.replace("&amp;", "&").replace("&#", "#")
