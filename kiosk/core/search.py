"""Offline search over everything a visitor can read or hear: an SQLite FTS5 index in the user's cache.

The index holds one row per page, language and origin (the page's own text, what its video says, the
text of its PDF); a PDF gives one row per sheet, routed to that sheet (`item/ID?page=N`), so a match
inside a document opens it where the words are. It is built once per content version into a file named by a hash of the content, so
a later start opens it at once; building happens away from the GUI thread (the caller decides where).
Tokens are folded for case and accents by FTS5's unicode61 tokenizer, so "migracion" finds "migración";
what it cannot fold (Arabic prefixes and letter forms, scripts written without spaces) is folded by
kiosk.core.searchtext, the same way for the index and for what is typed. A word the index does not
know gets a spelling suggestion from the index's own vocabulary (SearchIndex.suggest).

Heavy modules (sqlite3, json) are imported where used: the app opens the index only after its first
frame, and imports this module then.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core import searchtext
from kiosk.core.pages import document_page, localize

# Bump when the table layout or what goes into it changes, so an older index is rebuilt.
# 5: a document's text is one row per sheet of the PDF, its route naming the sheet.
# 6: a session's room and speakers (name, role, organisation) are searched with its text.
INDEX_FORMAT = 6
MARK_START = "\x02"
MARK_END = "\x03"
# One or two letters match most of the index and tell the visitor nothing yet.
MIN_QUERY_LETTERS = 2
MAX_QUERY_WORDS = 8
SNIPPET_WORDS = 14
SNIPPET_CHARACTERS = 60  # in a script written without spaces, where each character is a word
# Ranking every match of a broad query ("mi" matches most of a large index) costs tens of
# milliseconds per keystroke and tells the visitor little. Beyond this many matches in a language,
# results are title matches first, then pages in reading order; below it, they are ranked.
RANK_AT_MOST = 400
# A query that finds fewer pages than this may be misspelt: a spelling is looked for.
SUGGEST_BELOW = 3
# A word found on a page or two is offered another spelling only if that is on this many times as many.
MORE_PAGES = 4
# A misspelt word shorter than this has too many near neighbours to guess which was meant.
SPELLING_MIN_LETTERS = 4
# Words sharing the most three-letter pieces with a misspelt one, measured for edits.
SPELLING_CANDIDATES = 60

# What a visitor reads on a page outweighs what is said in its video or printed in its PDF.
ORIGIN_WEIGHT = {"page": 0, "captions": 1, "document": 2}

# The text of each sheet of a PDF, in order; empty for a file that cannot be read.
PdfText = Callable[[Path], list[str]]


@dataclass(frozen=True)
class SearchEntry:
    route: str
    kind: str
    language: str
    origin: str  # "page", "captions" or "document"
    title: str
    text: str


@dataclass(frozen=True)
class SearchResult:
    route: str
    kind: str
    language: str
    origin: str
    title: str
    snippet: str  # matched words between MARK_START and MARK_END

    def snippet_parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, is_match) runs, for whoever draws it."""
        parts: list[tuple[str, bool]] = []
        for index, piece in enumerate(re.split(f"[{MARK_START}{MARK_END}]", self.snippet)):
            if piece:
                parts.append((piece, index % 2 == 1))
        return parts


def entries_for(
    compiled: dict[str, Any], content_root: Path | None, pdf_text: PdfText | None = None
) -> Iterator[SearchEntry]:
    """Every searchable text of the compiled content, one entry per page, language and origin."""
    agenda = compiled["agenda"]
    for language in _languages(agenda["title"], agenda.get("subtitle"), agenda.get("lead")):
        yield SearchEntry(
            "home",
            "home",
            language,
            "page",
            agenda["title"].get(language, ""),
            _join(agenda.get("subtitle"), agenda.get("lead"), language=language),
        )
    for section in compiled["sections"]:
        route = f"section/{section['id']}"
        for language in _languages(section["title"], section.get("summary"), section.get("body")):
            yield SearchEntry(
                route,
                "section",
                language,
                "page",
                section["title"].get(language, ""),
                _join(section.get("summary"), section.get("body"), language=language),
            )
    for item in compiled["items"].values():
        route = f"item/{item['id']}"
        texts = (item["title"], item.get("summary"), item.get("speaker"), item.get("body"))
        session = _session_texts(item)
        for language in _languages(*texts, *session):
            yield SearchEntry(
                route,
                item["kind"],
                language,
                "page",
                item["title"].get(language, ""),
                "\n".join(
                    part
                    for part in (
                        _join(item.get("summary"), item.get("speaker"), item.get("room"), language=language),
                        _speakers(item, language),
                        _join(item.get("body"), language=language),
                    )
                    if part
                ),
            )
        if content_root is None:
            continue
        for language, relative in (item.get("captions") or {}).items():
            spoken = _caption_text(content_root / relative)
            if spoken:
                yield SearchEntry(route, item["kind"], language, "captions", "", spoken)
        if item["kind"] == "document" and pdf_text is not None:
            for language, relative in (item.get("file") or {}).items():
                for number, printed in enumerate(pdf_text(content_root / relative), 1):
                    if printed.strip():
                        sheet = f"{route}?page={number}"
                        yield SearchEntry(sheet, item["kind"], language, "document", "", printed)


