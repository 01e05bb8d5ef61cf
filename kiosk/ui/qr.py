"""QR codes for public addresses: a visitor scans instead of the kiosk opening a browser."""

from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING
from urllib.parse import unquote

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


def qr_image(text: str, width: int) -> QImage:
    import segno  # here, not at start-up: it pulls in much of the standard library
    from PySide6.QtGui import QImage

    code = segno.make(text, error="m", micro=False)
    rows = [bytes(row) for row in code.matrix_iter(scale=1, border=QUIET_ZONE)]
    modules = len(rows)
    scale = max(1, width // modules)
    # One byte a module, each the index of its colour; then each module made a square of pixels.
    # Straight into an image: writing a PNG to decode it again took a third of the time.
    data = b"".join(row.ljust((modules + 3) // 4 * 4, b"\0") for row in rows)
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
