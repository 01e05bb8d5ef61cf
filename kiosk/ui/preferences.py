"""The reading-preferences control's view model: text size, high contrast, reduced motion."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.core.preferences import TEXT_SCALES, Preferences, load_preferences, save_preferences


class PreferencesViewModel(QObject):
    changed = Signal()

    def __init__(self, store: Path | None) -> None:
        """`store` is the file that remembers the choices (windowed use); None forgets them on exit."""
        super().__init__()
        self._store = store
        self._preferences = load_preferences(store) if store else Preferences()

    def current(self) -> Preferences:
        return self._preferences

    def _set(self, preferences: Preferences) -> None:
        if preferences == self._preferences:
            return
        self._preferences = preferences
        if self._store is not None:
            save_preferences(self._store, preferences)
        self.changed.emit()

    @Property(int, notify=changed)
    def textSize(self) -> int:
        return self._preferences.text_size

    @Property(int, constant=True)
    def textSizeSteps(self) -> int:
        return len(TEXT_SCALES)

    @Property(float, notify=changed)
    def textScale(self) -> float:
        return self._preferences.text_scale

    @Property(bool, notify=changed)
    def highContrast(self) -> bool:
        return self._preferences.high_contrast

    @Property(bool, notify=changed)
    def reducedMotion(self) -> bool:
        return self._preferences.reduced_motion

    @Property(bool, notify=changed)
    def isDefault(self) -> bool:
        return self._preferences == Preferences()

    @Slot(int)
    def setTextSize(self, step: int) -> None:
        self._set(self._preferences.changed(text_size=step))

    @Slot(bool)
    def setHighContrast(self, on: bool) -> None:
        self._set(self._preferences.changed(high_contrast=on))

    @Slot(bool)
    def setReducedMotion(self, on: bool) -> None:
        self._set(self._preferences.changed(reduced_motion=on))

    @Slot()
    def reset(self) -> None:
        """Back to the defaults: what a kiosk does when a visitor's session ends."""
        self._set(Preferences())
