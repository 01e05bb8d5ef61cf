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


class CodesAhead(QObject):
    """While a visitor reads a page, the QR codes of the pages its cards open are made, one at each
    turn of the event loop, so a tap on a card does not make its code (2-6 ms, and the first code of
    the day also imports segno: 30-50 ms)."""

    # After the page's fade, and spaced out: a tap in the meantime waits for one code at most.
    START_AFTER_MS = 400
    BETWEEN_MS = 20

    def __init__(self, page_for: Callable[[str, str], dict[str, Any]]) -> None:
        super().__init__()
        self._page_for = page_for
        self._waiting: list[tuple[str, str]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._make_one)

    def show_page(self, page: dict[str, Any]) -> None:
        language = str(page.get("language") or "")
        cards = list(page.get("cards") or []) + list(page.get("related") or [])
        self._waiting = [(str(card["route"]), language) for card in cards if card.get("route")]
        self._timer.start(self.START_AFTER_MS)

    def pending(self) -> int:
        return len(self._waiting)

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