def _session_texts(item: dict[str, Any]) -> list[dict[str, str] | None]:
    """A session's room, and its speakers' roles and organisations: found in their own language."""
    texts: list[dict[str, str] | None] = [item.get("room")]
    for speaker in item.get("speakers") or []:
        texts.extend((speaker.get("role"), speaker.get("organisation")))
    return texts


def _speakers(item: dict[str, Any], language: str) -> str:
    """One line per speaker: name, role, organisation. A name is found in every language (a visitor
    types "Haddad" whatever language the kiosk speaks); a role or organisation only in its own."""
    lines = []
    for speaker in item.get("speakers") or []:
        parts = [localize(speaker["name"], language)]
        parts += [(speaker.get(key) or {}).get(language, "") for key in ("role", "organisation")]
        lines.append(", ".join(part for part in parts if part))
    return "\n".join(lines)


def _languages(*texts: dict[str, str] | None) -> list[str]:
    found: dict[str, None] = {}
    for text in texts:
        for language in text or {}:
            found[language] = None
    return list(found)


def _join(*texts: dict[str, str] | None, language: str) -> str:
    # Only this language's own words: an English fallback would make every language find English.
    return "\n".join(_plain(text[language]) for text in texts if text and text.get(language))


_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MARKDOWN_MARKS = re.compile(r"^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)|[*_`]{1,3}", re.MULTILINE)


def _plain(markdown: str) -> str:
    """Markdown as a visitor reads it: the marks that shape the page would only clutter a snippet."""
    return _MARKDOWN_MARKS.sub("", _MARKDOWN_LINK.sub(r"\1", markdown))


def _caption_text(path: Path) -> str:
    from kiosk.core.captions import CaptionError, load_captions

    try:
        return " ".join(cue.text.replace("\n", " ") for cue in load_captions(path).cues)
    except (CaptionError, OSError):
        return ""  # validation reports a broken captions file; search just does without it


def index_key(compiled: dict[str, Any], content_root: Path | None) -> str:
    """Changes when anything searchable changes: the compiled texts, or a captions file or PDF."""
    import json

    # Python's own SHA-256, as the content cache's: hashlib's would load OpenSSL (3 MiB) for one digest.
    from kiosk.core.cache import sha256

    digest = sha256(f"{INDEX_FORMAT}\0".encode())
    digest.update(json.dumps(compiled, sort_keys=True, ensure_ascii=False).encode())
    if content_root is not None:
        for item in compiled["items"].values():
            for relative in [*(item.get("captions") or {}).values(), *_documents(item)]:
                try:
                    stat = (content_root / relative).stat()
                    digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
                except OSError:
                    digest.update(f"{relative}\0missing\n".encode())
    return digest.hexdigest()[:32]


def _documents(item: dict[str, Any]) -> list[str]:
    return list((item.get("file") or {}).values()) if item["kind"] == "document" else []


def index_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"search-{key}.sqlite"


