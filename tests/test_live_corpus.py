"""The editor's live corpus gives exactly the summaries ``check`` gives for the same texts."""

from __future__ import annotations

from pathlib import Path

from conftest import render_default_template
from mkdocs_archdesign.core.config.settings import Settings
from mkdocs_archdesign.core.document.template import load_template
from mkdocs_archdesign.core.validation.corpus import check_files, display_paths
from mkdocs_archdesign.core.validation.live import LiveCorpus


def _design(title: str, depends_on: str) -> str:
    text = render_default_template(title, title.lower())
    return text.replace("status: Draft", "status: Approved").replace(
        "depends_on: []", f"depends_on: {depends_on}"
    )


def _corpus(tmp_path: Path) -> tuple[LiveCorpus, list[Path]]:
    folder = tmp_path / "docs" / "design"
    folder.mkdir(parents=True)
    files = []
    for name, deps in (("a", "[b]"), ("b", "[]"), ("c", "[a, gone]")):
        path = folder / f"{name}-design.md"
        path.write_text(_design(name.upper(), deps), encoding="utf-8")
        files.append(path)
    (folder / "latin-design.md").write_bytes("# Caf\u00e9\n".encode("latin-1"))
    files.append(folder / "latin-design.md")
    corpus = LiveCorpus(load_template(), Settings())
    corpus.load_files(zip(display_paths(files, tmp_path), files, strict=True))
    return corpus, files


def _check(files: list[Path], tmp_path: Path, monkeypatch) -> dict[str, object]:
    monkeypatch.chdir(tmp_path)
    return {s.path: s for s in check_files(sorted(files), load_template(), Settings())}


def test_disk_corpus_equals_check(tmp_path: Path, monkeypatch) -> None:
    corpus, files = _corpus(tmp_path)
    expected = _check(files, tmp_path, monkeypatch)
    assert dict(corpus.summaries()) == expected
    assert any(f.code == "AD004" for f in corpus.findings("docs/design/c-design.md"))
    assert [f.code for f in corpus.findings("docs/design/latin-design.md")] == ["AD000"]


def test_a_buffer_stands_for_its_file_and_changes_the_designs_that_reference_it(
    tmp_path: Path, monkeypatch
) -> None:
    corpus, files = _corpus(tmp_path)
    b = "docs/design/b-design.md"
    assert not any(f.code == "AD005" for f in corpus.findings("docs/design/a-design.md"))
    cyclic = _design("B", "[a]")
    corpus.set_buffer(b, cyclic)
    # a <-> b is now a cycle: AD005 lands on 'a', whose own text never changed.
    assert any(f.code == "AD005" for f in corpus.findings("docs/design/a-design.md"))
    files[1].write_text(cyclic, encoding="utf-8")
    assert dict(corpus.summaries()) == _check(files, tmp_path, monkeypatch)
    # Dropping the buffer lets the file count again: the saved text once it is re-read.
    corpus.drop_buffer(b)
    assert corpus.refresh_file(b, files[1]) is True
    assert dict(corpus.summaries()) == _check(files, tmp_path, monkeypatch)


def test_refresh_file_rereads_only_changed_files(tmp_path: Path) -> None:
    corpus, files = _corpus(tmp_path)
    shown = "docs/design/a-design.md"
    assert corpus.refresh_file(shown, files[0]) is False
    files[0].write_text(_design("A", "[nowhere]") + "\nMore.\n", encoding="utf-8")
    assert corpus.refresh_file(shown, files[0]) is True
    assert any("nowhere" in f.message for f in corpus.findings(shown))
    files[0].unlink()
    assert corpus.refresh_file(shown, files[0]) is True
    assert shown not in corpus
    assert corpus.findings(shown) == ()
