"""What each route shows, as plain data the QML binds to: the decisions live here, not in QML.

Works on compiled content (see loader), so it needs neither pydantic nor Qt and is cheap on a warm start.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

from kiosk.core.languages import is_right_to_left, keyboard_locale, native_name

# Re-exported (the `as` says so to mypy): the many callers that read them beside Pages import them here.
from kiosk.core.localized import FALLBACK_LANGUAGE as FALLBACK_LANGUAGE
from kiosk.core.localized import address as address
from kiosk.core.localized import is_fallback as is_fallback
from kiosk.core.localized import localize as localize
from kiosk.core.localized import short_address as short_address

HOME = "home"
SEARCH = "search"
ATTRACT = "attract"
# Bump when the shape of compiled content changes, so old caches are not read.
# 4: every url is {language: address}; the agenda may have an organisation.
COMPILED_FORMAT = 4


def document_page(route: str) -> tuple[str, int | None]:
    """`item/ID?page=N` (N from 1, as the visitor counts): the route without it, and N or None."""
    route, marked, argument = route.partition("?page=")
    if not marked:
        return route, None
    return route, int(argument) if argument.isdigit() else 0


class Pages:
    def __init__(self, compiled: dict[str, Any], content_root: Path | None = None) -> None:
        self.compiled = compiled
        self.content_root = content_root
        self.agenda: dict[str, Any] = compiled["agenda"]
        self.sections: dict[str, dict[str, Any]] = {s["id"]: s for s in compiled["sections"]}
        self.items: dict[str, dict[str, Any]] = compiled["items"]

    @property
    def languages(self) -> list[str]:
        languages: list[str] = self.agenda.get("languages") or [FALLBACK_LANGUAGE]
        return languages

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def kiosk_settings(self) -> dict[str, Any]:
        """The booth behaviour from kiosk.yaml (the loader fills in the model's defaults); the same
        defaults here for compiled content made by hand, as in benchmarks."""
        settings: dict[str, Any] = self.compiled.get("kiosk") or {}
        return {
            "kiosk_mode": False,
            "screen": 0,
            "idle_seconds": 90,
            "prompt_seconds": 10,
            "attract": {},
            "analytics": {"enabled": True, "retention_days": 365},
            "pack_folder": None,
            **settings,
        }

    def language_choices(self) -> list[dict[str, Any]]:
        """The language switch: each language by its own name, and whether its texts await review."""
        pending = set(self.agenda.get("translations_pending_review") or [])
        return [
            {
                "code": code,
                "name": native_name(code),
                "rightToLeft": is_right_to_left(code),
                "reviewPending": code in pending,
            }
            for code in self.languages
        ]

    def organisation(self, language: str) -> dict[str, str]:
        """Who presents the content, for the header mark, the attract loop and the Theme's accent;
        empty strings where the agenda does not say."""
        organisation = self.agenda.get("organisation") or {}
        accent = organisation.get("accent") or ""
        if accent:
            from kiosk.core.brand import accent_palette

            colours = accent_palette(accent)
        else:
            colours = {"accent": "", "accentSoft": ""}
        return {
            "name": localize(organisation.get("name"), language),
            "logoUrl": self._uri(organisation.get("logo")),
            "accent": colours["accent"],
            "accentSoft": colours["accentSoft"],
        }

    def routes(self) -> list[str]:
        """Every page a visitor can reach, in reading order."""
        found = [HOME, SEARCH, ATTRACT]
        for section in self.compiled["sections"]:
            found.append(f"section/{section['id']}")
            pending = list(section["items"])
            while pending:
                item_id = pending.pop(0)
                found.append(f"item/{item_id}")
                pending[0:0] = self.items[item_id]["children"]
        return found

    def exists(self, route: str) -> bool:
        route, page_number = document_page(route)
        if page_number is not None and page_number < 1:
            return False
        kind, _, key = route.partition("/")
        if kind in (HOME, SEARCH, ATTRACT):
            return not key
        if kind == "section":
            return key in self.sections
        if kind == "item":
            return key in self.items
        return False

    def parent_of(self, route: str) -> str:
        """Where Back leads when there is no history: the page that contains this one."""
        kind, _, key = document_page(route)[0].partition("/")
        if kind == "item" and key in self.items:
            item = self.items[key]
            return f"item/{item['parent']}" if item["parent"] else f"section/{item['section']}"
        return HOME

    def page(self, route: str, language: str) -> dict[str, Any]:
        full_route, (route, page_number) = route, document_page(route)
        kind, _, key = route.partition("/")
        if kind == "section" and key in self.sections:
            page = self._section_page(self.sections[key], language)
            # Sessions in the section's collections too: the programme is where a visitor looks. The
            # programme's module (datetime, zoneinfo) only for content that has a programme.
            if self._holds_sessions:
                from kiosk.core.programme_pages import programme_view

                page.update(
                    programme_view(
                        self.sections[key]["items"],
                        self.items,
                        self.agenda.get("programme"),
                        language,
                        page["cards"],
                    )
                    or {}
                )
        elif kind == "item" and key in self.items:
            page = self._item_page(self.items[key], language)
            if page["itemKind"] == "session":
                from kiosk.core.programme import session_page

                programme = self.agenda.get("programme")
                page.update(session_page(self.items[key], programme, language, page["qrUrl"]))
            elif page["itemKind"] == "collection" and self._holds_sessions:
                # A collection of sessions is shown as its section is: by day, with times and rooms.
                from kiosk.core.programme_pages import programme_view

                programme_items = self.items[key]["children"]
                page.update(
                    programme_view(
                        programme_items, self.items, self.agenda.get("programme"), language, page["cards"]
                    )
                    or {}
                )
            # The document opens at this page (counted from 0), as a search hit inside it asks.
            page.update(route=full_route, documentPage=max(0, (page_number or 1) - 1))
        elif route == ATTRACT:
            page = self._attract_page(language)
        elif route == SEARCH:
            page = {
                "route": SEARCH,
                "kind": SEARCH,
                "title": "",
                # The topics, offered when a search finds nothing.
                "cards": [self._section_card(s, language) for s in self.compiled["sections"]],
                "trail": [self._crumb(HOME, language)],
            }
        else:
            page = self._home_page(language)
        pending = set(self.agenda.get("translations_pending_review") or [])
        page.update(
            organisation=self.organisation(language),
            language=language,
            rightToLeft=is_right_to_left(language),
            reviewPending=language in pending,
            keyboardLocale=keyboard_locale(language),
        )
        return page

    def _home_page(self, language: str) -> dict[str, Any]:
        agenda = self.agenda
        return {
            "route": HOME,
            "kind": "home",
            "title": localize(agenda["title"], language),
            "subtitle": localize(agenda.get("subtitle"), language),
            "body": localize(agenda["lead"], language),
            "untranslated": is_fallback(agenda["title"], language) or is_fallback(agenda["lead"], language),
            "cards": [self._section_card(s, language) for s in self.compiled["sections"]],
            "trail": [],
            "office": self._office(language),
        }

    def _office(self, language: str) -> dict[str, Any] | None:
        """This kiosk's own office or venue (the machine's kiosk.yaml), or None."""
        office = (self.compiled.get("kiosk") or {}).get("office")
        if not office:
            return None
        from kiosk.core.officecard import office_card

        return office_card(office, language)

    def _attract_page(self, language: str) -> dict[str, Any]:
        """What plays while nobody is there: a slide per section, and a video every few slides."""
        settings = (self.compiled.get("kiosk") or {}).get("attract") or {}
        chosen = settings.get("videos")
        videos = [
            item
            for item in (
                [self.items[i] for i in chosen if i in self.items]
                if chosen is not None
                else [i for i in self.items.values() if i["kind"] == "video"]
            )
            if item["kind"] == "video" and item.get("file")
        ]
        every = int(settings.get("slides_between_videos", 3))
        seconds = int(settings.get("slide_seconds", 8))
        slides: list[dict[str, Any]] = []
        shown_videos = 0
        for number, section in enumerate(self.compiled["sections"], start=1):
            slides.append(
                {
                    "kind": "slide",
                    "route": f"section/{section['id']}",
                    "title": localize(section["title"], language),
                    "summary": localize(section.get("summary"), language),
                    "seconds": seconds,
                }
            )
            if videos and number % every == 0:
                slides.append(self._attract_video(videos[shown_videos % len(videos)], language))
                shown_videos += 1
        if videos and shown_videos == 0:
            slides.append(self._attract_video(videos[0], language))
        if any(item["kind"] == "session" for item in self.items.values()):
            # First: at a conference, what is on now matters most. Skipped outside the programme's days.
            slides.insert(0, {"kind": "nowNext", "route": "", "title": "", "summary": "", "seconds": seconds})
        office = self._office(language)
        if office is not None:
            slides.append(
                {
                    "kind": "slide",
                    "route": HOME,
                    "title": "",
                    "summary": "",
                    "seconds": seconds,
                    "office": office,
                }
            )
        return {
            "route": ATTRACT,
            "kind": ATTRACT,
            "title": localize(self.agenda["title"], language),
            "subtitle": localize(self.agenda.get("subtitle"), language),
            "slides": slides,
            "cards": [],
            "trail": [],
        }

    def _attract_video(self, item: dict[str, Any], language: str) -> dict[str, Any]:
        return {
            "kind": "video",
            "route": f"item/{item['id']}",
            "title": localize(item["title"], language),
            "summary": localize(item.get("speaker") or item.get("summary"), language),
            "mediaPath": self._absolute(localize(item.get("file"), language) or None),
            "captionsPath": self._absolute(localize(item.get("captions"), language) or None),
            "seconds": 0,
        }

    def _section_card(self, section: dict[str, Any], language: str) -> dict[str, Any]:
        return {
            "route": f"section/{section['id']}",
            "kind": "section",
            "title": localize(section["title"], language),
            "summary": localize(section.get("summary"), language),
            **self._count(section["items"]),
            "standIn": False,
            "untranslated": is_fallback(section["title"], language),
        }

    def _item_card(self, item: dict[str, Any], language: str) -> dict[str, Any]:
        return {
            "route": f"item/{item['id']}",
            "kind": item["kind"],
            "title": localize(item["title"], language),
            "summary": localize(item.get("summary"), language),
            **self._count(item["children"]),
            "standIn": bool(item.get("stand_in")),
            "untranslated": is_fallback(item["title"], language),
        }

    @cached_property
    def _holds_sessions(self) -> bool:
        return any(item["kind"] == "session" for item in self.items.values())

    def _count(self, item_ids: list[str]) -> dict[str, int]:
        """`count` (items) and `sessionCount`: what a card says is behind it."""
        if not self._holds_sessions:
            return {"count": len(item_ids), "sessionCount": 0}
        # Imported only for content with a programme: the first frame of other content goes without.
        from kiosk.core.programme_pages import card_count

        return card_count(item_ids, self.items)

    def _section_page(self, section: dict[str, Any], language: str) -> dict[str, Any]:
        return {
            "route": f"section/{section['id']}",
            "kind": "section",
            "title": localize(section["title"], language),
            "subtitle": localize(section.get("summary"), language),
            "body": localize(section.get("body"), language),
            "untranslated": any(
                is_fallback(section.get(field), language) for field in ("title", "summary", "body")
            ),
            "cards": [self._item_card(self.items[i], language) for i in section["items"]],
            "trail": [self._crumb(HOME, language)],
        }

    def _item_page(self, item: dict[str, Any], language: str) -> dict[str, Any]:
        source = item.get("source") or self.agenda["source"]
        ancestors: list[dict[str, str]] = []
        parent = item["parent"]
        while parent:
            ancestors.insert(0, self._crumb(f"item/{parent}", language))
            parent = self.items[parent]["parent"]
        trail = [
            self._crumb(HOME, language),
            self._crumb(f"section/{item['section']}", language),
            *ancestors,
        ]
        related = [self.items[i] for i in item["related"] if i in self.items]
        shown_address = address(item.get("url"), language) or address(source.get("url"), language)
        return {
            "route": f"item/{item['id']}",
            "kind": "item",
            "itemKind": item["kind"],
            "title": localize(item["title"], language),
            "subtitle": localize(item.get("speaker") or item.get("summary"), language),
            "body": localize(item.get("body"), language),
            "untranslated": any(
                is_fallback(item.get(field), language) for field in ("title", "summary", "speaker", "body")
            ),
            "cards": [self._item_card(self.items[i], language) for i in item["children"]],
            "related": [self._item_card(r, language) for r in related],
            "sourceName": localize(source.get("name"), language),
            "sourceNote": localize(source.get("note"), language),
            "sourceUrl": address(source.get("url"), language),
            "url": address(item.get("url"), language),
            "qrUrl": shown_address,
            "displayUrl": short_address(shown_address),
            "standIn": bool(item.get("stand_in")),
            "mediaPath": self._absolute(localize(item.get("file"), language) or None),
            "posterUrl": self._uri(item.get("poster")),
            "captionsPath": self._absolute(localize(item.get("captions"), language) or None),
            "captionsLanguage": _language_shown(item.get("captions"), language),
            "trail": trail,
        }

    def _absolute(self, relative: str | None) -> str:
        if not relative or self.content_root is None:
            return ""
        return str((self.content_root / relative).resolve())

    def _uri(self, relative: str | None) -> str:
        absolute = self._absolute(relative)
        return Path(absolute).as_uri() if absolute else ""

    def _crumb(self, route: str, language: str) -> dict[str, str]:
        kind, _, key = route.partition("/")
        if kind == "section":
            title = localize(self.sections[key]["title"], language)
        elif kind == "item":
            title = localize(self.items[key]["title"], language)
        else:
            title = localize(self.agenda["title"], language)
        return {"route": route, "title": title}


def _language_shown(texts: dict[str, str] | None, language: str) -> str:
    if not texts:
        return ""
    if texts.get(language):
        return language
    return FALLBACK_LANGUAGE if texts.get(FALLBACK_LANGUAGE) else next(iter(texts))


class Navigation:
    """The visitor's way through the pages: a history for Back, and Home that clears it."""

    def __init__(self, pages: Pages, start: str = HOME) -> None:
        self.pages = pages
        self.route = HOME
        self.history: list[str] = []
        self.jump(start)

    def open(self, route: str) -> bool:
        if not self.pages.exists(route) or route == self.route:
            return False
        if route == HOME:
            return self.home()
        self.history.append(self.route)
        self.route = route
        return True

    def jump(self, route: str) -> bool:
        """Go straight to a route with no history, as a deep link does: Back then leads to its parent."""
        target = route if self.pages.exists(route) else HOME
        changed = target != self.route
        self.route = target
        self.history.clear()
        return changed

    def back(self) -> bool:
        if self.route == HOME:
            return False
        self.route = self.history.pop() if self.history else self.pages.parent_of(self.route)
        return True

    def home(self) -> bool:
        changed = self.route != HOME
        self.route = HOME
        self.history.clear()
        return changed

    @property
    def can_go_back(self) -> bool:
        return self.route != HOME
