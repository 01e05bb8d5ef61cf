"""Offline search over everything a visitor can read or hear: an SQLite FTS5 index in the user's cache.

The index holds one row per page, language and origin (the page's own text, what its video says, the
text of its PDF). It is built once per content version into a file named by a hash of the content, so
a later start opens it at once; building happens away from the GUI thread (the caller decides where).
Tokens are folded for case and accents by FTS5's unicode61 tokenizer, so "migracion" finds "migración".

Heavy modules (sqlite3, hashlib, json) are imported where used: the app imports this module at
start-up but opens the index only after its first frame.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.core.pages import localize

# Bump when the table layout or what goes into it changes, so an older index is rebuilt.
INDEX_FORMAT = 1
MARK_START = "\x02"
MARK_END = "\x03"
# One or two letters match most of the index and tell the visitor nothing yet.
MIN_QUERY_LETTERS = 2
MAX_QUERY_WORDS = 8
SNIPPET_WORDS = 14

# What a visitor reads on a page outweighs what is said in its video or printed in its PDF.
ORIGIN_WEIGHT = {"page": 0, "captions": 1, "document": 2}

PdfText = Callable[[Path], str]


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
        for language in _languages(*texts):
            yield SearchEntry(
                route,
                item["kind"],
                language,
                "page",
                item["title"].get(language, ""),
                _join(item.get("summary"), item.get("speaker"), item.get("body"), language=language),
            )
        if content_root is None:
            continue
        for language, relative in (item.get("captions") or {}).items():
            spoken = _caption_text(content_root / relative)
            if spoken:
                yield SearchEntry(route, item["kind"], language, "captions", "", spoken)
        if item["kind"] == "document" and pdf_text is not None:
            for language, relative in (item.get("file") or {}).items():
                printed = pdf_text(content_root / relative)
                if printed.strip():
                    yield SearchEntry(route, item["kind"], language, "document", "", printed)


def _languages(*texts: dict[str, str] | None) -> list[str]:
    found: dict[str, None] = {}
    for text in texts:
        for language in text or {}:
            found[language] = None
    return list(found)


def _join(*texts: dict[str, str] | None, language: str) -> str:
    # Only this language's own words: an English fallback would make every language find English.
    return "\n".join(text[language] for text in texts if text and text.get(language))


def _caption_text(path: Path) -> str:
    from kiosk.core.captions import CaptionError, load_captions

    try:
        return " ".join(cue.text.replace("\n", " ") for cue in load_captions(path).cues)
    except (CaptionError, OSError):
        return ""  # validation reports a broken captions file; search just does without it


def index_key(compiled: dict[str, Any], content_root: Path | None) -> str:
    """Changes when anything searchable changes: the compiled texts, or a captions file or PDF."""
    import hashlib
    import json

    digest = hashlib.sha256(f"{INDEX_FORMAT}\0".encode())
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
    """Write a new index to `target` atomically: a half-built file is never opened by anyone."""
    import os
    import sqlite3
    import tempfile

    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".search-", suffix=".tmp")
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            connection.executescript(
                """
                PRAGMA journal_mode = OFF;
                PRAGMA synchronous = OFF;
                CREATE VIRTUAL TABLE entries USING fts5(
                    route UNINDEXED, kind UNINDEXED, language UNINDEXED, origin UNINDEXED,
                    title, text,
                    tokenize = 'unicode61 remove_diacritics 2'
                );
                """
            )
            connection.executemany(
                "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?)",
                (
                    (entry.route, entry.kind, entry.language, entry.origin, entry.title, entry.text)
                    for entry in entries
                ),
            )
            connection.execute("INSERT INTO entries(entries) VALUES ('optimize')")
            connection.commit()
        finally:
            connection.close()
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def remove_other_indexes(cache_dir: Path, keep: Path) -> None:
    try:
        for stale in cache_dir.glob("search-*.sqlite"):
            if stale != keep:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # an old index only costs disk space


def query_words(query: str) -> list[str]:
    return re.findall(r"\w+", query)[:MAX_QUERY_WORDS]


def fts_query(query: str) -> str | None:
    """The visitor's words as an FTS5 query: every word must match, each as the start of a word.

    Quoting each word keeps FTS5 operators (AND, NEAR, quotes, *) typed by a visitor from being
    read as syntax.
    """
    words = query_words(query)
    if not words or sum(len(word) for word in words) < MIN_QUERY_LETTERS:
        return None
    return " ".join(f'"{word}"*' for word in words)


class SearchIndex:
    """An opened index. Use from one thread: SQLite connections are not shared between threads."""

    def __init__(self, path: Path) -> None:
        import sqlite3  # here, not at start-up: the index is opened after the first frame

        # Read-only: a kiosk never writes to its index after it is built.
        self._connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)

    def close(self) -> None:
        self._connection.close()

    def search(self, query: str, language: str, limit: int = 40) -> list[SearchResult]:
        """Best matches first, one per page; pages matching in `language` come before the others."""
        expression = fts_query(query)
        if expression is None:
            return []
        rows = self._connection.execute(
            f"""
            SELECT route, kind, language, origin, title,
                   snippet(entries, 5, '{MARK_START}', '{MARK_END}', '…', {SNIPPET_WORDS}),
                   highlight(entries, 4, '{MARK_START}', '{MARK_END}')
            FROM entries
            WHERE entries MATCH ?
            ORDER BY language != ?, bm25(entries, 0, 0, 0, 0, 8.0, 1.0)
            LIMIT ?
            """,
            (expression, language, limit * 4),
        ).fetchall()
        results: dict[str, SearchResult] = {}
        # Rows come best first, so a page's first row is its best match.
        for route, kind, found_in, origin, title, snippet, title_marked in rows:
            if route in results:
                continue
            shown = snippet if MARK_START in snippet or MARK_START not in title_marked else title_marked
            results[route] = SearchResult(route, kind, found_in, origin, title, shown)
            if len(results) == limit:
                break
        return list(results.values())


def titled(results: list[SearchResult], compiled: dict[str, Any], language: str) -> list[SearchResult]:
    """Results carrying the page title in the visitor's language, whatever language the match was in."""
    sections = {section["id"]: section for section in compiled["sections"]}
    shown: list[SearchResult] = []
    for result in results:
        kind, _, key = result.route.partition("/")
        source = sections.get(key) if kind == "section" else compiled["items"].get(key)
        title = localize(source["title"], language) if source else result.title
        shown.append(
            SearchResult(result.route, result.kind, result.language, result.origin, title, result.snippet)
        )
    return shown
