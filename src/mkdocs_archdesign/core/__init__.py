"""The MkDocs-free core: model, scanner, template schema, rules, catalog and review edits.

Nothing under this package may import ``mkdocs``: the command line must keep working on
sites built by other generators, and MkDocs 2 drops plugins altogether.
"""
