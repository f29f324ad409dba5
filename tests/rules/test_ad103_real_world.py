"""AD103 on real documents: link definitions, defined links, alerts, wrapped code."""

from __future__ import annotations

import pytest

from .test_level2_leaks import SECTION_43, findings, line_of

QUIET = [
    ("reference-definition", "See the [summary].\n\n[summary]: #summary"),
    ("defined-shortcut-link", "Ask the [core team] first.\n\n[core team]: https://example.com"),
    ("defined-case-insensitive", "Ask the [Core  Team].\n\n[core team]: https://example.com"),
    ("footnote", "Measured in 2024.[^1]\n\n[^1]: Internal benchmark."),
    ("github-alert", "> [!NOTE]\n> Tokens rotate daily."),
    ("wrapped-code-span", "Call `lookup(\n[Option Name])` before writing."),
    ("indented-code-in-list", "- Example request:\n\n      GET /orders/[order id]\n"),
]
FIRES = [
    ("undefined-bracket", "Pick [Option Name] here.", "[Option Name]"),
    ("todo", "- TODO decide the queue", "TODO"),
    ("hint", "Owned by <team name>.", "<team name>"),
    ("bracket-after-wrapped-span", "Call `lookup(\nx)` then [Option Name].", "[Option Name]"),
]


@pytest.mark.parametrize(("name", "text"), QUIET, ids=[c[0] for c in QUIET])
def test_ad103_is_quiet_on_real_world_markdown(name, text):
    assert findings(SECTION_43, text, "AD103") == []


@pytest.mark.parametrize(("name", "text", "needle"), FIRES, ids=[c[0] for c in FIRES])
def test_ad103_still_fires_on_placeholders(name, text, needle):
    assert findings(SECTION_43, text, "AD103") == [line_of(SECTION_43, text, needle)]


@pytest.mark.parametrize("space", [" ", "\u00a0", "\t", "\u3000"])
def test_a_kept_template_line_is_found_whatever_whitespace_it_was_typed_with(tmp_path, space):
    # The rule's 8-character pre-test must never skip a line that normalises to a
    # template example: a no-break space or tab near its start used to hide it.
    from mkdocs_archdesign.core.config.settings import Settings
    from mkdocs_archdesign.core.document.template import load_template
    from mkdocs_archdesign.core.validation.validator import check_design

    template = tmp_path / "template.md"
    template.write_text("# T\n\n## Scope\n\nSo describe the scope of the system here.\n")
    text = f"# T\n\n## Scope\n\nOurs.\n\nSo{space}describe the scope of the system here.\n"
    result = check_design(text, "d.md", load_template(template), Settings())
    assert [f.line for f in result.summary.findings if f.code == "AD103"] == [7]
