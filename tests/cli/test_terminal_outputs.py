"""Terminal safety once: every text output passes user text through terminal_text."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import run

EVIL = "evil\u009b2J\u202e\x1b]0;t\x07"


@pytest.fixture
def evil_site(tmp_path: Path) -> Path:
    design = tmp_path / "docs" / "design"
    design.mkdir(parents=True)
    (design / f"{EVIL}-design.md").write_text(
        f"---\ntitle: {EVIL!r}\nstatus: Draft\ndepends_on: [{EVIL!r}]\n---\n# T {EVIL}\n", "utf-8"
    )
    return tmp_path


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--format", "text"],
        ["check", "--format", "text", f"docs/design/{EVIL}-design.md"],
        ["status"],
        ["catalog", "--format", "markdown"],
        ["review", f"docs/design/{EVIL}-design.md", "request", "--dry-run"],
        ["review", f"docs/design/{EVIL}-design.md", "approve", "--reviewer", "@a"],
        ["review", f"docs/design/{EVIL}-design.md", "supersede", "--by", EVIL],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_no_control_or_bidi_character_reaches_the_terminal(
    evil_site: Path, args: list[str]
) -> None:
    outcome = run(args, cwd=evil_site)
    assert "Traceback" not in outcome.stderr
    text = outcome.stderr + (outcome.stdout if args[0] != "review" else "")
    for char in ("\u009b", "\u202e", "\x1b", "\x07"):
        assert char not in text, (args, text)
