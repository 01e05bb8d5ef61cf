"""Offline search (kiosk.core.search) on a small content folder compiled by the real loader. No Qt:
the text of PDFs comes from a stand-in `pdf_text`, as the Qt layer injects QtPdf's."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk.core import search
from kiosk.core.cache import load_cached
from kiosk.core.search import MIN_QUERY_LETTERS, SearchEntry, SearchIndex, SearchResult

from .contentkit import CAPTIONS_EN, ContentFolder, add_search_content

PDF_WORDS = "Annex: the quinoa growers' cooperative and its seasonal contracts."


def pdf_text_stand_in(calls: list[Path]) -> search.PdfText:
    def pdf_text(path: Path) -> list[str]:
        calls.append(path)
        # The words are printed on the second sheet: the result opens the document there.
        return ["Cover sheet of the paper.", PDF_WORDS] if path.name == "paper.pdf" else []

    return pdf_text


def compile_content(content: ContentFolder) -> dict[str, Any]:
    result = content.load()
    assert result.problems == [], [str(p) for p in result.problems]
    assert result.compiled is not None
    return result.compiled


@dataclass
class Searchable:
    content: ContentFolder
    compiled: dict[str, Any]
    index: SearchIndex
    pdf_calls: list[Path]

    def find(self, query: str, language: str = "en") -> list[SearchResult]:
        return self.index.search(query, language)

    def routes(self, query: str, language: str = "en") -> list[str]:
        return [result.route for result in self.find(query, language)]

    def one(self, query: str, language: str = "en") -> SearchResult:
        found = self.find(query, language)
        assert len(found) == 1, [result.route for result in found]
        return found[0]


@pytest.fixture
def searchable(content: ContentFolder, tmp_path: Path) -> Iterator[Searchable]:
    add_search_content(content)
    compiled = compile_content(content)
    calls: list[Path] = []
    target = tmp_path / "cache" / "index.sqlite"
    search.build_index(target, search.entries_for(compiled, content.root, pdf_text_stand_in(calls)))
    index = SearchIndex(target)
    yield Searchable(content, compiled, index, calls)
    index.close()


def marked(result: SearchResult) -> list[str]:
    return [text for text, is_match in result.snippet_parts() if is_match]


# -- what a visitor types ------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["migracion", "Migracion", "MIGRACION"])
def test_a_word_typed_without_accents_finds_the_accented_word(searchable: Searchable, query: str) -> None:
    found = {result.route: result for result in searchable.find(query, "es")}
    assert set(found) == {"item/choice", "item/keyboard"}
    assert marked(found["item/choice"]) == ["migración"]  # the text as written, accent kept


@pytest.mark.parametrize("query", ["migración", "MIGRACIÓN", "MiGrAcIóN"])
def test_a_word_typed_with_accents_finds_the_word_written_without(searchable: Searchable, query: str) -> None:
    found = {result.route: result for result in searchable.find(query, "es")}
    assert set(found) == {"item/choice", "item/keyboard"}
    assert marked(found["item/keyboard"]) == ["migracion"]


def test_accents_fold_in_french_titles_too(searchable: Searchable) -> None:
    assert searchable.routes("equitable", "fr") == ["item/recruitment"]
    assert searchable.routes("ÉQUITABLE", "fr") == ["item/recruitment"]


FOLDING_TEXT = "En España, un niño parle français; la main-d'œuvre étrangère est au cœur du sujet."


@pytest.fixture
def folding_index(tmp_path: Path) -> Iterator[SearchIndex]:
    target = tmp_path / "folding.sqlite"
    search.build_index(target, [SearchEntry("item/folding", "article", "fr", "page", "", FOLDING_TEXT)])
    index = SearchIndex(target)
    yield index
    index.close()


@pytest.mark.parametrize(
    ("typed", "written"),
    [("espana", "España"), ("NINO", "niño"), ("francais", "français"), ("etrangere", "étrangère")],
)
def test_letters_with_a_tilde_or_cedilla_are_found_from_the_plain_letter(
    folding_index: SearchIndex, typed: str, written: str
) -> None:
    found = folding_index.search(typed, "fr")
    assert [text for r in found for text, is_match in r.snippet_parts() if is_match] == [written]


@pytest.mark.parametrize(("typed", "written"), [("oeuvre", "œuvre"), ("COEUR", "cœur")])
def test_a_ligature_typed_as_two_letters_is_found(
    folding_index: SearchIndex, typed: str, written: str
) -> None:
    found = folding_index.search(typed, "fr")
    assert [text for r in found for text, is_match in r.snippet_parts() if is_match] == [written]


@pytest.mark.parametrize("typed", ["oeuvre etrangere", "main oeuvre", "coeur du sujet"])
def test_a_word_of_several_spellings_among_other_words_is_found(
    folding_index: SearchIndex, typed: str
) -> None:
    # FTS5 reads "(a OR b) c" as a syntax error: the words are joined by an explicit AND.
    assert [result.route for result in folding_index.search(typed, "fr")] == ["item/folding"]


def test_the_start_of_a_word_is_enough(searchable: Searchable) -> None:
    result = searchable.one("recru")
    assert result.route == "item/recruitment"
    assert "recruitment" in marked(result)


def test_only_the_start_of_a_word_matches_not_its_middle(searchable: Searchable) -> None:
    assert searchable.find("ecruitment") == []
    assert searchable.find("ruitment") == []


def test_every_word_typed_must_match(searchable: Searchable) -> None:
    assert set(searchable.routes("fair")) >= {"item/recruitment", "item/equal-pay"}
    assert searchable.routes("fair recru") == ["item/recruitment"]
    assert searchable.routes("recru fair") == ["item/recruitment"]
    assert searchable.routes("fair wages") == ["item/equal-pay"]
    assert searchable.find("fair recruitment zebra") == []


def test_the_words_need_not_be_next_to_each_other(searchable: Searchable) -> None:
    # "workers" and "licence" are far apart in the text: all words matter, not their order.
    assert searchable.routes("licence workers") == ["item/recruitment"]


@pytest.mark.parametrize(
    ("typed", "as_words"),
    [
        ('"fair recruitment"', "fair recruitment"),
        ('"fair', "fair"),
        ("fair AND recruitment", "fair and recruitment"),
        ("fair OR zebra", "fair or zebra"),
        ("fair NOT recruitment", "fair not recruitment"),
        ("NEAR(fair recruitment)", "near fair recruitment"),
        ("NEAR(workers licence, 2)", "near workers licence 2"),
        ("recru*", "recru"),
        ("*recru", "recru"),
        ("(fair", "fair"),
        ("fair)", "fair"),
        ("(fair) (recruitment)", "fair recruitment"),
        ("title:zanzibar", "title zanzibar"),
        ("text : zanzibar", "text zanzibar"),
        ("^fair", "fair"),
        ("fair -recruitment", "fair recruitment"),
        ("fair + wages", "fair wages"),
        ("{title text}: fair", "title text fair"),
        ("fair'", "fair"),
        ("d'accord", "d accord"),
    ],
)
def test_fts_syntax_typed_by_a_visitor_is_read_as_words(
    searchable: Searchable, typed: str, as_words: str
) -> None:
    assert searchable.routes(typed) == searchable.routes(as_words)


def test_quoted_words_and_operators_still_find_what_the_words_find(searchable: Searchable) -> None:
    # Not just "no error": the same pages as the plain words.
    assert searchable.routes('"fair recruitment"') == ["item/recruitment"]
    assert searchable.routes("NEAR(recruitment agencies)") == ["item/recruitment"]  # "nearby" is there
    assert searchable.routes("fair AND recruitment") == ["item/recruitment"]  # "and" is there
    assert searchable.find("fair OR zebra") == []  # OR is a word, and so is zebra: nothing has both


@pytest.mark.parametrize(
    "typed",
    [
        "-",
        "--",
        "*",
        "**",
        '"',
        '""',
        "(",
        ")",
        "()",
        "'",
        ":",
        "^",
        "+",
        "-fair",
        "- - -",
        "NEAR(",
        "AND",
        "OR",
    ],
)
def test_punctuation_and_lone_operators_never_raise(searchable: Searchable, typed: str) -> None:
    found = searchable.find(typed)
    letters = sum(c.isalnum() for c in typed)
    if letters < MIN_QUERY_LETTERS:
        assert found == []


@pytest.mark.parametrize("query", ["m", "M", "r", "é", " w ", "m*", '"m"', "-m", "(m)"])
def test_one_letter_gives_no_results(searchable: Searchable, query: str) -> None:
    assert search.fts_query(query) is None
    assert searchable.find(query) == []


def test_two_letters_are_enough_to_search(searchable: Searchable) -> None:
    assert MIN_QUERY_LETTERS == 2
    assert "item/recruitment" in searchable.routes("re")
    assert "item/port" in searchable.routes("za")


def test_an_empty_or_blank_query_gives_no_results(searchable: Searchable) -> None:
    for query in ("", "   ", "\n\t"):
        assert searchable.find(query) == []


# -- languages and ranking -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "language", "route"),
    [
        ("harvest", "en", "item/seasons"),
        ("vendanges", "fr", "item/seasons"),
        ("cosecha", "es", "item/seasons"),
        ("saisonnier", "fr", "item/seasons"),
        ("temporada", "es", "item/seasons"),
        ("comisiones", "es", "item/recruitment"),
        ("busqueda", "es", "section/words"),
        ("mobilite", "fr", "section/words"),
    ],
)
def test_every_language_is_searchable(searchable: Searchable, word: str, language: str, route: str) -> None:
    result = searchable.one(word, language)
    assert (result.route, result.language, result.origin) == (route, language, "page")


@pytest.mark.parametrize("visitor", ["en", "fr", "es"])
def test_words_of_another_language_are_found_and_say_which_language(
    searchable: Searchable, visitor: str
) -> None:
    found = {
        (r.route, r.language)
        for word in ("harvest", "vendanges", "cosecha")
        for r in searchable.find(word, visitor)
    }
    assert found == {("item/seasons", "en"), ("item/seasons", "fr"), ("item/seasons", "es")}


def test_a_language_finds_only_its_own_words_not_the_english_fallback(searchable: Searchable) -> None:
    # 'equal-pay' has its title in three languages but its text in English only: the French entry
    # holds only French words, so "wages" is found in English.
    found = searchable.find("wages", "fr")
    assert [(r.route, r.language) for r in found] == [("item/equal-pay", "en")]


@pytest.mark.parametrize("visitor", ["en", "fr"])
def test_results_in_the_visitors_language_come_first(searchable: Searchable, visitor: str) -> None:
    found = searchable.find("migration", visitor)
    languages = [result.language for result in found]
    assert visitor in languages and len(set(languages)) > 1, languages
    first_other = next(i for i, language in enumerate(languages) if language != visitor)
    assert all(language != visitor for language in languages[first_other:]), languages
    routes = [result.route for result in found]
    # 'english-migration' says "migration" six times and 'french-note' once, in a long French text:
    # language comes before how well a page matches.
    if visitor == "fr":
        assert routes.index("item/french-note") < routes.index("item/english-migration")
    else:
        assert routes.index("item/english-migration") < routes.index("item/french-note")


def test_one_result_per_page_in_the_best_language(searchable: Searchable) -> None:
    # 'recruitment' matches "recru" in English (recruitment) and French (recrutement).
    for visitor in ("en", "fr"):
        found = searchable.find("recru", visitor)
        assert [(r.route, r.language) for r in found] == [("item/recruitment", visitor)]
    # The video matches "carava" in its English and its French captions: still one result.
    for visitor in ("en", "fr", "es"):
        routes = searchable.routes("carava", visitor)
        assert routes == ["item/clip"]
    for query in ("migration", "work", "tra", "fair", "les"):
        for visitor in ("en", "fr", "es"):
            routes = searchable.routes(query, visitor)
            assert len(routes) == len(set(routes)), (query, visitor, routes)


def test_the_result_limit_counts_pages(searchable: Searchable) -> None:
    everything = searchable.index.search("work", "en")
    assert len(everything) >= 3
    limited = searchable.index.search("work", "en", limit=2)
    assert [r.route for r in limited] == [r.route for r in everything[:2]]


def test_titled_gives_the_title_in_the_visitors_language(searchable: Searchable) -> None:
    # Found through its English text by a French visitor: the French title is shown.
    found = search.titled(searchable.find("licence", "fr"), searchable.compiled, "fr")
    assert [(r.route, r.title, r.language) for r in found] == [
        ("item/recruitment", "Recrutement équitable", "en")
    ]
    # A page with no Spanish title falls back to English.
    found = search.titled(searchable.find("zanzibar", "es"), searchable.compiled, "es")
    assert [r.title for r in found] == ["Dock workers of Zanzibar"]
    sections = search.titled(searchable.find("busqueda", "es"), searchable.compiled, "es")
    assert [r.title for r in sections] == ["Trabajo y movilidad"]


# -- what a result shows -------------------------------------------------------------------------


def test_the_snippet_marks_every_matched_word(searchable: Searchable) -> None:
    result = searchable.one("workers recru")
    parts = result.snippet_parts()
    assert parts[0] == ("Workers", True)
    assert ("recruitment", True) in parts
    assert marked(result) == ["Workers", "recruitment"]
    unmarked = "".join(text for text, is_match in parts if not is_match)
    assert unmarked.startswith(" should pay no fees for their ")
    # Put back together, the parts are the text itself, without the markers.
    joined = "".join(text for text, _ in parts)
    assert search.MARK_START not in joined and search.MARK_END not in joined
    assert joined.startswith("Workers should pay no fees for their recruitment, and agencies nearby")


def test_snippet_parts_of_plain_and_marked_text() -> None:
    def parts(snippet: str) -> list[tuple[str, bool]]:
        return SearchResult("item/x", "article", "en", "page", "X", snippet).snippet_parts()

    start, end = search.MARK_START, search.MARK_END
    assert parts("no match here") == [("no match here", False)]
    assert parts(f"{start}Fair{end} wages") == [("Fair", True), (" wages", False)]
    assert parts(f"a {start}b{end} c {start}d{end}") == [
        ("a ", False),
        ("b", True),
        (" c ", False),
        ("d", True),
    ]
    assert parts("") == []


def test_a_page_found_by_its_title_alone_shows_its_title_marked(searchable: Searchable) -> None:
    result = searchable.one("zanzib")
    assert (result.route, result.origin) == ("item/port", "page")
    assert marked(result) == ["Zanzibar"]
    assert "".join(text for text, _ in result.snippet_parts()) == "Dock workers of Zanzibar"


def test_titles_outweigh_texts(searchable: Searchable) -> None:
    # "Seasonal" is in a title; the PDF's "seasonal contracts" is not.
    routes = searchable.routes("seasonal")
    assert routes[0] == "item/seasons"


# -- what the videos say and the documents print -------------------------------------------------


def test_what_a_video_says_is_found(searchable: Searchable) -> None:
    result = searchable.one("caravan dawn", "en")
    assert (result.route, result.kind, result.language, result.origin) == (
        "item/clip",
        "video",
        "en",
        "captions",
    )
    assert marked(result) == ["caravan", "dawn"]
    # Words on two cues are one text: "crossed" ends one cue and "the desert" starts the next.
    assert searchable.routes("crossed desert") == ["item/clip"]


def test_captions_in_srt_and_in_another_language_are_found(searchable: Searchable) -> None:
    result = searchable.one("caravane aube", "fr")
    assert (result.route, result.language, result.origin) == ("item/clip", "fr", "captions")
    # Its two lines, one cue: both words are found.
    assert searchable.routes("traverse desert", "fr") == ["item/clip"]


def test_voice_tags_in_captions_are_not_words(searchable: Searchable) -> None:
    assert searchable.find("narrator") == []


def test_what_a_pdf_prints_is_found_through_the_injected_pdf_text(searchable: Searchable) -> None:
    assert searchable.pdf_calls == [searchable.content.root / "documents" / "paper.pdf"]
    result = searchable.one("quinoa cooperative")
    assert (result.route, result.kind, result.language, result.origin) == (
        "item/paper?page=2",
        "document",
        "en",
        "document",
    )
    assert marked(result) == ["quinoa", "cooperative"]


def test_pdf_text_is_asked_only_for_documents_and_blank_text_adds_nothing(content: ContentFolder) -> None:
    add_search_content(content)
    compiled = compile_content(content)
    calls: list[Path] = []

    def blank(path: Path) -> list[str]:
        calls.append(path)
        return ["  \n\t ", ""]

    entries = list(search.entries_for(compiled, content.root, blank))
    assert calls == [content.root / "documents" / "paper.pdf"]
    assert not [entry for entry in entries if entry.origin == "document"]


def test_without_a_content_folder_only_the_page_texts_are_indexed(content: ContentFolder) -> None:
    add_search_content(content)
    compiled = compile_content(content)
    entries = list(search.entries_for(compiled, None, pdf_text_stand_in([])))
    assert {entry.origin for entry in entries} == {"page"}
    with_files = list(search.entries_for(compiled, content.root, pdf_text_stand_in([])))
    origins = sorted((e.route, e.language, e.origin) for e in with_files if e.origin != "page")
    assert origins == [
        ("item/clip", "en", "captions"),
        ("item/clip", "fr", "captions"),
        ("item/paper?page=1", "en", "document"),
        ("item/paper?page=2", "en", "document"),
    ]


def test_a_captions_file_broken_after_validation_is_left_out_not_fatal(
    content: ContentFolder, tmp_path: Path
) -> None:
    add_search_content(content)
    compiled = compile_content(content)
    content.write("captions/clip.en.vtt", "not captions at all\n")
    content.path("captions/clip.fr.srt").unlink()
    target = tmp_path / "index.sqlite"
    search.build_index(target, search.entries_for(compiled, content.root))
    index = SearchIndex(target)
    try:
        assert index.search("caravan", "en") == []
        assert [r.route for r in index.search("zanzibar", "en")] == ["item/port"]
    finally:
        index.close()


# -- the index file: its key, and building it --------------------------------------------------


def test_index_key_is_the_same_when_nothing_changed(content: ContentFolder) -> None:
    add_search_content(content)
    first = search.index_key(compile_content(content), content.root)
    assert search.index_key(compile_content(content), content.root) == first
    # A file search does not read (the poster) changing does not matter either.
    poster = content.path("media/poster.png")
    os.utime(poster, ns=(poster.stat().st_atime_ns, poster.stat().st_mtime_ns + 5_000_000_000))
    assert search.index_key(compile_content(content), content.root) == first


def test_index_key_is_the_same_for_content_read_from_the_content_cache(
    content: ContentFolder, tmp_path: Path
) -> None:
    # A warm start reads compiled content back from JSON: it must not look like new content.
    add_search_content(content)
    cache = tmp_path / "content-cache"
    fresh, from_cache = load_cached(content.root, cache, salt="test")
    assert not from_cache and fresh.compiled is not None
    cached, from_cache = load_cached(content.root, cache, salt="test")
    assert from_cache and cached.compiled is not None
    assert search.index_key(cached.compiled, content.root) == search.index_key(fresh.compiled, content.root)


def test_index_key_changes_when_a_text_changes(content: ContentFolder) -> None:
    add_search_content(content)
    before = search.index_key(compile_content(content), content.root)
    content.replace("sections/20-words.yaml", "people who load its ships", "people who unload its ships")
    after = search.index_key(compile_content(content), content.root)
    assert after != before
    content.replace("sections/20-words.yaml", "people who unload its ships", "people who load its ships")
    assert search.index_key(compile_content(content), content.root) == before


def test_index_key_changes_when_a_markdown_body_file_changes(content: ContentFolder) -> None:
    before = search.index_key(compile_content(content), content.root)
    content.write("text/en/one.md", "# Section one\n\nAnother body.\n")
    assert search.index_key(compile_content(content), content.root) != before


def test_index_key_changes_when_captions_change(content: ContentFolder) -> None:
    add_search_content(content)
    compiled = compile_content(content)
    captions = content.path("captions/clip.en.vtt")
    before = search.index_key(compiled, content.root)
    content.write("captions/clip.en.vtt", CAPTIONS_EN.replace("at dawn", "at dusk, slowly"))
    changed_text = search.index_key(compiled, content.root)
    assert changed_text != before
    # Same size, same words, only a new modification time: still a new key (sizes and times are
    # what is checked; nothing is read at start-up).
    stat = captions.stat()
    os.utime(captions, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    touched = search.index_key(compiled, content.root)
    assert touched not in (before, changed_text)
    captions.unlink()
    assert search.index_key(compiled, content.root) not in (before, changed_text, touched)


def test_index_key_changes_when_a_pdf_changes(content: ContentFolder) -> None:
    compiled = compile_content(content)
    before = search.index_key(compiled, content.root)
    pdf = content.path("documents/paper.pdf")
    stat = pdf.stat()
    os.utime(pdf, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))
    assert search.index_key(compiled, content.root) != before


def test_index_path_is_named_by_the_key_in_the_cache_folder(tmp_path: Path) -> None:
    assert search.index_path(tmp_path, "abc") == tmp_path / "search-abc.sqlite"


def entries_then_failure(count: int) -> Iterator[SearchEntry]:
    for number in range(count):
        yield SearchEntry(f"item/n{number}", "article", "en", "page", f"Title {number}", "some words")
    raise RuntimeError("the content went away while the index was built")


def test_a_build_that_fails_midway_leaves_no_index_and_no_temporary_file(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    target = folder / "search-new.sqlite"
    with pytest.raises(RuntimeError, match="went away"):
        search.build_index(target, entries_then_failure(500))
    assert not target.exists()
    assert list(folder.iterdir()) == []


def test_a_build_that_fails_leaves_an_existing_index_untouched(tmp_path: Path) -> None:
    target = tmp_path / "search-same.sqlite"
    search.build_index(target, [SearchEntry("item/a", "article", "en", "page", "Zanzibar", "port")])
    before = target.read_bytes()
    with pytest.raises(RuntimeError):
        search.build_index(target, entries_then_failure(50))
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["search-same.sqlite"]
    index = SearchIndex(target)
    try:
        assert [r.route for r in index.search("zanzibar", "en")] == ["item/a"]
    finally:
        index.close()


def test_an_opened_index_is_read_only(tmp_path: Path) -> None:
    target = tmp_path / "search-ro.sqlite"
    search.build_index(target, [SearchEntry("item/a", "article", "en", "page", "Zanzibar", "port")])
    index = SearchIndex(target)
    try:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            index._connection.execute("INSERT INTO languages VALUES ('de', 'entries_9', 14)")
    finally:
        index.close()


def test_remove_other_indexes_keeps_only_the_current_one(tmp_path: Path) -> None:
    for name in ("search-old.sqlite", "search-older.sqlite", "search-new.sqlite", "content-x.json"):
        (tmp_path / name).write_bytes(b"")
    search.remove_other_indexes(tmp_path, keep=tmp_path / "search-new.sqlite")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content-x.json", "search-new.sqlite"]


# -- what a result shows ---------------------------------------------------------------------------


def test_the_home_page_is_found_and_titled_in_the_visitors_language(searchable: Searchable) -> None:
    agenda = searchable.compiled["agenda"]
    lead_word = agenda["lead"]["en"].split()[0]
    found = search.titled(searchable.find(lead_word), searchable.compiled, "fr")
    home = next(result for result in found if result.route == "home")
    assert home.kind == "home"
    assert home.title == (agenda["title"].get("fr") or agenda["title"]["en"])


def test_snippets_show_text_as_read_not_markdown_marks(content: ContentFolder, tmp_path: Path) -> None:
    content.write(
        "text/en/one.md",
        "# Section one\n\n## Zanzibar harbour\n\n- **Zanzibar** is [an island](https://example.org/z)\n",
    )
    compiled = compile_content(content)
    target = tmp_path / "marks.sqlite"
    search.build_index(target, search.entries_for(compiled, content.root))
    index = SearchIndex(target)
    try:
        (result,) = index.search("zanzibar", "en")
    finally:
        index.close()
    plain = "".join(text for text, _ in result.snippet_parts())
    assert "Zanzibar harbour" in plain and "an island" in plain
    for mark in ("#", "**", "- ", "](", "https://"):
        assert mark not in plain, mark


# -- every script --------------------------------------------------------------------------------
# Texts in the project's own words (pending review by native speakers), indexed as the kiosk does.

SCRIPT_ENTRIES = [
    SearchEntry(
        "item/drought",
        "article",
        "ar",
        "page",
        "الجفاف والزراعة",
        "تؤثّر موجاتُ الجفافِ في المزارعين والعمّالِ المهاجرين على مستوى المنطقة. "
        "وللعمّال المهاجرين حقٌّ في الأجر العادل والحماية الاجتماعية، وتزداد الهجـــرة بعد كل موسم جاف.",
    ),
    SearchEntry(
        "item/policy",
        "article",
        "zh",
        "page",
        "劳工移民政策",
        "本文介绍劳工移民的权利与保护，以及公平招聘。国际劳工组织ILO的建议。",  # noqa: RUF001 (a Chinese comma)
    ),
    SearchEntry(
        "item/workers-ja", "article", "ja", "page", "外国人労働者", "外国人労働者の受け入れと公正な採用。"
    ),
    SearchEntry("item/rights-th", "article", "th", "page", "แรงงานข้ามชาติ", "สิทธิของแรงงานข้ามชาติในประเทศไทย"),
    SearchEntry(
        "item/rights-ne",
        "article",
        "ne",
        "page",
        "नेपाली श्रमिकहरू",
        "वैदेशिक रोजगारमा जाने नेपाली श्रमिकहरूको अधिकार र सुरक्षा।",
    ),
    SearchEntry("item/rights-hi", "article", "hi", "page", "प्रवासी मज़दूर", "प्रवासी मज़दूरों के अधिकार और सुरक्षा।"),
    SearchEntry(
        "item/fees",
        "article",
        "fr",
        "page",
        "Recrutement équitable",
        "Le recrutement équitable protège les travailleurs migrants contre les frais.",
    ),
    SearchEntry(
        "item/fees",
        "article",
        "es",
        "page",
        "Contratación equitativa",
        "La contratación equitativa protege a los trabajadores migrantes de las comisiones.",
    ),
    SearchEntry(
        "item/fees",
        "article",
        "en",
        "page",
        "Fair recruitment",
        "Fair recruitment protects migrant workers from fees.",
    ),
]


@pytest.fixture(scope="module")
def scripts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SearchIndex]:
    target = tmp_path_factory.mktemp("scripts") / "scripts.sqlite"
    search.build_index(target, SCRIPT_ENTRIES)
    index = SearchIndex(target)
    yield index
    index.close()


def marked_in(index: SearchIndex, query: str, language: str) -> list[str]:
    """The words marked in the results' snippets, as the visitor sees them."""
    return [text for result in index.search(query, language) for text in marked(result)]


