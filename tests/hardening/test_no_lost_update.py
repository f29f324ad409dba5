"""No lost update: review writes only over the bytes it read, and keeps the file's identity.

Concurrency is made deterministic with a barrier: both writers have read the original
before either writes, so one of them must find the file changed.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from mkdocs_archdesign.cli import main
from mkdocs_archdesign.core.textedit import (
    ConcurrentEditError,
    ProtectedFileError,
    atomic_write,
    stale_temp_files,
)

from .corpus import COMPLETE

DESIGN = "docs/design/order-service-design.md"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "docs" / "design"
    folder.mkdir(parents=True)
    for other in COMPLETE.glob("*.md"):
        (folder / other.name).write_bytes(other.read_bytes())
    text = (COMPLETE / "order-service-design.md").read_text(encoding="utf-8")
    text = text.replace("status: Approved", "status: Pending Review")
    text = text.replace("**Status**: Approved", "**Status**: Pending Review")
    (folder / "order-service-design.md").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _changes(note: str) -> list[str]:
    return ["review", DESIGN, "changes", "--reviewer", "@lead", "--note", note]


def test_an_edit_saved_while_review_runs_is_kept_and_review_refuses(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs_archdesign.core.review import workflow

    design = project / DESIGN
    real = workflow.apply_review

    def editor_saves_meanwhile(*args: object, **kwargs: object) -> object:
        outcome = real(*args, **kwargs)  # type: ignore[arg-type]
        design.write_text(design.read_text(encoding="utf-8") + "\nThe author's edit.\n")
        return outcome

    monkeypatch.setattr(workflow, "apply_review", editor_saves_meanwhile)
    result = CliRunner().invoke(main, _changes("Add p99 targets"))
    assert result.exit_code == 2, result.output
    assert "changed while this command ran" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    text = design.read_text(encoding="utf-8")
    assert text.endswith("The author's edit.\n")  # the author's save survives
    assert "Add p99 targets" not in text


def test_two_concurrent_writers_exactly_one_wins(tmp_path: Path) -> None:
    path = tmp_path / "design.md"
    path.write_bytes(b"original\n")
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def writer(name: str) -> None:
        read = path.read_bytes()
        barrier.wait()  # both have read the original before either writes
        try:
            atomic_write(path, read + name.encode() + b"\n", expected=read)
            outcomes[name] = "won"
        except ConcurrentEditError:
            outcomes[name] = "told"

    threads = [threading.Thread(target=writer, args=(name,)) for name in ("A", "B")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes.values()) == ["told", "won"]
    winner = next(name for name, outcome in outcomes.items() if outcome == "won")
    assert path.read_bytes() == b"original\n" + winner.encode() + b"\n"


def test_two_concurrent_review_processes_exactly_one_wins(project: Path) -> None:
    # Two real review processes, started together. Whatever the interleaving, one writes;
    # the other either read the original and finds it changed (exit 2), or read the
    # first one's result and is refused by the workflow (exit 1): it is always told.
    cmd = [sys.executable, "-m", "mkdocs_archdesign"]
    procs = [
        subprocess.Popen(
            [*cmd, *_changes(f"note {n}")], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        for n in (1, 2)
    ]
    results = [(proc.wait(timeout=120), proc.communicate()[1].decode()) for proc in procs]
    text = (project / DESIGN).read_text(encoding="utf-8")
    assert sorted(code for code, _ in results)[0] == 0
    assert [code for code, _ in results].count(0) == 1, results
    for number, (code, stderr) in enumerate(results, start=1):
        if code == 0:
            assert f"note {number}" in text
            continue
        assert f"note {number}" not in text
        told = "changed while this command ran" in stderr or "is not allowed" in stderr
        assert code in (1, 2) and told, stderr


def test_concurrent_approve_and_changes_never_both_succeed_silently(tmp_path: Path) -> None:
    path = tmp_path / "design.md"
    path.write_bytes(b"status: Pending Review\n")
    barrier = threading.Barrier(2)
    told: list[str] = []

    def writer(new: bytes) -> None:
        read = path.read_bytes()
        barrier.wait()
        try:
            atomic_write(path, new, expected=read)
        except ConcurrentEditError:
            told.append(new.decode())

    threads = [
        threading.Thread(target=writer, args=(body,))
        for body in (b"status: Approved\n", b"status: Changes Requested\n")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(told) == 1
    assert path.read_bytes().decode() != told[0]


def test_review_keeps_the_file_mode(project: Path) -> None:
    design = project / DESIGN
    design.chmod(0o640)
    result = CliRunner().invoke(main, _changes("Keep my mode"))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(design.stat().st_mode) == 0o640


def test_review_refuses_a_read_only_file_unless_forced(project: Path) -> None:
    design = project / DESIGN
    design.chmod(0o444)
    before = design.read_bytes()
    result = CliRunner().invoke(main, _changes("Read only"))
    assert result.exit_code == 2, result.output
    assert "is read-only" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert design.read_bytes() == before
    forced = CliRunner().invoke(main, [*_changes("Read only"), "--force"])
    assert forced.exit_code == 0, forced.output
    assert "Read only" in design.read_text(encoding="utf-8")
    assert stat.S_IMODE(design.stat().st_mode) == 0o444  # still read-only


def test_review_keeps_hard_links(project: Path) -> None:
    design = project / DESIGN
    link = project / "linked-copy.md"
    os.link(design, link)
    refused = CliRunner().invoke(main, _changes("Linked"))
    assert refused.exit_code == 2 and "hard links" in refused.stderr
    forced = CliRunner().invoke(main, [*_changes("Linked"), "--force"])
    assert forced.exit_code == 0, forced.output
    assert design.stat().st_ino == link.stat().st_ino  # still one file, two names
    assert "Linked" in link.read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's owner needs root")
def test_review_as_root_keeps_the_owner(project: Path) -> None:
    design = project / DESIGN
    os.chown(design, 1234, 5678)
    result = CliRunner().invoke(main, _changes("Owner kept"))
    assert result.exit_code == 0, result.output
    info = design.stat()
    assert (info.st_uid, info.st_gid) == (1234, 5678)


def test_atomic_write_refuses_a_read_only_file_directly(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"x")
    path.chmod(0o444)
    with pytest.raises(ProtectedFileError):
        atomic_write(path, b"y")
    assert path.read_bytes() == b"x"


# --- leftovers: SIGTERM during the write, and a SIGKILL's stale file -------------------

_SIGTERM_CHILD = r"""
import os, signal, sys
from pathlib import Path
from mkdocs_archdesign.core import textedit

