"""The summary's fast paths give what the straightforward versions they replaced give.

Each oracle below is the earlier, obvious implementation; the fast one must agree with it
for every input (placeholders, scaffold lines, odd whitespace, odd separators), not only
for the shapes a generated corpus has.
"""

from __future__ import annotations

import hashlib
import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.config.statuses import StatusVocabulary
from mkdocs_archdesign.core.document.context import DesignContext
from mkdocs_archdesign.core.document.scanner import Section, scan_design
from mkdocs_archdesign.core.document.spec import (
    Method,
    api_fingerprint,
    level1_api,
    level1_methods,
)
from mkdocs_archdesign.core.document.summary import api_overview_items
from mkdocs_archdesign.core.document.template import load_template, normalise_prose
from mkdocs_archdesign.core.model import (
    FOLDER_PAGE_NAMES,
    Status,
    design_id_from_path,
    normalise_status_key,
)
from mkdocs_archdesign.core.rules.structure.placeholders import (
    _placeholder,
    _scaffold,
    section_has_own_content,
    sections_with_own_content,
)
from mkdocs_archdesign.core.rules.text import table_rows
from mkdocs_archdesign.core.validation.validator import build_context

from .strategies import design

TEMPLATE = load_template()
SETTINGS = Settings()
FUZZ = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- oracles: the implementations the fast paths replaced -------------------------------

_OLD_METHOD_RE = re.compile(r"`\s*(?:async\s+|def\s+)*([A-Za-z_][\w.]{0,200})\s*\(")
_OLD_PURPOSE_RE = re.compile(r"`[^`]{0,2000}`\s{0,20}[:\u2013\u2014-]?\s{0,20}(.*)")
_OLD_PLACEHOLDER_RE = re.compile(r"\b(?:TODO|TBD)\b")


def _old_methods(ctx: DesignContext) -> list[Method]:
    _, items = api_overview_items(ctx)
    methods = []
    for item in items:
        match = _OLD_METHOD_RE.search(item.text)
        if match is None:
            continue
        name = match.group(1)
        purpose_match = _OLD_PURPOSE_RE.match(item.text[match.start() :])
        purpose = purpose_match.group(1).strip() if purpose_match else ""
        if name.upper().startswith("TODO") or (
            purpose.startswith(("TODO", "TBD")) and _OLD_PLACEHOLDER_RE.match(purpose)
        ):
            continue
        methods.append(Method(name, purpose, item.line))
    return methods


def _old_fingerprint(methods: list[Method]) -> str:
    payload = "\n".join(f"{m.name}\t{' '.join(m.purpose.split())}" for m in methods)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:12]


def _old_own_content(ctx: DesignContext, section: Section) -> bool:
    scaffold = _scaffold(ctx.template)
    approved = ctx.status is Status.APPROVED
    for node in section.nodes:
        for _, text in node.prose:
            if _placeholder(text, approved) is not None:
                continue
            if normalise_prose(text) not in scaffold.lines:
                return True
        for table in node.tables:
            for _, row in table_rows(table):
                text = " | ".join(row)
                if any(cell.strip() for cell in row) and _placeholder(text, approved) is None:
                    return True
        for fence in node.fences:
            if tuple(line.strip() for line in fence.body) not in scaffold.fences:
                return True
    return False


def _old_canonical(vocabulary: StatusVocabulary, text: str) -> str:
    key = normalise_status_key(text)
    for entry in vocabulary.entries:
        if not entry.pattern and entry.key == key:
            return entry.text
    return text


def _old_id_from_path(path: str) -> str:
    parts = [part for part in re.split(r"[\\/]", path) if part not in ("", ".")]
    name = parts[-1] if parts else path
    if name.lower().endswith(".md"):
        name = name[:-3]
    if name.lower() in FOLDER_PAGE_NAMES and len(parts) > 1 and parts[-2] != "..":
        name = parts[-2]
    if name.lower().endswith("-design") and len(name) > len("-design"):
        name = name[: -len("-design")]
    return name


# --- inputs ------------------------------------------------------------------------------

# Whitespace of every kind the split in the fingerprint folds, and look-alikes it does not.
_SPACES = [" ", "  ", "\t", "\xa0", "\u2003", "\u3000", "\x0b", "\x1f", "\u200b", "\u2028"]
_PIECES = st.sampled_from(
    [
        "`",
        "``",
        "(",
        ")",
        ":",
        " - ",
        "\u2013",
        "\u2014",
        "async ",
        "def ",
        "async  def ",
        "get_user",
        "Orders.get",
        "todo_x",
        "TODO_method",
        "ToDo",
        "TODO",
        "TBD",
        "TODOS",
        "\u00df",
        "\ufb01",
        "x" * 210,
        "fetch one",
        *_SPACES,
    ]
)
_TEXT = st.lists(_PIECES | st.text(max_size=6), max_size=10).map("".join)


@st.composite
def _bullet(draw: st.DrawFn) -> str:
    """A method bullet of the usual shape, each part drawn from tricky values."""
    prefix = draw(st.sampled_from(["", " ", "async ", "def ", "async  def ", "\t"]))
    name = draw(
        st.sampled_from(
            ["get_user", "Orders.get", "todo_x", "TODO_method", "ToDoList", "t", "_x", "x" * 210]
        )
        | _TEXT
    )
    call = draw(st.sampled_from(["(x)", " (x)", "(`x`)", "(", "x)"]))
    close = draw(st.sampled_from(["`", "", "``"]))
    sep = draw(st.sampled_from([": ", ":", " - ", " \u2013 ", "\u2014", " ", "", "  :  "]))
    purpose = draw(
        st.sampled_from(["Fetch one", "TODO", "TBD: later", "TODOS", "x ", " y", ""]) | _TEXT
    )
    return f"`{prefix}{name}{call}{close}{sep}{purpose}"


