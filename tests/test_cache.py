"""The incremental cache is never stale: every cached run equals a fresh, uncached one.

Core tests drive :class:`ValidationCache` directly the way the plugin does (``start_run``,
``check`` per design, ``finish_run``, then ``check_corpus``) and compare with
``check_texts`` on the same inputs. Plugin tests use real MkDocs builds and one plugin
instance across them, as ``mkdocs serve`` does.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.structure.files import get_files

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import Template, load_template, parse_template
from mkdocs_archdesign.core.model import DesignSummary
from mkdocs_archdesign.core.validation import validator
from mkdocs_archdesign.core.validation.cache import ValidationCache

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.corpus import generate_site  # noqa: E402

TEMPLATE = load_template()
SETTINGS = Settings(draft_findings="keep")


def design(title: str, *, status: str = "Pending Review", depends_on: str = "") -> str:
    """A short design with a status and optional ``depends_on`` (findings of every kind)."""
    deps = f"depends_on: [{depends_on}]\n" if depends_on else ""
    return (
        f"---\ntitle: {title}\nstatus: {status}\nowner: '@alice'\n{deps}---\n\n"
        f"# {title}\n\n## 1. Context and Scope\n\n**Problem statement**: {title} TODO.\n\n"
        "## 2. Goals and Non-Goals\n\n**Goals**:\n\n- Be fast.\n"
    )


def cached_run(
    cache: ValidationCache, corpus: dict[str, str], template: Template, settings: Settings
) -> list[DesignSummary]:
    """One plugin-style build over ``corpus`` (path -> text) through ``cache``."""
    cache.start_run()
    results = [cache.check(text, path, template, settings) for path, text in corpus.items()]
    cache.finish_run()
    return validator.check_corpus(results, settings)


def fresh_run(
    corpus: dict[str, str], template: Template, settings: Settings
) -> list[DesignSummary]:
    return validator.check_texts(corpus.items(), template, settings)


def test_unchanged_corpus_is_served_from_the_cache() -> None:
    corpus = {"design/a-design.md": design("A"), "design/b-design.md": design("B")}
    cache = ValidationCache()
    first = cached_run(cache, corpus, TEMPLATE, SETTINGS)
    assert (cache.stats.hits, cache.stats.misses) == (0, 2)
    second = cached_run(cache, corpus, TEMPLATE, SETTINGS)
    assert (cache.stats.hits, cache.stats.misses) == (2, 0)
    assert first == second == fresh_run(corpus, TEMPLATE, SETTINGS)


def test_an_edited_design_is_checked_again() -> None:
    corpus = {"design/a-design.md": design("A"), "design/b-design.md": design("B")}
    cache = ValidationCache()
    cached_run(cache, corpus, TEMPLATE, SETTINGS)
    corpus["design/a-design.md"] = design("A", status="Approved")
    summaries = cached_run(cache, corpus, TEMPLATE, SETTINGS)
    assert (cache.stats.hits, cache.stats.misses) == (1, 1)
    assert summaries == fresh_run(corpus, TEMPLATE, SETTINGS)
    assert summaries[0].status_text == "Approved"


def test_a_changed_template_invalidates_every_result() -> None:
    corpus = {"design/a-design.md": design("A")}
    cache = ValidationCache()
    cached_run(cache, corpus, TEMPLATE, SETTINGS)
    smaller = parse_template("# T\n\n## Context and Scope\n", "tpl.md")
    summaries = cached_run(cache, corpus, smaller, SETTINGS)
    assert (cache.stats.hits, cache.stats.misses) == (0, 1)
    assert summaries == fresh_run(corpus, smaller, SETTINGS)
    assert summaries != fresh_run(corpus, TEMPLATE, SETTINGS)


def test_changed_settings_invalidate_every_result() -> None:
    corpus = {"design/a-design.md": design("A")}
    cache = ValidationCache()
    cached_run(cache, corpus, TEMPLATE, SETTINGS)
    for changed in (
        Settings(draft_findings="keep", rules={"AD103": "off"}),
        Settings(draft_findings="keep", rules={"AD103": "error"}),
        Settings(draft_findings="keep", ignore=frozenset({"AD2"})),
        Settings(draft_findings="keep", select=frozenset({"AD1"})),
        Settings(draft_findings="keep", statuses=("Draft", "Approved")),
        Settings(),  # draft_findings back to "downgrade"
    ):
        summaries = cached_run(cache, corpus, TEMPLATE, changed)
        assert (cache.stats.hits, cache.stats.misses) == (0, 1), changed
        assert summaries == fresh_run(corpus, TEMPLATE, changed)


def test_a_renamed_design_is_reported_under_its_new_path() -> None:
    text = design("A")
    cache = ValidationCache()
    cached_run(cache, {"design/a-design.md": text}, TEMPLATE, SETTINGS)
    renamed = {"design/renamed-design.md": text}
    summaries = cached_run(cache, renamed, TEMPLATE, SETTINGS)
    assert (cache.stats.hits, cache.stats.misses) == (0, 1)
    assert summaries == fresh_run(renamed, TEMPLATE, SETTINGS)
    assert summaries[0].id == "renamed"
    assert {finding.path for finding in summaries[0].findings} == {"design/renamed-design.md"}
    assert len(cache) == 1  # the old path was forgotten


def test_a_deleted_design_is_forgotten_and_its_dependants_see_it_missing() -> None:
    corpus = {
        "design/a-design.md": design("A", depends_on="b"),
        "design/b-design.md": design("B"),
    }
    cache = ValidationCache()
    before = cached_run(cache, corpus, TEMPLATE, SETTINGS)
    assert "AD004" not in {finding.code for finding in before[0].findings}
    del corpus["design/b-design.md"]
    after = cached_run(cache, corpus, TEMPLATE, SETTINGS)
    assert (cache.stats.hits, cache.stats.misses) == (1, 0)
    assert len(cache) == 1
    assert after == fresh_run(corpus, TEMPLATE, SETTINGS)
    assert "AD004" in {finding.code for finding in after[0].findings}


def test_the_same_content_at_two_paths_keeps_each_path() -> None:
    text = design("Twin")
    corpus = {"design/one-design.md": text, "design/two-design.md": text}
    cache = ValidationCache()
    cached_run(cache, {"design/one-design.md": text}, TEMPLATE, SETTINGS)
    summaries = cached_run(cache, corpus, TEMPLATE, SETTINGS)
    assert (cache.stats.hits, cache.stats.misses) == (1, 1)
    assert summaries == fresh_run(corpus, TEMPLATE, SETTINGS)
    assert [s.path for s in summaries] == list(corpus)
    for summary in summaries:
        assert {finding.path for finding in summary.findings} == {summary.path}


def test_random_edit_sequences_never_see_a_stale_result() -> None:
    """Edits, renames, deletions, additions and config changes in a seeded random order."""
    rng = random.Random(20261126)
    names = [f"d{number}" for number in range(8)]
    corpus = {f"design/{name}-design.md": design(name.upper()) for name in names[:5]}
    settings_choices = [
        SETTINGS,
        Settings(),
        Settings(draft_findings="keep", rules={"AD103": "off"}),
    ]
    templates = [TEMPLATE, parse_template("# T\n\n## Context and Scope\n", "t.md")]
    settings, template = SETTINGS, TEMPLATE
    cache = ValidationCache()
    for _ in range(60):
        action = rng.choice(["edit", "rename", "delete", "add", "settings", "template", "none"])
        paths = list(corpus)
        if action == "edit" and paths:
            path = rng.choice(paths)
            status = rng.choice(["Draft", "Approved", "Pending Review", "Bogus"])
            deps = rng.choice(["", *names])
            corpus[path] = design(path.split("/")[1][:2].upper(), status=status, depends_on=deps)
        elif action == "rename" and paths:
            old = rng.choice(paths)
            new = f"design/{rng.choice(names)}-design.md"
            if new not in corpus:
                corpus[new] = corpus.pop(old)
        elif action == "delete" and len(paths) > 1:
            del corpus[rng.choice(paths)]
        elif action == "add":
            name = rng.choice(names)
            corpus.setdefault(f"design/{name}-design.md", design(name.upper()))
        elif action == "settings":
            settings = rng.choice(settings_choices)
        elif action == "template":
            template = rng.choice(templates)
        assert cached_run(cache, corpus, template, settings) == fresh_run(
            corpus, template, settings
        ), action
        assert len(cache) == len(corpus)


@pytest.fixture(scope="module")
def thousand(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The benchmark's 1,000-design site (generated, not built)."""
    root = tmp_path_factory.mktemp("thousand")
    generate_site(root, 1000)
    return root