def build_index(target: Path, entries: Iterable[SearchEntry]) -> None:
    """Write a new index to `target` atomically: a half-built file is never opened by anyone.

    One FTS5 table per language, so the visitor's language is searched first without SQLite
    reading the language of every match; prefix indexes make "as you type" prefixes cheap. Each
    indexes the folded texts and shows the texts as written (an external content table); the
    vocabulary of all of them, with its trigrams, is kept for spelling suggestions.
    """
    import os
    import sqlite3
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    by_language: dict[str, list[SearchEntry]] = {}
    for entry in entries:
        by_language.setdefault(entry.language, []).append(entry)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".search-", suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript(
                """
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                CREATE TABLE languages (code TEXT PRIMARY KEY, tab TEXT NOT NULL, snippet_words INTEGER NOT NULL);
                CREATE TABLE vocabulary (
                    term TEXT PRIMARY KEY, pages INTEGER NOT NULL, languages TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE VIRTUAL TABLE spelling USING fts5(term, tokenize = 'trigram', detail = 'column');
                """
            )
            for number, (language, language_entries) in enumerate(by_language.items()):
                table = f"entries_{number}"
                snippet_words = _fill_language_table(connection, table, language_entries)
                connection.execute("INSERT INTO languages VALUES (?, ?, ?)", (language, table, snippet_words))
            _fill_spelling(connection, dict(connection.execute("SELECT tab, code FROM languages")))
            connection.commit()
        finally:
            connection.close()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _fill_language_table(connection: Any, table: str, entries: list[SearchEntry]) -> int:
    """The texts as shown in `{table}_shown`; the FTS5 table indexes them folded (searchtext) and
    reads them back, as shown, for snippets. Returns how many words its snippets show."""
    connection.execute(
        f"CREATE TABLE {table}_shown (id INTEGER PRIMARY KEY, route, kind, origin, title, text)"
    )
    connection.execute(
        f"""
        CREATE VIRTUAL TABLE {table} USING fts5(
            route UNINDEXED, kind UNINDEXED, origin UNINDEXED, title, text,
            content = '{table}_shown', content_rowid = 'id',
            tokenize = "{searchtext.TOKENIZER}", prefix = '1 2 3'
        )
        """
    )
    shown_rows = []
    indexed_rows = []
    letters = without_spaces = 0
    for number, entry in enumerate(entries, 1):
        letters += len(entry.text)
        without_spaces += searchtext.count_without_spaces(entry.text)
        title_shown, title_indexed = searchtext.shown_and_indexed(entry.title)
        text_shown, text_indexed = searchtext.shown_and_indexed(entry.text)
        shown_rows.append((number, entry.route, entry.kind, entry.origin, title_shown, text_shown))
        indexed_rows.append((number, entry.route, entry.kind, entry.origin, title_indexed, text_indexed))
    connection.executemany(f"INSERT INTO {table}_shown VALUES (?, ?, ?, ?, ?, ?)", shown_rows)
    connection.executemany(
        f"INSERT INTO {table}(rowid, route, kind, origin, title, text) VALUES (?, ?, ?, ?, ?, ?)",
        indexed_rows,
    )
    connection.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")
    # In a script without spaces every character is a word of the index: a snippet of a few words
    # would show a few characters.
    return SNIPPET_CHARACTERS if without_spaces * 3 > letters else SNIPPET_WORDS


def _fill_spelling(connection: Any, languages: dict[str, str]) -> None:
    """Every word of the index that could be offered as a spelling, with the number of pages and
    the languages that have it, and its trigrams to find the words that look like a misspelt one."""
    pages: dict[str, int] = {}
    found_in: dict[str, list[str]] = {}
    for table, language in languages.items():
        connection.execute(f"CREATE VIRTUAL TABLE temp.{table}_words USING fts5vocab(main, {table}, 'row')")
        for term, count in connection.execute(f"SELECT term, doc FROM temp.{table}_words"):
            if searchtext.is_vocabulary_word(term):
                pages[term] = pages.get(term, 0) + count
                found_in.setdefault(term, []).append(language)
        connection.execute(f"DROP TABLE temp.{table}_words")
    connection.executemany(
        "INSERT INTO vocabulary VALUES (?, ?, ?)",
        ((term, count, " ".join(found_in[term])) for term, count in pages.items()),
    )
    connection.executemany("INSERT INTO spelling(term) VALUES (?)", ((term,) for term in pages))
    connection.execute("INSERT INTO spelling(spelling) VALUES ('optimize')")


# A half-built index this old was left by a build that was killed (a kiosk unplugged at its first
# start): younger ones may belong to another process building right now.
ABANDONED_AFTER_SECONDS = 24 * 3600


def remove_other_indexes(cache_dir: Path, keep: Path) -> None:
    import time

    try:
        for stale in cache_dir.glob("search-*.sqlite"):
            if stale != keep:
                stale.unlink(missing_ok=True)
        for partial in cache_dir.glob(".search-*.tmp"):
            if time.time() - partial.stat().st_mtime > ABANDONED_AFTER_SECONDS:
                partial.unlink(missing_ok=True)
    except OSError:
        pass  # an old index only costs disk space


def query_words(query: str) -> list[str]:
    return searchtext.words(query)[:MAX_QUERY_WORDS]


