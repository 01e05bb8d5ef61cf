"""Give memory that was freed back to the system, so a kiosk running for days does not creep up."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    # Looked up once: a new CDLL per call would itself keep a little memory each time.
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: start-up need not pay for it
    import ctypes.util

    try:
        trim: Callable[[int], int] = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None  # not glibc (musl has no malloc_trim): nothing to do
    return trim


def return_free_memory() -> None:
    """After a visitor's session: decoders, pages and images of the session are freed by now, but
    glibc keeps freed heap pages (in one arena per decoding thread) until asked to trim them."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
