"""Read aloud: the page on screen spoken passage by passage, in the visitor's language, offline.

For visitors who read their own language with difficulty. The passages (title, subtitle, each paragraph
and list item of the text, each card) come from the page's data here, not from QML: Markdown is turned
into the plain words a reader sees (no markup, no link addresses), and each passage names the item on
screen it belongs to, so the view can highlight it and keep it in sight.

Speech goes through Qt's own module (QtTextToSpeech: speech-dispatcher with espeak-ng on Linux, the
system's voices on Windows and macOS). The engine lives on a thread of its own, and is loaded there by
Qt itself, outside Python: speech-dispatcher's takes seconds to load (it lists every voice of every
synthesiser), and made from Python it would hold Python's lock all that time, so the kiosk would stop
answering a finger (measured: the GUI thread stalled 2.8 s; loaded this way, 56 ms at most).
"""

from __future__ import annotations

import functools
import logging
import re
import unicodedata
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Q_ARG, Property, QLocale, QMetaObject, QObject, QThread, Signal, Slot

from kiosk.core.pages import SEARCH

if TYPE_CHECKING:
    # Imported where a programme's page is read: the first frame needs none of it.
    from kiosk.core.programme_speech import SpokenWords

log = logging.getLogger(__name__)

# Which engine reads aloud: the name of one of Qt's engine plugins ("mock" is Qt's test engine: it
# speaks nothing, takes a moment per word, and has voices for English, Finnish and Norwegian only).
SYSTEM_ENGINE = ""  # the system's own: speech-dispatcher, WinRT or SAPI, macOS's
MOCK_ENGINE = "mock"
# The system's engines, best first, where a system has more than one.
_PREFERRED_ENGINES = ("speechd", "winrt", "sapi", "darwin", "avfoundation", "flite", "android")
# Threads that would not end when asked (an engine stuck loading): never destroyed while they run.
_STUCK_THREADS: list[QThread] = []

# Patterns, compiled (and kept by `re`) when first used: this module is imported at every start, and
# compiling them there cost 0.5 ms of it.
# An address is read out letter by letter by every synthesiser: the QR code beside it is for the eyes.
_ADDRESS = r"(?i:https?://|www\.)\S+"
_SPACES = r"\s+"
# Marks that order text on screen (LRM, RLM, ALM, embeddings, isolates): nothing for a voice to say.
_DIRECTION_MARKS = "[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"
# Where a pause falls between a card's title and its summary, unless the title ends in one.
_ENDS_A_SENTENCE = r"[.!?:;\u061f\u06d4\u0964\u3002\uff01\uff1f]$"