def _context(text: str) -> DesignContext:
    return build_context(scan_design(text, "docs/design/x-design.md"), TEMPLATE, SETTINGS)


def _overview(bullets: list[str], label: bool) -> str:
    head = "**API Overview**:\n" if label else "### 4.4 API Overview\n"
    body = "\n".join(f"- {bullet}" for bullet in bullets)
    return f"# X\n\n## 4. API Design Guidelines\n\n{head}\n{body}\n"


# --- the API overview's methods and fingerprint -------------------------------------------


@FUZZ
@given(st.lists(_bullet() | _TEXT, max_size=8), st.booleans())
@example(["`get_user(id)`: Fetch  one\tuser "], False)
@example(["`TODO_method(arg)`: TODO describe", "`get(x)`"], False)
@example(["`async def Orders.get(x)` \u2014 TBD later", "`todo(x)`: y"], True)
@example(["`TODO_x(a)`: a real purpose", "`Todo(a)`: b"], False)
@example(["`f(x)`:", "` g (x)` :  TODO: later", "`h(`x`)`: z"], False)
@example(["`" + "a" * 210 + "(x)`: long", "`\u00dfodo(x)`: eszett"], False)
def test_level1_methods_and_fingerprint_match_the_two_pattern_reading(
    bullets: list[str], label: bool
) -> None:
    ctx = _context(_overview(bullets, label))
    expected = _old_methods(ctx)
    assert level1_methods(ctx) == expected
    names, fingerprint = level1_api(ctx)
    assert names == tuple(method.name for method in expected)
    assert fingerprint == _old_fingerprint(expected) == api_fingerprint(expected)


@FUZZ
@given(st.lists(st.tuples(_TEXT, _TEXT | st.sampled_from(["", " ", "a ", " a", "a  b"]))))
@example([("a", ""), ("b", "x")])
@example([("a", "x"), ("b", "")])
@example([("a", "x"), ("b", ""), ("c", "y")])
@example([("a", "x\xa0y"), ("b", "z\u2028")])
@example([("a", "")])
@example([("a", "x ")])
@example([("a", " x"), ("b", "y")])
def test_fingerprint_collapses_whitespace_like_a_split(pairs: list[tuple[str, str]]) -> None:
    methods = [Method(name, purpose, index) for index, (name, purpose) in enumerate(pairs)]
    assert api_fingerprint(methods) == _old_fingerprint(methods)


# --- own content of the required sections --------------------------------------------------

_TEMPLATE_LINES = [text for _, text in scan_design(TEMPLATE.source).all_prose()]


@st.composite
def _scaffold_like(draw: st.DrawFn) -> str:
    """The template with some lines kept, edited, re-spaced or replaced."""
    lines = TEMPLATE.source.split("\n")
    for _ in range(draw(st.integers(0, 12))):
        index = draw(st.integers(0, len(lines) - 1))
        op = draw(st.integers(0, 4))
        if op == 0:
            lines[index] = lines[index].upper()
        elif op == 1:
            lines[index] = " " + lines[index].replace(" ", draw(st.sampled_from(_SPACES))) + " "
        elif op == 2:
            lines[index] = draw(st.sampled_from(_TEMPLATE_LINES))
        elif op == 3:
            lines[index] = draw(_TEXT)
        else:
            lines[index] += draw(st.sampled_from([" TBD", " <a hint>", " [Option]", "`", ""]))
    return "\n".join(lines)


def _check_own_content(text: str) -> None:
    ctx = _context(text)
    sections = [section for found in ctx.sections.values() for section in found]
    expected = [_old_own_content(ctx, section) for section in sections]
    assert [section_has_own_content(ctx, section) for section in sections] == expected
    assert sections_with_own_content(ctx, sections) == sum(expected)


@FUZZ
@given(_scaffold_like())
def test_own_content_matches_on_edited_scaffolds(text: str) -> None:
    _check_own_content(text)


@FUZZ
@given(design())
def test_own_content_matches_on_fuzzed_designs(text: str) -> None:
    _check_own_content(text)


def test_own_content_matches_on_the_scaffold_itself() -> None:
    _check_own_content(TEMPLATE.source)
    _check_own_content(TEMPLATE.source.replace("Draft", "Approved"))


# --- status spelling and ids ---------------------------------------------------------------

_VOCABULARIES = [
    StatusVocabulary.default(),
    StatusVocabulary.parse(["Proposed", "Accepted", "Rejected"]),
    StatusVocabulary.parse({"Proposed": "draft", "superseded by *": "superseded"}),
]


@FUZZ
@given(
    st.lists(
        st.tuples(
            st.sampled_from(range(len(_VOCABULARIES))),
            st.sampled_from(["approved", " Pending-Review ", "ACCEPTED", "", "x", "proposed"])
            | st.text(max_size=12),
        ),
        max_size=30,
    )
)
def test_canonical_answers_what_the_loop_answers_whatever_the_order_of_questions(
    questions: list[tuple[int, str]],
) -> None:
    for index, text in questions:
        vocabulary = _VOCABULARIES[index]
        assert vocabulary.canonical(text) == _old_canonical(vocabulary, text)


@FUZZ
@given(st.lists(st.sampled_from(["/", "\\", "", ".", "..", "a", "README.md", "x-design.md"])))
@example(["docs", "\\", "x-design.md"])
@example(["..", "/", "index.md"])
def test_id_from_path_splits_on_either_separator(parts: list[str]) -> None:
    path = "".join(parts)
    assert design_id_from_path(path) == _old_id_from_path(path)
