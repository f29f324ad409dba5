"""An interrupted write never loses or half-writes a design.

The interruption is injected where it hurts most: after the new bytes are on disk but
before the rename (``review``), and before the new name is linked (``new``). Either an
``OSError`` (disk full) or a ``KeyboardInterrupt`` (Ctrl-C) must leave the original
bytes, no partial file and no temporary file behind.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_archdesign.cli import main

from .corpus import COMPLETE


def _project(tmp_path: Path) -> Path:
    design = tmp_path / "docs" / "design"
    design.mkdir(parents=True)
    for other in COMPLETE.glob("*.md"):
        (design / other.name).write_bytes(other.read_bytes())
    text = (COMPLETE / "order-service-design.md").read_text(encoding="utf-8")
    text = text.replace("status: Approved", "status: Pending Review")
    text = text.replace("**Status**: Approved", "**Status**: Pending Review")
    (design / "order-service-design.md").write_text(text, encoding="utf-8")
    return tmp_path


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_review_interrupted_before_the_rename_keeps_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    root = _project(tmp_path)
    target = root / "docs" / "design" / "order-service-design.md"
    before = target.read_bytes()

    def interrupted(*_: object) -> None:
        raise error

    monkeypatch.chdir(root)
    monkeypatch.setattr("mkdocs_archdesign.core.textedit.os.replace", interrupted)
    result = CliRunner().invoke(
        main, ["review", "docs/design/order-service-design.md", "approve", "--reviewer", "@r"]
    )
    assert target.read_bytes() == before
    assert _leftovers(target.parent) == []
    if isinstance(error, OSError):
        assert result.exit_code == 2, result.stderr
        assert "the original is unchanged" in result.stderr
        assert "Traceback" not in result.output
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    else:
        assert result.exit_code == 1 and "Aborted" in result.output  # click's Ctrl-C handling


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_new_interrupted_before_the_link_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    monkeypatch.chdir(tmp_path)

    def interrupted(*_: object) -> None:
        raise error

    monkeypatch.setattr(os, "link", interrupted)
    monkeypatch.setattr(os, "replace", interrupted)
    result = CliRunner().invoke(main, ["new", "Order Service"])
    folder = tmp_path / "docs" / "design"
    assert not (folder / "order-service-design.md").exists()
    assert not folder.exists() or _leftovers(folder) == []
    assert result.exit_code != 0
    if isinstance(error, OSError):
        assert result.exit_code == 2 and "Traceback" not in result.output
