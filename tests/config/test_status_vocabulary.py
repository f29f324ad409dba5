"""``statuses:``: the team's words and ``*`` patterns, each mapped to one workflow stage."""

from __future__ import annotations

import fnmatch
import itertools
from typing import Any

import pytest

from mkdocs_archdesign.core.config.schema import OptionError, parse_option
from mkdocs_archdesign.core.config.settings import Settings, SettingsError
from mkdocs_archdesign.core.config.statuses import STAGE_NAMES, StatusVocabulary, glob_match
from mkdocs_archdesign.core.model import Status

MADR = {
    "Proposed": "pending-review",
    "Accepted": "approved",
    "Rejected": "changes-requested",
    "Deprecated": "superseded",
    "superseded by *": "superseded",
}


def test_stage_names_are_the_status_enum_slugs() -> None:
    assert STAGE_NAMES == (
        "draft",
        "pending-review",
        "changes-requested",
        "approved",
        "superseded",
    )


@pytest.mark.parametrize(
    ("text", "stage"),
    [
        ("Proposed", Status.PENDING_REVIEW),
        ("proposed", Status.PENDING_REVIEW),
        ("  ACCEPTED ", Status.APPROVED),
        ("Rejected", Status.CHANGES_REQUESTED),
        ("Deprecated", Status.SUPERSEDED),
        ("superseded by ADR-0057", Status.SUPERSEDED),
        ("Superseded_By_ADR_0057", Status.SUPERSEDED),
        ("superseded by", None),  # the pattern needs its space and some text for '*'
        ("Approved", None),  # a default name the team did not configure
        ("Draft", None),
        ("", None),
    ],
)
def test_madr_words_and_patterns_have_their_stage(text: str, stage: Status | None) -> None:
    vocabulary = StatusVocabulary.parse(MADR)
    assert vocabulary.stage_of(text) is stage


def test_plain_names_win_over_patterns_and_patterns_go_in_order() -> None:
    vocabulary = StatusVocabulary.parse(
        {"old *": "superseded", "old draft": "draft", "* draft": "changes-requested"}
    )
    assert vocabulary.stage_of("old draft") is Status.DRAFT
    assert vocabulary.stage_of("old news") is Status.SUPERSEDED
    assert vocabulary.stage_of("new draft") is Status.CHANGES_REQUESTED


def test_stages_may_be_written_as_default_status_names() -> None:
    vocabulary = StatusVocabulary.parse({"LGTM": "Approved", "WIP": "pending_review"})
    assert vocabulary.stage_of("lgtm") is Status.APPROVED
    assert vocabulary.stage_of("wip") is Status.PENDING_REVIEW


def test_the_list_form_keeps_its_meaning() -> None:
    vocabulary = StatusVocabulary.parse(["Draft", "Proposed", "approved"])
    assert vocabulary.stage_of("draft") is Status.DRAFT
    assert vocabulary.stage_of("approved") is Status.APPROVED
    # Not a default status: it counts as a draft, as an unknown status always did.
    assert vocabulary.stage_of("Proposed") is Status.DRAFT
    assert vocabulary.stage_of("Pending Review") is None


def test_the_default_is_the_five_statuses() -> None:
    vocabulary = StatusVocabulary.default()
    assert vocabulary.names == tuple(status.value for status in Status)
    assert all(vocabulary.stage_of(status.slug) is status for status in Status)
    assert Settings().statuses == vocabulary


def test_words_review_writes() -> None:
    vocabulary = StatusVocabulary.parse(MADR)
    assert vocabulary.name_for(Status.APPROVED) == "Accepted"
    assert vocabulary.name_for(Status.DRAFT) is None
    # supersede --by fills the pattern; without one the plain name is written.
    assert vocabulary.superseded_word("ADR-0057") == "superseded by ADR-0057"
    plain = StatusVocabulary.parse({"Proposed": "pending-review", "Deprecated": "superseded"})
    assert plain.superseded_word("ADR-0057") == "Deprecated"
    assert vocabulary.canonical("accepted") == "Accepted"
    assert vocabulary.canonical("superseded by x") == "superseded by x"


@pytest.mark.parametrize(
    ("value", "needle"),
    [
        ({"Proposed": "reviewing"}, "'Proposed': 'reviewing' is not a workflow stage; expected"),
        ({"Proposed": 3}, "'Proposed': 3 is not a workflow stage"),
        ({"*": "draft"}, "'*': a pattern needs some text besides '*'"),
        ({" * - * ": "draft"}, "a pattern needs some text besides '*'"),
        ({"Proposed": "draft", "proposed": "approved"}, "'proposed' is listed twice"),
        ({}, "expected at least one entry"),
        ([], "expected at least one entry"),
        (["superseded by *"], "a pattern needs the mapping form"),
        ({"": "draft"}, "expected non-empty status names"),
        ({True: "draft"}, "expected non-empty status names, got True"),
        (42, "expected a list of names or a mapping of names to stages"),
        ({"x" * 81: "draft"}, "a status name is at most 80 characters"),
    ],
)
def test_bad_values_are_one_line_option_errors(value: Any, needle: str) -> None:
    with pytest.raises(OptionError) as caught:
        parse_option("statuses", value)
    message = str(caught.value)
    assert message.startswith("statuses: ")
    assert needle in message
    assert "\n" not in message
    with pytest.raises(SettingsError, match=r"^statuses: "):
        Settings(statuses=value)


def test_parsing_a_parsed_value_is_the_identity() -> None:
    parsed = parse_option("statuses", MADR)
    assert parse_option("statuses", parsed) is parsed


def test_the_fingerprint_follows_the_stages() -> None:
    # Same words, another stage: findings change (Draft downgrade), so caches must too.
    a = Settings(statuses={"Proposed": "draft"})
    b = Settings(statuses={"Proposed": "pending-review"})
    assert a.fingerprint() != b.fingerprint()


@pytest.mark.parametrize(
    "pattern",
    ["a*", "*a", "a*b", "*a*", "a*a", "ab*ba", "*", "**", "a**b", "a*b*a", "*ab*b*", "ba"],
)
def test_glob_match_agrees_with_fnmatch_on_every_short_text(pattern: str) -> None:
    for size in range(6):
        for letters in itertools.product("ab", repeat=size):
            text = "".join(letters)
            assert glob_match(pattern, text) is fnmatch.fnmatchcase(text, pattern), (
                pattern,
                text,
            )


def test_glob_match_treats_regex_and_glob_characters_as_text() -> None:
    assert glob_match("v[1]?.*", "v[1]?.x")
    assert not glob_match("v[1]?.*", "v1x.x")


def test_the_draft_policy_follows_the_stage_not_the_word() -> None:
    from mkdocs_archdesign.core.document.template import load_template
    from mkdocs_archdesign.core.model import Severity
    from mkdocs_archdesign.core.validation.validator import check_texts

    text = "---\nstatus: {}\n---\n# Thin\n"
    template = load_template()
    kep = Settings(statuses={"provisional": "draft", "Draft": "pending-review"})
    draft = check_texts([("design/a.md", text.format("provisional"))], template, kep)[0]
    review = check_texts([("design/a.md", text.format("Draft"))], template, kep)[0]
    assert draft.status is Status.DRAFT
    assert {f.severity for f in draft.findings if f.code == "AD101"} == {Severity.INFO}
    assert review.status is Status.PENDING_REVIEW
    assert {f.severity for f in review.findings if f.code == "AD101"} == {Severity.ERROR}
