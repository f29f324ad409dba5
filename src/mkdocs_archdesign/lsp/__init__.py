"""The language server adapter (``mkdocs-archdesign lsp``), beside cli/ and plugin/.

It needs the optional ``lsp`` extra (pygls); nothing else in the package imports it.
"""
