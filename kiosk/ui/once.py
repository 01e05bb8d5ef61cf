"""A connection that calls its slot once, without Qt's SingleShotConnection: naming that flag makes
PySide6 build the whole `Qt` namespace (some hundred Python enums, about 20 ms), which nothing else
on the way to the first frame needs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def connect_once(signal: Any, slot: Callable[[], object]) -> None:
    """`slot()` on the next emission of `signal` only (a signal from another thread may already have
    queued a second call before the first disconnects: that one does nothing)."""
    called: list[bool] = []

    def once(*_args: Any) -> None:
        if called:
            return
        called.append(True)
        signal.disconnect(once)
        slot()

    signal.connect(once)


def after_first_frame(window: Any, slot: Callable[[], object], delay_ms: int = 0) -> None:
    """`slot()` once `window` has shown its first frame, from the event loop `delay_ms` later (0: its
    next turn): not inside the frame's own signal, where a thread it starts would hold the interpreter
    from whatever else answers that frame."""
    from PySide6.QtCore import QTimer

    connect_once(window.frameSwapped, lambda: QTimer.singleShot(delay_ms, slot))