def fts_query(query: str) -> str | None:
    """The visitor's words as an FTS5 query: every word must match, each as the start of a word.

    Quoting each word keeps FTS5 operators (AND, NEAR, quotes, *) typed by a visitor from being
    read as syntax.
    """
    terms, letters = searchtext.query_terms(query, MAX_QUERY_WORDS)
    if not terms or letters < MIN_QUERY_LETTERS:
        return None
    # An explicit AND: FTS5 reads "(a OR b) c" as a syntax error.
    return " AND ".join(terms)


class SearchIndex:
    """An opened index. Use from one thread: SQLite connections are not shared between threads."""

    def __init__(self, path: Path) -> None:
        import sqlite3  # here, not at start-up: the index is opened after the first frame

        # Read-only: a kiosk never writes to its index after it is built.
        self._connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        self._tables: dict[str, str] = {}
        self._snippet_words: dict[str, int] = {}
        for code, table, snippet_words in self._connection.execute(
            "SELECT code, tab, snippet_words FROM languages"
        ):
            self._tables[code] = table
            self._snippet_words[table] = snippet_words

    def close(self) -> None:
        self._connection.close()

    def search(self, query: str, language: str, limit: int = 40) -> list[SearchResult]:
        """Best matches first, one per page; pages matching in `language` come before the others.

        A document found in its text is one result, routed to the sheet that matched best."""
        expression = fts_query(query)
        if expression is None:
            return []
        results: dict[str, SearchResult] = {}
        others = [code for code in self._tables if code != language]
        for code in [language, *others] if language in self._tables else others:
            if len(results) >= limit:
                break
            for result in self._matches(self._tables[code], code, expression, limit):
                # Rows come best first, so a page's first row is its best match.
                results.setdefault(document_page(result.route)[0], result)
                if len(results) >= limit:
                    break
        return list(results.values())

    def _matches(self, table: str, language: str, expression: str, limit: int) -> Iterator[SearchResult]:
        # Snippets are made in the same pass as the matching: a second query for the rows kept
        # ("MATCH ? AND rowid = ?") would read every term's postings again, once per row.
        words = self._snippet_words[table]
        without_spaces = words == SNIPPET_CHARACTERS
        # FTS5's snippet() weighs every window of a text: in a script without spaces, where a text
        # has as many words as characters, that costs several times what marking the matches does,
        # so the window is cut here around the first match instead.
        text = (
            f"highlight({table}, 4, '{MARK_START}', '{MARK_END}')"
            if without_spaces
            else f"snippet({table}, 4, '{MARK_START}', '{MARK_END}', '…', {words})"
        )
        columns = f"route, kind, origin, title, {text}, highlight({table}, 3, '{MARK_START}', '{MARK_END}')"
        run = self._connection.execute
        (matching,) = run(
            f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT {RANK_AT_MOST})",
            (expression,),
        ).fetchone()
        if matching < RANK_AT_MOST:
            ranked = f"SELECT {columns} FROM {table} WHERE {table} MATCH ? "
            ranked += f"ORDER BY bm25({table}, 0, 0, 0, 20.0, 1.0) LIMIT ?"
            batches = [run(ranked, (expression, limit * 4))]
        else:
            unranked = f"SELECT {columns} FROM {table} WHERE {table} MATCH ? LIMIT ?"
            batches = [
                run(unranked, (f"{{title}} : ({expression})", limit)),
                run(unranked, (expression, limit * 4)),
            ]
        for rows in batches:
            for route, kind, origin, title, snippet, title_marked in rows:
                if without_spaces:
                    snippet = _window(searchtext.without_zero_width_spaces(snippet), SNIPPET_CHARACTERS)
                shown = snippet if MARK_START in snippet or MARK_START not in title_marked else title_marked
                yield SearchResult(
                    route,
                    kind,
                    language,
                    origin,
                    searchtext.without_zero_width_spaces(title),
                    searchtext.without_zero_width_spaces(shown),
                )

    # -- spelling ----------------------------------------------------------------------------------

    def suggest(self, query: str, language: str) -> str | None:
        """The query with every word the index does not know replaced by the closest word it knows,
        as written in the texts, if that finds something: "recrutment" -> "recrutement". None if
        every word is known, or nothing close enough is."""
        typed = query_words(query)
        corrected: list[str] = []
        for word in typed:
            pages = SUGGEST_BELOW if fts_query(word) is None else self._pages_with(word)
            # A word on a page or two may be a misprint in the texts themselves: a word on far more
            # pages is offered instead.
            better = self._closest(word, language, pages) if pages < SUGGEST_BELOW else None
            corrected.append(better or word)
        if corrected == typed:
            return None
        suggestion = " ".join(corrected)
        return suggestion if self.search(suggestion, language, limit=1) else None

    def _pages_with(self, word: str) -> int:
        """On how many pages (in any language) the word is found, counted up to SUGGEST_BELOW."""
        expression = fts_query(word)
        pages = 0
        for table in self._tables.values():
            pages += self._connection.execute(
                f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT {SUGGEST_BELOW})",
                (expression,),
            ).fetchone()[0]
            if pages >= SUGGEST_BELOW:
                break
        return pages

    def _closest(self, word: str, language: str, pages_found: int) -> str | None:
        key = searchtext.spelling_key(word)
        if key is None or len(key) < SPELLING_MIN_LETTERS:
            return None
        grams = searchtext.trigrams(key)
        candidates = self._connection.execute(
            "SELECT spelling.term, pages, languages FROM spelling "
            "JOIN vocabulary ON vocabulary.term = spelling.term "
            f"WHERE spelling MATCH ? ORDER BY rank LIMIT {SPELLING_CANDIDATES}",
            (" OR ".join(f'"{gram}"' for gram in grams),),
        ).fetchall()
        # Two letters swapped in a short word leave it few three-letter pieces in common with the
        # word meant ("frias", "frais"): words that start alike and are as long are measured too.
        candidates += self._connection.execute(
            "SELECT term, pages, languages FROM vocabulary WHERE term >= ? AND term < ? "
            f"AND length(term) BETWEEN ? AND ? ORDER BY pages DESC LIMIT {SPELLING_CANDIDATES}",
            (key[:2], key[:2] + "\U0010ffff", len(key) - 1, len(key) + 1),
        ).fetchall()
        limit = searchtext.allowed_typos(key)
        # As close as can be; then a word of the visitor's language; then the more common word.
        scored = [
            (searchtext.typo_distance(key, term, limit), language not in languages.split(), -pages, term)
            for term, pages, languages in candidates
            if pages_found == 0 or (not term.startswith(key) and pages >= MORE_PAGES * pages_found)
        ]
        best = min((score for score in scored if score[0] <= limit), default=None)
        return None if best is None else self._as_written(best[-1], word, language)

    def _as_written(self, term: str, typed: str, language: str) -> str:
        """An index word as the texts write it (accents, letter forms), with the prefix the visitor
        typed before an Arabic word."""
        tables = [self._tables[language]] if language in self._tables else []
        tables += [table for table in self._tables.values() if table not in tables]
        written = term
        for table in tables:
            row = self._connection.execute(
                f"SELECT highlight({table}, 3, '{MARK_START}', '{MARK_END}'), "
                f"highlight({table}, 4, '{MARK_START}', '{MARK_END}') FROM {table} WHERE {table} MATCH ? LIMIT 1",
                (f'"{term}"',),
            ).fetchone()
            if row is not None:
                marked = re.search(f"{MARK_START}([^{MARK_END}]*){MARK_END}", row[0] + row[1])
                if marked:
                    written = searchtext.without_zero_width_spaces(marked.group(1)).lower()
                    break
        if searchtext.spelling_key(written) != term and not re.search("[\u0600-\u06ff]", written):
            return term
        if re.search("[\u0600-\u06ff]", written):
            typed_prefix, _ = searchtext.arabic_split(typed)
            _, stem = searchtext.arabic_split(written)
            return typed_prefix + stem
        return written


