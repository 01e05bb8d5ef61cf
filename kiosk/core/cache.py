"""Compiled content cached per user, keyed by a fingerprint of the content folder.

A warm start reads one JSON file instead of parsing and validating every manifest, which keeps start-up
from growing with the content. Only content that validated is ever cached, so a changed folder always
goes through validation again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hashlib import sha256 as sha256

    from kiosk.core.problems import LoadResult
else:
    try:
        # Python's own SHA-256: the same digest as hashlib's, without loading OpenSSL (3 MB of memory
        # and a few ms at every start). Its module's name is private and changes between versions.
        from _sha256 import sha256
    except ImportError:  # another Python
        from hashlib import sha256

from kiosk.core.pages import COMPILED_FORMAT


def fingerprint(root: Path, salt: str) -> str:
    """Hash of every file's path, size and modification time under `root` (cheap: no file is read)."""
    digest = sha256(f"{salt}\0{COMPILED_FORMAT}\0{root.resolve()}".encode())
    for directory, folders, names in os.walk(root):
        folders.sort()
        for name in sorted(names):
            path = os.path.join(directory, name)
            try:
                stat = os.stat(path)
            except OSError:
                continue
            relative = os.path.relpath(path, root)
            digest.update(f"{relative}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def _cache_file(root: Path, cache_dir: Path, salt: str) -> Path:
    return cache_dir / f"content-{fingerprint(root, salt)}.json"


def read_cached(root: Path, cache_dir: Path, salt: str) -> dict[str, Any] | None:
    """The compiled content at `root` if the cache holds it as it is now, else None. A warm start's whole
    way: nothing of validation or its problems (their dataclasses, 3 ms) is imported."""
    return _read(_cache_file(root, cache_dir, salt))


def _read(cached: Path) -> dict[str, Any] | None:
    try:
        compiled: Any = json.loads(cached.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(compiled, dict) and compiled.get("format") == COMPILED_FORMAT:
        return compiled
    return None


def load_cached(root: Path, cache_dir: Path | None, salt: str) -> tuple[LoadResult, bool]:
    """The content at `root`, from the cache when it is current. Returns (result, came_from_cache)."""
    from kiosk.core.problems import LoadResult

    if cache_dir is not None:
        cached = _cache_file(root, cache_dir, salt)
        compiled = _read(cached)
        if compiled is not None:
            return LoadResult(compiled, []), True
    # Imported here: validation needs pydantic, which a warm start should not pay for.
    from kiosk.core.loader import load_content

    result = load_content(root)
    if result.compiled is not None and cache_dir is not None:
        _write_atomically(cache_dir, cached, json.dumps(result.compiled, ensure_ascii=False))
        _remove_stale(cache_dir, keep=cached)
    return result, False


def _remove_stale(cache_dir: Path, keep: Path) -> None:
    try:
        for stale in cache_dir.glob("content-*.json"):
            if stale != keep:
                stale.unlink(missing_ok=True)
    except OSError:
        pass  # an old cache file only costs disk space


def _write_atomically(folder: Path, target: Path, text: str) -> None:
    import tempfile  # only on a cache miss: start-up should not pay for it

    # A cache that cannot be written only costs speed: never let it stop the kiosk.
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, delete=False, suffix=".tmp"
        ) as stream:
            stream.write(text)
        os.replace(stream.name, target)
    except OSError:
        pass
