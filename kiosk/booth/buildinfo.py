"""The app's one version number (pyproject.toml's) and when this copy was built.

A frozen build cannot ask importlib.metadata (the package's metadata is not bundled), so
build/build.py writes BUILD_INFO_FILE into the bundle; a source checkout reads the installed metadata
and has no build date.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from kiosk.booth import paths

BUILD_INFO_FILE = "build-info.json"
FROM_SOURCE = "from source"


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


@cache
def _build_info() -> dict[str, str]:
    """What build.py wrote ({"version": ..., "built": "YYYY-MM-DD HH:MM UTC"}), or {} in a source run."""
    if not is_frozen():
        return {}
    import json

    try:
        data = json.loads((paths.install_root() / BUILD_INFO_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {key: str(value) for key, value in data.items()} if isinstance(data, dict) else {}


def version() -> str:
    if is_frozen():
        return _build_info().get("version", "unknown")
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version

    try:
        return installed_version(paths.APP_NAME)
    except PackageNotFoundError:
        return "unknown"


def build_date() -> str | None:
    """When this bundle was built (UTC), or None when running from source."""
    return _build_info().get("built") if is_frozen() else None


def version_text() -> str:
    """The version as people are shown it: '0.1.0 (built 2025-11-27 14:03 UTC)' or '0.1.0 (from source)'."""
    if not is_frozen():
        return f"{version()} ({FROM_SOURCE})"
    return f"{version()} (built {build_date() or 'on an unknown date'})"


def build_stamp() -> str:
    """Differs between two builds: a frozen app has no source files whose changes could say so."""
    info = _build_info()
    return f"frozen:{info.get('version', '')}:{info.get('built', '')}:{info.get('fingerprint', '')}"


def code_fingerprint() -> str:
    """Changes whenever the content code changes, so a developer never reads a cache an older loader wrote."""
    if getattr(sys, "frozen", False):
        # A bundle holds no kiosk/core/*.py to look at: without this, an upgraded installation would
        # read the cache its previous version wrote.
        return build_stamp()
    core = Path(__file__).resolve().parents[1] / "core"
    parts = []
    for source in sorted(core.rglob("*.py")):
        stat = source.stat()
        parts.append(f"{source.relative_to(core).as_posix()}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)
