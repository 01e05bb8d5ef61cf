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
