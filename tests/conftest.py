"""Settings every test needs before anything imports Qt."""

from __future__ import annotations

import os
import tempfile

# No screen on CI or developer containers: tests render offscreen with the software scene graph.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the developer's own kiosk (cache, PIN and settings, logs) out of reach of the tests.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="kiosk-test-cache-")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="kiosk-test-config-")
os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp(prefix="kiosk-test-state-")
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="kiosk-test-data-")
# Nor the developer's speech-dispatcher: with an address of its own, Qt's speech engine does not reach
# theirs (read aloud then finds no voice). The tests that speak start their own.
os.environ["SPEECHD_ADDRESS"] = "unix_socket:" + os.path.join(
    tempfile.mkdtemp(prefix="kiosk-test-speech-"), "none"
)
# Nor does it start one there: finding nothing at the address, speech-dispatcher's library starts
# SPEECHD_CMD, and waits for it. The real one stayed behind after each kiosk, and every call to the
# engine after that (stop, even deleting it) started one again and waited: a kiosk took 6 to 9 s to
# close. `false` ends at once, so the engine knows at once that there is no voice.
os.environ["SPEECHD_CMD"] = "/bin/false"