path = Path(sys.argv[1])
real_fsync = os.fsync

def fsync_then_terminated(fd):
    real_fsync(fd)
    # The temporary file is on disk; a cancelled CI job's SIGTERM arrives now.
    os.kill(os.getpid(), signal.SIGTERM)

textedit.os.fsync = fsync_then_terminated
textedit.atomic_write(path, b"new bytes\n", expected=path.read_bytes())
print("not reached")
"""


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "design.md"
    path.write_bytes(b"original\n")
    proc = subprocess.run(
        [sys.executable, "-c", _SIGTERM_CHILD, str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 128 + signal.SIGTERM, proc.stderr
    assert "not reached" not in proc.stdout
    assert path.read_bytes() == b"original\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["design.md"]


def test_a_stale_temporary_file_is_removed_and_reported_by_the_next_review(
    project: Path,
) -> None:
    design = project / DESIGN
    stale = design.parent / f".{design.name}.k1ll3d_x.tmp"
    stale.write_bytes(b"half a design")
    unrelated = design.parent / f".{design.name}.notours.tmp.bak"
    unrelated.write_bytes(b"someone else's")
    assert stale_temp_files(design) == [stale]
    result = CliRunner().invoke(main, _changes("After a kill"))
    assert result.exit_code == 0, result.output
    assert not stale.exists()
    assert unrelated.exists()
    assert "removed a temporary file a killed write left" in result.stderr
