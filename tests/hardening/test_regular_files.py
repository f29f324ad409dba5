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
from mkdocs_archdesign.core.files import DEFAULT_MAX_FILE_BYTES, UnreadableFileError, read_text

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


def _check_json(cwd: Path) -> subprocess.CompletedProcess[str]:
    """``check --format json`` as a subprocess (a timeout: a hang fails, never stalls)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs_archdesign", "check", "--format", "json"],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


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
    proc = _check_json(tmp_path)
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


def _over_the_cap(docs: Path) -> int:
    """A complete design, a copy over the cap and a spec over it; returns the cap."""
    design = (COMPLETE / "order-service-design.md").read_text(encoding="utf-8")
    folder = docs / "design"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "order-service-design.md").write_text(design, encoding="utf-8")
    cap = len(design.encode("utf-8")) + 100
    padding = "\n" + "x" * cap + "\n"
    big = design.replace("Order Service", "Big Service")
    (folder / "big-service-design.md").write_text(big + padding, encoding="utf-8")
    spec = '---\ntitle: "Order API"\nstatus: Draft\nlevel1: "order-service"\n---\n# Order API\n'
    (folder / "order-service-api-spec.md").write_text(spec + padding, encoding="utf-8")
    return cap


def _refusal(cap: int) -> str:
    return f"larger than the {cap}-byte size cap ("


def test_check_gives_ad000_to_a_design_and_a_spec_over_max_file_bytes(tmp_path: Path) -> None:
    cap = _over_the_cap(tmp_path / "docs")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: x\nplugins:\n  - archdesign:\n      max_file_bytes: {cap}\n",
        encoding="utf-8",
    )
    proc = _check_json(tmp_path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    ad000 = {
        f["path"]: f["message"] for f in json.loads(proc.stdout)["findings"] if f["code"] == "AD000"
    }
    assert sorted(ad000) == [
        "docs/design/big-service-design.md",
        "docs/design/order-service-api-spec.md",
    ]
    for message in ad000.values():
        assert _refusal(cap) in message and "raise max_file_bytes" in message


def test_build_gives_ad000_to_a_design_and_a_spec_over_max_file_bytes(
    make_site: Callable[..., Any],
) -> None:
    site = make_site(plugins=[{"archdesign": {"fail_on": "never", "show_findings": "always"}}])
    cap = _over_the_cap(site.docs)
    site.config["plugins"][0]["archdesign"]["max_file_bytes"] = cap
    site.build()
    for page in ("big-service-design", "order-service-api-spec"):
        html = site.html(f"design/{page}/index.html")
        assert "AD000" in html and html_text(_refusal(cap)) in html, page
        assert "x" * 1000 not in html  # nothing of the refused file is published
    assert "AD000" not in site.html("design/order-service-design/index.html")


def test_a_config_over_the_default_cap_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "big.md"
    with path.open("wb") as handle:  # sparse: the size is there, the bytes are not
        handle.truncate(DEFAULT_MAX_FILE_BYTES + 1)
    with pytest.raises(UnreadableFileError) as caught:
        read_text(path, "config")
    assert str(caught.value) == (
        f"config {path} is larger than the {DEFAULT_MAX_FILE_BYTES}-byte size cap "
        f"({DEFAULT_MAX_FILE_BYTES + 1} bytes)"
    )


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
