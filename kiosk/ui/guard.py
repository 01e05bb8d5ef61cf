"""What reaches the window: visitor activity for the session, and no way out of a locked kiosk.

One event filter on the window sees every press, touch and key before QML does, so it can tell the
session someone is there, swallow the touch that wakes the kiosk (it was not aimed at what lies
under the finger), and in kiosk mode refuse the ways out a visitor could try.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any

from PySide6.QtCore import QEvent, QObject, QPointF, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QMouseEvent, QTouchEvent

from kiosk.ui.session import SessionViewModel

_PRESSES = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, QEvent.Type.Wheel}
_GESTURE = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
}
_GESTURE_END = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel}

LOOK_UP_KEYS_AFTER_MS = 1500


@cache
def _ways_out() -> set[tuple[Any, Any]]:
    """Keys that close windows or quit in common desktop conventions (Qt's namespace is imported
    when a locked kiosk first sees a key or a button: a window's start-up need not build it)."""
    from PySide6.QtCore import Qt

    return {
        (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Q),
        (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_W),
        (Qt.KeyboardModifier.AltModifier, Qt.Key.Key_F4),
        (Qt.KeyboardModifier.MetaModifier, Qt.Key.Key_Q),
    }


class InputGuard(QObject):
    def __init__(
        self,
        session: SessionViewModel | None,
        *,
        locked: bool,
        passes_through: Callable[[QPointF], bool] = lambda _point: False,
    ) -> None:
        """`passes_through(point)`: a press there wakes the kiosk but still reaches what is under it
        (the staff's corner, so that the hold that opens the PIN pad also works on the attract loop)."""
        super().__init__()
        self._session = session
        self._passes_through = passes_through
        self.locked = locked
        self._swallowing = False
        self._pointer_hidden = False
        self.refused = 0  # ways out refused, for the admin panel and the tests
        if locked:
            # Qt's namespace, built a moment after the first frame rather than at the first touch.
            QTimer.singleShot(LOOK_UP_KEYS_AFTER_MS, _ways_out)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.locked and self._refuse(event):
            self.refused += 1
            return True
        if self.locked:
            self._follow_pointer(event)
        if self._swallowing and kind in _GESTURE:
            if kind in _GESTURE_END:
                self._swallowing = False
            return True
        if kind in _PRESSES and self._session is not None and self._session.activity():
            if self._pressed_at_pass_through(event):
                return False
            # Keep the rest of this gesture (moves, the release) away from the page too.
            self._swallowing = kind != QEvent.Type.KeyPress
            return True
        return False

    def _pressed_at_pass_through(self, event: QEvent) -> bool:
        if isinstance(event, QMouseEvent):
            return self._passes_through(event.scenePosition())
        if isinstance(event, QTouchEvent) and event.points():
            return self._passes_through(event.points()[0].scenePosition())
        return False

    def _refuse(self, event: QEvent) -> bool:
        from PySide6.QtCore import Qt

        kind = event.type()
        if kind == QEvent.Type.Close:
            event.ignore()
            return True
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        ):
            assert isinstance(event, QMouseEvent)
            # Only the primary button (and a finger, which arrives as one) does anything here.
            return event.button() not in (Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton)
        if kind in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            return any(modifiers == mod and event.key() == key for mod, key in _ways_out())
        return False

    def _follow_pointer(self, event: QEvent) -> None:
        """A touch screen needs no arrow on screen; a real mouse brings it back."""
        from PySide6.QtCore import Qt

        kind = event.type()
        if kind == QEvent.Type.TouchBegin and not self._pointer_hidden:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._pointer_hidden = True
        elif kind == QEvent.Type.MouseMove and self._pointer_hidden:
            assert isinstance(event, QMouseEvent)
            if event.source() == Qt.MouseEventSource.MouseEventNotSynthesized:
                QGuiApplication.restoreOverrideCursor()
                self._pointer_hidden = False

    @property
    def pointer_hidden(self) -> bool:
        return self._pointer_hidden

    def release(self) -> None:
        if self._pointer_hidden:
            QGuiApplication.restoreOverrideCursor()
            self._pointer_hidden = False
