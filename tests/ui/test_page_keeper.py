"""Pages kept ready (PageKeeper.qml): Back and a page seen a moment ago show the page already made,
a page behind the one on screen does no work, an item's player or document goes with its page, and
the reset between visitors lets every kept page go. Deterministic: counts and identities, no timing."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPointF, QSize
from PySide6.QtQuick import QQuickItem
from PySide6.QtTest import QTest
from shiboken6 import Shiboken

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window
from tests.ui.conftest import all_items, find, focused, open_window, pause, tap, text_of, wait_until


@pytest.fixture(scope="module")
def shown(qapp: Any, bundled_pages: Pages) -> Iterator[KioskWindow]:
    window = open_window(bundled_pages)
    yield window
    pause(300)
    window.dispose()


@pytest.fixture(scope="module")
def routes(bundled_pages: Pages) -> dict[str, str]:
    """A section with an article and a document, and a video item."""
    found: dict[str, str] = {}
    for card in bundled_pages.page("home", "en")["cards"]:
        items = [
            bundled_pages.page(c["route"], "en") for c in bundled_pages.page(card["route"], "en")["cards"]
        ]
        kinds = {
            i.get("itemKind"): i["route"]
            for i in items
            if i.get("mediaPath") or i.get("itemKind") == "article"
        }
        if "article" in kinds and "document" in kinds and "section" not in found:
            found.update(section=card["route"], article=kinds["article"], document=kinds["document"])
        if "video" in kinds and "video" not in found:
            found.update(other=card["route"], video=kinds["video"])
    assert len(found) == 5, found
    return found


def keeper(shown: KioskWindow) -> QQuickItem:
    found = shown.window.findChild(QQuickItem, "pageLoader")
    assert found is not None
    return found


def on_screen(shown: KioskWindow) -> QQuickItem:
    page = keeper(shown).property("item")
    assert isinstance(page, QQuickItem)
    return page


def address(item: QQuickItem) -> int:
    return int(Shiboken.getCppPointer(item)[0])


def everything_named(shown: KioskWindow, name: str) -> list[QQuickItem]:
    """Visible or not, on the window or kept off it: what exists."""
    found = {address(i): i for i in all_items(shown.window.contentItem()) if i.objectName() == name}
    found.update({address(i): i for i in keeper(shown).findChildren(QQuickItem, name)})
    return list(found.values())


def go(shown: KioskWindow, touched: str, route: str) -> None:
    target = find(shown.window, touched)
    page = on_screen(shown)
    top = target.mapToItem(page, QPointF(0, 0)).y()
    if page.property("contentY") is not None and top + target.height() > page.height():
        # Scrolled to, as a visitor would.
        page.setProperty("contentY", page.property("contentY") + top - page.height() / 2)
        pause(50)
    tap(shown.window, target)
    wait_until(lambda: shown.kiosk.current_route() == route, 3000)
    assert shown.kiosk.current_route() == route
    pause(50)  # the focus settles after the page's bindings (PageFocus.qml)


def test_back_shows_the_page_made_before_with_the_focus_on_the_card_opened(
    shown: KioskWindow, routes: dict[str, str]
) -> None:
    shown.kiosk.show("home")
    pause(50)
    go(shown, f"card:{routes['section']}", routes["section"])
    section_page = address(on_screen(shown))
    go(shown, f"card:{routes['article']}", routes["article"])
    made = keeper(shown).property("pagesMade")
    go(shown, "backButton", routes["section"])
    assert address(on_screen(shown)) == section_page
    assert keeper(shown).property("pagesMade") == made, "Back made a page instead of showing the kept one"
    # Still what a keyboard user needs: the focus on the card that opened the page left.
    assert focused(shown.window).objectName() == f"card:{routes['article']}"
    go(shown, "backButton", "home")
    go(shown, f"card:{routes['section']}", routes["section"])
    assert address(on_screen(shown)) == section_page
    assert keeper(shown).property("pagesMade") == made
    # A page opened afresh has the focus on its title, at its top.
    assert focused(shown.window).objectName() == "pageTitle"
    assert on_screen(shown).property("contentY") == 0


def test_a_page_behind_the_one_on_screen_keeps_its_own_and_does_no_work(
    shown: KioskWindow, routes: dict[str, str], bundled_pages: Pages
) -> None:
    shown.kiosk.show("home")
    pause(50)
    go(shown, f"card:{routes['section']}", routes["section"])
    section_page = on_screen(shown)
    title = bundled_pages.page(routes["section"], "en")["title"]
    go(shown, "backButton", "home")
    go(shown, f"card:{routes['other']}", routes["other"])
    assert address(on_screen(shown)) != address(section_page)
    # Not bound to the kiosk's page: the pages shown since have not re-bound it.
    assert not section_page.isVisible()
    assert section_page.property("page")["route"] == routes["section"]
    heading = section_page.property("heading")
    assert title in str(heading.property("text"))
    assert text_of(shown.window, "pageTitle") == bundled_pages.page(routes["other"], "en")["title"]


def test_an_item_page_left_lets_its_player_and_document_go(
    shown: KioskWindow, routes: dict[str, str]
) -> None:
    shown.kiosk.show("home")
    pause(50)
    go(shown, f"card:{routes['other']}", routes["other"])
    go(shown, f"card:{routes['video']}", routes["video"])
    assert len(everything_named(shown, "videoPanel")) == 1
    go(shown, "backButton", routes["other"])
    wait_until(lambda: not everything_named(shown, "videoPanel"), 2000)
    assert not everything_named(shown, "videoPanel"), "a video page left behind still holds its panel"

    go(shown, "backButton", "home")
    go(shown, f"card:{routes['section']}", routes["section"])
    go(shown, f"card:{routes['document']}", routes["document"])
    wait_until(lambda: find_drawn(shown), 3000)
    # Another language on a document: the same panel follows it (never a second one on the document).
    shown.kiosk.setLanguage("fr")
    pause(100)
    assert len(everything_named(shown, "documentPanel")) == 1
    shown.kiosk.setLanguage("en")
    pause(100)
    assert len(everything_named(shown, "documentPanel")) == 1
    go(shown, "backButton", routes["section"])
    wait_until(lambda: not everything_named(shown, "documentPanel"), 2000)
    assert not everything_named(shown, "documentPanel"), "a document page left behind still holds its panel"


def scene_rect(item: QQuickItem) -> tuple[float, float, float, float]:
    corner = item.mapToScene(QPointF(0, 0))
    return (corner.x(), corner.y(), item.width(), item.height())


def at_first_frame(
    shown: KioskWindow, route: str, panel_name: str, open_it: Callable[[], None]
) -> dict[str, Any]:
    """What the first frame swapped on `route` after `open_it()` held: how many panels named
    `panel_name` existed, where the page kept room for its media, and the heading's words."""
    seen: dict[str, Any] = {}

    def swapped() -> None:
        if seen or shown.kiosk.current_route() != route:
            return
        page = on_screen(shown)
        places = [i for i in all_items(page) if i.objectName() == "mediaPlaceholder" and i.isVisible()]
        seen.update(
            panels=len(everything_named(shown, panel_name)),
            place=scene_rect(places[0]) if places else None,
            heading=str(page.property("heading").property("text")),
        )

    shown.window.frameSwapped.connect(swapped)
    try:
        open_it()
        wait_until(lambda: bool(seen), 3000)
    finally:
        shown.window.frameSwapped.disconnect(swapped)
    return seen


