"""The scanner's builders make the same frozen values as the value types' constructors."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mkdocs_archdesign.core.document.nodes import (
    Heading,
    Label,
    ListItem,
    new_heading,
    new_item,
    new_label,
)

_TEXT = st.text(max_size=20)
_LINE = st.integers(min_value=1, max_value=10_000)
_CHECKED = st.sampled_from([None, True, False])


def _same(built: object, made: object) -> None:
    assert type(built) is type(made)
    assert built == made
    assert made == built
    assert hash(built) == hash(made)
    assert repr(built) == repr(made)
    assert dataclasses.astuple(built) == dataclasses.astuple(made)  # type: ignore[call-overload]
    assert pickle.loads(pickle.dumps(built)) == made
    assert copy.copy(built) == made
    name = dataclasses.fields(made)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(built, name, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(built, name)
    with pytest.raises(AttributeError):
        built.__dict__  # noqa: B018  (slots: no instance dict, as the type promises)


@given(_TEXT, _LINE, st.integers(min_value=0, max_value=40), _CHECKED)
def test_new_item_is_a_list_item(text: str, line: int, indent: int, checked: bool | None) -> None:
    _same(new_item(text, line, indent, checked), ListItem(text, line, indent, checked))
    _same(new_item(text, line, indent), ListItem(text, line, indent))


@given(st.integers(min_value=1, max_value=6), _TEXT, _LINE)
def test_new_heading_is_a_heading(level: int, text: str, line: int) -> None:
    _same(new_heading(level, text, line), Heading(level, text, line))


@given(_TEXT, _TEXT, _LINE)
def test_new_label_is_a_label(label: str, value: str, line: int) -> None:
    _same(new_label(label, value, line), Label(label, value, line))


def test_builders_take_keywords_like_the_types() -> None:
    built = new_item(text="t", line=3, indent=2, checked=True)
    assert built == ListItem(text="t", line=3, indent=2, checked=True)
    with pytest.raises(TypeError):
        new_label("a", "b")  # type: ignore[call-arg]
