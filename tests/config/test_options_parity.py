"""One schema: the same ``archdesign:`` options give the same settings, or the same error,
in a real ``mkdocs build`` and in ``mkdocs-archdesign check``."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
from mkdocs.exceptions import Abort

from mkdocs_archdesign.core.config.project import discover_project
from mkdocs_archdesign.core.config.schema import OPTIONS
from mkdocs_archdesign.core.config.settings import RuleLevel
from mkdocs_archdesign.plugin.config import ArchDesignConfig, settings_from_config

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "cli"))
from helpers import run

CASES: list[dict[str, Any]] = [
    {},
    {"rules": {"ad203": "off"}},
    {"rules": {"AD101": False, "ad103": "INFO"}},
    {"rules": {"AD999X": "off"}},
    {"rules": {"AD101": "loud"}},
    {"rules": ["AD101"]},
    {"designs": []},
    {"designs": "design/*.md"},
    {"designs": ["design/**/*.md", "adr/*.md"]},
    {"statuses": []},
    {"statuses": ["Proposed", "Accepted"]},
    {"statuses": ["Draft", "draft"]},
    {
        "statuses": {
            "Proposed": "pending-review",
            "Accepted": "approved",
            "Rejected": "changes-requested",
            "Deprecated": "superseded",
            "superseded by *": "superseded",
        }
    },
    {"statuses": {"Proposed": "reviewing"}},
    {"statuses": {"*": "superseded"}},
    {"statuses": ["superseded by *"]},
    {"statuses": {}},
    {"fail_on": "sometimes"},
    {"fail_on": "WARNING"},
    {"draft_findings": "drop"},
    {"draft_findings": "keep"},
    {"section_levels": [9]},
    {"section_levels": 3},
    {"show_findings": "maybe"},
    {"badge": "yes"},
    {"roles": {"wizard": "Gandalf"}},
    {"catalog_page": "../outside.md"},
    {"enabled": "sometimes"},
    {"max_file_bytes": 4096},
    {"max_file_bytes": 0},
    {"max_file_bytes": -1},
    {"max_file_bytes": 2**40},
    {"max_file_bytes": "64MB"},
    {"max_file_bytes": True},
    {"max_file_bytes": 1.5},
]


def _ids(case: dict[str, Any]) -> str:
    return repr(case) if case else "defaults"


def _build(make_site: Any, caplog: pytest.LogCaptureFixture, options: dict[str, Any]) -> Any:
    """Settings from a real build, or the error MkDocs reported for the plugin option."""
    site = make_site(plugins=[{"archdesign": options}])
    try:
        config = site.build()
    except Abort:
        lines = [r.getMessage() for r in caplog.records if "Plugin 'archdesign'" in r.getMessage()]
        assert lines, caplog.text
        return ("error", lines[0])
    return ("settings", settings_from_config(config.plugins["archdesign"].config), site)


@pytest.mark.parametrize("options", CASES, ids=_ids)
def test_build_and_check_agree(make_site: Any, caplog_mkdocs: Any, options: dict[str, Any]) -> None:
    built = _build(make_site, caplog_mkdocs, options)
    root = make_site(plugins=[{"archdesign": options}]).root
    outcome = run(["check"], cwd=root)
    if built[0] == "error":
        # MkDocs: "Plugin ... option 'rules': DETAIL"; check: "... archdesign: rules: DETAIL"
        match = re.search(r"Plugin 'archdesign' option '([^']+)': (.*)", built[1])
        assert match is not None, built[1]
        option, detail = match.groups()
        assert outcome.code == 2, outcome
        lines = outcome.stderr.strip().splitlines()
        assert len(lines) == 1, outcome.stderr
        assert f"plugins: archdesign: {option}: {detail}" in lines[0]
        return
    assert outcome.code in (0, 1), outcome
    assert "error:" not in outcome.stderr
    cli_settings = discover_project(root).settings
    assert cli_settings == built[1]


def test_rule_codes_are_normalised_to_enums_on_both_sides(
    make_site: Any, caplog_mkdocs: Any
) -> None:
    built = _build(make_site, caplog_mkdocs, {"rules": {"ad203": "off"}})
    assert built[1].rules == {"AD203": RuleLevel.OFF}
    assert not built[1].rule_enabled("AD203")


def test_unknown_option_names_are_warned_about_by_both(make_site: Any, caplog_mkdocs: Any) -> None:
    site = make_site(plugins=[{"archdesign": {"show_finding": "always"}}])
    site.build()
    assert "show_finding" in caplog_mkdocs.text
    outcome = run(["check"], cwd=site.root)
    assert outcome.code in (0, 1)
    warning = [line for line in outcome.stderr.splitlines() if "show_finding" in line]
    assert warning == [
        "mkdocs-archdesign: warning: mkdocs.yml: plugins: archdesign: "
        "show_finding: unknown option (did you mean show_findings?)"
    ]


def test_the_plugin_lists_exactly_the_schema_options() -> None:
    assert {name for name, _ in ArchDesignConfig._schema} == set(OPTIONS)
