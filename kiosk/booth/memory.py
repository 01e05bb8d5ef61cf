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


# glibc's mallopt parameter for the number of heap arenas (malloc.h: M_ARENA_MAX).
_M_ARENA_MAX = -8
# Two arenas: the GUI thread's and one shared by every other thread (decoders, the scene graph's
# render thread, search). glibc's default, eight per core, let each video's decoding threads
# scatter what they leave behind over arenas of their own, which no trim gives back.
HEAP_ARENAS = 2


def limit_heap_arenas(count: int = HEAP_ARENAS) -> bool:
    """Cap the heap arenas threads get from now on (a booth runs days of videos); whether it took."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes  # here: start-up need not pay for it
    import ctypes.util

    try:
        mallopt = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").mallopt
    except (OSError, AttributeError):
        return False  # not glibc
    return bool(mallopt(_M_ARENA_MAX, count))


# Qt Quick packs small images (icons, QR codes) into one texture, sized by default to the next powers
# of two above the window: 2048x1024 pixels at 1280x800 (8 MiB), 2048x2048 at 1920x1080 (16 MiB),
# made at the first small image a visitor's pages show and kept for good. With software OpenGL that
# texture is in main memory. 512x512 (1 MiB) holds the kiosk's small images; larger ones (over 256
# pixels) get a texture of their own, freed with the page.
SMALL_IMAGE_ATLAS = 512


def small_image_atlas(side: int = SMALL_IMAGE_ATLAS) -> None:
    """Cap Qt Quick's texture atlas (before the first window draws); what the machine's environment
    says (QSG_ATLAS_WIDTH, QSG_ATLAS_HEIGHT) wins."""
    import os

    for name in ("QSG_ATLAS_WIDTH", "QSG_ATLAS_HEIGHT"):
        if name not in os.environ:
            os.environ[name] = str(side)


def return_free_memory() -> None:
    """After a visitor's session: decoders, pages and images of the session are freed by now, but
    glibc keeps freed heap pages (in one arena per decoding thread) until asked to trim them."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
