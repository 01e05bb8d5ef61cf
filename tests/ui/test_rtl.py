"""Right to left, complete: every route in Arabic, each directional element checked where it is drawn.

Each check runs in Arabic and in English with the expectation mirrored, so dropping the mirroring
(or mirroring English) fails. Directions are read from the pixels a visitor sees: which way a
chevron's point faces, which edge a text's last line starts from, which end the played part of the
video grows from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QInputMethodEvent, QTextLayout
from PySide6.QtQuick import QQuickItem, QQuickWindow
from PySide6.QtTest import QTest

from kiosk.core.loader import load_content
from kiosk.core.pages import Pages
from kiosk.ui.app import KioskWindow, build_window

from .conftest import find, pause, settled_centre, tap, text_of
from .rtl_content import DOCUMENT_PAGES, build_arabic_content

LANGUAGES = ["ar", "en"]


@pytest.fixture(scope="module")
def arabic_pages(tmp_path_factory: pytest.TempPathFactory, qapp: Any) -> Pages:
    folder = build_arabic_content(tmp_path_factory.mktemp("arabic"))
    result = load_content(folder.root)
    assert result.compiled is not None, [str(p) for p in result.problems]
    return Pages(result.compiled, folder.root)


def open_at(
    pages: Pages, route: str, language: str, opened: list[KioskWindow], **options: Any
) -> QQuickWindow:
    shown = build_window(
        pages, size=QSize(1920, 1080), animate=False, start_route=route, language=language, **options
    )
    opened.append(shown)
    # Not QTest.qWaitForWindowExposed: it keeps Python's lock while the document page is drawn by a
    # Python image provider on Qt's image thread, and both can hang (see conftest.pause).
    wait_for(shown.window.isExposed, 5000)
    assert shown.kiosk.current_language() == language
    return shown.window


# -- reading the pixels --------------------------------------------------------------------------------


def scene_rect(item: QQuickItem) -> QRectF:
    # The item's own box: a Text's boundingRect() is only the box of its letters.
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def wait_for(condition: Callable[[], bool], timeout_ms: int) -> None:
    """Like qtbot.waitUntil, but lets go of Python's lock while waiting (see conftest.pause)."""
    for _ in range(timeout_ms // 20):
        if condition():
            return
        pause(20)
    assert condition(), "timed out"


def grab(window: QQuickWindow) -> QImage:
    pause(60)  # the frame with the latest layout
    return window.grabWindow()


def ink_rows(image: QImage, rect: QRectF) -> dict[int, list[int]]:
    """Scene x of every pixel in `rect` that differs clearly from the rect's background, by row."""
    left, top = max(0, int(rect.left())), max(0, int(rect.top()))
    right, bottom = min(image.width(), int(rect.right())), min(image.height(), int(rect.bottom()))
    # The background is the commonest colour in the rect (a corner may hold a text cursor).
    counts = Counter(image.pixel(x, y) for y in range(top, bottom, 2) for x in range(left, right, 2))
    background = QColor(counts.most_common(1)[0][0])
    rows: dict[int, list[int]] = {}
    for y in range(top, bottom):
        for x in range(left, right):
            colour = QColor(image.pixel(x, y))
            distance = (
                abs(colour.red() - background.red())
                + abs(colour.green() - background.green())
                + abs(colour.blue() - background.blue())
            )
            if distance > 120:
                rows.setdefault(y, []).append(x)
    assert rows, f"nothing is drawn in {rect}"
    return rows


def pointing(window: QQuickWindow, name: str) -> str:
    """Which way the chevron named `name` points, from its drawn shape: the point of '<' is its
    leftmost ink, in the middle of its height; its arms reach furthest right at top and bottom."""
    item = find(window, name)
    settled_centre(item)
    image = grab(window)
    rows = ink_rows(image, scene_rect(item))
    ys = sorted(rows)
    top, bottom = ys[0], ys[-1]
    middle, half = (top + bottom) / 2, (bottom - top) / 2
    centre = [x for y in ys if abs(y - middle) <= 0.15 * half + 0.5 for x in rows[y]]
    ends = [x for y in ys if abs(y - middle) >= 0.7 * half for x in rows[y]]
    if min(centre) < min(ends) and max(centre) <= max(ends):
        return "left"
    if max(centre) > max(ends) and min(centre) >= min(ends):
        return "right"
    raise AssertionError(
        f"{name} has no clear point: centre {min(centre)}..{max(centre)}, ends {min(ends)}..{max(ends)}"
    )


def last_line_side(window: QQuickWindow, name: str, line_height: float | None = None) -> str:
    """Which edge of the text block named `name` its last line starts from: a short last line
    hugs the left in English and the right in Arabic."""
    item = find(window, name)
    settled_centre(item)
    image = grab(window)
    rect = scene_rect(item)
    rows = ink_rows(image, rect)
    height = line_height or float(item.property("font").pixelSize())
    last = max(rows)
    xs = [x for y, found in rows.items() if y > last - height for x in found]
    left_gap, right_gap = min(xs) - rect.left(), rect.right() - max(xs)
    if max(left_gap, right_gap) <= 40:
        # The last line happens to fill the width: the ragged edge of the other lines tells the side.
        lines: dict[int, list[int]] = {}
        for y, found in rows.items():
            lines.setdefault(int((last - y) // height), []).extend(found)
        left_gap = max(min(found) - rect.left() for found in lines.values())
        right_gap = max(rect.right() - max(found) for found in lines.values())
    if max(left_gap, right_gap) <= 40:
        # One line that fills its box (the text's length happens to fit): the side a Text item lays
        # its lines out from, mirroring included, is what Qt says it is.
        from PySide6.QtQml import QQmlExpression, qmlContext

        expression = QQmlExpression(qmlContext(item), item, "effectiveHorizontalAlignment === Text.AlignLeft")
        result = expression.evaluate()
        aligned_left = result[0] if isinstance(result, tuple) else result
        assert isinstance(aligned_left, bool), (
            f"every line of {name} fills its width: its side cannot be told"
        )
        return "left" if aligned_left else "right"
    return "left" if left_gap < right_gap else "right"


def page_of(page: int, language: str) -> str:
    """The document's page indicator, in the app's words of `language`."""
    words = "الصفحة {} من {}" if language == "ar" else "Page {} of {}"
    return words.format(page, DOCUMENT_PAGES)


def centre_x(item: QQuickItem) -> float:
    return settled_centre(item).x()


def reading_start(language: str) -> str:
    return "right" if language == "ar" else "left"


def reading_end(language: str) -> str:
    return "left" if language == "ar" else "right"


def finger_swipe(window: QQuickWindow, item: QQuickItem, dx: int) -> None:
    """A finger's sideways swipe across the part of the item that is on screen."""
    centre = settled_centre(item).toPoint()
    top = int(scene_rect(item).top())
    start = QPoint(centre.x(), min(centre.y(), (top + window.height()) // 2))
    device = QTest.createTouchDevice()
    QTest.touchEvent(window, device).press(0, start).commit()
    for step in range(1, 13):
        pause(16)
        QTest.touchEvent(window, device).move(0, start + QPoint(dx * step // 12, 0)).commit()
    QTest.touchEvent(window, device).release(0, start + QPoint(dx, 0)).commit()


def type_query(window: QQuickWindow, query: str) -> None:
    """Type as the on-screen keyboard or an input method does: Arabic has no keys in QTest."""
    tap(window, find(window, "searchField"))
    event = QInputMethodEvent()
    event.setCommitString(query)
    QCoreApplication.sendEvent(window.focusObject(), event)


# -- the pages --------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_top_bar_starts_where_the_visitor_reads(
    qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    window = open_at(arabic_pages, "item/story-one", language, opened)
    width = window.width()
    back = scene_rect(find(window, "backButton"))
    # Home, then Back, at the reading start's edge; Back's chevron points back toward that edge.
    if language == "ar":
        assert back.left() > width * 0.75, back
    else:
        assert back.right() < width * 0.25, back
    assert pointing(window, "backButton.chevron") == reading_start(language)
    # The breadcrumb reads Home, the topic, the collection: the first crumb at the reading start.
    crumbs = [centre_x(find(window, f"crumb:{index}")) for index in range(3)]
    assert text_of(window, "crumb:0") == ("الرئيسية" if language == "ar" else "Home")
    expected = sorted(crumbs, reverse=language == "ar")
    assert crumbs == expected, crumbs
    for index in (1, 2):
        assert pointing(window, f"trailSeparator:{index}") == reading_end(language)
    # The names of the crumbs are the visitor's language's.
    assert text_of(window, "crumb:1") == ("حقوقك" if language == "ar" else "Your rights")


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_mirrors(qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str) -> None:
    window = open_at(arabic_pages, "home", language, opened)
    hero, accent = scene_rect(find(window, "pageTitle")), scene_rect(find(window, "heroAccent"))
    # The accent bar above the title marks the title's reading start.
    if language == "ar":
        assert accent.right() == pytest.approx(hero.right(), abs=1)
        assert hero.left() > window.width() / 2
    else:
        assert accent.left() == pytest.approx(hero.left(), abs=1)
        assert hero.right() < window.width() / 2
    for name in ("pageSubtitle", "pageBody"):
        assert last_line_side(window, name) == reading_start(language), name
    # "5 items" and its chevron: the count at the reading start, the chevron after it, pointing on.
    count = find(window, "itemCount")
    chevron = find(window, "itemCountChevron")
    card = scene_rect(find(window, "card:section/rights"))
    if language == "ar":
        assert scene_rect(count).right() > card.right() - 60
        assert centre_x(chevron) < scene_rect(count).right() - 40
    else:
        assert centre_x(chevron) > scene_rect(count).left() + 40
    assert last_line_side(window, "itemCount", line_height=40) == reading_start(language)
    assert pointing(window, "itemCountChevron") == reading_end(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_section_cards_and_counts(
    qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    window = open_at(arabic_pages, "section/rights", language, opened)
    # Cards read in rows from the reading start: the first card is on that side of the second.
    first, second = centre_x(find(window, "card:item/contract")), centre_x(find(window, "card:item/clip"))
    assert (first > second) == (language == "ar")
    # The collection's "3 items" chevron points onward.
    assert pointing(window, "itemCountChevron") == reading_end(language)
    assert last_line_side(window, "pageTitle") == reading_start(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_text_starts_at_the_reading_side(
    qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    window = open_at(arabic_pages, "item/contract", language, opened)
    for name in ("pageTitle", "pageBody", "sourceName", "sourceHeading", "publicAddress"):
        assert last_line_side(window, name) == reading_start(language), name
    # The address stays an address: left to right in every language.
    assert text_of(window, "publicAddress").startswith("example.org/")


@pytest.mark.parametrize("language", LANGUAGES)
def test_document_pages_turn_the_way_the_visitor_reads(
    qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    window = open_at(arabic_pages, "item/handbook", language, opened)
    wait_for(lambda: find(window, "nextPageButton").isEnabled(), 5000)
    assert text_of(window, "pageIndicator") == page_of(1, language)
    pager = scene_rect(find(window, "documentPager"))
    assert scene_rect(find(window, "documentPage")).center().x() == pytest.approx(pager.center().x(), abs=2)
    # Next points (and sits) toward the reading end; Previous toward the start.
    assert pointing(window, "nextPageButton.chevron") == reading_end(language)
    assert pointing(window, "previousPageButton.chevron") == reading_start(language)
    after, before = centre_x(find(window, "nextPageButton")), centre_x(find(window, "previousPageButton"))
    assert (after < before) == (language == "ar")
    # In Arabic the chevron of Next is on the far (left) side of its word: it comes after the word.
    next_button = scene_rect(find(window, "nextPageButton"))
    chevron = centre_x(find(window, "nextPageButton.chevron"))
    assert (chevron < next_button.center().x()) == (language == "ar")
    tap(window, find(window, "nextPageButton"))
    wait_for(lambda: text_of(window, "pageIndicator") == page_of(2, language), 3000)
    # The second page is the one in view, and the first lies on the reading-start side of it.
    wait_for(
        lambda: abs(scene_rect(find(window, "documentPage")).center().x() - pager.center().x()) < 2, 3000
    )
    first = scene_rect(find(window, "documentPage:0"))
    assert (first.center().x() > pager.center().x()) == (language == "ar")
    # A finger swiping from the reading end toward the start (left to right in Arabic) turns on.
    finger_swipe(window, find(window, "documentPager"), 400 if language == "ar" else -400)
    wait_for(lambda: text_of(window, "pageIndicator") == page_of(3, language), 3000)
    finger_swipe(window, find(window, "documentPager"), -400 if language == "ar" else 400)
    wait_for(lambda: text_of(window, "pageIndicator") == page_of(2, language), 3000)
    # The figures keep their order inside the words: "2 of 4", never "4 of 2".
    assert text_of(window, "pageIndicator").index("2") < text_of(window, "pageIndicator").index("4")
    # Zoomed in, the sheet shows first the part of the page where reading starts.
    tap(window, find(window, "zoomInButton"))
    wait_for(lambda: find(window, "documentPageZoomed").isVisible(), 3000)
    wait_for(lambda: find(window, "documentPageZoomed").property("progress") == 1.0, 5000)
    sheet, zoomed = scene_rect(find(window, "documentSheet")), scene_rect(find(window, "documentPageZoomed"))
    assert zoomed.width() > sheet.width() + 100
    if language == "ar":
        assert zoomed.right() == pytest.approx(sheet.right(), abs=1)
    else:
        assert zoomed.left() == pytest.approx(sheet.left(), abs=1)


@pytest.mark.parametrize("language", LANGUAGES)
def test_video_progress_grows_from_the_reading_start(
    qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    shown_window = open_at(arabic_pages, "item/clip", language, opened)
    player = opened[-1].player
    # Played once through (two seconds), the bar then waits still for a finger.
    tap(shown_window, find(shown_window, "bigPlayButton"))
    wait_for(lambda: player.state() == "ended", 10_000)
    track = scene_rect(find(shown_window, "seekTrack"))
    # A finger a quarter of the way along the bar, from where the visitor reads.
    quarter = track.left() + track.width() * (0.75 if language == "ar" else 0.25)
    QTest.mouseClick(
        shown_window,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        QPoint(int(quarter), int(track.center().y())),
    )
    wait_for(lambda: player.position_ms() > 0, 3000)
    assert player.position_ms() == pytest.approx(player.duration_ms() / 4, abs=player.duration_ms() * 0.05)
    played = scene_rect(find(shown_window, "seekPlayed"))
    knob = scene_rect(find(shown_window, "seekKnob"))
    assert played.width() == pytest.approx(track.width() / 4, abs=3)
    if language == "ar":
        assert played.right() == pytest.approx(track.right(), abs=1)
    else:
        assert played.left() == pytest.approx(track.left(), abs=1)
    assert knob.center().x() == pytest.approx(quarter, abs=3)
    # With a keyboard, the arrow toward the end of the bar goes forward: Left in Arabic.
    find(shown_window, "seekBar").forceActiveFocus()
    QTest.keyClick(shown_window, Qt.Key.Key_Left if language == "ar" else Qt.Key.Key_Right)
    wait_for(lambda: player.position_ms() == player.duration_ms(), 3000)
    tap(shown_window, find(shown_window, "seekBar"))  # back to the middle, for the picture below
    wait_for(lambda: abs(player.position_ms() - player.duration_ms() / 2) < 100, 3000)
    played = scene_rect(find(shown_window, "seekPlayed"))
    assert played.width() == pytest.approx(track.width() / 2, abs=3)
    # The white played part is drawn where the rectangle says.
    image = grab(shown_window)
    start_side = QColor(
        image.pixel(int(track.right() - 6 if language == "ar" else track.left() + 6), int(track.center().y()))
    )
    end_side = QColor(
        image.pixel(int(track.left() + 6 if language == "ar" else track.right() - 6), int(track.center().y()))
    )
    assert start_side.lightness() > end_side.lightness() + 60


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_arabic_title_opening_with_a_latin_name_reads_from_the_right(
    qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    window = open_at(arabic_pages, "item/clip", language, opened)
    title = find(window, "pageTitle")
    shown = str(title.property("text"))
    # Laid out by Qt's own text engine as the Text item lays it out: where does each word land?
    layout = QTextLayout(shown, title.property("font"))
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(100_000)
    layout.endLayout()

    def x_of(index: int) -> float:
        found = line.cursorToX(index)
        return float(found[0] if isinstance(found, tuple) else found)

    if language == "ar":
        # "ILO" opens the title, so in Arabic it is the rightmost word, and the Arabic follows to its left.
        assert x_of(shown.index("ILO")) > x_of(shown.index("فيلم"))
        assert last_line_side(window, "pageTitle") == "right"
    else:
        assert shown == "ILO: a short film"
        assert x_of(shown.index("ILO")) < x_of(shown.index("short"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_link_and_collection_pages_mirror(
    qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    window = open_at(arabic_pages, "item/helpline", language, opened)
    assert last_line_side(window, "pageTitle") == reading_start(language)
    window = open_at(arabic_pages, "item/stories", language, opened)
    # The collection's items sit in the main column, on the reading-start side of the page.
    assert (centre_x(find(window, "card:item/story-one")) > window.width() / 2) == (language == "ar")
    assert last_line_side(window, "pageTitle") == reading_start(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_words_start_at_the_reading_side(
    qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    window = open_at(arabic_pages, "search", language, opened)
    # Before any word: the help text and the placeholder.
    assert last_line_side(window, "searchStatus") == reading_start(language)
    assert last_line_side(window, "searchPlaceholder") == reading_start(language)
    assert last_line_side(window, "browseHeading") == reading_start(language)
    # Nothing found: the message, the advice and the topics to browse.
    type_query(window, "zzqx")
    wait_for(lambda: find(window, "searchAdvice").isVisible(), 5000)
    for name in ("searchStatus", "searchAdvice", "browseHeading"):
        assert last_line_side(window, name) == reading_start(language), name
    advice, column = scene_rect(find(window, "searchAdvice")), scene_rect(find(window, "searchBrowse"))
    if language == "ar":
        assert advice.right() > column.right() - 60
    else:
        assert advice.left() < column.left() + 60
    # Results: the typed word, the count and each result from the reading side.
    tap(window, find(window, "searchClear"))
    type_query(window, "عقد" if language == "ar" else "contract")
    wait_for(lambda: find(window, "result:item/contract").isVisible(), 5000)
    result, field = scene_rect(find(window, "result:item/contract")), scene_rect(find(window, "searchField"))
    if language == "ar":
        assert result.right() > window.width() - 60 and field.right() > window.width() - 100
    else:
        assert result.left() < 60 and field.left() < 100
    assert last_line_side(window, "searchStatus") == reading_start(language)
    assert last_line_side(window, "resultTitle") == reading_start(language)
    assert last_line_side(window, "searchField", line_height=50) == reading_start(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_attract_slide_is_centred(
    qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    window = open_at(arabic_pages, "attract", language, opened)
    slide = find(window, "attractSlide")
    wait_for(lambda: text_of(window, "attractSlideTitle") != "", 3000)
    assert settled_centre(slide).x() == pytest.approx(window.width() / 2, abs=2)
    assert scene_rect(slide).width() < window.width() - 200  # narrower than the screen, so centring shows
    assert last_line_side(window, "attractSlideTitle") == reading_start(language)
    # The kiosk's title beside the organisation's mark fills the row: its words start at the reading side.
    assert last_line_side(window, "attractKioskTitle") == reading_start(language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_reading_preferences_panel_opens_under_its_button(
    qtbot: Any, arabic_pages: Pages, opened: list[KioskWindow], language: str
) -> None:
    window = open_at(arabic_pages, "home", language, opened)
    tap(window, find(window, "preferencesButton"))
    panel = scene_rect(find(window, "preferencesPanel"))
    button = scene_rect(find(window, "preferencesButton"))
    assert panel.left() <= button.center().x() <= panel.right() or (
        panel.center().x() < window.width() / 2
    ) == (language == "ar")
    assert (panel.center().x() < window.width() / 2) == (language == "ar")
    # Its rows start at the panel's reading side.
    sizes, reset = scene_rect(find(window, "textSizes")), scene_rect(find(window, "preferencesReset"))
    for row in (sizes,):
        if language == "ar":
            assert panel.right() - row.right() < 40
        else:
            assert row.left() - panel.left() < 40
    assert (reset.center().x() > scene_rect(find(window, "preferencesClose")).center().x()) == (
        language == "ar"
    )