@pytest.mark.parametrize("kind", ["video", "document"])
def test_an_items_video_or_document_is_made_just_after_its_pages_first_frame_in_the_place_kept(
    shown: KioskWindow, routes: dict[str, str], kind: str
) -> None:
    """Issue 16: the page is drawn at the tap; its player or document a frame later, where the
    first frame kept room for it (nothing on the page moves when it comes)."""
    panel_name = "videoPanel" if kind == "video" else "documentPanel"
    section = routes["other"] if kind == "video" else routes["section"]
    shown.kiosk.show("home")
    pause(50)
    go(shown, f"card:{section}", section)
    first_frame = at_first_frame(
        shown, routes[kind], panel_name, lambda: go(shown, f"card:{routes[kind]}", routes[kind])
    )
    assert first_frame, "no frame was drawn after the tap"
    assert first_frame["panels"] == 0, f"the {kind} was made before the page's first frame"
    assert first_frame["heading"] == text_of(shown.window, "pageTitle")
    assert first_frame["place"] is not None and first_frame["place"][3] > 0, "no room kept for it"
    panel = find(shown.window, panel_name)
    assert scene_rect(panel) == pytest.approx(first_frame["place"]), "the page moved when it came"
    if kind == "video":
        # Another language of the film: the same player panel follows it, no placeholder between.
        shown.kiosk.setLanguage("fr")
        pause(100)
        assert [address(i) for i in everything_named(shown, panel_name)] == [address(panel)]
        assert not [
            i for i in all_items(on_screen(shown)) if i.objectName() == "mediaPlaceholder" and i.isVisible()
        ]
        shown.kiosk.setLanguage("en")
        pause(50)


