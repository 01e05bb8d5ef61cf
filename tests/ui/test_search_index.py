"""The search index as the kiosk prepares it (kiosk.ui.search): built once per content version, with
the text of PDFs read by the real QtPdf; and `kiosk search`, which uses the same index."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pytest

from kiosk.booth import paths
from kiosk.cli import main
from kiosk.core import search
from kiosk.core.loader import load_content
from kiosk.core.search import SearchIndex
from kiosk.ui.search import SearchViewModel, pdf_text, prepare_index
from tests.core.contentkit import ContentFolder, add_search_content, build_valid_content

HANDOUT = "documents/fair-migration-agenda-handout.pdf"
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "media"
# Printed at the end of the handout by kiosk.core.handout, and in no text of the content itself.
PRINTED_ONLY = "quotations marked"  # the handout's note on its first sheet
PRINTED_LAST = "printed version"  # its closing words, on its twelfth and last sheet


@pytest.fixture
def content(tmp_path: Path) -> ContentFolder:
    folder = build_valid_content(tmp_path / "content")
    add_search_content(folder)
    return folder


def compiled_of(root: Path) -> dict[str, Any]:
    result = load_content(root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return result.compiled


def routes_found(index_file: Path, query: str, language: str = "en") -> list[str]:
    index = SearchIndex(index_file)
    try:
        return [result.route for result in index.search(query, language)]
    finally:
        index.close()


def indexes_in(cache: Path) -> list[str]:
    return sorted(path.name for path in cache.iterdir() if path.name.startswith(("search-", ".search-")))


def test_the_index_is_built_once_then_reused(content: ContentFolder, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    compiled = compiled_of(content.root)
    first, built = prepare_index(compiled, content.root, cache)
    assert built and first.is_file()
    assert routes_found(first, "zanzibar") == ["item/port"]
    written = first.stat().st_mtime_ns

    # The next start, with the content read afresh: the same file, not rebuilt.
    again, built = prepare_index(compiled_of(content.root), content.root, cache)
    assert (again, built) == (first, False)
    assert first.stat().st_mtime_ns == written
    assert indexes_in(cache) == [first.name]


def test_changed_text_rebuilds_the_index_and_removes_the_old_one(
    content: ContentFolder, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    old, built = prepare_index(compiled_of(content.root), content.root, cache)
    assert built
    content.replace("sections/20-words.yaml", "Dock workers of Zanzibar", "Dock workers of Mombasa")
    new, built = prepare_index(compiled_of(content.root), content.root, cache)
    assert built and new != old
    assert not old.exists()
    assert indexes_in(cache) == [new.name]
    assert routes_found(new, "mombasa") == ["item/port"]
    assert routes_found(new, "zanzibar") == []
    assert prepare_index(compiled_of(content.root), content.root, cache) == (new, False)


def test_changed_captions_alone_rebuild_the_index(content: ContentFolder, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    compiled = compiled_of(content.root)
    old, _ = prepare_index(compiled, content.root, cache)
    assert routes_found(old, "dawn") == ["item/clip"]
    content.write("captions/clip.en.vtt", "WEBVTT\n\n00:00.000 --> 00:02.000\nThe camels rested.\n")
    new, built = prepare_index(compiled_of(content.root), content.root, cache)
    assert built and not old.exists()
    assert routes_found(new, "camels") == ["item/clip"]
    assert routes_found(new, "dawn") == []
    assert routes_found(new, "caravane", "fr") == ["item/clip"]  # the French captions did not change


def test_a_day_old_temporary_file_of_a_killed_build_is_removed(
    content: ContentFolder, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    stale = cache / ".search-killed.tmp"
    stale.write_bytes(b"half an index")
    day_ago = time.time() - 24 * 3600
    os.utime(stale, (day_ago, day_ago))
    index_file, built = prepare_index(compiled_of(content.root), content.root, cache)
    assert built
    assert indexes_in(cache) == [index_file.name]


def test_pdf_text_reads_every_page_of_a_real_pdf() -> None:
    bundled_content = paths.bundled_content()
    sheets = pdf_text(bundled_content / HANDOUT)
    # One text per sheet, each only that sheet's words.
    assert len(sheets) == 12
    assert sheets[0].startswith("Fair migration agenda")
    subtitle = "How the International Labour Organization (ILO) works to make labour migration fair"
    assert subtitle in " ".join(sheets[0].split())
    assert not any(subtitle in " ".join(sheet.split()) for sheet in sheets[1:])
    assert "More testimonies are available online" in " ".join(sheets[11].split())


@pytest.mark.parametrize("name", ["corrupt.pdf", "encrypted.pdf", "missing.pdf"])
def test_pdf_text_of_a_pdf_it_cannot_open_is_empty(name: str) -> None:
    assert pdf_text(FIXTURES / name) == []


def test_words_printed_only_in_the_bundled_handout_are_found(tmp_path: Path) -> None:
    bundled_content = paths.bundled_content()
    compiled = compiled_of(bundled_content)
    # Without the PDF's text, nothing on any page has these words...
    pages_only = tmp_path / "pages-only.sqlite"
    search.build_index(pages_only, search.entries_for(compiled, bundled_content, pdf_text=None))
    assert routes_found(pages_only, PRINTED_ONLY) == []
    # ...but the kiosk's index reads the PDF with QtPdf and finds the handout.
    index_file, built = prepare_index(compiled, bundled_content, tmp_path / "cache")
    assert built
    index = SearchIndex(index_file)
    try:
        found = index.search(PRINTED_ONLY, "en")
        last = index.search(PRINTED_LAST, "en")
    finally:
        index.close()
    # Each result names the sheet where the words are printed, so the document opens there.
    assert [(r.route, r.origin, r.language) for r in found] == [
        ("item/agenda-handout?page=1", "document", "en")
    ]
    marked = [text for text, is_match in found[0].snippet_parts() if is_match]
    assert marked == ["quotations", "marked"]
    assert [(r.route, r.origin) for r in last] == [("item/agenda-handout?page=12", "document")]


def test_the_view_model_builds_in_a_worker_then_reuses_the_index(
    qtbot: Any, content: ContentFolder, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    compiled = compiled_of(content.root)
    outcomes = []
    for _start in range(2):
        model = SearchViewModel(compiled, content.root, cache)
        model.set_language("fr")
        model.setQuery("recru")
        assert model.property("state") == "idle" and model.result_list() == []
        model.prepare()
        qtbot.waitUntil(lambda model=model: model.property("state") == "ready", timeout=20_000)
        results = model.result_list()
        outcomes.append(model.index_was_built)
        model.close()
        assert [(r["route"], r["title"], r["otherLanguage"]) for r in results] == [
            ("item/recruitment", "Recrutement équitable", "")
        ]
        assert "<b>recrutement</b>" in results[0]["snippet"]
    assert outcomes == [True, False]


# -- kiosk search ------------------------------------------------------------------------------


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("content_first", [False, True])
def test_cli_search_prints_routes_titles_and_marked_words(
    capsys: pytest.CaptureFixture[str], content: ContentFolder, content_first: bool
) -> None:
    argv = (
        ["--content", str(content.root), "search", "zanzibar"]
        if content_first
        else ["search", "zanzibar", "--content", str(content.root)]
    )
    code, out, err = run_cli(capsys, *argv)
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "item/port  Dock workers of Zanzibar",
        "    Dock workers of [Zanzibar]",
        "",
        "1 result(s) for 'zanzibar' in en.",
    ]


def test_cli_search_in_another_language_says_where_the_words_were_found(
    capsys: pytest.CaptureFixture[str], content: ContentFolder
) -> None:
    code, out, _err = run_cli(capsys, "search", "licence", "--lang", "fr", "--content", str(content.root))
    assert code == 0
    # The title in the visitor's language; the words were found in the English text.
    assert out.splitlines()[0] == "item/recruitment  Recrutement équitable  (en)"
    assert "[licence]" in out.splitlines()[1]
    assert out.splitlines()[-1] == "1 result(s) for 'licence' in fr."

    code, out, _err = run_cli(
        capsys, "search", "caravane", "aube", "--lang", "fr", "--content", str(content.root)
    )
    assert code == 0
    assert out.splitlines()[0] == "item/clip  A clip  (said in the video)"
    assert "[caravane]" in out and "[aube]" in out
    assert out.splitlines()[-1] == "1 result(s) for 'caravane aube' in fr."


def test_cli_search_uses_and_keeps_the_kiosks_index(
    capsys: pytest.CaptureFixture[str], content: ContentFolder
) -> None:
    assert run_cli(capsys, "search", "harvest", "--content", str(content.root))[0] == 0
    expected = search.index_path(
        paths.user_cache(), search.index_key(compiled_of(content.root), content.root)
    )
    assert expected.is_file()
    written = expected.stat().st_mtime_ns
    assert run_cli(capsys, "search", "cosecha", "--lang", "es", "--content", str(content.root))[0] == 0
    assert expected.stat().st_mtime_ns == written


def test_cli_search_finding_nothing_says_so(
    capsys: pytest.CaptureFixture[str], content: ContentFolder
) -> None:
    code, out, err = run_cli(capsys, "search", "zebra", "--content", str(content.root))
    assert (code, err) == (0, "")
    assert out.strip() == "Nothing found for 'zebra'."


def test_cli_search_finding_nothing_offers_the_closest_spelling(
    capsys: pytest.CaptureFixture[str], content: ContentFolder
) -> None:
    code, out, err = run_cli(capsys, "search", "migartion", "--content", str(content.root))
    assert (code, err) == (0, "")
    assert out.strip() == "Nothing found for 'migartion'. Did you mean 'migration'?"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["search", "m"], "too short to search"),
        (["search", "-", "(", "*"], "too short to search"),
        (["search", "migration", "--lang", "de"], "no language 'de'"),
    ],
)
def test_cli_search_refuses_what_it_cannot_search(
    capsys: pytest.CaptureFixture[str], content: ContentFolder, argv: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, *argv, "--content", str(content.root))
    assert code == 1
    assert out == ""
    assert message in err


def test_cli_search_on_invalid_content_reports_problems(
    capsys: pytest.CaptureFixture[str], content: ContentFolder
) -> None:
    content.replace("agenda.yaml", "lead: >-", "laed: >-")
    code, out, err = run_cli(capsys, "search", "migration", "--content", str(content.root))
    assert (code, out) == (1, "")
    assert "agenda.yaml" in err and "laed" in err