@pytest.mark.parametrize(
    "typed", ["جفاف", "الجفاف", "والجفاف", "بالجفاف", "للجفاف", "فالجفاف", "وبالجفاف", "الجَفَاف"]
)
def test_an_arabic_word_is_found_whatever_its_article_prefixes_and_harakat(
    scripts: SearchIndex, typed: str
) -> None:
    assert [result.route for result in scripts.search(typed, "ar")] == ["item/drought"]
    # The word is marked as it is written, with its article and harakat.
    assert marked_in(scripts, typed, "ar") == ["الجفافِ"]


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("اجر", "الأجر"),  # hamza on the alef, and the article
        ("أجر", "الأجر"),
        ("الحمايه", "والحماية"),  # ta marbuta typed as ha
        ("حماية", "والحماية"),
        ("مستوي", "مستوى"),  # alef maksura typed as ya
        ("هجرة", "الهجـــرة"),  # tatweel stretches the written word
        ("مُهاجِر", "المهاجرين"),  # harakat typed
        ("عمال", "والعمّالِ"),
    ],
)
def test_arabic_letter_forms_harakat_and_tatweel_do_not_matter(
    scripts: SearchIndex, typed: str, written: str
) -> None:
    assert written in marked_in(scripts, typed, "ar")


def test_several_arabic_words_each_with_its_prefix_are_found(scripts: SearchIndex) -> None:
    # Both words are marked in the snippet, whichever prefix was typed or written.
    workers = {"والعمّالِ", "وللعمّال"}
    first = set(marked_in(scripts, "والعمال المهاجرين", "ar"))
    assert "المهاجرين" in first and first & workers and first <= workers | {"المهاجرين"}
    # While the second word is typed, one letter after its article.
    assert "المهاجرين" in marked_in(scripts, "والعمال الم", "ar")
    second = set(marked_in(scripts, "للعمال الحمايه", "ar"))
    assert "والحماية" in second and second & workers and second <= workers | {"والحماية"}


