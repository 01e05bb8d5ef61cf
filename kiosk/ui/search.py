"""The search page's view model: opens (or first builds, in a worker thread) the content's search index."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.core.languages import native_name

if TYPE_CHECKING:
    from kiosk.core import search

log = logging.getLogger(__name__)


def pdf_text(path: Path) -> list[str]:
    """The text of each page of a PDF, through QtPdf; none for a file it cannot open."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_:
            return []
        return [document.getAllText(page).text() for page in range(document.pageCount())]
    finally:
        document.close()


def prepare_index(compiled: dict[str, Any], content_root: Path | None, cache_dir: Path) -> tuple[Path, bool]:
    """The index file for this content, built if it does not exist yet. Returns (path, was_built)."""
    # The search itself is imported here, on the worker's thread, after the first frame.
    from kiosk.core import search

    target = search.index_path(cache_dir, search.index_key(compiled, content_root))
    if target.is_file():
        return target, False
    search.build_index(target, search.entries_for(compiled, content_root, pdf_text))
    search.remove_other_indexes(cache_dir, keep=target)
    return target, True


def rich_snippet(result: search.SearchResult) -> str:
    """The snippet as Qt rich text: matched words in bold, everything else escaped."""
    import html  # with its table of entities: not before the first search

    return "".join(
        f"<b>{html.escape(text)}</b>" if matched else html.escape(text)
        for text, matched in result.snippet_parts()
    ).replace("\n", " ")


class SearchViewModel(QObject):
    """What the search page shows: the query, its results, and whether the index is ready."""

    stateChanged = Signal()
    resultsChanged = Signal()
    _built = Signal(str, bool)
    _failed = Signal(str)

    def __init__(self, compiled: dict[str, Any], content_root: Path | None, cache_dir: Path) -> None:
        super().__init__()
        self._compiled = compiled
        self._content_root = content_root
        self._cache_dir = cache_dir
        self._index: search.SearchIndex | None = None
        self._state = "idle"  # idle, preparing, ready, failed
        self._query = ""
        self._language = "en"
        self._results: list[dict[str, Any]] = []
        self._suggestion = ""
        self._worker: threading.Thread | None = None
        self.build_seconds = 0.0
        self.index_was_built = False
        self._built.connect(self._open)
        self._failed.connect(self._fail)

    # -- preparing the index --------------------------------------------------------------------

    @Slot()
    def prepare(self) -> None:
        """Open the index, building it in a worker thread if this content has none yet."""
        if self._state in ("preparing", "ready"):
            return
        self._set_state("preparing")
        self._worker = threading.Thread(target=self._prepare_in_worker, name="search-index", daemon=True)
        self._worker.start()

    def _prepare_in_worker(self) -> None:
        import time

        started = time.perf_counter()
        try:
            path, built = prepare_index(self._compiled, self._content_root, self._cache_dir)
        except Exception as exc:  # any failure must leave the kiosk running, without search
            log.exception("the search index could not be prepared")
            self._failed.emit(str(exc))
            return
        self.build_seconds = time.perf_counter() - started
        self._built.emit(str(path), built)

    def wait_until_prepared(self, timeout: float = 60.0) -> None:
        """For commands and tests: block until the worker is done (its result still arrives as a signal)."""
        if self._worker is not None:
            self._worker.join(timeout)

    @Slot(str, bool)
    def _open(self, path: str, built: bool) -> None:
        from kiosk.core import search

        try:
            self._index = search.SearchIndex(Path(path))
        except Exception as exc:
            self._fail(str(exc))
            return
        self.index_was_built = built
        self._set_state("ready")
        self._run()

    @Slot(str)
    def _fail(self, reason: str) -> None:
        log.error("search is unavailable: %s", reason)
        self._set_state("failed")

    def _set_state(self, state: str) -> None:
        self._state = state
        self.stateChanged.emit()

    def close(self) -> None:
        self.wait_until_prepared()
        if self._index is not None:
            self._index.close()
            self._index = None

    def current_query(self) -> str:
        return self._query

    def result_count(self) -> int:
        return len(self._results)

    # -- what QML reads and calls ---------------------------------------------------------------

    @Property(str, notify=stateChanged)
    def state(self) -> str:
        return self._state

    @Property(str, notify=resultsChanged)
    def query(self) -> str:
        return self._query

    @Property(list, notify=resultsChanged)
    def results(self) -> list[dict[str, Any]]:
        return self._results

    @Property(str, notify=resultsChanged)
    def suggestion(self) -> str:
        """The query spelt as the texts spell it ("Did you mean ...?"), when it finds little; or ""."""
        return self._suggestion

    @Slot()
    def acceptSuggestion(self) -> None:
        if self._suggestion:
            self.setQuery(self._suggestion)

    @Property(bool, notify=resultsChanged)
    def tooShort(self) -> bool:
        """Something typed, but not yet enough letters to search."""
        if not self._query.strip():
            return False
        from kiosk.core import search

        return search.fts_query(self._query) is None

    @Slot(str)
    def setQuery(self, query: str) -> None:
        if query != self._query:
            self._query = query
            self._run()

    @Slot()
    def clear(self) -> None:
        self.setQuery("")

    def set_language(self, language: str) -> None:
        if language != self._language:
            self._language = language
            self._run()

    def result_list(self) -> list[dict[str, Any]]:
        return self._results

    def _run(self) -> None:
        found: list[search.SearchResult] = []
        self._suggestion = ""
        if self._index is not None and self._query.strip():
            from kiosk.core import search

            found = search.titled(
                self._index.search(self._query, self._language), self._compiled, self._language
            )
            if len(found) < search.SUGGEST_BELOW and search.fts_query(self._query) is not None:
                self._suggestion = self._index.suggest(self._query, self._language) or ""
        self._results = [
            {
                "route": result.route,
                "kind": result.kind,
                "title": result.title,
                "snippet": rich_snippet(result),
                "origin": result.origin,
                "language": result.language,
                "otherLanguage": native_name(result.language) if result.language != self._language else "",
            }
            for result in found
        ]
        self.resultsChanged.emit()
