"""PySide6's look at each module imported after it, done by a plain read (kiosk/ui/featurescan.py)."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import kiosk.ui  # noqa: F401  (installs the quicker scan, as every start does)
from kiosk.ui import featurescan


def feature_module() -> types.ModuleType:
    return sys.modules["shibokensupport.feature"]


def test_the_kiosk_uses_the_quicker_scan() -> None:
    assert getattr(feature_module()._mod_uses_pyside, "quicker", False)


def test_it_answers_as_pysides_own_scan(tmp_path: Path) -> None:
    quicker = feature_module()._mod_uses_pyside
    calls: list[str] = []

    def pysides_own(module: types.ModuleType) -> bool:
        calls.append(module.__name__)
        return False

    # Modules that name PySide6 and modules that do not, read from their files.
    import kiosk.core.pages
    import kiosk.ui.app

    assert quicker(kiosk.ui.app) is True
    assert quicker(kiosk.core.pages) is False
    assert quicker(json) is False
    # The standard library never names PySide6: answered without reading (PySide6's own would read it).
    assert featurescan._quicker(pysides_own)(json) is False
    user = tmp_path / "uses_it.py"
    user.write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    module = types.ModuleType("uses_it")
    module.__file__ = str(user)
    assert quicker(module) is True
    # No source file to read (a built-in, a frozen app's module, a file gone): PySide6's own answer.
    fallback = featurescan._quicker(pysides_own)
    gone = types.ModuleType("gone")
    gone.__file__ = str(tmp_path / "gone.py")
    assert fallback(sys) is False and fallback(gone) is False
    assert calls == ["sys", "gone"]


def test_a_package_installed_beside_the_standard_library_is_still_read(tmp_path: Path) -> None:
    folder = Path(featurescan._STANDARD_LIBRARY) / "site-packages"
    module = types.ModuleType("installed")
    module.__file__ = str(folder / "installed_here_for_the_test.py")
    seen: list[str] = []
    featurescan._quicker(lambda m: seen.append(m.__name__) or True)(module)
    # No such file: PySide6's own scan was asked, not the standard library's shortcut.
    assert seen == ["installed"]


def test_installing_twice_keeps_one_wrapper() -> None:
    before = feature_module()._mod_uses_pyside
    featurescan.use_quicker_feature_scan()
    assert feature_module()._mod_uses_pyside is before