def test_arabic_prefixes_are_not_stripped_from_the_root_of_a_short_word(scripts: SearchIndex) -> None:
    # "جاف" (dry) starts with no prefix: it finds itself, and "جفاف" does not find it.
    assert marked_in(scripts, "جاف", "ar") == ["جاف"]
    assert "جاف" not in marked_in(scripts, "جفاف", "ar")


@pytest.mark.parametrize(
    ("typed", "language", "written"),
    [
        ("移民", "zh", "移民"),  # inside a run of characters
        ("政策", "zh", "政策"),  # at its end
        ("劳工移民政策", "zh", "劳工移民政策"),
        ("招聘", "zh", "招聘"),
        ("劳工组织", "zh", "劳工组织"),
        ("労働者", "ja", "労働者"),
        ("採用", "ja", "採用"),
        ("ข้ามชาติ", "th", "ข้ามชาติ"),
        ("แรงงาน", "th", "แรงงาน"),
        ("ประเทศไทย", "th", "ประเทศไทย"),
        ("ข้ามชาต", "th", "ข้ามชาติ"),  # the last letter still without its vowel sign
    ],
)
def test_scripts_without_spaces_are_found_by_any_part_of_a_word(
    scripts: SearchIndex, typed: str, language: str, written: str
) -> None:
    found = scripts.search(typed, language)
    assert found and {result.language for result in found} == {language}
    # Exactly the typed characters are marked, and no zero-width space reaches the screen.
    assert written in marked_in(scripts, typed, language)
    assert all("\u200b" not in result.snippet and "\u200b" not in result.title for result in found)


