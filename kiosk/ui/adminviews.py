"""The admin panel's own view models (the visitor dashboard, the content updates), made when staff
first open the panel rather than at every start: visitors never see them, and start-up then imports
neither module (nor what they import)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.ui.dashboard import DashboardViewModel
    from kiosk.ui.updates import ContentUpdatesViewModel


class AdminViews:
    """Makes each view model on first use with the given function, then hands it to `made(name, view)`
    (the wiring puts it on the window, where the admin panel finds it)."""

    def __init__(
        self,
        make_dashboard: Callable[[], DashboardViewModel],
        make_updates: Callable[[], ContentUpdatesViewModel],
    ) -> None:
        self._make_dashboard = make_dashboard
        self._make_updates = make_updates
        self.made_dashboard: DashboardViewModel | None = None
        self.made_updates: ContentUpdatesViewModel | None = None
        self.on_made: Callable[[str, Any], object] = lambda _name, _view: None

    def dashboard(self) -> DashboardViewModel:
        if self.made_dashboard is None:
            self.made_dashboard = self._make_dashboard()
            self.on_made("dashboard", self.made_dashboard)
        return self.made_dashboard

    def updates(self) -> ContentUpdatesViewModel:
        if self.made_updates is None:
            self.made_updates = self._make_updates()
            self.on_made("updates", self.made_updates)
        return self.made_updates

    def made(self) -> dict[str, Any]:
        return {"dashboard": self.made_dashboard, "updates": self.made_updates}

    def make_all(self) -> None:
        self.dashboard()
        self.updates()