def _window(marked: str, characters: int) -> str:
    """About `characters` characters of a marked text around its first match, marks kept paired."""
    first = marked.find(MARK_START)
    if first < 0:
        first = 0
    import unicodedata

    start = max(0, first - characters // 4)
    while start > 0 and unicodedata.category(marked[start]).startswith("M"):
        start -= 1  # never cut a letter from its vowel signs
    end = start + characters
    while end < len(marked) and marked.count(MARK_START, start, end) > marked.count(MARK_END, start, end):
        end += 1  # never cut a match in two
    window = marked[start:end]
    return ("…" if start > 0 else "") + window + ("…" if end < len(marked) else "")


def titled(results: list[SearchResult], compiled: dict[str, Any], language: str) -> list[SearchResult]:
    """Results carrying the page title in the visitor's language, whatever language the match was in."""
    sections = {section["id"]: section for section in compiled["sections"]}
    shown: list[SearchResult] = []
    for result in results:
        kind, _, key = document_page(result.route)[0].partition("/")
        source = (
            compiled["agenda"]
            if kind == "home"
            else sections.get(key)
            if kind == "section"
            else compiled["items"].get(key)
        )
        title = localize(source["title"], language) if source else result.title
        shown.append(
            SearchResult(result.route, result.kind, result.language, result.origin, title, result.snippet)
        )
    return shown
