"""The compiled-content cache: used when the folder is unchanged, never trusted otherwise."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kiosk.core.cache import fingerprint, load_cached, read_cached
from kiosk.core.pages import COMPILED_FORMAT

from .contentkit import ContentFolder

SALT = "test-salt"


def cache_files(cache_dir: Path) -> list[Path]:
    return sorted(cache_dir.glob("content-*.json")) if cache_dir.is_dir() else []


def touch_later(path: Path) -> None:
    """Move the modification time one second on, as saving a file unchanged would."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def test_second_load_comes_from_the_cache(content: ContentFolder, cache_dir: Path) -> None:
    first, from_cache = load_cached(content.root, cache_dir, SALT)
    assert from_cache is False
    assert first.compiled is not None
    [written] = cache_files(cache_dir)
    assert json.loads(written.read_text(encoding="utf-8")) == first.compiled

    second, from_cache = load_cached(content.root, cache_dir, SALT)
    assert from_cache is True
    assert second.compiled == first.compiled
    assert second.problems == []
    assert second.compiled["format"] == COMPILED_FORMAT


def test_a_warm_start_reads_the_cached_content_only_while_the_folder_is_unchanged(
    content: ContentFolder, cache_dir: Path
) -> None:
    assert read_cached(content.root, cache_dir, SALT) is None
    first, _ = load_cached(content.root, cache_dir, SALT)
    assert read_cached(content.root, cache_dir, SALT) == first.compiled
    assert read_cached(content.root, cache_dir, "another build") is None
    content.replace("sections/10-one.yaml", "title: A paper", "title: A revised paper")
    assert read_cached(content.root, cache_dir, SALT) is None


def test_the_cache_keeps_text_that_is_not_ascii(content: ContentFolder, cache_dir: Path) -> None:
    content.replace("sections/10-one.yaml", "title: A clip", "title: Café — «clip» 移民")
    load_cached(content.root, cache_dir, SALT)
    second, from_cache = load_cached(content.root, cache_dir, SALT)
    assert from_cache
    assert second.compiled is not None
    assert second.compiled["items"]["clip"]["title"] == {"en": "Café — «clip» 移民"}


def test_modified_manifest_is_validated_again(content: ContentFolder, cache_dir: Path) -> None:
    load_cached(content.root, cache_dir, SALT)
    content.replace("sections/10-one.yaml", "title: A paper", "title: A revised paper")
    result, from_cache = load_cached(content.root, cache_dir, SALT)
    assert from_cache is False
    assert result.compiled is not None
    assert result.compiled["items"]["paper"]["title"] == {"en": "A revised paper"}
    # The new version replaces the old one: only the current cache file is kept.
    assert len(cache_files(cache_dir)) == 1
    assert load_cached(content.root, cache_dir, SALT)[1] is True


def test_touched_manifest_misses(content: ContentFolder, cache_dir: Path) -> None:
    load_cached(content.root, cache_dir, SALT)
    touch_later(content.path("agenda.yaml"))
    assert load_cached(content.root, cache_dir, SALT)[1] is False


def test_changed_media_file_misses(content: ContentFolder, cache_dir: Path) -> None:
    load_cached(content.root, cache_dir, SALT)
    content.write("text/en/one.md", "# Section one\n\nNew text.\n")
    result, from_cache = load_cached(content.root, cache_dir, SALT)
    assert from_cache is False
    assert result.compiled is not None
    assert result.compiled["sections"][0]["body"] == {"en": "# Section one\n\nNew text.\n"}


def test_a_broken_change_is_not_hidden_by_the_old_cache(content: ContentFolder, cache_dir: Path) -> None:
    load_cached(content.root, cache_dir, SALT)
    content.replace("sections/10-one.yaml", "kind: document", "kind: documnet")
    result, from_cache = load_cached(content.root, cache_dir, SALT)
    assert from_cache is False
    assert result.compiled is None
    assert [p.field for p in result.problems] == ["items[2].kind"]


