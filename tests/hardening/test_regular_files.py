"""Only regular files inside the project are read: devices, FIFOs and escaping symlinks are AD000.

Each of these once hung ``check`` (a FIFO), ran it out of memory (``/dev/zero``) or read and
published a file outside the docs folder. Each case runs through ``check`` as a real
subprocess (with a timeout: a hang fails the test instead of stalling the suite) and through
a real ``mkdocs build``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from mkdocs_archdesign.core.escape import html_text
from mkdocs_archdesign.core.files import MAX_FILE_BYTES_ENV, UnreadableFileError, read_text

from .corpus import COMPLETE

SECRET = "TOP-SECRET-OUTSIDE-DOCS"


def _make_hostile(design: Path, kind: str, outside: Path) -> None:
    if kind == "dev-zero":
        design.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(design)
    else:
        outside.write_text(f"# Outside\n\n{SECRET}\n", encoding="utf-8")
        design.symlink_to(outside)


KINDS = {
    # Leaving the docs folder is checked before anything is opened.
    "dev-zero": "a symlink to /dev/zero, outside",
    "fifo": "not a regular file (a FIFO)",
    "symlink-outside": "a symlink to",
}


@pytest.mark.parametrize("kind", KINDS)
def test_check_reports_ad000_for_a_non_regular_design(tmp_path: Path, kind: str) -> None:
    folder = tmp_path / "docs" / "design"
    folder.mkdir(parents=True)
    (folder / "order-service-design.md").write_bytes(
        (COMPLETE / "order-service-design.md").read_bytes()
    )
    _make_hostile(folder / "evil-design.md", kind, tmp_path / "secret.md")
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", "check", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in proc.stderr
    report = json.loads(proc.stdout)
    ad000 = [f for f in report["findings"] if f["code"] == "AD000"]
    assert len(ad000) == 1
    # check names a symlinked file by its target (display_path resolves links).
    assert ad000[0]["path"].endswith(("evil-design.md", "secret.md", "zero"))
    assert KINDS[kind] in ad000[0]["message"]
    assert SECRET not in proc.stdout


@pytest.mark.parametrize("kind", KINDS)
def test_build_shows_ad000_and_publishes_nothing_of_it(
    make_site: Callable[..., Any], tmp_path: Path, kind: str
) -> None:
    site = make_site(plugins=[{"archdesign": {"fail_on": "never", "show_findings": "always"}}])
    site.write("design/order-service-design.md", (COMPLETE / "order-service-design.md").read_text())
    _make_hostile(site.docs / "design" / "evil-design.md", kind, tmp_path / "secret.md")
    site.build()
    page = site.html("design/evil-design/index.html")
    assert "AD000" in page and html_text(KINDS[kind]) in page
    for html in site.site_dir.rglob("*"):
        if html.is_file():
            assert SECRET.encode() not in html.read_bytes(), html


@pytest.mark.parametrize(("what", "flag"), [("config", "--config"), ("template", "--template")])
def test_config_or_template_from_dev_zero_is_one_line(tmp_path: Path, what: str, flag: str) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", "check", flag, "/dev/zero"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and "MemoryError" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0
    assert f"{what} /dev/zero is not a regular file (a character device)" in proc.stderr


def test_the_size_cap_is_configurable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.md"
    path.write_bytes(b"x" * 2048)
    assert read_text(path, "template") == "x" * 2048
    monkeypatch.setenv(MAX_FILE_BYTES_ENV, "1024")
    with pytest.raises(UnreadableFileError, match="larger than the 1024-byte limit"):
        read_text(path, "template")


def test_real_paths_resolve_as_path_resolve_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_archdesign.core.files import RealPaths

    (tmp_path / "real" / "sub").mkdir(parents=True)
    (tmp_path / "real" / "a.md").write_text("a")
    (tmp_path / "elsewhere.md").write_text("b")
    (tmp_path / "linked").symlink_to(tmp_path / "real" / "sub")
    (tmp_path / "real" / "out.md").symlink_to(tmp_path / "elsewhere.md")
    monkeypatch.chdir(tmp_path)
    names = [
        "real/a.md",
        "real/out.md",
        "linked/../a.md",  # ".." after a symlinked folder: the link's target's parent
        "linked/missing.md",
        "real/./a.md",
        ".",
        str(tmp_path / "linked" / ".."),
    ]
    real = RealPaths()
    for name in names:
        assert real(Path(name)) == Path(name).resolve(), name


def test_a_design_behind_a_symlinked_folder_and_dotdot_stays_inside(tmp_path: Path) -> None:
    from mkdocs_archdesign.core.files import NotReadableAsDesignError, read_regular_bytes

    docs = tmp_path / "docs"
    (docs / "design").mkdir(parents=True)
    (docs / "design" / "a.md").write_text("inside")
    (tmp_path / "secret.md").write_text("secret")
    (docs / "design" / "leak.md").symlink_to(tmp_path / "secret.md")
    (docs / "hop").symlink_to(docs / "design")
    assert read_regular_bytes(docs / "hop" / ".." / "design" / "a.md", docs) == b"inside"
    with pytest.raises(NotReadableAsDesignError, match="outside"):
        read_regular_bytes(docs / "hop" / "leak.md", docs)
    # Named outside the docs folder, a file is read as given.
    assert read_regular_bytes(tmp_path / "secret.md", docs) == b"secret"
