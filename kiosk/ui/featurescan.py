"""A quicker answer to the question PySide6 asks of every module imported after it.

Once PySide6 is loaded, its import hook (shibokensupport.feature, for `from __feature__ import ...`)
looks at each module named by an import statement for the first time, to see whether that module uses
PySide6: it reads the module's whole source through `inspect.getsource` (linecache, tokenize's
encoding detection) and keeps the lines in linecache. The kiosk names some ninety modules by its first
frame (the standard library's included, each scanned again the first time a kiosk module imports
it): 9 ms of every start, against 2.5 ms for the bare QML window. The same answer ("PySide6" in the
source) read as bytes takes a fifth of the time and keeps nothing; for the standard library, which never
names PySide6, it is known without reading (1.5 ms of the rest).
"""

from __future__ import annotations

import sys

# Nothing else is imported here: PySide6's own scan would read each module this one names (os, typing,
# collections.abc...) before the quicker one is in place. Type checkers read any TYPE_CHECKING as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import ModuleType

# The standard library's folder (where `os` is, loaded before any module of the kiosk), but not
# packages installed under it.
_os = sys.modules["os"]
_STANDARD_LIBRARY = _os.path.dirname(_os.__file__) + _os.sep
_INSTALLED = ("site-packages", "dist-packages")


def use_quicker_feature_scan() -> None:
    """Replace PySide6's scan of an imported module's source by a plain read of its file, with the same
    answer. Does nothing if this PySide6 has no such scan (another version, a frozen app's modules
    without source files fall back to PySide6's own)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, "quicker", False):
        return
    feature._mod_uses_pyside = _quicker(original)  # type: ignore[attr-defined]


def _quicker(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        if path.startswith(_STANDARD_LIBRARY) and not any(part in path for part in _INSTALLED):
            return False
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    uses_pyside.quicker = True  # type: ignore[attr-defined]
    return uses_pyside
