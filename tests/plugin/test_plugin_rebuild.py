"""One plugin instance across builds (as in ``mkdocs serve``): no stale state, a real cache."""

from __future__ import annotations

import re

import pytest
from mkdocs.commands.build import build
from mkdocs.livereload import LiveReloadServer
from plugin_helpers import complete_designs, render_default_template, write_complete


def draft(title: str) -> str:
    return render_default_template(title=title)


def test_successive_builds_after_edit_rename_and_delete_have_no_stale_state(make_site):
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    site.write("design/alpha-design.md", draft("Alpha"))
    site.write("design/beta-design.md", draft("Beta"))
    config = site.load()
    plugin = config.plugins["archdesign"]
    plugin.on_startup(command="serve", dirty=False)
    build(config)
    assert sorted(plugin.summary_by_uri) == ["design/alpha-design.md", "design/beta-design.md"]
    assert "archdesign-status--draft" in site.html("design/alpha-design/index.html")

    site.write(
        "design/alpha-design.md", draft("Alpha").replace("status: Draft", "status: Approved")
    )
    (site.docs / "design/beta-design.md").rename(site.docs / "design/gamma-design.md")
    build(config)
    assert sorted(plugin.summary_by_uri) == ["design/alpha-design.md", "design/gamma-design.md"]
    assert [s.path for s in plugin.summaries] == sorted(plugin.summary_by_uri)
    assert set(plugin.design_files) == set(plugin.summary_by_uri)
    alpha = plugin.summary_by_uri["design/alpha-design.md"]
    assert alpha.status is not None and alpha.status.value == "Approved"
    assert "archdesign-status--approved" in site.html("design/alpha-design/index.html")
    assert len(plugin.cache) == 2  # beta's entry was dropped with the file

    (site.docs / "design/gamma-design.md").unlink()
    build(config)
    assert list(plugin.summary_by_uri) == ["design/alpha-design.md"]
    assert len(plugin.cache) == 1


def test_rebuild_after_editing_one_design_rechecks_only_that_one(make_site):
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    write_complete(site)
    for number in range(6):
        site.write(f"design/extra-{number}-design.md", draft(f"Extra {number}"))
    config = site.load()
    plugin = config.plugins["archdesign"]
    build(config)
    assert (plugin.cache.stats.hits, plugin.cache.stats.misses) == (0, 10)
    build(config)
    assert (plugin.cache.stats.hits, plugin.cache.stats.misses) == (10, 0)
    site.write("design/extra-3-design.md", draft("Extra three"))
    build(config)
    assert (plugin.cache.stats.hits, plugin.cache.stats.misses) == (9, 1)
    assert plugin.summary_by_uri["design/extra-3-design.md"].title == "Extra three"


def test_changing_settings_or_template_invalidates_the_cache(make_site):
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    write_complete(site)
    config = site.load()
    plugin = config.plugins["archdesign"]
    build(config)
    # serve reloads mkdocs.yml before each rebuild; the plugin instance stays.
    plugin.load_config({"fail_on": "never", "rules": {"AD101": "off"}}, str(site.save_config()))
    build(config)
    assert plugin.cache.stats.hits == 0
    template = site.root / "tpl.md"
    template.write_text("# T\n\n## Context and Scope\n")
    options = {"fail_on": "never", "rules": {"AD101": "off"}, "template": "tpl.md"}
    plugin.load_config(options, str(site.save_config()))
    build(config)
    assert plugin.cache.stats.hits == 0
    template.write_text("# T\n\n## Context and Scope\n\n## Goals and Non-Goals\n")
    build(config)
    assert plugin.cache.stats.hits == 0, "an edited template must invalidate every result"
    build(config)
    assert plugin.cache.stats.hits == len(complete_designs())


def test_dirty_build_reports_the_same_findings_as_a_full_build(make_site, caplog_mkdocs):
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    site.write("design/alpha-design.md", draft("Alpha"))
    site.write("design/beta-design.md", draft("Beta"))
    config = site.load()
    plugin = config.plugins["archdesign"]
    build(config)
    full = list(plugin.summaries)
    site.write("design/alpha-design.md", draft("Alpha"))  # touched, unchanged
    build(config, dirty=True)
    assert plugin.summaries == full


def test_serve_shows_findings_and_does_not_abort(make_site, caplog_mkdocs):
    site = make_site()
    site.write("design/half-design.md", "---\nstatus: Pending Review\n---\n# Half\n")
    config = site.load()
    plugin = config.plugins["archdesign"]
    plugin.on_startup(command="serve", dirty=False)
    build(config)  # would abort under `mkdocs build`
    html = site.html("design/half-design/index.html")
    # Danger, not warning: the box's colour follows the worst severity it lists (an error).
    assert '<details class="archdesign-findings danger" data-search-exclude>' in html
    assert 'href="https://mkdocs-archdesign.readthedocs.io/en/latest/rules/#ad101"' in html
    assert "mkdocs build would abort" in caplog_mkdocs.text
    summary = [r.getMessage() for r in caplog_mkdocs.records if "would abort" in r.getMessage()]
    assert re.match(r"mkdocs_archdesign: \d+ finding\(s\) at or above fail_on", summary[0])


def test_serve_watches_the_custom_template(make_site):
    site = make_site(plugins=[{"archdesign": {"template": "tpl.md"}}])
    (site.root / "tpl.md").write_text("# T\n\n## Purpose\n")
    config = site.load()
    plugin = config.plugins["archdesign"]

    # bind_and_activate=False: nothing listens, the watch list is all we look at.
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site.root))
    plugin.on_serve(server, config=config, builder=server.builder)
    assert str(site.root / "tpl.md") in server._watched_paths


def test_a_build_after_a_serve_session_in_one_process_fails_and_starts_cold(make_site):
    """MkDocs keeps this plugin for the whole process; ``on_shutdown`` ends serve's state.

    Without it a ``build()`` after ``serve`` in the same process (a test run, a tool that
    drives MkDocs' API) kept serve's lenient gate and passed an incomplete design.
    """
    from mkdocs.exceptions import Abort

    site = make_site()
    site.write("design/alpha-design.md", draft("Alpha"))
    site.write("design/half-design.md", "---\ntitle: Half\nstatus: Pending Review\n---\n# Half\n")
    config = site.load()
    plugin = config.plugins["archdesign"]
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)  # serve reports on the page and in the log, and does not abort
    assert plugin.serving
    assert len(plugin.cache) == 2
    config.plugins.on_shutdown()

    again = site.load()
    assert again.plugins["archdesign"] is plugin  # the same instance, as MkDocs keeps it
    assert not plugin.serving
    assert len(plugin.cache) == 0
    again.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(Abort):
        build(again)
    assert (plugin.cache.stats.hits, plugin.cache.stats.misses) == (0, 2)