def test_a_word_of_latin_letters_inside_chinese_text_is_found(scripts: SearchIndex) -> None:
    assert marked_in(scripts, "ilo", "zh") == ["ILO"]


def test_a_snippet_in_a_script_without_spaces_shows_more_than_a_few_characters(scripts: SearchIndex) -> None:
    (result,) = scripts.search("招聘", "zh")
    assert len(result.snippet.replace(search.MARK_START, "").replace(search.MARK_END, "")) >= 20


@pytest.mark.parametrize(
    ("typed", "language", "written"),
    [
        ("नेपा", "ne", "नेपाली"),
        ("श्रमिक", "ne", "श्रमिकहरूको"),
        ("रोजगार", "ne", "रोजगारमा"),
        ("सुरक्षा", "ne", "सुरक्षा"),
        ("मज़दूर", "hi", "मज़दूरों"),
        ("प्रवा", "hi", "प्रवासी"),
    ],
)
def test_combining_marks_do_not_split_a_word_and_its_start_finds_it(
    scripts: SearchIndex, typed: str, language: str, written: str
) -> None:
    assert written in marked_in(scripts, typed, language)


def test_a_devanagari_word_is_not_found_by_its_middle(scripts: SearchIndex) -> None:
    assert scripts.search("मिक", "ne") == []
    assert search.query_words("श्रमिकहरूको अधिकार") == ["श्रमिकहरूको", "अधिकार"]


