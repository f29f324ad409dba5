"""Benchmarks for mkdocs-archdesign (not part of the package; run ``python -m benchmarks``)."""
