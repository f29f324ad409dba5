"""Files shipped in the package read the same from a folder and through importlib.resources."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from mkdocs_archdesign.core import files
from mkdocs_archdesign.core.files import packaged_text

SHIPPED = [
    ("templates", "design.md.j2"),
    ("templates", "level2.md.j2"),
    ("assets", "archdesign.css"),
    ("assets", "catalog.js"),
]


def _through_resources(*parts: str) -> str:
    resource = resources.files("mkdocs_archdesign")
    for part in parts:
        resource = resource.joinpath(part)
    return resource.read_text(encoding="utf-8")


@pytest.mark.parametrize("parts", SHIPPED, ids="/".join)
def test_a_package_folder_is_read_as_files(parts: tuple[str, ...]) -> None:
    assert files._PACKAGE_FOLDER.is_dir()
    assert packaged_text(*parts) == _through_resources(*parts)
    assert packaged_text(*parts)


@pytest.mark.parametrize("parts", SHIPPED, ids="/".join)
def test_a_package_that_is_no_folder_is_read_through_importlib_resources(
    parts: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As for a package imported from a zip archive: its folder is no folder on disk.
    monkeypatch.setattr(files, "_PACKAGE_FOLDER", tmp_path / "archive.zip" / "mkdocs_archdesign")
    assert packaged_text(*parts) == _through_resources(*parts)


def test_a_file_the_package_does_not_ship_is_an_os_error() -> None:
    with pytest.raises(FileNotFoundError):
        packaged_text("templates", "no-such-template.md")


def test_the_init_templates_are_shipped() -> None:
    folder = files._PACKAGE_FOLDER / "templates" / "init"
    names = sorted(path.name for path in folder.iterdir())
    assert names
    for name in names:
        assert packaged_text("templates", "init", name) == _through_resources(
            "templates", "init", name
        )