def find_drawn(shown: KioskWindow) -> bool:
    pages = [i for i in everything_named(shown, "documentPage") if i.isVisible()]
    return bool(pages) and pages[0].property("progress") == 1.0


def test_the_reset_between_visitors_lets_every_kept_page_go(
    shown: KioskWindow, routes: dict[str, str]
) -> None:
    shown.kiosk.show("home")
    pause(50)
    go(shown, f"card:{routes['section']}", routes["section"])
    go(shown, f"card:{routes['article']}", routes["article"])
    go(shown, "backButton", routes["section"])
    go(shown, "searchButton", "search")
    assert keeper(shown).property("pagesKept") >= 4
    shown.kiosk.show("attract")
    wait_until(lambda: not everything_named(shown, "contentPage"), 2000)
    assert find(shown.window, "attractPage").isVisible()
    assert keeper(shown).property("pagesKept") == 0
    for kind in ("homePage", "contentPage", "searchPage"):
        assert not everything_named(shown, kind), f"{kind} outlived the reset"
    shown.kiosk.show("home")
    pause(50)
    assert keeper(shown).property("pagesKept") == 1  # the home page


def test_the_first_topic_of_a_visit_binds_a_page_made_ahead(
    shown: KioskWindow, routes: dict[str, str]
) -> None:
    shown.kiosk.show("attract")
    wait_until(lambda: keeper(shown).property("pagesKept") == 0, 2000)
    shown.kiosk.show("home")
    # Made while the visitor looks at the home page, off the window until it is wanted.
    wait_until(lambda: keeper(shown).property("pagesKept") == 2, 3000)
    assert keeper(shown).property("pagesKept") == 2
    made = keeper(shown).property("pagesMade")
    go(shown, f"card:{routes['section']}", routes["section"])
    assert keeper(shown).property("pagesMade") == made, "the first topic made its page on the tap"
    assert focused(shown.window).objectName() == "pageTitle"


@pytest.mark.parametrize("route", ["item/recruitment-checklist", "item/recruitment-fees"])
def test_in_arabic_at_the_largest_text_the_media_come_where_the_page_kept_room(qapp: Any, route: str) -> None:
    """The taller lines of Arabic at the largest text once made the document's toolbar taller than
    the room kept for it: the page moved down 10 px when the document came."""
    content = Path(__file__).resolve().parents[1] / "fixtures" / "content-ar"
    result = load_content(content)
    assert result.compiled is not None
    window = build_window(
        Pages(result.compiled, content), size=QSize(1280, 720), animate=False, language="ar"
    )
    try:
        window.preferences.setTextSize(2)
        QTest.qWaitForWindowExposed(window.window)
        pause(100)
        panel_name = "documentPanel" if "checklist" in route else "videoPanel"
        first = at_first_frame(window, route, panel_name, lambda: window.kiosk.show(route))
        assert first.get("place") is not None, "the first frame kept no room"
        panel = find(window.window, panel_name)
        assert scene_rect(panel) == pytest.approx(first["place"]), "the page moved when it came"
    finally:
        pause(300)
        window.dispose()
