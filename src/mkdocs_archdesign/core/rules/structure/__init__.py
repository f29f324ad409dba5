"""AD1xx: structure rules, checked against the sections the template requires.

- :mod:`.sections`: AD101 missing-section, AD102 empty-section, AD104 section-order,
  AD105 duplicate-section.
- :mod:`.placeholders`: AD103 placeholder-text.
"""

from mkdocs_archdesign.core.rules.structure import placeholders, sections

__all__ = ["placeholders", "sections"]
