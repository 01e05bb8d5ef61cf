"""The README's `uv run pytest` must run every test folder: pytest silently skips some folder names."""

from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]


def test_every_test_folder_is_one_pytest_collects(pytestconfig: pytest.Config) -> None:
    skipped_names = pytestconfig.getini("norecursedirs")
    folders = sorted({path.parent for path in TESTS.rglob("test_*.py")})
    assert folders, "no tests found"
    for folder in folders:
        for part in folder.relative_to(TESTS.parent).parts:
            assert not any(Path(part).match(pattern) for pattern in skipped_names), (
                f"{folder}: pytest does not look into a folder named '{part}' (norecursedirs)"
            )
