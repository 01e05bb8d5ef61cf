"""Emitting Qt signals from Python, safely for days of uptime.

PySide6 6.12.0's SignalInstance.emit() returns the bool True without taking a reference to it. Every
emit from Python therefore drops one reference to True; after a few thousand page changes or video
position updates CPython aborts with "bool_dealloc: deallocating True or False". Every emit in the
app goes through `emit()` below, which gives the reference back when, and only when, the running
PySide6 is affected (checked once at start), so a fixed release needs no change here.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    trials = 16
    before = sys.getrefcount(True)
    emit_ping: Any = probe.ping.emit  # typed as returning None; it returns a bool
    results = [emit_ping() for _ in range(trials)]
    lost = before + results.count(True) - sys.getrefcount(True)
    del results
    # Undo what the probe itself took, so the check leaves True as it found it.
    for _ in range(max(0, lost)):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    return lost >= trials


EMIT_DROPS_A_REFERENCE = _emit_drops_a_reference()


def emit(signal: Any, *args: Any) -> None:
    result = signal.emit(*args)
    if EMIT_DROPS_A_REFERENCE and result is True:
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
