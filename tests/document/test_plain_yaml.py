"""The plain front-matter reader gives what PyYAML gives, or steps aside.

``load_plain`` is a fast path: for every text it either returns exactly the mapping
``yaml.load`` returns (same values, same types: ``True`` is not ``1``, a date is not a
string) or :data:`NOT_PLAIN`, and then PyYAML reads the text as before, errors included.
PyYAML is the oracle here, with libyaml (what the validator uses) and in pure Python
(what MkDocs uses).
"""

from __future__ import annotations

import datetime
import math
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_archdesign.core.document.frontmatter import parse_front_matter
from mkdocs_archdesign.core.document.plain_yaml import NOT_PLAIN, load_plain

_RESOLVERS = yaml.SafeLoader.yaml_implicit_resolvers
_LOADERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])]


def _typed(value: Any) -> Any:
    """``value`` with every scalar's type kept, so ``True``/``1`` and NaN compare right."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(item) for item in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _agrees_with_pyyaml(text: str) -> Any:
    """``load_plain(text)``, after checking it against every PyYAML loader."""
    plain = load_plain(text, _RESOLVERS)
    for loader in _LOADERS:
        try:
            expected = yaml.load(text, Loader=loader)
        except (yaml.YAMLError, ValueError):
            # ValueError: a value PyYAML's constructor refuses ("2026-13-45").
            assert plain is NOT_PLAIN, (text, loader)
            continue
        if plain is not NOT_PLAIN:
            assert _typed(plain) == _typed(expected), (text, loader)
    return plain


# The front matter `new` writes and the corpus carries: the fast path's reason to exist.
PLAIN = {
    "scaffold": (
        'title: "Payments Gateway"\nmodule: payments_gateway\nowner: "@erin"\n'
        "status: Draft\ntags: []\ndepends_on: [ledger, identity-worker]\n"
        "handoffs:\n  - label: python-api-designer handoff\n    agent: python-api-designer\n"
        "    prompt: Level 1 architecture design is complete. Please proceed with Level 2.\n"
        "    send: true\n"
    ),
    "typed-scalars": (
        "count: 12\nratio: 0.5\nhex: 0x1f\nsexagesimal: 1:20\nflag: yes\noff_flag: Off\n"
        "nothing: ~\nempty:\ndate: 2026-01-15\nstamp: 2026-01-15 10:30:00\nnan: .nan\n"
    ),
    "quoted": "a: 'it''s'\nb: \"x # not a comment\"\nc: '  padded  '\nd: \"\"\n",
    "compact-list": "tags:\n- a\n- b c\n",
    "list-of-scalars-with-blank-lines": "tags:\n\n  - one\n\n  - 2\n  - [x, y]\n",
    "comments-between-keys": "# about\na: 1\n\n# more\nb: x#y\n",
    "url-and-colons": "link: https://example.com/a:b\nref: a::b\n",
    "unicode": "title: Zürich – 東京\n",
}

# Shapes only PyYAML reads right (or refuses): each must step aside, not guess.
NOT_READ = {
    "comment-after-value": "a: x # note\n",
    "multi-line-plain": "a: one\n  two\n",
    "escape": 'a: "tab\\there"\n',
    "nested-mapping": "a:\n  b: c\n",
    "block-scalar": "a: |\n  text\n",
    "flow-mapping": "a: {b: c}\n",
    "typed-key": "on: push\n",
    "int-key": "1: x\n",
    "tab": "a:\tx\n",
    "no-break-space": "a: x\u00a0y\n",
    "indicator-start": "a: @x\n",
    "value-with-colon-space": "a: b: c\n",
    "nested-list": "a:\n  - - x\n",
    "list-item-mapping-open": "a:\n  - b:\n      c: d\n",
    "misaligned-list": "a:\n  - x\n - y\n",
    "flow-quoted-item": "a: ['x', y]\n",
    "flow-trailing-comma": "a: [x, ]\n",
    "merge-value": "a: =\n",
    "empty": "",
    "only-comments": "# nothing\n",
    "top-level-list": "- a\n- b\n",
    "unclosed-quote": 'a: "x\n',
    "list-item-extra-spaces": "tags:\n-   d\n",
}


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_plain_shapes_are_read_as_pyyaml_reads_them(name: str) -> None:
    assert _agrees_with_pyyaml(PLAIN[name]) is not NOT_PLAIN


@pytest.mark.parametrize("name", sorted(NOT_READ))
def test_other_shapes_are_left_to_pyyaml(name: str) -> None:
    assert _agrees_with_pyyaml(NOT_READ[name]) is NOT_PLAIN


def test_a_value_pyyaml_cannot_build_is_left_to_pyyaml_and_reported() -> None:
    assert _agrees_with_pyyaml("a: 2026-13-45\n") is NOT_PLAIN
    front = parse_front_matter(["---", "a: 2026-13-45", "---"])
    assert front.error == "front matter is not valid YAML: month must be in 1..12"


def test_typed_values_are_pyyamls_own() -> None:
    data = load_plain(PLAIN["typed-scalars"], _RESOLVERS)
    assert data["flag"] is True and data["off_flag"] is False and data["nothing"] is None
    assert data["sexagesimal"] == 80 and data["hex"] == 31
    assert data["date"] == datetime.date(2026, 1, 15)


def test_parse_front_matter_gives_the_same_result_either_way() -> None:
    lines = ["---", *PLAIN["scaffold"].splitlines(), "---", "", "# Title"]
    front = parse_front_matter(lines)
    assert front.error is None and front.body_start == len(lines) - 2
    assert front.data == yaml.safe_load(PLAIN["scaffold"])


_KEYS = st.sampled_from(["a", "b", "title", "on", "yes", "1", "x-y", "_k", "Ünï", "a b"])
_SCALARS = st.sampled_from(
    [
        "x", "true", "No", "~", "null", "12", "-3", "+4", "1_000", "0o17", "1e3", "1.5e3",
        ".5", "1:20", "2026-01-15", "2026-13-45", "y", "=", "<<", "@x", "`x", "%x", "x:y",
        "x: y", "x #c", "x#c", "'q'", "'it''s'", "'open", '"d"', '"a\\"b"', '""', "[]",
        "[a, b]", "[a,b]", "[a, [b]]", "[a, ]", "[ ]", "{}", "{a: b}", "|", ">", "-",
        "- x", "?", "? x", "é", "x\u00a0y", "x\ty", "a  b", "v ",
    ]
)  # fmt: skip
_INDENTS = st.sampled_from(["", " ", "  ", "   ", "    "])
_ITEM_HEADS = st.tuples(_INDENTS, st.sampled_from(["- ", "-", ""])).map("".join)
_LINES = st.one_of(
    st.tuples(_KEYS, st.sampled_from([": ", ":", ":  ", " : "]), _SCALARS).map("".join),
    st.tuples(_KEYS, st.just(":")).map("".join),
    st.tuples(_ITEM_HEADS, st.one_of(_SCALARS, _KEYS.map(lambda k: k + ": x"))).map("".join),
    st.sampled_from(["", "# c", "  ", "---", "..."]),
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_LINES, min_size=1, max_size=8))
def test_generated_front_matter_agrees_with_pyyaml(lines: list[str]) -> None:
    _agrees_with_pyyaml("\n".join(lines))


# Mostly the plain shape, so that most examples exercise the fast path's values, not
# its refusals: keys with one scalar each, and block lists of scalars or of mappings.
_PLAIN_KEYS = st.sampled_from(["a", "b", "title", "x-y", "_k", "k1", "tags"])
_PLAIN_SCALARS = st.sampled_from(
    [
        "x", "true", "No", "~", "null", "12", "+4", "1_000", "0o17", "1e3", "1.5e3", ".5",
        "1:20", "2026-01-15", "2026-01-15 10:30:00", "y", "x:y", "x#c", "'q'", "'it''s'",
        '"d"', '""', "[]", "[a, b]", "[a,b]", "[1, yes, ~]", "{}", "é", "a  b", "Level 2.",
    ]
)  # fmt: skip
_ENTRY = st.tuples(_PLAIN_KEYS, _PLAIN_SCALARS).map(lambda kv: f"{kv[0]}: {kv[1]}")
_BLOCK = st.tuples(
    _PLAIN_KEYS,
    st.sampled_from(["", "  ", "    "]),
    st.lists(
        st.one_of(_PLAIN_SCALARS, st.lists(_ENTRY, min_size=1, max_size=3)), min_size=1, max_size=3
    ),
).map(
    lambda block: "\n".join(
        [
            f"{block[0]}:",
            *(
                f"{block[1]}- {item}"
                if isinstance(item, str)
                else "\n".join(
                    f"{block[1]}{'- ' if n == 0 else '  '}{entry}" for n, entry in enumerate(item)
                )
                for item in block[2]
            ),
        ]
    )
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_ENTRY, _BLOCK), min_size=1, max_size=6))
def test_generated_plain_front_matter_agrees_with_pyyaml(entries: list[str]) -> None:
    _agrees_with_pyyaml("\n".join(entries))
