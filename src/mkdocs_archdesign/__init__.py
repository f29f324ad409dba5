"""mkdocs-archdesign: validate, badge and catalog Level 1 architecture designs.

The package is split in two layers. :mod:`mkdocs_archdesign.core` knows nothing of
MkDocs: it scans design documents, runs the rule catalog, summarises designs, builds
the catalog and edits review blocks. :mod:`mkdocs_archdesign.cli` and
:mod:`mkdocs_archdesign.plugin` are thin adapters over it.
"""

__version__ = "0.1.0"
