"""The architecture catalog: its entries, dependency graph and HTML."""