def test_editing_one_design_of_1000_rescans_exactly_one(
    thousand: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plugin's validation stage (on_config + on_files) run as serve runs it."""
    from mkdocs.config import load_config

    config = load_config(str(thousand / "mkdocs.yml"))
    plugin = config.plugins["archdesign"]
    plugin.on_startup(command="serve", dirty=False)
    scans: list[str] = []
    real_scan = validator.scan_design

    def counting_scan(text: str, path: str = "<design>") -> object:
        scans.append(path)
        return real_scan(text, path)

    monkeypatch.setattr(validator, "scan_design", counting_scan)

    def rebuild() -> None:
        scans.clear()
        # Through the plugin collection, as MkDocs runs events (generated files need it).
        config.plugins.on_config(config)
        config.plugins.on_files(get_files(config), config=config)

    rebuild()
    assert (plugin.cache.stats.hits, plugin.cache.stats.misses) == (0, 1000)
    assert len(scans) == 1000
    first = list(plugin.summaries)

    rebuild()
    assert (plugin.cache.stats.hits, plugin.cache.stats.misses) == (1000, 0)
    assert scans == []
    assert plugin.summaries == first

    edited = next((thousand / "docs" / "design").glob("*.md"))
    edited.write_text(edited.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    rebuild()
    assert (plugin.cache.stats.hits, plugin.cache.stats.misses) == (999, 1)
    assert scans == [f"design/{edited.name}"]
    # The cached run equals a run of a fresh plugin instance (no cache) on the same files.
    fresh = load_config(str(thousand / "mkdocs.yml"))
    fresh_plugin = fresh.plugins["archdesign"]
    fresh.plugins.on_config(fresh)
    fresh.plugins.on_files(get_files(fresh), config=fresh)
    assert plugin.summaries == fresh_plugin.summaries


def test_a_dirty_rebuild_reports_what_a_full_build_reports(make_site) -> None:
    """``mkdocs serve --dirty``: edits that change cross-design findings, then compare."""
    site = make_site(plugins=[{"archdesign": {"fail_on": "never"}}])
    site.write("design/alpha-design.md", design("Alpha", depends_on="beta"))
    site.write("design/beta-design.md", design("Beta", depends_on="gamma"))
    site.write("design/gamma-design.md", design("Gamma"))
    config = site.load()
    plugin = config.plugins["archdesign"]
    plugin.on_startup(command="serve", dirty=True)
    build(config)

    (site.docs / "design/gamma-design.md").unlink()  # beta's dependency disappears
    site.write("design/alpha-design.md", design("Alpha", status="Approved", depends_on="beta"))
    (site.docs / "design/beta-design.md").rename(site.docs / "design/delta-design.md")
    build(config, dirty=True)
    dirty = list(plugin.summaries)

    full_config = site.load()
    build(full_config)
    full = list(full_config.plugins["archdesign"].summaries)
    assert dirty == full
    codes = {s.id: {f.code for f in s.findings} for s in full}
    assert "AD004" in codes["alpha"]  # "beta" is now "delta"
    assert "AD004" in codes["delta"]  # "gamma" was deleted