def test_invalid_content_is_never_cached(content: ContentFolder, cache_dir: Path) -> None:
    content.replace("agenda.yaml", "lead: >-", "laed: >-")
    for _attempt in range(2):
        result, from_cache = load_cached(content.root, cache_dir, SALT)
        assert from_cache is False
        assert result.compiled is None
        assert {p.field for p in result.problems} == {"laed"}
    assert cache_files(cache_dir) == []


def test_content_with_only_warnings_is_cached(content: ContentFolder, cache_dir: Path) -> None:
    content.write("sections/notes.txt", "a note\n")
    first, _ = load_cached(content.root, cache_dir, SALT)
    assert first.compiled is not None
    assert len(first.problems) == 1
    assert load_cached(content.root, cache_dir, SALT)[1] is True


@pytest.mark.parametrize(
    "garbage",
    [b"", b"{", b'{"format": 1, "agenda": ', b"\xff\xfe\x00{", json.dumps({"format": 999}).encode()],
    ids=["empty", "brace", "truncated", "not-utf8", "other-format"],
)
def test_corrupt_cache_file_is_ignored(content: ContentFolder, cache_dir: Path, garbage: bytes) -> None:
    expected, _ = load_cached(content.root, cache_dir, SALT)
    [written] = cache_files(cache_dir)
    written.write_bytes(garbage)
    result, from_cache = load_cached(content.root, cache_dir, SALT)
    assert from_cache is False
    assert result.compiled == expected.compiled
    # Rewritten, so the next start is warm again.
    assert json.loads(written.read_text(encoding="utf-8")) == expected.compiled
    assert load_cached(content.root, cache_dir, SALT)[1] is True


@pytest.mark.parametrize("garbage", [b"[]", b"null", b'"text"', b"42"])
def test_cache_file_that_is_not_a_json_object_is_ignored(
    content: ContentFolder, cache_dir: Path, garbage: bytes
) -> None:
    load_cached(content.root, cache_dir, SALT)
    [written] = cache_files(cache_dir)
    written.write_bytes(garbage)
    result, from_cache = load_cached(content.root, cache_dir, SALT)
    assert (from_cache, result.compiled is not None) == (False, True)


def test_unwritable_cache_dir_does_not_raise(content: ContentFolder, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    cache_dir = blocker / "cache"  # cannot be created: its parent is a file
    for _attempt in range(2):
        result, from_cache = load_cached(content.root, cache_dir, SALT)
        assert from_cache is False
        assert result.compiled is not None
    assert blocker.read_text() == "not a folder\n"


def test_cache_dir_that_is_a_file_does_not_raise(content: ContentFolder, tmp_path: Path) -> None:
    cache_dir = tmp_path / "cache"
    cache_dir.write_text("")
    result, from_cache = load_cached(content.root, cache_dir, SALT)
    assert (from_cache, result.compiled is not None) == (False, True)


def test_stale_cache_entry_that_cannot_be_removed_does_not_raise(
    content: ContentFolder, cache_dir: Path
) -> None:
    (cache_dir / "content-0123456789abcdef0123456789abcdef.json").mkdir(parents=True)
    result, from_cache = load_cached(content.root, cache_dir, SALT)
    assert (from_cache, result.compiled is not None) == (False, True)


def test_different_salt_misses(content: ContentFolder, cache_dir: Path) -> None:
    load_cached(content.root, cache_dir, SALT)
    assert load_cached(content.root, cache_dir, "another-salt")[1] is False
    assert load_cached(content.root, cache_dir, "another-salt")[1] is True
    assert fingerprint(content.root, SALT) != fingerprint(content.root, "another-salt")


def test_no_cache_dir_always_validates(content: ContentFolder) -> None:
    for _attempt in range(2):
        result, from_cache = load_cached(content.root, None, SALT)
        assert (from_cache, result.compiled is not None) == (False, True)


def test_fingerprint_is_stable_and_tracks_files(content: ContentFolder) -> None:
    before = fingerprint(content.root, SALT)
    assert fingerprint(content.root, SALT) == before
    content.write("media/extra.txt", "x")
    assert fingerprint(content.root, SALT) != before
