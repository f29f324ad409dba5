"""The section keys the code looks up are exactly what the template's headings fold to."""

from __future__ import annotations

from mkdocs_archdesign.core.document import sections
from mkdocs_archdesign.core.document.template import load_template, normalise_heading


def test_each_key_is_its_title_folded() -> None:
    for key, title in sections.TITLES.items():
        assert normalise_heading(title) == key, title


def test_every_key_constant_has_a_title() -> None:
    constants = {
        value for name, value in vars(sections).items() if name.isupper() and isinstance(value, str)
    }
    assert constants == set(sections.TITLES)


def test_the_default_template_has_every_top_level_section_key() -> None:
    required = {section.key for section in load_template().required}
    top_level = set(sections.TITLES) - {sections.API_OVERVIEW}
    assert top_level <= required
