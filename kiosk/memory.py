"""Give memory that was freed back to the system, so a kiosk running for days does not creep up."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys


def return_free_memory() -> None:
    """After a visitor's session: decoders, pages and images of the session are freed by now, but
    glibc keeps freed heap pages (in one arena per decoding thread) until asked to trim them."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc (musl has no malloc_trim): nothing to do
