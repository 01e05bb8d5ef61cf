"""QR codes for public addresses: a visitor scans instead of the kiosk opening a browser."""

from __future__ import annotations

import io
from urllib.parse import unquote

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtQuick import QQuickImageProvider

QUIET_ZONE = 4  # modules of white around the code: scanners need it


def qr_image(text: str, width: int) -> QImage:
    import segno  # here, not at start-up: it pulls in much of the standard library

    code = segno.make(text, error="m", micro=False)
    modules = code.symbol_size(border=QUIET_ZONE)[0]
    scale = max(1, width // modules)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=QUIET_ZONE, dark="#16202B", light="#FFFFFF")
    image = QImage()
    image.loadFromData(buffer.getvalue(), "PNG")
    return image


class QrImageProvider(QQuickImageProvider):
    """image://qr/<percent-encoded text>."""

    def __init__(self) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:
        text = unquote(image_id)
        image = qr_image(text, requested.width() if requested.width() > 0 else 300) if text else QImage()
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image