def engine_name(choice: str) -> str | None:
    """The plugin `choice` names: itself, or for SYSTEM_ENGINE the system's best (never the test engine);
    None when the machine has none."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    if choice != SYSTEM_ENGINE:
        return choice
    available = [name for name in QTextToSpeech.availableEngines() if name != MOCK_ENGINE]
    available.sort(key=lambda name: _PREFERRED_ENGINES.index(name) if name in _PREFERRED_ENGINES else 99)
    return available[0] if available else None


def make_engine(choice: str) -> Any:
    """An engine, loaded here and now (seconds for speech-dispatcher's): for the self-test, not the kiosk."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    name = engine_name(choice)
    if name is None:
        raise RuntimeError("this machine has no text-to-speech engine")
    return QTextToSpeech(name)


def spoken_text(text: str) -> str:
    """The words to say: no addresses, no direction marks, one space between words."""
    return re.sub(_SPACES, " ", re.sub(_DIRECTION_MARKS, "", re.sub(_ADDRESS, " ", text))).strip()


def markdown_blocks(markdown: str) -> list[tuple[int, str]]:
    """(block number, plain text) of each paragraph, heading and list item, as Qt lays Markdown out for the
    page (the same parser, so a block number here is the block the page draws)."""
    return list(_markdown_blocks(markdown))


# Parsed once a text: each page change asks (1-2 ms for a page of text, in the tap that opens it),
# and a booth shows the same pages again and again (Back, another language and back).
@functools.lru_cache(maxsize=256)
def _markdown_blocks(markdown: str) -> tuple[tuple[int, str], ...]:
    # Imported here: naming the text classes builds their enums (about 3 ms of every start).
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setMarkdown(markdown)
    blocks: list[tuple[int, str]] = []
    block = document.begin()
    while block.isValid():
        # An image or a rule is a block with no words (U+FFFC stands for an image).
        words = spoken_text(block.text().replace("\ufffc", " "))
        if words:
            blocks.append((block.blockNumber(), words))
        block = block.next()
    return tuple(blocks)


def _passage(text: str, target: str, block: int = -1) -> dict[str, Any]:
    return {"text": text, "target": target, "block": block}


def _card_words(card: dict[str, Any]) -> str:
    title = spoken_text(str(card.get("title") or ""))
    summary = spoken_text(str(card.get("summary") or ""))
    if title and summary and not re.search(_ENDS_A_SENTENCE, title):
        title += "."
    return " ".join(part for part in (title, summary) if part)


def passages_for(
    page: dict[str, Any],
    day_index: int = 0,
    spoken: SpokenWords | None = None,
    now_next: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """What Listen reads on this page, in reading order: each passage's words and the item it is on
    (the objectName of a title, a text, a card), with the Markdown block for a passage inside a text.

    A programme page reads the day on show (`day_index`, the programme view model's) and each of its
    sessions after the page's text; a session page its day and times, room, languages and speakers
    after its title; the home page what is on now and next (`now_next`, the programme view model's,
    as the page shows it) after its text. `spoken`: the app's words said there, in the page's
    language (English if None).

    The search page is not read: its results are snippets of other pages that change with each letter
    typed, and the visitor listens to a result once it is open. Nor is the attract loop (nobody is there).
    """
    kind = page.get("kind")
    if kind in (SEARCH, "attract"):
        return []
    found: list[dict[str, Any]] = []
    title = spoken_text(str(page.get("title") or ""))
    if title:
        found.append(_passage(title, "pageTitle"))
    if kind == "session":
        from kiosk.core.programme_speech import SpokenWords, session_passages

        found.extend(session_passages(page, spoken or SpokenWords()))
    subtitle = spoken_text(str(page.get("subtitle") or ""))
    if subtitle:
        found.append(_passage(subtitle, "pageSubtitle"))
    body = str(page.get("body") or "")
    if kind == "home":
        # The home page's lead is drawn as plain text: one passage.
        words = spoken_text(body)
        if words:
            found.append(_passage(words, "pageBody"))
        if now_next:
            from kiosk.core.programme_speech import SpokenWords, now_next_passages

            language = str(page.get("language") or "en")
            found.extend(now_next_passages(now_next, language, spoken or SpokenWords()))
    else:
        found.extend(_passage(words, "pageBody", number) for number, words in markdown_blocks(body))
    if kind == "programme":
        from kiosk.core.programme_speech import SpokenWords, programme_passages

        found.extend(programme_passages(page, day_index, spoken or SpokenWords()))
    for card in page.get("cards") or []:
        words = _card_words(card)
        if words:
            found.append(_passage(words, f"card:{card.get('route')}"))
    name = spoken_text(str(page.get("sourceName") or ""))
    if name:
        found.append(_passage(name, "sourceName"))
    for card in page.get("related") or []:
        words = _card_words(card)
        if words:
            found.append(_passage(words, f"card:{card.get('route')}"))
    return found


def _in_latin_letters(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(unicodedata.name(ch, "").startswith("LATIN") for ch in letters)


def language_of(code: str) -> QLocale.Language:
    return QLocale(code.replace("-", "_")).language()


def locales_for(engine: Any, code: str) -> list[QLocale]:
    """The engine's locales that speak the content language `code` ("fr" matches fr_FR, fr_BE...): the
    one Qt names for the code first."""
    wanted = language_of(code)
    if wanted in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return []
    preferred = QLocale(code.replace("-", "_")).name()
    matching = [locale for locale in engine.availableLocales() if locale.language() == wanted]
    return sorted(matching, key=lambda locale: (locale.name() != preferred, locale.name()))


def voice_inventory(engine: Any, languages: list[str]) -> dict[str, dict[str, Any]]:
    """For each content language: how many voices the engine has for it, and in which locales."""
    inventory: dict[str, dict[str, Any]] = {}
    for code in languages:
        locales = locales_for(engine, code)
        voices = 0
        for locale in locales:
            if engine.setLocale(locale) is not False:
                voices += len(engine.availableVoices())
        inventory[code] = {"voices": voices, "locales": [locale.name() for locale in locales]}
    return inventory


def describe_voices(inventory: dict[str, dict[str, Any]]) -> str:
    """ "en: 2 voices (en_GB, en_US), fr: none" for the self-test and the log."""
    parts = []
    for code, found in inventory.items():
        count = int(found["voices"])
        if count:
            plural = "voice" if count == 1 else "voices"
            parts.append(f"{code}: {count} {plural} ({', '.join(found['locales'])})")
        else:
            parts.append(f"{code}: none")
    return ", ".join(parts)


class _SpeechThreadWorker(QObject):
    """Owns the engine, on the speech thread. Tells the GUI thread what it found and when each
    passage it was given has been spoken."""

    voicesFound = Signal(dict)
    # (utterance, "speaking" | "done" | "error"): "done" only after that utterance was heard to start.
    progress = Signal(int, str)

    def __init__(self, choice: str, languages: list[str]) -> None:
        super().__init__()
        self._choice = choice
        self._languages = languages
        self._engine: Any = None
        self._locales: dict[str, QLocale] = {}
        self._utterance = 0
        self._started = False

    @Slot()
    def begin(self) -> None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech

            name = engine_name(self._choice)
            if name is None:
                log.info("read aloud: this machine has no text-to-speech engine")
                self.voicesFound.emit({})
                return
            # The test engine loads in an instant; it stands in while Qt loads the real one from this
            # thread's event loop, where no Python runs (see the module's note).
            self._engine = QTextToSpeech(MOCK_ENGINE)
            if name == MOCK_ENGINE:
                self._engine_loaded(name)
                return
            self._engine.engineChanged.connect(self._engine_loaded)
            from PySide6.QtCore import Qt  # on the voices' thread, not in the first frame's way

            QMetaObject.invokeMethod(
                self._engine, "setEngine", Qt.ConnectionType.QueuedConnection, Q_ARG(str, name)
            )
        except Exception:  # a broken voice installation must not take the kiosk down
            log.exception("read aloud: the speech engine could not be started")
            self.voicesFound.emit({})

    @Slot(str)
    def _engine_loaded(self, name: str) -> None:
        try:
            inventory = voice_inventory(self._engine, self._languages)
        except Exception:
            log.exception("read aloud: the %s speech engine could not list its voices", name)
            self.voicesFound.emit({})
            return
        for code in self._languages:
            locales = locales_for(self._engine, code)
            if locales and inventory[code]["voices"]:
                self._locales[code] = locales[0]
        self._engine.stateChanged.connect(self._state_changed)
        log.info("read aloud (%s): %s", name, describe_voices(inventory))
        self.voicesFound.emit(inventory)

    @Slot(int, str, str)
    def say(self, utterance: int, language: str, text: str) -> None:
        if self._engine is None or language not in self._locales:
            self.progress.emit(utterance, "error")
            return
        if self._engine.locale() != self._locales[language]:
            self._engine.setLocale(self._locales[language])
        self._utterance = utterance
        self._started = False
        self._engine.say(text)

    @Slot()
    def stop(self) -> None:
        self._utterance = 0
        if self._engine is not None:
            self._engine.stop()

    @Slot()
    def finish(self) -> None:
        """Silence, the engine let go on the thread that made it, then the thread's end."""
        self.stop()
        if self._engine is not None:
            # Made here without a parent, so Python owns it: the last reference going deletes it here.
            self._engine = None
        QThread.currentThread().quit()

    def _state_changed(self, state: Any) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        utterance = self._utterance
        if not utterance:
            return
        if state == QTextToSpeech.State.Speaking:
            self._started = True
            self.progress.emit(utterance, "speaking")
        elif state == QTextToSpeech.State.Ready and self._started:
            # A Ready left over from stopping the last passage comes before this one starts: not its end.
            self._utterance = 0
            self.progress.emit(utterance, "done")
        elif state == QTextToSpeech.State.Error:
            self._utterance = 0
            log.warning("read aloud: %s", self._engine.errorString())
            self.progress.emit(utterance, "error")


class ReadAloudViewModel(QObject):
    """Listen and Stop for the page on screen, and which passage is being read (for the highlight).

    `engine`: which engine reads (SYSTEM_ENGINE, MOCK_ENGINE or a plugin's name); None: read aloud is
    off (Listen never shows). The engine is loaded when first needed (`prepare`, after the first
    frame), so start-up never waits for it.
    """

    changed = Signal()
    voicesChanged = Signal()
    _sayRequested = Signal(int, str, str)
    _stopRequested = Signal()
    _finishRequested = Signal()

    def __init__(self, engine: str | None, languages: list[str]) -> None:
        super().__init__()
        self._choice = engine
        self._languages = list(languages)
        self._inventory: dict[str, dict[str, Any]] = {}
        self._language = self._languages[0] if self._languages else ""
        self._page: dict[str, Any] = {}
        # Made from the page when first needed (Listen shown or pressed), not at every page change.
        self._passages: list[dict[str, Any]] | None = []
        self._current = -1
        self._utterance = 0
        self._thread: QThread | None = None
        self._worker: _SpeechThreadWorker | None = None
        self._days: QObject | None = None

    # --- what the wiring calls -------------------------------------------------------------------

    @Slot()
    def prepare(self) -> None:
        """Start the engine on its thread (once); Listen shows when it has found the voices."""
        if self._choice is None or self._thread is not None:
            return
        thread = QThread()
        thread.setObjectName("read aloud")
        worker = _SpeechThreadWorker(self._choice, self._languages)
        worker.moveToThread(thread)
        thread.started.connect(worker.begin)
        worker.voicesFound.connect(self._voices_found)
        worker.progress.connect(self._progress)
        self._sayRequested.connect(worker.say)
        self._stopRequested.connect(worker.stop)
        self._finishRequested.connect(worker.finish)
        self._thread, self._worker = thread, worker
        thread.start()

    def show_page(self, page: dict[str, Any]) -> None:
        """Another page, or the same one in another language: whatever was being read stops."""
        self.stop()
        self._language = str(page.get("language") or self._language)
        self._page = page
        self._passages = None
        self.changed.emit()

    def follow_days(self, programme: QObject) -> None:
        """Read the programme page's day on show (`programme.dayIndex`, chosen with the day buttons).
        Another day is another page to a listener: the reading stops, and Listen reads the new day."""
        self._days = programme
        programme.dayIndexChanged.connect(self._day_changed)  # type: ignore[attr-defined]
        # What is on now and next changes as the clock moves: the home page reads what it shows.
        programme.nowNextChanged.connect(self._now_next_changed)  # type: ignore[attr-defined]

    def _now_next_changed(self) -> None:
        self._read_again_on("home")

    def _day_changed(self) -> None:
        self._read_again_on("programme")  # only a programme page reads the day

    def _read_again_on(self, kind: str) -> None:
        """What a page of this kind reads has changed under it: any reading stops, as at a page change."""
        if self._page.get("kind") != kind:
            return
        self.stop()
        self._passages = None
        self.changed.emit()

    def _page_passages(self) -> list[dict[str, Any]]:
        if self._passages is None:
            kind = self._page.get("kind")
            if kind in ("programme", "session"):
                day = int(self._days.property("dayIndex") or 0) if self._days is not None else 0
                self._passages = passages_for(self._page, day, self._spoken_words())
            elif (
                kind == "home"
                and self._days is not None
                and (self._days.property("nowNext") or {}).get("visible")
            ):
                now_next = dict(self._days.property("nowNext"))
                self._passages = passages_for(self._page, 0, self._spoken_words(), now_next)
            else:
                self._passages = passages_for(self._page)
        return self._passages

    def _spoken_words(self) -> SpokenWords:
        """The app's words said on programme pages, in the visitor's language (the catalogue installed
        for it, as the page's own words are)."""
        from PySide6.QtCore import QCoreApplication, QDate

        from kiosk.core.programme_speech import SpokenWords, twelve_hour_clock

        locale = QLocale(self._language.replace("-", "_"))

        def day(iso_date: str) -> str:
            # As the page's heading writes it (Theme.dayLabel): the day's number in Latin digits.
            date = QDate.fromString(iso_date, "yyyy-MM-dd")
            return locale.toString(date, f"dddd '{date.day()}' MMMM") if date.isValid() else ""

        # A 12-hour clock where the language's own words are in Latin letters and say it so (English:
        # "2 PM"); elsewhere 24 hours, as the page writes them (a voice would spell "ص" or "PM" out).
        am, pm = locale.amText(), locale.pmText()
        twelve_hours = "ap" in locale.timeFormat(QLocale.FormatType.ShortFormat).lower() and all(
            _in_latin_letters(text) for text in (am, pm, locale.nativeLanguageName())
        )
        return SpokenWords(
            # The home page's own words for now and next (NowNext.qml).
            on_now=QCoreApplication.translate("NowNext", "On now"),
            up_next=QCoreApplication.translate("NowNext", "Next"),
            nothing_more=QCoreApplication.translate("NowNext", "No more sessions today."),
            clock=twelve_hour_clock(am, pm) if twelve_hours else None,
            from_to=self.tr("from %1 to %2"),
            whole_hour=lambda hour: self.tr("%n o'clock", "", hour),
            # The words the session page shows beside them.
            room=QCoreApplication.translate("SessionPage", "Room: %1"),
            held_in=QCoreApplication.translate("SessionPage", "Held in: %1"),
            day=day,
            english_name=lambda code: QLocale.languageToString(language_of(code)),
        )

    def release(self) -> None:
        if self._thread is None:
            return
        self.stop()
        # Queued after whatever the thread is doing (making the engine takes seconds): it ends itself.
        self._finishRequested.emit()
        if not self._thread.wait(5000):
            log.warning("read aloud: the speech thread did not end in time")
            self._thread.quit()
            if not self._thread.wait(1000):
                # Destroying a running thread aborts the process: it is left to the end of the process.
                _STUCK_THREADS.append(self._thread)
        self._thread = None
        self._worker = None

    def inventory(self) -> dict[str, dict[str, Any]]:
        return dict(self._inventory)

    # --- what QML binds to -----------------------------------------------------------------------

    @Property(bool, notify=changed)
    def available(self) -> bool:
        """Listen shows: the page has words to read and the machine a voice for its language."""
        # The voice first: without one (no engine, or none for this language) the page is never parsed.
        return self.has_voice(self._language) and bool(self._page_passages())

    def has_voice(self, language: str) -> bool:
        return bool(self._inventory.get(language, {}).get("voices"))

    @Property(bool, notify=changed)
    def speaking(self) -> bool:
        return self.is_speaking()

    def is_speaking(self) -> bool:
        return self._current >= 0

    @Property(int, notify=changed)
    def current(self) -> int:
        return self._current

    @Property(list, notify=changed)
    def passages(self) -> list[dict[str, Any]]:
        return self._page_passages()

    @Property(str, notify=changed)
    def currentTarget(self) -> str:
        """The objectName of the item on screen whose words are being read ("" when silent)."""
        return str(self._page_passages()[self._current]["target"]) if self._current >= 0 else ""

    @Property(int, notify=changed)
    def currentBlock(self) -> int:
        """The Markdown block inside that item being read, or -1 for the whole item."""
        return int(self._page_passages()[self._current]["block"]) if self._current >= 0 else -1

    @Slot()
    def toggle(self) -> None:
        if self._current >= 0:
            self.stop()
        else:
            self.start()

    @Slot()
    def start(self) -> None:
        if not self.available:
            return
        self._speak(0)

    @Slot()
    def stop(self) -> None:
        if self._current < 0:
            return
        self._current = -1
        self._utterance += 1
        self._stopRequested.emit()
        self.changed.emit()

    @Slot(QObject, int, result=list)
    def blockSpan(self, text_item: QObject, block_number: int) -> list[float]:
        """[top, height] of a Markdown block inside a Text item that draws Markdown, in the item's own
        coordinates: laid out as the item lays it out (same font, width and line height)."""
        from PySide6.QtGui import QTextBlockFormat, QTextCursor, QTextDocument

        document = QTextDocument()
        document.setDocumentMargin(0)
        # In this order, as Text does: the paragraph spacing comes from the default font at import time.
        document.setMarkdown(str(text_item.property("text") or ""))
        document.setDefaultFont(text_item.property("font"))
        document.setTextWidth(float(text_item.property("width") or 0))
        line_height = float(text_item.property("lineHeight") or 1.0)
        if line_height != 1.0:
            spacing = QTextBlockFormat()
            spacing.setLineHeight(
                line_height * 100, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
            )
            block = document.begin()
            while block.isValid():
                QTextCursor(block).mergeBlockFormat(spacing)
                block = block.next()
        block = document.findBlockByNumber(block_number)
        if not block.isValid():
            return [0.0, float(text_item.property("height") or 0)]
        area = document.documentLayout().blockBoundingRect(block)
        return [area.top(), area.height()]

    # --- the speaking loop -----------------------------------------------------------------------

    def _speak(self, index: int) -> None:
        self._current = index
        self._utterance += 1
        self.changed.emit()
        self._sayRequested.emit(self._utterance, self._language, str(self._page_passages()[index]["text"]))

    def _voices_found(self, inventory: dict[str, dict[str, Any]]) -> None:
        self._inventory = inventory
        self.voicesChanged.emit()
        self.changed.emit()

    def _progress(self, utterance: int, what: str) -> None:
        if utterance != self._utterance or self._current < 0:
            return  # a passage stopped since, or of a page left behind
        if what == "done" and self._current + 1 < len(self._page_passages()):
            self._speak(self._current + 1)
        elif what in ("done", "error"):
            self._current = -1
            self.changed.emit()
