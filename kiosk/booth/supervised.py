"""What the supervisor and the UI it starts agree on: the exit codes and the environment's names.

Apart from kiosk.booth.supervisor (which re-exports them) so that the UI, which reads them at every
start, need not import the supervisor (subprocess, signal handling, dataclasses: about 5 ms).
"""

from __future__ import annotations

import os
from collections.abc import Mapping

# The UI exits with this when the admin asks for a restart (EX_TEMPFAIL, "try again"): started again
# at once, and not counted as a crash.
RESTART_EXIT_CODE = 75
# The UI exits with 0 only when the admin chose to leave the kiosk: the supervisor then ends too.
LEAVE_EXIT_CODE = 0
# The UI exits with this when its window is gone (destroyed by another program, never drawn again):
# a crash, restarted as one, but worth naming in the log.
WINDOW_LOST_EXIT_CODE = 74

# The supervisor tells its child where to beat, and why the previous child ended (for the admin panel).
HEARTBEAT_ENV = "KIOSK_HEARTBEAT"
PREVIOUS_END_ENV = "KIOSK_PREVIOUS_END"
# ...and where to write what the "back in a moment" screen shows (the content's name, the words in
# its languages), so that the screen can show them once the UI has gone.
WAITING_SCREEN_ENV = "KIOSK_WAITING_SCREEN"


def is_supervised(environ: Mapping[str, str] = os.environ) -> bool:
    """True in the UI process a supervisor started (so it must not start a supervisor of its own)."""
    return bool(environ.get(HEARTBEAT_ENV))
