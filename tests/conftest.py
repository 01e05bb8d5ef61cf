"""Settings every test needs before anything imports Qt."""

from __future__ import annotations

import os
import tempfile

# No screen on CI or developer containers: tests render offscreen with the software scene graph.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Keep the per-user cache of the developer's own kiosk out of reach of the tests.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="kiosk-test-cache-")
