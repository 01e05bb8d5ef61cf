"""QR codes for public addresses: a visitor scans instead of the kiosk opening a browser."""

from __future__ import annotations

import functools
from collections import OrderedDict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from PySide6.QtCore import QObject, QTimer
from PySide6.QtQuick import QQuickImageProvider

if TYPE_CHECKING:
    # Named when a code is first drawn: naming them builds their enums (1.5 ms), and the home page
    # often shows no code at all.
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QImage

QUIET_ZONE = 4  # modules of white around the code: scanners need it
DARK, LIGHT = 0xFF16202B, 0xFFFFFFFF  # as QColor("#16202B").rgb() and QColor("#FFFFFF").rgb()
# The codes of the pages a visitor goes back and forth between: a page opened again draws at once.
KEPT_CODES = 64


# The codes of the pages a visit goes to: choosing a code's mask is 2-6 ms of pure Python, drawing it
# at a size a fraction of a millisecond, so the modules are what is kept (and made ahead: CodesAhead).
@functools.lru_cache(maxsize=256)
def code_modules(text: str) -> tuple[bytes, int]:
    """The code's modules, one byte each (0 light, 1 dark), rows padded to 4 bytes; and how many a row."""
    import segno  # here, not at start-up: it pulls in much of the standard library

    code = segno.make(text, error="m", micro=False)
    rows = [bytes(row) for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]
    modules = len(rows)
    return b"".join(row.ljust((modules + 3) // 4 * 4, b"\0") for row in rows), modules


def load_in_background() -> None:
    """segno, the codes' module, imported on a thread of its own (30-50 ms, 200 ms from a cold disk):
    else the first code made ahead, on the event loop, would hold up a tap made meanwhile."""
    import threading

    threading.Thread(target=lambda: __import__("segno"), name="qr codes", daemon=True).start()


def qr_image(text: str, width: int) -> QImage:
    from PySide6.QtGui import QImage

    data, modules = code_modules(text)
    scale = max(1, width // modules)
    # One byte a module, each the index of its colour; then each module made a square of pixels.
    # Straight into an image: writing a PNG to decode it again took a third of the time.
    image = QImage(data, modules, modules, (modules + 3) // 4 * 4, QImage.Format.Format_Indexed8)
    image.setColorTable([LIGHT, DARK])
    # Qt's defaults are the ones wanted (no aspect kept, no smoothing: sharp squares); naming them would
    # import Qt's enum namespace, which start-up leaves unbuilt (tests/ui/test_first_frame_budget.py).
    return image.scaled(modules * scale, modules * scale).convertToFormat(QImage.Format.Format_RGB32)


class QrImageProvider(QQuickImageProvider):
    """image://qr/<percent-encoded text>."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._made: OrderedDict[tuple[str, int], QImage] = OrderedDict()

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:
        text = unquote(image_id)
        width = requested.width() if requested.width() > 0 else 300
        image = self._made.get((text, width))
        if image is None:
            # Making a code takes 5-10 ms of Python: a page opened again (Back, a language) reuses it.
            if text:
                image = qr_image(text, width)
            else:
                from PySide6.QtGui import QImage

                image = QImage()
            self._made[(text, width)] = image
            if len(self._made) > KEPT_CODES:
                self._made.popitem(last=False)
        else:
            self._made.move_to_end((text, width))
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image


def codes_on(page: dict[str, Any]) -> list[str]:
    """What the QR codes of this page encode (QrCode.qml's callers: the source panel's address, a
    session's calendar entry)."""
    return [text for text in (page.get("qrUrl"), page.get("calendarText")) if text]


def routes_on(page: dict[str, Any], day_index: int = 0) -> list[str]:
    """The pages a visitor may open from this one: a programme's sessions of the day on show first
    (then the other days'), its cards, its related cards; each once."""
    days = list(page.get("days") or [])
    if days:
        shown = min(max(day_index, 0), len(days) - 1)
        days = [days[shown], *days[:shown], *days[shown + 1 :]]
    entries = [session for day in days for session in day.get("sessions") or []]
    entries += list(page.get("cards") or []) + list(page.get("related") or [])
    return list(dict.fromkeys(str(entry["route"]) for entry in entries if entry.get("route")))


def now_and_next_routes(page: dict[str, Any], now_next: dict[str, Any]) -> list[str]:
    """The sessions the home page shows as on now and next (the programme view model's nowNext)."""
    if page.get("kind") != "home" or not now_next.get("visible"):
        return []
    return [
        str(card["route"]) for key in ("now", "next") for card in now_next.get(key) or [] if card.get("route")
    ]


class CodesAhead(QObject):
    """While a visitor reads a page, the QR codes of the pages it opens (its cards, a programme's
    sessions, the home page's now and next) are made, one page's at each turn of the event loop, so a
    tap does not make them (2-6 ms an address, 10-18 ms a session's calendar entry)."""

    # After the page's fade, and spaced out: a tap in the meantime waits for one page's codes at most.
    START_AFTER_MS = 400
    BETWEEN_MS = 20
    # A programme of many days: the first pages a visitor may open, not all of them.
    MOST_PAGES = 32

    def __init__(
        self,
        page_for: Callable[[str, str], dict[str, Any]],
        also_on: Callable[[dict[str, Any]], list[str]] | None = None,
    ) -> None:
        super().__init__()
        self._page_for = page_for
        # Routes shown on a page that its data does not hold (the home page's now and next).
        self._also_on = also_on or (lambda _page: [])
        self._waiting: list[tuple[str, str]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._make_one)

    def show_page(self, page: dict[str, Any], day_index: int = 0) -> None:
        language = str(page.get("language") or "")
        routes = list(dict.fromkeys([*self._also_on(page), *routes_on(page, day_index)]))
        self._waiting = [(route, language) for route in routes[: self.MOST_PAGES]]
        self._timer.start(self.START_AFTER_MS)

    def _make_one(self) -> None:
        # Pages whose codes are made already cost nothing: on to the first that needs one.
        made_before = code_modules.cache_info().misses
        while self._waiting and code_modules.cache_info().misses == made_before:
            route, language = self._waiting.pop(0)
            try:
                page = self._page_for(route, language)
            except LookupError:
                continue
            for text in codes_on(page):
                code_modules(text)
        if self._waiting:
            self._timer.start(self.BETWEEN_MS)