@pytest.mark.parametrize(
    ("typed", "language", "suggested"),
    [
        ("recrutment", "fr", "recrutement"),
        ("contratacon", "es", "contratación"),
        ("recruitmnet", "en", "recruitment"),
        ("workres", "en", "workers"),
        ("frias", "fr", "frais"),  # two letters swapped in a short word
        ("protege travaileurs", "fr", "protege travailleurs"),
        ("الجفاق", "ar", "الجفاف"),
        ("والمهاجيرن", "ar", "والمهاجرين"),
        ("अधकार", "ne", "अधिकार"),
        ("मजदूरों", "hi", "मज़दूरों"),
    ],
)
def test_a_misspelt_word_gets_the_closest_word_of_the_texts(
    scripts: SearchIndex, typed: str, language: str, suggested: str
) -> None:
    assert scripts.search(typed, language) == []
    assert scripts.suggest(typed, language) == suggested
    assert scripts.search(suggested, language), "the suggestion finds something"


def test_a_tie_between_spellings_goes_to_the_visitors_language(scripts: SearchIndex) -> None:
    # "recrutment" is one letter from "recrutement" and from "recruitment".
    assert scripts.suggest("recrutment", "fr") == "recrutement"
    assert scripts.suggest("recrutment", "en") == "recruitment"


