"""``fast_init`` changes how fast a frozen value type is built, nothing else about it.

Each decorated type is compared with a plain frozen slots dataclass of the same fields
(what it was before): same signature, same stored values, and its instances compare,
hash, print, pickle, copy and refuse assignment alike.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
from dataclasses import MISSING

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mkdocs_archdesign.core.document.nodes import Heading, Label, ListItem
from mkdocs_archdesign.core.document.scanner import Section
from mkdocs_archdesign.core.frozen import fast_init
from mkdocs_archdesign.core.model import DesignSummary, Handoff

TYPES = [Heading, ListItem, Label, Section, DesignSummary, Handoff]
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _reference(cls: type) -> type:
    """The same fields as a plain frozen slots dataclass, with the generated ``__init__``."""
    fields = [(item.name, item.type, item) for item in dataclasses.fields(cls)]
    return dataclasses.make_dataclass(cls.__name__, fields, frozen=True, slots=True)


@pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
def test_the_signature_is_the_generated_one(cls: type) -> None:
    assert str(inspect.signature(cls)) == str(inspect.signature(_reference(cls)))
    assert cls.__init__.__annotations__ == _reference(cls).__init__.__annotations__
    assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
    assert cls.__init__.__module__ == cls.__module__


@FUZZ
@given(st.data())
@pytest.mark.parametrize("cls", TYPES, ids=lambda cls: cls.__name__)
def test_it_stores_what_the_generated_init_stores(cls: type, data: st.DataObject) -> None:
    fields = dataclasses.fields(cls)
    required = [item for item in fields if item.default is item.default_factory is MISSING]
    optional = [item for item in fields if item not in required]
    positional = data.draw(st.integers(len(required), len(fields)))
    args = [object() for _ in fields[:positional]]
    named = data.draw(st.lists(st.sampled_from(optional), unique=True)) if optional else []
    kwargs = {item.name: object() for item in named if item not in fields[:positional]}
    made, expected = cls(*args, **kwargs), _reference(cls)(*args, **kwargs)
    for item in fields:
        assert getattr(made, item.name) == getattr(expected, item.name)


_TEXT = st.text(max_size=20)
_LINE = st.integers(min_value=1, max_value=10_000)


def _behaves_as_frozen(made: object, cls: type) -> None:
    twin = _reference(cls)(*dataclasses.astuple(made))  # type: ignore[call-overload]
    assert made == cls(*dataclasses.astuple(made))  # type: ignore[call-overload]
    assert hash(made) == hash(dataclasses.astuple(made))  # type: ignore[call-overload]
    assert repr(made) == repr(twin)
    assert pickle.loads(pickle.dumps(made)) == made
    assert copy.copy(made) == made
    name = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, name, None)
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(made, name)
    with pytest.raises(AttributeError):
        made.__dict__  # noqa: B018  (slots: no instance dict, as the type promises)


@FUZZ
@given(_TEXT, _LINE, st.integers(min_value=0, max_value=40), st.sampled_from([None, True, False]))
def test_a_list_item_behaves_as_a_frozen_value(
    text: str, line: int, indent: int, checked: bool | None
) -> None:
    _behaves_as_frozen(ListItem(text, line, indent, checked), ListItem)
    _behaves_as_frozen(ListItem(text, line, indent), ListItem)


@FUZZ
@given(st.integers(min_value=1, max_value=6), _TEXT, _LINE)
def test_a_heading_behaves_as_a_frozen_value(level: int, text: str, line: int) -> None:
    _behaves_as_frozen(Heading(level, text, line), Heading)


@FUZZ
@given(_TEXT, _TEXT, _LINE)
def test_a_label_behaves_as_a_frozen_value(label: str, value: str, line: int) -> None:
    _behaves_as_frozen(Label(label, value, line), Label)


def test_keywords_and_missing_arguments_are_taken_as_before() -> None:
    assert ListItem(text="t", line=3, indent=2, checked=True) == ListItem("t", 3, 2, True)
    with pytest.raises(TypeError):
        Label("a", "b")  # type: ignore[call-arg]


def test_what_it_cannot_honour_is_refused_at_import() -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class Hooked:
        a: int

        def __post_init__(self) -> None:
            pass

    @dataclasses.dataclass(frozen=True, slots=True)
    class KeywordOnly:
        a: int = dataclasses.field(kw_only=True)

    for cls in (Hooked, KeywordOnly):
        with pytest.raises(TypeError):
            fast_init(cls)
