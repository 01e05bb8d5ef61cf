"""Standard error that can never stop the kiosk.

A booth's session decides where stderr goes: a pipe to a logger, the journal's socket, a terminal
closed long ago. When whatever reads that pipe stops reading, the pipe fills and the next warning,
from Python or from Qt's own C++ message handler, blocks the GUI thread for good: a frozen screen the
supervisor can only restart into the same frozen screen. When the reader has gone, a `print` to
stderr raises BrokenPipeError where nobody expects it.

So the running kiosk writes its stderr into a pipe of its own that never blocks, and a thread passes
what it can on to the real stderr: when that is full, messages are dropped (the log file keeps the
ones that matter); when it is closed, they are dropped too. Only pipes and sockets are handled this
way: a terminal or a file does not fill up.
"""

from __future__ import annotations

import atexit
import contextlib
import io
import os
import stat
import sys
import threading
from typing import Any

# At exit, what is still on its way to the real stderr gets this long to get there.
EXIT_DRAIN_SECONDS = 1.0
_CHUNK = 65536


class _ForgivingStream(io.TextIOBase):
    """sys.stderr, minus the exceptions: a message that cannot be written is lost, not raised."""

    def __init__(self, inner: Any) -> None:
        super().__init__()
        self._inner = inner

    def write(self, text: str) -> int:
        try:
            return int(self._inner.write(text))
        except (OSError, ValueError):  # full, closed, or a stream closed at shutdown
            return len(text)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self._inner.flush()

    def writable(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)  # buffer, line_buffering, ...

    def fileno(self) -> int:
        return int(self._inner.fileno())

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(self._inner.encoding)

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self._inner.errors  # type: ignore[no-any-return]


class _Relay:
    """Moves bytes from the kiosk's own pipe to the real stderr, never making the writers wait."""

    def __init__(self, source: int, target: int) -> None:
        self.source = source
        self.target = target
        self.target_gone = False
        self.thread = threading.Thread(target=self._run, name="stderr-relay", daemon=True)

    def _run(self) -> None:
        while True:
            try:
                chunk = os.read(self.source, _CHUNK)
            except OSError:
                return
            if not chunk:
                return
            if self.target_gone:
                continue  # keep reading, so that the writers' pipe never fills
            try:
                os.write(self.target, chunk)
            except BlockingIOError:
                pass  # the real stderr is non-blocking and full: this chunk is lost
            except OSError:
                self.target_gone = True


_relay: _Relay | None = None


def needs_protection(descriptor: int = 2) -> bool:
    """Whether writing to `descriptor` can block or fail for lack of a reader (a pipe or a socket)."""
    if os.name != "posix":
        return False
    try:
        mode = os.fstat(descriptor).st_mode
    except OSError:
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)


def protect_stderr() -> bool:
    """Route this process's stderr (descriptor 2, so Qt's and C libraries' messages too) through a
    relay that drops what the real stderr cannot take. Returns whether it did (only for a pipe or
    socket, on POSIX, once per process)."""
    global _relay
    if _relay is not None or not needs_protection(2):
        return False
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
    real = os.dup(2)
    source, sink = os.pipe()
    os.set_blocking(sink, False)
    os.set_inheritable(real, False)
    os.set_inheritable(source, False)
    os.dup2(sink, 2)  # descriptor 2 stays inheritable: a child's stderr goes through the relay too
    os.close(sink)
    _relay = _Relay(source, real)
    _relay.thread.start()
    if sys.stderr is not None:
        sys.stderr = _ForgivingStream(sys.stderr)
    atexit.register(_drain)
    return True


def _drain() -> None:
    """Give the last words (an error printed just before exit) a moment to reach the real stderr."""
    if _relay is None:
        return
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
    # Closing this process's end of the pipe lets the relay read to its end and stop: waiting on the
    # bytes still in the pipe missed a chunk the relay had read but not yet written.
    with contextlib.suppress(OSError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    _relay.thread.join(EXIT_DRAIN_SECONDS)