@pytest.mark.parametrize(
    ("typed", "language"),
    [
        ("recrut", "fr"),  # the start of a known word
        ("recruitment", "en"),
        ("xyzzy", "en"),  # nothing close
        ("fia", "en"),  # too short a word to guess: "fair"? "fee"?
        ("移氏", "zh"),  # no spelling is guessed for a script without spaces
        ("الجفاف", "ar"),
    ],
)
def test_no_suggestion_for_known_short_or_far_words(scripts: SearchIndex, typed: str, language: str) -> None:
    assert scripts.suggest(typed, language) is None


def test_a_word_misprinted_on_one_page_suggests_the_word_of_many_pages(tmp_path: Path) -> None:
    pages = [
        SearchEntry(f"item/{n}", "article", "en", "page", "", "Fair recruitment of migrant workers.")
        for n in range(6)
    ]
    misprint = SearchEntry("item/misprint", "article", "en", "page", "", "Fair recrutment.")
    search.build_index(tmp_path / "index.sqlite", [*pages, misprint])
    index = SearchIndex(tmp_path / "index.sqlite")
    try:
        assert [result.route for result in index.search("recrutment", "en")] == ["item/misprint"]
        assert index.suggest("recrutment", "en") == "recruitment"
        assert index.suggest("recruitment", "en") is None
    finally:
        index.close()


@pytest.mark.parametrize(("typed", "language"), [("ال", "ar"), ("الج", "ar"), ("وا", "ar"), ("ก", "th")])
def test_an_article_or_prefix_alone_asks_for_more(typed: str, language: str) -> None:
    assert search.fts_query(typed) is None


def test_one_han_character_is_enough_to_search(scripts: SearchIndex) -> None:
    assert [result.route for result in scripts.search("策", "zh")] == ["item/policy"]
