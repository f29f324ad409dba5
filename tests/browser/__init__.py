"""Browser tests (a package, so its conftest never shadows the root ``conftest`` module)."""
